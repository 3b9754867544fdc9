// Explicit definition versions (issue 12):
// - definition_versions.statement: what an explicit new version says happens to the data it stops
//   counting, in the coordinator's words; affected_json: what it set aside, machine-readable
//   ({ removedDimensions: [{ key, label, scores }], removedItems: [{ key, label, answers }] }).
//   Both null for an ordinary save.
// - issued_packages.definition_version: the definition version a package was issued with, so a
//   returning bundle is checked against the definition its judge saw. Packages issued before this
//   step get the version that was in force when they were issued (the newest version saved no
//   later than the package; 1 when the campaign was never edited).
import type { Migration } from '../migration';

export const migration0011: Migration = {
  version: 11,
  name: 'definition-versions',
  up(db) {
    db.exec(`
      ALTER TABLE definition_versions ADD COLUMN statement TEXT;
      ALTER TABLE definition_versions ADD COLUMN affected_json TEXT;
      ALTER TABLE issued_packages ADD COLUMN definition_version INTEGER NOT NULL DEFAULT 1 CHECK (definition_version >= 1);
      UPDATE issued_packages SET definition_version = coalesce((
        SELECT max(v.version) FROM definition_versions v
        WHERE v.campaign_id = issued_packages.campaign_id AND julianday(v.saved_at) <= julianday(issued_packages.created_at)
      ), 1);
    `);
  },
};
