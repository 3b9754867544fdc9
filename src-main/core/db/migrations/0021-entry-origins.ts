// Levels (issue 14): entries imported from another installation's shortlist file (.kepulist) keep
// where they came from — the origin campaign and organiser, the entry's registration number there,
// the list and round it was shortlisted in, its place and total, the signer's fingerprint and the
// file's SHA-256 (the same file is not imported twice into one campaign) — and the media references
// the file carried (role, file name, sha256, size), so the works can be linked and checked later.
// One row per imported entry; never updated (trigger). 0018 and 0019 belong to the scoring-rounds work.
import type { Migration } from '../migration';

export const migration0021: Migration = {
  version: 21,
  name: 'entry-origins',
  up(db) {
    db.exec(`
      CREATE TABLE entry_origins (
        entry_id INTEGER PRIMARY KEY REFERENCES entries(id) ON DELETE CASCADE,
        campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        origin_campaign_json TEXT NOT NULL,
        organiser TEXT,
        institution TEXT,
        origin_reg_no TEXT NOT NULL,
        list_json TEXT NOT NULL,
        round_json TEXT NOT NULL,
        place INTEGER,
        total REAL,
        media_json TEXT NOT NULL DEFAULT '[]',
        signer_fingerprint TEXT NOT NULL,
        file_sha256 TEXT NOT NULL,
        imported_by TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX entry_origins_by_file ON entry_origins (campaign_id, file_sha256);
      CREATE TRIGGER entry_origins_no_update BEFORE UPDATE ON entry_origins
      BEGIN
        SELECT RAISE(ABORT, 'entry_origins: an entry''s origin cannot be changed');
      END;
    `);
  },
};
