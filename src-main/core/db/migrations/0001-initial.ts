// The first schema: every table the review workflow needs. STRICT tables; times are ISO-8601 UTC
// text ("2023-12-25T10:00:00.000Z"); JSON columns hold data validated by zod on the way in.
import type { Migration } from '../migration';

export const migration0001: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE campaigns (
        id TEXT PRIMARY KEY,
        template_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('works', 'committee')),
        name_zh TEXT NOT NULL,
        name_en TEXT NOT NULL,
        time_zone TEXT NOT NULL,
        deadline_at TEXT NOT NULL,
        definition_json TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE rubric_dimensions (
        campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        position INTEGER NOT NULL,
        label_zh TEXT NOT NULL,
        label_en TEXT NOT NULL,
        weight REAL NOT NULL CHECK (weight > 0),
        scale_min REAL NOT NULL,
        scale_max REAL NOT NULL,
        scale_step REAL NOT NULL,
        anchors_json TEXT NOT NULL,
        PRIMARY KEY (campaign_id, key)
      ) STRICT;

      CREATE TABLE entries (
        id INTEGER PRIMARY KEY,
        campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        reg_no TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('work', 'account', 'individual', 'applicant')),
        category TEXT,
        title TEXT NOT NULL,
        entrant_type TEXT NOT NULL CHECK (entrant_type IN ('unit', 'individual')),
        entrant_name TEXT NOT NULL,
        entrant_unit TEXT,
        contact_phone TEXT,
        contact_email TEXT,
        reason TEXT,
        fields_json TEXT NOT NULL DEFAULT '{}',
        submitted_at TEXT,
        is_late INTEGER NOT NULL DEFAULT 0 CHECK (is_late IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (campaign_id, reg_no)
      ) STRICT;
      CREATE INDEX entries_by_kind ON entries (campaign_id, kind, reg_no);
      CREATE INDEX entries_by_title ON entries (campaign_id, title);
      CREATE INDEX entries_by_entrant ON entries (campaign_id, entrant_name);
      CREATE INDEX entries_by_submitted ON entries (campaign_id, submitted_at);
      CREATE INDEX entries_late ON entries (campaign_id, is_late) WHERE is_late = 1;

      CREATE TABLE assets (
        id INTEGER PRIMARY KEY,
        entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('video', 'image', 'document', 'screenshot')),
        position INTEGER NOT NULL,
        path TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        size_bytes INTEGER NOT NULL,
        mtime_ms INTEGER NOT NULL,
        UNIQUE (entry_id, path)
      ) STRICT;
      CREATE INDEX assets_by_entry ON assets (entry_id, position);
      CREATE INDEX assets_by_hash ON assets (sha256);

      CREATE TABLE probe_results (
        path TEXT NOT NULL,
        size_bytes INTEGER NOT NULL,
        mtime_ms INTEGER NOT NULL,
        facts_json TEXT NOT NULL,
        probed_at TEXT NOT NULL,
        PRIMARY KEY (path, size_bytes, mtime_ms)
      ) STRICT;

      CREATE TABLE judges (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        institution TEXT,
        public_key TEXT,
        fingerprint TEXT,
        specialities_json TEXT NOT NULL DEFAULT '[]',
        languages_json TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE campaign_judges (
        campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        judge_id TEXT NOT NULL REFERENCES judges(id) ON DELETE CASCADE,
        PRIMARY KEY (campaign_id, judge_id)
      ) STRICT;

      CREATE TABLE assignments (
        entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
        judge_id TEXT NOT NULL REFERENCES judges(id) ON DELETE CASCADE,
        source TEXT NOT NULL CHECK (source IN ('auto', 'manual')),
        assigned_at TEXT NOT NULL,
        PRIMARY KEY (entry_id, judge_id)
      ) STRICT;
      CREATE INDEX assignments_by_judge ON assignments (judge_id, entry_id);

      CREATE TABLE scores (
        entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
        judge_id TEXT NOT NULL REFERENCES judges(id) ON DELETE CASCADE,
        dimension_key TEXT NOT NULL,
        value REAL NOT NULL,
        revision INTEGER NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (entry_id, judge_id, dimension_key)
      ) STRICT;
      CREATE INDEX scores_by_judge ON scores (judge_id, entry_id);

      CREATE TABLE eligibility_answers (
        entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
        judge_id TEXT NOT NULL REFERENCES judges(id) ON DELETE CASCADE,
        item_key TEXT NOT NULL,
        answer TEXT NOT NULL CHECK (answer IN ('yes', 'no', 'unsure')),
        note TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (entry_id, judge_id, item_key)
      ) STRICT;

      CREATE TABLE conflicts (
        entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
        judge_id TEXT NOT NULL REFERENCES judges(id) ON DELETE CASCADE,
        reason TEXT NOT NULL,
        declared_at TEXT NOT NULL,
        PRIMARY KEY (entry_id, judge_id)
      ) STRICT;

      CREATE TABLE comments (
        entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
        judge_id TEXT NOT NULL REFERENCES judges(id) ON DELETE CASCADE,
        body TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (entry_id, judge_id)
      ) STRICT;

      CREATE TABLE bundles (
        id TEXT PRIMARY KEY,
        campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        judge_id TEXT NOT NULL REFERENCES judges(id),
        package_id TEXT NOT NULL,
        revision INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('accepted', 'superseded', 'rejected')),
        received_at TEXT NOT NULL,
        envelope_json TEXT NOT NULL
      ) STRICT;
      CREATE INDEX bundles_by_judge ON bundles (campaign_id, judge_id, revision);

      CREATE TABLE certificates (
        serial TEXT PRIMARY KEY,
        campaign_id TEXT NOT NULL REFERENCES campaigns(id),
        kind TEXT NOT NULL,
        holder_name TEXT NOT NULL,
        holder_unit TEXT,
        title TEXT NOT NULL,
        issued_at TEXT NOT NULL,
        valid_until TEXT,
        payload TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('valid', 'revoked', 'replaced')),
        replaced_by TEXT REFERENCES certificates(serial)
      ) STRICT;

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        subject TEXT,
        details_json TEXT NOT NULL DEFAULT '{}'
      ) STRICT;
      CREATE INDEX audit_by_subject ON audit_log (subject, at);
    `);
  },
};
