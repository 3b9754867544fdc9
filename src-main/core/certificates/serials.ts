// Serial numbers: <prefix>-<year>-<sequence, at least 6 digits>, e.g. SCKP-2023-000123.
// The counter lives in certificate_sequences per (prefix, year) and only grows, so a serial is
// never handed out twice, not even after its certificate was revoked or replaced. Allocation must
// run inside a write transaction begun IMMEDIATE (issue.ts does): SQLite then lets one process at
// a time read-and-bump the counter, so two exports running at once in two processes wait for each
// other (busy_timeout) instead of both reading the same value.
import type { Database } from 'better-sqlite3';

export function formatSerial(prefix: string, year: number, value: number): string {
  return `${prefix}-${year}-${String(value).padStart(6, '0')}`;
}

export const SERIAL_PATTERN = /^[A-Z][A-Z0-9]{0,11}-\d{4}-\d{6,}$/;

/** `count` fresh serials; call inside db.transaction(...).immediate(). */
export function allocateSerials(db: Database, prefix: string, year: number, count: number): string[] {
  if (!db.inTransaction) throw new Error('certificates: serials are allocated inside a write transaction');
  if (count <= 0) return [];
  const next = nextSerials(db, prefix, year, count);
  recordSerials(db, prefix, year, next.lastValue);
  return next.serials;
}

/** The counter as it stands (0 before the first serial of that prefix and year). */
export function serialCounter(db: Database, prefix: string, year: number): number {
  return (db.prepare('SELECT last_value FROM certificate_sequences WHERE prefix = ? AND year = ?').pluck().get(prefix, year) as number | undefined) ?? 0;
}

/**
 * The next `count` serials after the counter, without moving it: an export plans its serials
 * (and signs and draws them) outside any write transaction, then commits them with
 * recordSerials only if the counter is still where it read it (issue.ts commitIssue).
 */
export function nextSerials(db: Database, prefix: string, year: number, count: number): { serials: string[]; counter: number; lastValue: number } {
  const counter = serialCounter(db, prefix, year);
  const taken = db.prepare('SELECT 1 FROM certificates WHERE serial = ?').pluck();
  const serials: string[] = [];
  let value = counter;
  while (serials.length < count) {
    value++;
    const serial = formatSerial(prefix, year, value);
    // A serial already in the table (imported, or a counter restored from an old backup) is skipped.
    if (taken.get(serial) === undefined) serials.push(serial);
  }
  return { serials, counter, lastValue: value };
}

/** Moves the counter to `lastValue`; inside the write transaction that inserts the serials. */
export function recordSerials(db: Database, prefix: string, year: number, lastValue: number): void {
  db.prepare(
    `INSERT INTO certificate_sequences (prefix, year, last_value) VALUES (?, ?, ?)
     ON CONFLICT (prefix, year) DO UPDATE SET last_value = excluded.last_value`,
  ).run(prefix, year, lastValue);
}
