// Closing a scoring round (issue 14): the coordinator closes a list's round with a reason; from
// then on the list's current round is the next scoring round not closed, and a bundle answering
// the closed round is refused. Append-only like the other records of decisions (a closure cannot
// be changed, trigger); rows go with their campaign.
// opened_packages.rounds_json: on a judge's machine, the scoring round each list of an opened
// package is in ({"<list key>": <round_no>}); '{}' (every package opened before rounds, and every
// package of lists without rounds) means round 1. issued_packages.rounds_json: the same on the
// coordinator's side, for the packages it issued (a returning bundle answers that round).
import type { Migration } from '../migration';

export const migration0019: Migration = {
  version: 19,
  name: 'round-closures',
  up(db) {
    db.exec(`
      CREATE TABLE round_closures (
        id INTEGER PRIMARY KEY,
        campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        list_key TEXT NOT NULL,
        round_no INTEGER NOT NULL CHECK (round_no >= 1),
        closed_at TEXT NOT NULL,
        actor TEXT NOT NULL,
        reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        UNIQUE (campaign_id, list_key, round_no)
      ) STRICT;
      CREATE TRIGGER round_closures_no_update BEFORE UPDATE ON round_closures
      BEGIN
        SELECT RAISE(ABORT, 'round_closures: a recorded closure cannot be changed');
      END;
      ALTER TABLE opened_packages ADD COLUMN rounds_json TEXT NOT NULL DEFAULT '{}';
      ALTER TABLE issued_packages ADD COLUMN rounds_json TEXT NOT NULL DEFAULT '{}';
    `);
  },
};
