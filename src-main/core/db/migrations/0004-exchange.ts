// Exchange between machines: review packages a coordinator issued (to check returning bundles
// against), packages a judge opened (to map the coordinator's entry ids to local ones and number
// the bundles this machine exports), and the local installation's public identity.
import type { Migration } from '../migration';

export const migration0004: Migration = {
  version: 4,
  name: 'exchange',
  up(db) {
    db.exec(`
      -- The judge's signing key, as registered from a key card: hex SHA-256 of the raw public key.
      ALTER TABLE judges ADD COLUMN key_id TEXT;
      CREATE UNIQUE INDEX judges_by_key ON judges (key_id) WHERE key_id IS NOT NULL;

      CREATE TABLE issued_packages (
        id TEXT PRIMARY KEY,
        campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        judge_id TEXT NOT NULL REFERENCES judges(id),
        created_at TEXT NOT NULL,
        entry_count INTEGER NOT NULL,
        with_media INTEGER NOT NULL CHECK (with_media IN (0, 1)),
        manifest_sha256 TEXT NOT NULL
      ) STRICT;
      CREATE INDEX issued_by_judge ON issued_packages (campaign_id, judge_id);

      CREATE TABLE issued_package_entries (
        package_id TEXT NOT NULL REFERENCES issued_packages(id) ON DELETE CASCADE,
        entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
        PRIMARY KEY (package_id, entry_id)
      ) STRICT;

      CREATE TABLE opened_packages (
        id TEXT PRIMARY KEY,
        campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        judge_id TEXT NOT NULL REFERENCES judges(id),
        coordinator_key_id TEXT NOT NULL,
        coordinator_name TEXT NOT NULL,
        opened_at TEXT NOT NULL,
        last_bundle_revision INTEGER NOT NULL DEFAULT 0,
        -- The verified manifest, to find media later by hash when the package came without them.
        manifest_json TEXT NOT NULL,
        media_dir TEXT NOT NULL
      ) STRICT;

      CREATE TABLE opened_package_entries (
        package_id TEXT NOT NULL REFERENCES opened_packages(id) ON DELETE CASCADE,
        remote_entry_id INTEGER NOT NULL,
        entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
        PRIMARY KEY (package_id, remote_entry_id)
      ) STRICT;
    `);
  },
};
