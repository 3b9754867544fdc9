// Shortlists between scoring rounds (issue 14). A made shortlist is one row per (campaign, list,
// round, version) with the rule, who made it and when, and its lines: the ranked input it was made
// from (entry, place, total, held flags) and what the rule gave each entry. Remaking adds the next
// version; older versions stay. Manual additions and removals are appended to their own table
// (reason required) and the latest per entry applies, whichever version is current. Nothing here
// is ever updated (triggers). 0018 and 0019 belong to the scoring-rounds work.
import type { Migration } from '../migration';

export const migration0020: Migration = {
  version: 20,
  name: 'shortlists',
  up(db) {
    db.exec(`
      CREATE TABLE shortlists (
        id INTEGER PRIMARY KEY,
        campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        list_key TEXT NOT NULL,
        round_no INTEGER NOT NULL CHECK (round_no >= 1),
        version INTEGER NOT NULL CHECK (version >= 1),
        rule_json TEXT NOT NULL,
        made_by TEXT NOT NULL,
        made_at TEXT NOT NULL,
        UNIQUE (campaign_id, list_key, round_no, version)
      ) STRICT;
      CREATE TABLE shortlist_lines (
        shortlist_id INTEGER NOT NULL REFERENCES shortlists(id) ON DELETE CASCADE,
        entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        category TEXT,
        place INTEGER,
        total REAL,
        outcome TEXT NOT NULL CHECK (outcome IN ('rule', 'tie', 'out', 'held')),
        flags_json TEXT NOT NULL DEFAULT '[]',
        PRIMARY KEY (shortlist_id, entry_id)
      ) STRICT;
      CREATE TABLE shortlist_adjustments (
        id INTEGER PRIMARY KEY,
        campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        list_key TEXT NOT NULL,
        round_no INTEGER NOT NULL,
        entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
        action TEXT NOT NULL CHECK (action IN ('add', 'remove')),
        reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        actor TEXT NOT NULL,
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX shortlist_adjustments_by_round ON shortlist_adjustments (campaign_id, list_key, round_no, entry_id, id);
      CREATE TRIGGER shortlists_no_update BEFORE UPDATE ON shortlists
      BEGIN
        SELECT RAISE(ABORT, 'shortlists: a made shortlist cannot be changed; make a new version');
      END;
      CREATE TRIGGER shortlist_lines_no_update BEFORE UPDATE ON shortlist_lines
      BEGIN
        SELECT RAISE(ABORT, 'shortlist_lines: a made shortlist cannot be changed; make a new version');
      END;
      CREATE TRIGGER shortlist_adjustments_no_update BEFORE UPDATE ON shortlist_adjustments
      BEGIN
        SELECT RAISE(ABORT, 'shortlist_adjustments: a recorded adjustment cannot be changed; record a new one');
      END;
    `);
  },
};
