// Per-entry decisions (issue 14, "Decisions per entry"): disqualify, withdraw, accept a late (or
// early) submission, waive a media fault, reinstate. Each row is one decision as the coordinator
// took it: kind, reason, who (the identity's name, as other audit rows record the actor) and when.
// The table is the history: rows are only appended (entry_decisions_no_update refuses changing
// one); what applies now is derived from it (core/decisions/decision-service.ts). Rows are removed
// only with their campaign (campaign-delete.ts), so there is no delete trigger.
import type { Migration } from '../migration';

export const migration0014: Migration = {
  version: 14,
  name: 'entry-decisions',
  up(db) {
    db.exec(`
      CREATE TABLE entry_decisions (
        id INTEGER PRIMARY KEY,
        campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('disqualify', 'withdraw', 'accept-late', 'waive-media', 'reinstate')),
        reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        actor TEXT NOT NULL,
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX entry_decisions_by_entry ON entry_decisions (campaign_id, entry_id, id);
      CREATE TRIGGER entry_decisions_no_update BEFORE UPDATE ON entry_decisions
      BEGIN
        SELECT RAISE(ABORT, 'entry_decisions: a recorded decision cannot be changed');
      END;
    `);
  },
};
