// The programme a campaign runs (issue 12):
// - programme_json: the description and source of the programme file it was made from, so
//   exporting it gives back that file. Null for campaigns made before (the export then falls back
//   to the built-in template of the same id).
// - definition_versions: every saved version of the definition, with who, when and why, numbered
//   from 1 (the definition the campaign was created with, recorded when it is first changed).
//   Rows are only ever added.
import type { Migration } from '../migration';

export const migration0008: Migration = {
  version: 8,
  name: 'programmes',
  up(db) {
    db.exec(`
      ALTER TABLE campaigns ADD COLUMN programme_json TEXT;
      CREATE TABLE definition_versions (
        campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        version INTEGER NOT NULL CHECK (version >= 1),
        definition_json TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        actor TEXT NOT NULL,
        reason TEXT NOT NULL,
        PRIMARY KEY (campaign_id, version)
      ) STRICT;
    `);
  },
};
