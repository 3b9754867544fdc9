// Certificates (issue 7): per-campaign certificate settings, the uploaded seal and signature
// images, serial counters, the issuer keys certificates can be verified against, and the
// register of issued certificates. The `certificates` table of migration 1 was never written
// to; it is rebuilt here with what issuing needs (list, subject, issuer, revocation), which an
// ALTER TABLE could not add with NOT NULL and CHECK constraints.
import type { Migration } from '../migration';

export const migration0006: Migration = {
  version: 6,
  name: 'certificates',
  up(db) {
    db.exec(`
      DROP TABLE certificates;

      CREATE TABLE certificate_settings (
        campaign_id TEXT PRIMARY KEY REFERENCES campaigns(id) ON DELETE CASCADE,
        -- contract/certificates.ts CertificateSettings, validated on the way in and out.
        settings_json TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE certificate_images (
        campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('seal', 'signature')),
        mime_type TEXT NOT NULL CHECK (mime_type IN ('image/png', 'image/jpeg')),
        width INTEGER NOT NULL CHECK (width > 0),
        height INTEGER NOT NULL CHECK (height > 0),
        bytes BLOB NOT NULL,
        sha256 TEXT NOT NULL,
        uploaded_at TEXT NOT NULL,
        PRIMARY KEY (campaign_id, role)
      ) STRICT;

      -- Keyed by the serial prefix, not the campaign: two campaigns given the same prefix still
      -- never produce the same serial. Only ever incremented (serials are never reused).
      CREATE TABLE certificate_sequences (
        prefix TEXT NOT NULL,
        year INTEGER NOT NULL,
        last_value INTEGER NOT NULL CHECK (last_value >= 0),
        PRIMARY KEY (prefix, year)
      ) STRICT;

      -- Keys whose certificates this installation accepts: its own identity (added when it
      -- issues) and issuers added by hand. Payloads name the issuer by the first 8 hex digits.
      CREATE TABLE certificate_issuers (
        key_id TEXT PRIMARY KEY,
        public_key TEXT NOT NULL,
        name TEXT NOT NULL,
        added_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX certificate_issuers_by_prefix ON certificate_issuers (substr(key_id, 1, 8));

      CREATE TABLE certificates (
        serial TEXT PRIMARY KEY,
        campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        -- A tier key of the ranking, 'committee' or 'judges'.
        list_name TEXT NOT NULL,
        -- The certificate kind key of the campaign definition (award, membership, judge_thanks).
        kind TEXT NOT NULL,
        -- Who it is for: 'entry:<reg_no>' or 'judge:<judge id>'.
        subject TEXT NOT NULL,
        holder_name TEXT NOT NULL,
        holder_unit TEXT,
        -- The printed wording at issue ({ title, body } in both languages), so a reprint is identical.
        content_json TEXT NOT NULL,
        issued_at TEXT NOT NULL,
        issue_date TEXT NOT NULL,
        valid_until TEXT,
        payload TEXT NOT NULL UNIQUE,
        issuer_key_id TEXT NOT NULL,
        snapshot_id TEXT REFERENCES ranking_snapshots(id),
        status TEXT NOT NULL CHECK (status IN ('valid', 'revoked', 'replaced')),
        replaced_by TEXT REFERENCES certificates(serial),
        revoked_at TEXT,
        revoke_reason TEXT,
        CHECK ((status = 'replaced') = (replaced_by IS NOT NULL)),
        CHECK ((status = 'revoked') = (revoked_at IS NOT NULL))
      ) STRICT;
      CREATE INDEX certificates_by_list ON certificates (campaign_id, list_name, subject, status);
      CREATE INDEX certificates_by_holder ON certificates (campaign_id, holder_name);
    `);
  },
};
