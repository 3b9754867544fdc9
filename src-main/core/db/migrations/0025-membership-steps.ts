// Committee membership (issue 17). Steps: what the coordinator records for each selected member
// between selection and the membership certificate (accounts opened and verified, a work
// published and passed, the committee's confirmation). Appended only: the newest record of a
// (member, step) is its state; a correction is a new record. Screenshots are kept by hash, once,
// beside the records (≤ 5 MB each, PNG or JPEG), so a campaign backup carries its evidence.
// Renewals link a certificate to the one it follows; members' activities are recorded by date.
import type { Migration } from '../migration';

export const migration0025: Migration = {
  version: 25,
  name: 'membership',
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
      -- A renewal (a member's next term) names the certificate it follows.
      ALTER TABLE certificates ADD COLUMN renews TEXT REFERENCES certificates(serial);
      -- What members did as members (the programme's rights and duties: 世界癌症日, 4·15 周, 无烟日…).
      CREATE TABLE member_activities (
        id INTEGER PRIMARY KEY,
        campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        subject TEXT NOT NULL,
        activity TEXT NOT NULL,
        on_date TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL
      ) STRICT;
      CREATE INDEX member_activities_by_member ON member_activities (campaign_id, subject, on_date);
    `);
  },
};
