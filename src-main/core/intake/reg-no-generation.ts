// Registration numbers for files that carry none (issue 16: a questionnaire export). Each row's key
// — the values of the columns the coordinator picked, e.g. the questionnaire's own answer number, or
// phone + title — gets prefix + a four-digit sequence once; the table generated_reg_nos (migration
// 0026) remembers it, so the next export of the same questionnaire updates the same entries instead
// of adding them again. The numbers are decided in the preview without writing anything, and
// recorded inside the import's transaction.
import type { Database } from 'better-sqlite3';
import type { RegNoGeneration } from '../../contract';

/** A row's key: the key cells, tidied the way people retype them (full-width forms, spaces, case). */
export function rowKey(cells: readonly string[], keyColumns: readonly number[]): string | null {
  const parts = keyColumns.map((c) => (cells[c] ?? '').normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase());
  return parts.some((p) => p === '') ? null : parts.join('\u001f');
}

export interface GeneratedNumbering {
  /** The number of a key: the one given before, else a new one (null key: none). */
  regNoOf(key: string | null): string | null;
  /** Rows whose key had a number before / got a new one (each key counted once). */
  known: number;
  fresh: number;
  /** The new keys with their numbers, to record when the import is made. */
  newPairs: { key: string; regNo: string }[];
}

/** Numbers for these keys, in order; numbers used by any entry of the campaign are skipped. */
export function generatedNumbering(db: Database, campaignId: string, generation: RegNoGeneration, keys: readonly (string | null)[]): GeneratedNumbering {
  const byKey = new Map(
    db
      .prepare<[string], { row_key: string; reg_no: string }>('SELECT row_key, reg_no FROM generated_reg_nos WHERE campaign_id = ?')
      .all(campaignId)
      .map((r) => [r.row_key, r.reg_no]),
  );
  const taken = new Set([
    ...byKey.values(),
    ...db.prepare<[string], { reg_no: string }>('SELECT reg_no FROM entries WHERE campaign_id = ?').all(campaignId).map((r) => r.reg_no),
  ]);
  const seen = new Set<string>();
  const newPairs: { key: string; regNo: string }[] = [];
  let known = 0;
  let next = 1;
  for (const key of keys) {
    if (key === null || seen.has(key)) continue;
    seen.add(key);
    if (byKey.has(key)) {
      known++;
      continue;
    }
    const numberOf = (n: number) => `${generation.prefix}${String(n).padStart(4, '0')}`;
    while (taken.has(numberOf(next))) next++;
    const regNo = numberOf(next);
    taken.add(regNo);
    byKey.set(key, regNo);
    newPairs.push({ key, regNo });
  }
  return { regNoOf: (key) => (key === null ? null : (byKey.get(key) ?? null)), known, fresh: newPairs.length, newPairs };
}

export function recordGenerated(db: Database, campaignId: string, pairs: readonly { key: string; regNo: string }[], now: string): void {
  const insert = db.prepare('INSERT OR IGNORE INTO generated_reg_nos (campaign_id, row_key, reg_no, created_at) VALUES (?, ?, ?, ?)');
  for (const p of pairs) insert.run(campaignId, p.key, p.regNo, now);
}
