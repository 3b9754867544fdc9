// The mails a campaign has imported (table mail_registrations, migration 0024): their re-import
// keys and the registration numbers they were given, and the cloud-drive links to fetch by hand.
import type { Database } from 'better-sqlite3';
import type { MediaToFetch } from '../../../contract';

const PREFIX = 'MAIL-';

interface KnownRow {
  message_key: string;
  message_id: string | null;
  reg_no: string;
}

export interface MailNumbering {
  /** Registration number of a mail key (existing or newly assigned, in the order asked). */
  regNoOf(key: string): string;
  /** Registration number of an already imported mail with this Message-ID. */
  regNoOfMessageId(messageId: string): string | null;
  seenBefore(key: string): boolean;
}

/**
 * Numbers for the mails about to be imported: a key seen before keeps its number; new keys get the
 * next free MAIL-nnnn of the campaign (numbers already used by any entry are skipped). Nothing is
 * written: the preview shows the numbers the import will use.
 */
export function mailNumbering(db: Database, campaignId: string, keys: readonly string[]): MailNumbering {
  const known = db.prepare<[string], KnownRow>('SELECT message_key, message_id, reg_no FROM mail_registrations WHERE campaign_id = ?').all(campaignId);
  const byKey = new Map(known.map((r) => [r.message_key, r.reg_no]));
  const byMessageId = new Map(known.filter((r) => r.message_id).map((r) => [r.message_id!, r.reg_no]));
  const taken = new Set([
    ...known.map((r) => r.reg_no),
    ...db.prepare<[string, string], { reg_no: string }>('SELECT reg_no FROM entries WHERE campaign_id = ? AND reg_no LIKE ?').all(campaignId, `${PREFIX}%`).map((r) => r.reg_no),
  ]);
  const before = new Set(byKey.keys());
  let next = 1;
  for (const key of keys) {
    if (byKey.has(key)) continue;
    while (taken.has(`${PREFIX}${String(next).padStart(4, '0')}`)) next++;
    const regNo = `${PREFIX}${String(next).padStart(4, '0')}`;
    taken.add(regNo);
    byKey.set(key, regNo);
  }
  return {
    regNoOf: (key) => byKey.get(key)!,
    regNoOfMessageId: (id) => byMessageId.get(id) ?? null,
    seenBefore: (key) => before.has(key),
  };
}

/** Records imported mails (inside the import's transaction); a mail imported again refreshes its links. */
export function recordMails(
  db: Database,
  campaignId: string,
  mails: readonly { key: string; messageId: string | null; regNo: string; mediaToFetch: MediaToFetch[] }[],
  now: string,
): void {
  const upsert = db.prepare(`INSERT INTO mail_registrations (campaign_id, message_key, reg_no, message_id, media_to_fetch_json, imported_at)
    VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (campaign_id, message_key) DO UPDATE SET media_to_fetch_json = excluded.media_to_fetch_json, imported_at = excluded.imported_at`);
  for (const m of mails) upsert.run(campaignId, m.key, m.regNo, m.messageId, JSON.stringify(m.mediaToFetch), now);
}

/** Cloud-drive links recorded for an entry (by its campaign and registration number). */
export function mediaToFetchOf(db: Database, campaignId: string, regNo: string): MediaToFetch[] {
  const json = db
    .prepare<[string, string], { media_to_fetch_json: string }>('SELECT media_to_fetch_json FROM mail_registrations WHERE campaign_id = ? AND reg_no = ?')
    .get(campaignId, regNo)?.media_to_fetch_json;
  return json ? (JSON.parse(json) as MediaToFetch[]) : [];
}
