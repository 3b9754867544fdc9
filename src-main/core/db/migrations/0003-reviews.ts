// Review progress per (entry, judge): the revision that every autosaved change increments, and
// whether the judge marked the review complete. "Not started" is the absence of a row;
// "conflict" lives in the conflicts table.
import type { Migration } from '../migration';

export const migration0003: Migration = {
  version: 3,
  name: 'reviews',
  up(db) {
    db.exec(`
      CREATE TABLE reviews (
        entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
        judge_id TEXT NOT NULL REFERENCES judges(id) ON DELETE CASCADE,
        status TEXT NOT NULL CHECK (status IN ('in_progress', 'complete')),
        revision INTEGER NOT NULL CHECK (revision >= 1),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (entry_id, judge_id)
      ) STRICT;
      CREATE INDEX reviews_by_judge ON reviews (judge_id, status);
    `);
  },
};
