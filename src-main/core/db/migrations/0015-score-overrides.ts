// Moderation, not editing (issue 14): a coordinator's override of one judge's score on one
// dimension, recorded beside the signed score, which itself never changes.
// - score_overrides is append-only: each row either sets a value (value not null) or withdraws
//   the override in effect (value null, `withdraws` naming the row it ends), so the history of a
//   cell is its rows in id order and the last one says what is in effect. No row is ever updated
//   (trigger); rows go only with their campaign (campaign deletion, after its backup), which is
//   why there is no delete trigger as on audit_log.
// - ranking_snapshot_lines keeps, per published snapshot, the input lines it was computed from
//   (gzip of JSON: scores, overrides, entries, judge names) so a later verification can name each
//   difference. The lines are not trusted on their own: they are used only when their hashes
//   equal the ones the signed snapshot records (core/ranking/input-lines.ts).
import type { Migration } from '../migration';

export const migration0015: Migration = {
  version: 15,
  name: 'score-overrides',
  up(db) {
    db.exec(`
      CREATE TABLE score_overrides (
        id INTEGER PRIMARY KEY,
        campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
        judge_id TEXT NOT NULL,
        dimension_key TEXT NOT NULL,
        value REAL,
        withdraws INTEGER REFERENCES score_overrides(id),
        reason TEXT NOT NULL CHECK (length(reason) > 0),
        actor TEXT NOT NULL,
        at TEXT NOT NULL,
        CHECK ((value IS NULL) = (withdraws IS NOT NULL))
      ) STRICT;
      CREATE INDEX score_overrides_cell ON score_overrides (campaign_id, entry_id, judge_id, dimension_key, id);
      CREATE TRIGGER score_overrides_no_update BEFORE UPDATE ON score_overrides
      BEGIN
        SELECT RAISE(ABORT, 'score_overrides: a recorded override cannot be changed; withdraw it instead');
      END;
      CREATE TABLE ranking_snapshot_lines (
        snapshot_id TEXT PRIMARY KEY REFERENCES ranking_snapshots(id) ON DELETE CASCADE,
        lines_gz BLOB NOT NULL
      ) STRICT;
    `);
  },
};
