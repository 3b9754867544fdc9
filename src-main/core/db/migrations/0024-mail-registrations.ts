// Registrations that arrive by e-mail (issue 16): each imported mail keeps its re-import key (the
// Message-ID, else a hash of its bytes) and the registration number it was given, so importing the
// same mail again updates its entry and a reply naming it (In-Reply-To) is recognised. Mails carry
// no registration number: they are numbered MAIL-0001, MAIL-0002 … per campaign, once. Cloud-drive
// links found in the body are kept as "media to fetch by hand" (JSON list of {provider, url, code}).
// 0023 belongs to the feedback helper.
import type { Migration } from '../migration';

export const migration0024: Migration = {
  version: 24,
  name: 'mail-registrations',
  up(db) {
    db.exec(`
      CREATE TABLE mail_registrations (
        campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        message_key TEXT NOT NULL,
        reg_no TEXT NOT NULL,
        message_id TEXT,
        media_to_fetch_json TEXT NOT NULL DEFAULT '[]',
        imported_at TEXT NOT NULL,
        PRIMARY KEY (campaign_id, message_key)
      ) STRICT;
      CREATE UNIQUE INDEX mail_registrations_by_reg_no ON mail_registrations (campaign_id, reg_no);
    `);
  },
};
