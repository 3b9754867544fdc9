// The audit log becomes append-only and hash-chained (issue 14, "The record"): prev_hash and hash
// on every row (core/audit/audit-hash.ts says what is hashed). Rows written before this version
// are chained here, in id order, as they are. From now on:
// - audit_log_chain (after insert) refuses a row that is not appended at the end or that arrives
//   with hashes of its own, then sets the row's prev_hash and hash through kepu_audit_hash, which
//   every connection of the app registers (core/db/connection.ts);
// - audit_log_no_update / audit_log_no_delete refuse changing or removing a chained row.
// A person with the file and a SQLite tool can still drop the triggers; the chain then shows the
// row they changed (kepu audit verify), and each published result signs the chain's head.
import type { Migration } from '../migration';
import { type AuditContent, auditRowHash } from '../../audit/audit-hash';

export const migration0013: Migration = {
  version: 13,
  name: 'audit-chain',
  up(db) {
    db.exec(`
      ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
      ALTER TABLE audit_log ADD COLUMN hash TEXT;
    `);
    const set = db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?');
    let prev: string | null = null;
    for (const row of db.prepare('SELECT id, at, actor, action, subject, details_json FROM audit_log ORDER BY id').all() as AuditContent[]) {
      const hash = auditRowHash(prev, row);
      set.run(prev, hash, row.id);
      prev = hash;
    }
    db.exec(`
      CREATE TRIGGER audit_log_chain AFTER INSERT ON audit_log
      BEGIN
        SELECT RAISE(ABORT, 'audit_log: rows are only appended, and chained by the database')
          WHERE NEW.hash IS NOT NULL OR NEW.prev_hash IS NOT NULL OR NEW.id < (SELECT max(id) FROM audit_log);
        UPDATE audit_log SET
          prev_hash = (SELECT hash FROM audit_log WHERE id < NEW.id ORDER BY id DESC LIMIT 1),
          hash = kepu_audit_hash((SELECT hash FROM audit_log WHERE id < NEW.id ORDER BY id DESC LIMIT 1), NEW.id, NEW.at, NEW.actor, NEW.action, NEW.subject, NEW.details_json)
        WHERE id = NEW.id;
      END;
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log WHEN OLD.hash IS NOT NULL
      BEGIN
        SELECT RAISE(ABORT, 'audit_log: a recorded row cannot be changed');
      END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN
        SELECT RAISE(ABORT, 'audit_log: a recorded row cannot be removed');
      END;
    `);
  },
};
