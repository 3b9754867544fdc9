// Archiving a campaign: it stays in the database exactly as it is, read-only and out of the
// default campaign list, until the coordinator restores it to the list. Every change to an
// archived campaign is refused with CAMPAIGN_ARCHIVED (the app refuses them in one place, see
// app/archive-guard.ts); reading, exporting and verifying stay allowed. Archiving and restoring
// are recorded on the campaign row (shown in the list and the banner) and in the audit log.
import type { Database } from 'better-sqlite3';
import { KepuError } from '../errors';
import { nowIso } from '../time';

interface ArchiveRow {
  name_zh: string;
  name_en: string;
  archived_at: string | null;
}

function archiveRow(db: Database, campaignId: string): ArchiveRow {
  const row = db.prepare('SELECT name_zh, name_en, archived_at FROM campaigns WHERE id = ?').get(campaignId) as ArchiveRow | undefined;
  if (!row) throw new KepuError('CAMPAIGN_NOT_FOUND', `campaigns: no campaign "${campaignId}"`, { id: campaignId });
  return row;
}

/** Throws CAMPAIGN_ARCHIVED (naming the campaign in both languages) while it is archived. */
export function assertNotArchived(db: Database, campaignId: string): void {
  const row = db.prepare('SELECT name_zh, name_en, archived_at FROM campaigns WHERE id = ?').get(campaignId) as ArchiveRow | undefined;
  // An unknown campaign is not this guard's business: the handler reports CAMPAIGN_NOT_FOUND.
  if (!row || row.archived_at === null) return;
  throw new KepuError('CAMPAIGN_ARCHIVED', `campaigns: "${row.name_en}" (${campaignId}) is archived since ${row.archived_at}; restore it to the list to change it`, {
    id: campaignId,
    nameZh: row.name_zh,
    nameEn: row.name_en,
  });
}

/**
 * Archives (`archived` true) or restores to the list. Asking for the state the campaign is
 * already in changes nothing and records nothing, so a repeated click is harmless.
 */
export function setArchived(db: Database, campaignId: string, archived: boolean, actor: string, reason: string): void {
  db.transaction(() => {
    const row = archiveRow(db, campaignId);
    if ((row.archived_at !== null) === archived) return;
    const at = nowIso();
    if (archived) {
      db.prepare('UPDATE campaigns SET archived_at = ?, archived_by = ?, archive_reason = ? WHERE id = ?').run(at, actor, reason, campaignId);
    } else {
      db.prepare('UPDATE campaigns SET archived_at = NULL, archived_by = NULL, archive_reason = NULL WHERE id = ?').run(campaignId);
    }
    db.prepare(`INSERT INTO audit_log (at, actor, action, subject, details_json) VALUES (?, ?, ?, ?, ?)`).run(
      at, actor, archived ? 'campaign.archive' : 'campaign.unarchive', campaignId, JSON.stringify({ reason }),
    );
  })();
}
