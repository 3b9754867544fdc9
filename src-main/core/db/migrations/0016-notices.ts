// 公示 (public notice) and objections (issue 14). A notice publishes one programme list of the
// latest locked ranking (the provisional result) for a period, without scores; objections are
// recorded during the period and resolved. The final lock waits for the period to end (or records
// an override): core/notices/final-lock-guard.ts.
// - notices: made from ranking_snapshots.id (the exact locked result it shows); `ranked` 1 = in
//   rank order, 0 = 排名不分先后 (registration order); period in UTC ISO (entered in the campaign's
//   time zone); language zh | en | both (what exports default to).
//   (Numbered 16 while 17 was taken first on main: a database already at 17 from a development
//   build before this merge would skip it; no release carried 17 without 16.)
// - objections: about one entry of the campaign; status open → upheld | rejected with the
//   resolution's text, who and when; an upheld one names the decision it led to (entry_decisions,
//   migration 0014) when one was taken.
// - objection_files: attachments, bytes kept in the database like campaign_files (migration 0012),
//   so they travel with the campaign's backup.
import type { Migration } from '../migration';

export const migration0016: Migration = {
  version: 16,
  name: 'notices',
  up(db) {
    db.exec(`
      CREATE TABLE notices (
        id INTEGER PRIMARY KEY,
        campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        list_key TEXT NOT NULL,
        snapshot_id TEXT NOT NULL REFERENCES ranking_snapshots(id),
        ranked INTEGER NOT NULL CHECK (ranked IN (0, 1)),
        period_start TEXT NOT NULL,
        period_end TEXT NOT NULL CHECK (period_end > period_start),
        language TEXT NOT NULL CHECK (language IN ('zh', 'en', 'both')),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_by TEXT,
        updated_at TEXT
      ) STRICT;
      CREATE INDEX notices_campaign ON notices (campaign_id, id);
      CREATE TABLE objections (
        id INTEGER PRIMARY KEY,
        campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        notice_id INTEGER NOT NULL REFERENCES notices(id) ON DELETE CASCADE,
        entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
        received_on TEXT NOT NULL,
        from_name TEXT NOT NULL CHECK (length(from_name) > 0),
        text TEXT NOT NULL CHECK (length(text) > 0),
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'upheld', 'rejected')),
        resolution TEXT,
        decision_kind TEXT,
        decision_id INTEGER REFERENCES entry_decisions(id),
        recorded_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        resolved_by TEXT,
        resolved_at TEXT
      ) STRICT;
      CREATE INDEX objections_campaign ON objections (campaign_id, status);
      CREATE TABLE objection_files (
        id INTEGER PRIMARY KEY,
        objection_id INTEGER NOT NULL REFERENCES objections(id) ON DELETE CASCADE,
        file_name TEXT NOT NULL CHECK (length(file_name) > 0),
        media_type TEXT NOT NULL,
        size INTEGER NOT NULL CHECK (size > 0),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        bytes BLOB NOT NULL,
        added_at TEXT NOT NULL,
        added_by TEXT NOT NULL
      ) STRICT;
    `);
  },
};
