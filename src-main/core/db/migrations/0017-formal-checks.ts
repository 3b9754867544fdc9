// Formal checks (形式审查, issue 14): staff mark each entry of a list with a formal round pass,
// fail or fix needed, with a reason. Append-only: a new verdict is a new row and the newest row of
// an entry and round applies, so the history of who decided what, and when, stays; a recorded
// row cannot be changed (trigger). Rows go with their campaign and entry (deleting a campaign
// removes them; its backup keeps them, core/campaigns/campaign-tables.ts).
import type { Migration } from '../migration';

export const migration0017: Migration = {
  version: 17,
  name: 'formal-checks',
  up(db) {
    db.exec(`
      CREATE TABLE formal_checks (
        id INTEGER PRIMARY KEY,
        campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
        round_key TEXT NOT NULL,
        verdict TEXT NOT NULL CHECK (verdict IN ('pass', 'fail', 'fix_needed')),
        reason TEXT NOT NULL DEFAULT '',
        actor TEXT NOT NULL,
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX formal_checks_by_entry ON formal_checks (entry_id, round_key, id);
      CREATE INDEX formal_checks_by_campaign ON formal_checks (campaign_id, round_key);
      CREATE TRIGGER formal_checks_no_update BEFORE UPDATE ON formal_checks
      BEGIN
        SELECT RAISE(ABORT, 'formal_checks: a recorded verdict cannot be changed; record a new one');
      END;
    `);
  },
};
