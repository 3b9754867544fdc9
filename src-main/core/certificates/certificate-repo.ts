// Small reads of the issued certificates for the handlers: how many valid certificates each list
// has, and which campaign a serial belongs to (the archive guard's question).
import type { Database } from 'better-sqlite3';

export interface DbListCountRow {
  list_name: string;
  n: number;
}

/** Valid (not revoked, not replaced) certificates per list name; lists without any are absent. */
export function validCountsByList(db: Database, campaignId: string): Map<string, number> {
  const rows = db
    .prepare(`SELECT list_name, count(*) AS n FROM certificates WHERE campaign_id = ? AND status = 'valid' GROUP BY list_name`)
    .all(campaignId) as DbListCountRow[];
  return new Map(rows.map((r) => [r.list_name, r.n]));
}

/** The campaign of the certificate with this serial; undefined for an unknown serial. */
export function campaignOfCertificate(db: Database, serial: unknown): string | undefined {
  return db.prepare('SELECT campaign_id FROM certificates WHERE serial = ?').pluck().get(serial) as string | undefined;
}
