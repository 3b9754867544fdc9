// The audit log's hash chain (migration 0013): every row carries the hash of the row before it
// (prev_hash) and its own hash over that and its content, so a row changed, removed or slipped in
// afterwards breaks the chain at that row (core/audit/audit-chain.ts finds it). The hash is taken
// by a SQL function the database calls from its insert trigger, so every one of the places that
// write to the log is chained without knowing it; the same function checks the chain in JS.
// Policy: the hashed text is the JSON array [prev_hash, id, at, actor, action, subject,
// details_json] (strings, an integer and nulls: JSON.stringify writes it one way only), hashed with
// SHA-256 as UTF-8, written as lowercase hex. details_json is hashed as stored text, not re-parsed.
import crypto from 'node:crypto';
import type { Database } from 'better-sqlite3';

export const AUDIT_HASH_FUNCTION = 'kepu_audit_hash';

export interface AuditContent {
  id: number;
  at: string;
  actor: string;
  action: string;
  subject: string | null;
  details_json: string;
}

export function auditRowHash(prevHash: string | null, row: AuditContent): string {
  const text = JSON.stringify([prevHash, row.id, row.at, row.actor, row.action, row.subject, row.details_json]);
  return crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Makes the chain's hash function known to a connection (before any insert into audit_log). */
export function registerAuditFunctions(db: Database): void {
  db.function(AUDIT_HASH_FUNCTION, { deterministic: true }, (prev: unknown, id: unknown, at: unknown, actor: unknown, action: unknown, subject: unknown, details: unknown) =>
    auditRowHash(prev === null ? null : String(prev), {
      id: Number(id),
      at: String(at),
      actor: String(actor),
      action: String(action),
      subject: subject === null ? null : String(subject),
      details_json: String(details),
    }),
  );
}
