// Judge roster (issue 15): a coordinator adds judges before any key card arrives, with how to reach
// them (phone / WeChat / e-mail, free text) and the conflicts the coordinator knows of: institutions
// the judge must not judge besides their own (a former employer) and single entries with a reason.
// These live apart from `conflicts`, which judges declare in their workspace and their signed
// bundles carry and replace: a merge must never overwrite a coordinator's declaration, nor the
// coordinator a judge's. Assignment and its short-of-judges reasons read both tables.
// Exactly one of institution / entry_id is set on a row.
import type { Migration } from '../migration';

export const migration0022: Migration = {
  version: 22,
  name: 'judge-roster',
  up(db) {
    db.exec(`
      ALTER TABLE judges ADD COLUMN contact TEXT;
      CREATE TABLE judge_declared_conflicts (
        id INTEGER PRIMARY KEY,
        campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        judge_id TEXT NOT NULL REFERENCES judges(id) ON DELETE CASCADE,
        institution TEXT,
        entry_id INTEGER REFERENCES entries(id) ON DELETE CASCADE,
        reason TEXT NOT NULL DEFAULT '',
        declared_by TEXT NOT NULL,
        declared_at TEXT NOT NULL,
        CHECK ((institution IS NULL) <> (entry_id IS NULL))
      ) STRICT;
      CREATE INDEX judge_declared_conflicts_by_judge ON judge_declared_conflicts (campaign_id, judge_id);
    `);
  },
};
