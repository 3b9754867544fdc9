// Committee membership steps (issue 17): what the coordinator records for each selected member
// between selection and the membership certificate (accounts opened and verified, a work
// published and passed, the committee's confirmation). Appended only: the newest record of a
// (member, step) is its state; a correction is a new record. Screenshots are kept by hash, once,
// beside the records (≤ 5 MB each, PNG or JPEG), so a campaign backup carries its evidence.
import type { Migration } from '../migration';

export const migration0025: Migration = {
  version: 25,
  name: 'membership-steps',
  up(db) {
    db.exec(`
      CREATE TABLE membership_evidence (
        campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        sha256 TEXT NOT NULL,
        mime_type TEXT NOT NULL CHECK (mime_type IN ('image/png', 'image/jpeg')),
        bytes BLOB NOT NULL,
        PRIMARY KEY (campaign_id, sha256)
      ) STRICT;
      CREATE TABLE membership_step_records (
        id INTEGER PRIMARY KEY,
        campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        -- 'entry:<registration number>', as certificates name their holder.
        subject TEXT NOT NULL,
        step_key TEXT NOT NULL,
        -- YYYY-MM-DD; NULL: recorded as not done.
        done_on TEXT,
        platform TEXT,
        account TEXT,
        link TEXT,
        screenshot_sha256 TEXT,
        verified INTEGER NOT NULL DEFAULT 0 CHECK (verified IN (0, 1)),
        note TEXT NOT NULL DEFAULT '',
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        FOREIGN KEY (campaign_id, screenshot_sha256) REFERENCES membership_evidence (campaign_id, sha256)
      ) STRICT;
      CREATE INDEX membership_step_records_by_member ON membership_step_records (campaign_id, subject, step_key, id);
    `);
  },
};
