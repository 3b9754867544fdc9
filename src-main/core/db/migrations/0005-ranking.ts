// Rankings: the campaign's ranking configuration (methods, tie-breaks, tiers, committee rule) and
// the locked, signed snapshots a coordinator published. A snapshot row is never updated: a new
// lock is a new row, and the newest is "the published result" that certificates are made from.
import type { Migration } from '../migration';

export const migration0005: Migration = {
  version: 5,
  name: 'ranking',
  up(db) {
    db.exec(`
      CREATE TABLE ranking_settings (
        campaign_id TEXT PRIMARY KEY REFERENCES campaigns(id) ON DELETE CASCADE,
        config_json TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE ranking_snapshots (
        id TEXT PRIMARY KEY,
        campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        locked_at TEXT NOT NULL,
        -- The canonical snapshot bytes (snapshot.ts) as UTF-8 text, their SHA-256, and the
        -- coordinator's Ed25519 signature over exactly those bytes.
        snapshot_json TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        signature TEXT NOT NULL,
        signer_key_id TEXT NOT NULL,
        signer_public_key TEXT NOT NULL,
        signer_name TEXT NOT NULL,
        method TEXT NOT NULL,
        ranked_count INTEGER NOT NULL,
        held_count INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX snapshots_by_campaign ON ranking_snapshots (campaign_id, locked_at);
    `);
  },
};
