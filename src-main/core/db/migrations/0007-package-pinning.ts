// Judge side, packages opened from a coordinator (issue 11): a local campaign is pinned to the
// coordinator key of the first package opened into it, and later packages of the same coordinator
// update it instead of failing. What this needs beyond migration 4:
// - remote_campaign_id: the coordinator's campaign id. It equals campaign_id except for a campaign
//   the judge chose to open separately (a package for a known campaign signed by another key):
//   that one gets a local id of its own, and its bundles still answer the coordinator's id.
// - remote_package_id: the coordinator's package id, which the bundle names. The row id equals it
//   except when that id is already taken by a package of another local campaign.
// - issued_at: the manifest's createdAt in UTC (`…Z`, milliseconds), so "the newest package of a
//   campaign" is an index lookup and an older package is never applied over a newer one.
// The pin itself is the coordinator_key_id of the campaign's first opened package (by opened_at).
import type { Migration } from '../migration';

export const migration0007: Migration = {
  version: 7,
  name: 'package-pinning',
  up(db) {
    db.exec(`
      ALTER TABLE opened_packages ADD COLUMN remote_campaign_id TEXT NOT NULL DEFAULT '';
      ALTER TABLE opened_packages ADD COLUMN remote_package_id TEXT NOT NULL DEFAULT '';
      ALTER TABLE opened_packages ADD COLUMN issued_at TEXT NOT NULL DEFAULT '';
      UPDATE opened_packages SET
        remote_campaign_id = campaign_id,
        remote_package_id = id,
        issued_at = coalesce(strftime('%Y-%m-%dT%H:%M:%fZ', json_extract(manifest_json, '$.createdAt')), opened_at);
      CREATE INDEX opened_by_remote_campaign ON opened_packages (remote_campaign_id, coordinator_key_id);
      CREATE INDEX opened_by_campaign ON opened_packages (campaign_id, issued_at);
    `);
  },
};
