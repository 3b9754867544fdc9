// The programme notice's attachment files (issue 12): 报名表.docx, 承诺书.pdf, the official notice
// PDF… kept with the campaign. The bytes live in the database itself, not in a folder beside it,
// so they travel with the campaign's backup file (.kepubackup) and in its programme file, and
// nothing breaks when the data folder moves (OneDrive, a USB stick under another drive letter).
// - file_name: the name as the person gave it (Unicode, made safe for every OS: core/campaigns/
//   notice-files.ts); unique per campaign, ignoring ASCII case (Windows would not tell them apart
//   when both are saved into one folder).
// - media_type from the extension; size and sha256 of `bytes`; who added it and when.
// Limits (25 MB a file, 100 MB a campaign) are checked in core, where the error names the file.
import type { Migration } from '../migration';

export const migration0012: Migration = {
  version: 12,
  name: 'campaign-files',
  up(db) {
    db.exec(`
      CREATE TABLE campaign_files (
        id INTEGER PRIMARY KEY,
        campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        file_name TEXT NOT NULL CHECK (length(file_name) > 0),
        media_type TEXT NOT NULL,
        size INTEGER NOT NULL CHECK (size > 0),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        bytes BLOB NOT NULL,
        added_at TEXT NOT NULL,
        added_by TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX campaign_files_name ON campaign_files (campaign_id, file_name COLLATE NOCASE);
    `);
  },
};
