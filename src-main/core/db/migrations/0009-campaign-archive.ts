// Archived campaigns (issue 12): a campaign the coordinator is done with is kept, read-only and
// out of the default list, until it is restored to the list. Who archived it, when and why are on
// the row (the list and the read-only banner show them) and in the audit log (the history). All
// three are null for a campaign in the list; archived_at is the flag.
import type { Migration } from '../migration';

export const migration0009: Migration = {
  version: 9,
  name: 'campaign-archive',
  up(db) {
    db.exec(`
      ALTER TABLE campaigns ADD COLUMN archived_at TEXT;
      ALTER TABLE campaigns ADD COLUMN archived_by TEXT;
      ALTER TABLE campaigns ADD COLUMN archive_reason TEXT;
    `);
  },
};
