// Registrations without a registration number (issue 16): an online questionnaire's export (问卷星,
// 腾讯问卷, 头条问卷, 金数据) has none. The app numbers them (prefix + sequence) and remembers which
// row got which number by a key the coordinator picks (the questionnaire's own answer number, or
// phone + title), so importing the next export of the same questionnaire updates the same entries.
// import_mappings also remembers that choice per form (options_json: key columns and prefix).
// import_value_maps remembers how the coordinator read a value the importer did not know ("自荐" →
// the choice "self"), per campaign and mapping target, for every later import.
import type { Migration } from '../migration';

export const migration0026: Migration = {
  version: 26,
  name: 'generated-reg-nos',
  up(db) {
    db.exec(`
      CREATE TABLE generated_reg_nos (
        campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        row_key TEXT NOT NULL,
        reg_no TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (campaign_id, row_key)
      ) STRICT;
      CREATE UNIQUE INDEX generated_reg_nos_by_reg_no ON generated_reg_nos (campaign_id, reg_no);
      ALTER TABLE import_mappings ADD COLUMN options_json TEXT NOT NULL DEFAULT '{}';
      CREATE TABLE import_value_maps (
        campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        target TEXT NOT NULL,
        raw_value TEXT NOT NULL,
        mapped_value TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (campaign_id, target, raw_value)
      ) STRICT;
      CREATE TABLE reach_figures (
        entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
        metric TEXT NOT NULL CHECK (metric IN ('followers', 'views', 'likes', 'shares', 'comments', 'votes')),
        value INTEGER NOT NULL CHECK (value >= 0),
        as_of TEXT,
        source TEXT,
        imported_at TEXT NOT NULL,
        PRIMARY KEY (entry_id, metric)
      ) STRICT;
    `);
  },
};
