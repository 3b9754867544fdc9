// Entrant feedback (issue 19). Judges write a second, optional comment per entry meant for the
// entrant, beside the committee comment that stays internal: comments.entrant_body (empty when
// none; the judge's text as signed, never edited by the coordinator).
// The coordinator then reviews that feedback before any letter goes out:
// - feedback_choices: per (entry, judge, round) comment whether it is shared, and the
//   coordinator's edited copy (null: the judge's words as they are). The judge's text stays in
//   comments untouched; a letter prints the copy when there is one.
// - feedback_holds: entries whose feedback is held back entirely (no feedback in the letter).
// A comment without a choice row is not shared: nothing reaches an entrant unreviewed.
// Every change also writes an audit_log row (core/feedback/feedback-review.ts).
import type { Migration } from '../migration';

export const migration0023: Migration = {
  version: 23,
  name: 'entrant-feedback',
  up(db) {
    db.exec(`
      ALTER TABLE comments ADD COLUMN entrant_body TEXT NOT NULL DEFAULT '';
      CREATE TABLE feedback_choices (
        campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
        judge_id TEXT NOT NULL REFERENCES judges(id) ON DELETE CASCADE,
        round_no INTEGER NOT NULL CHECK (round_no >= 1),
        shared INTEGER NOT NULL CHECK (shared IN (0, 1)),
        edited_body TEXT,
        updated_by TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (entry_id, judge_id, round_no)
      ) STRICT;
      CREATE INDEX feedback_choices_by_campaign ON feedback_choices (campaign_id);
      CREATE TABLE feedback_holds (
        entry_id INTEGER PRIMARY KEY REFERENCES entries(id) ON DELETE CASCADE,
        campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        reason TEXT NOT NULL,
        held_by TEXT NOT NULL,
        held_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX feedback_holds_by_campaign ON feedback_holds (campaign_id);
    `);
  },
};
