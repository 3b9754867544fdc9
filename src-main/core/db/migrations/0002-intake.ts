// Intake: remember how a registration form's columns map to campaign fields (so the next export of
// the same form maps itself), and keep a log of every import with its report.
import type { Migration } from '../migration';

export const migration0002: Migration = {
  version: 2,
  name: 'intake',
  up(db) {
    db.exec(`
      CREATE TABLE import_mappings (
        campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        header_signature TEXT NOT NULL,
        mapping_json TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (campaign_id, header_signature)
      ) STRICT;

      CREATE TABLE imports (
        id INTEGER PRIMARY KEY,
        campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        file_name TEXT NOT NULL,
        file_sha256 TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        report_json TEXT NOT NULL
      ) STRICT;
      CREATE INDEX imports_by_campaign ON imports (campaign_id, imported_at);
    `);
  },
};
