// After a result is published, nothing that feeds it changes silently. The signed snapshot itself
// never changes (rows in ranking_snapshots are never updated), but the live ranking is recomputed
// from scores, entries, assignments, media verdicts and the ranking settings; a change to any of
// them after publication moves it away from what was published. Such a change is refused with
// RESULT_PUBLISHED until the coordinator has agreed, for this published version and this session,
// that the live ranking may differ from it; the agreement is written to the audit log with who
// and when, and every change after it is recorded as usual (merges, imports, score revisions).
import type { Database } from 'better-sqlite3';
import { KepuError } from '../errors';
import { formatInZone, nowIso } from '../time';
import { latestSnapshotInfo } from './snapshot-store';

/** What kind of change asked; written into the audit row and shown nowhere else. */
export type ResultInput = 'scores' | 'bundles' | 'entries' | 'assignments' | 'media' | 'settings' | 'formal checks' | 'decisions';

export class PublishedChanges {
  /** campaign id → id of the published snapshot the coordinator agreed to move away from. */
  private readonly allowed = new Map<string, string>();

  constructor(private readonly db: Database) {}

  /** Throws RESULT_PUBLISHED when the campaign has a published result not yet agreed to change. */
  assertMayChange(campaignId: string, input: ResultInput): void {
    const published = latestSnapshotInfo(this.db, campaignId);
    if (!published || this.allowed.get(campaignId) === published.id) return;
    const zone = this.timeZone(campaignId);
    throw new KepuError('RESULT_PUBLISHED', `ranking: ${campaignId} was published at ${published.lockedAt}; a change to its ${input} needs agreement first`, {
      lockedAt: formatInZone(published.lockedAt, zone),
      input,
    });
  }

  /** Records the coordinator's agreement for the newest published version; null when none exists. */
  allow(campaignId: string, actor: string): { snapshotId: string; lockedAt: string } | null {
    const published = latestSnapshotInfo(this.db, campaignId);
    if (!published) return null;
    if (this.allowed.get(campaignId) !== published.id) {
      this.db
        .prepare(`INSERT INTO audit_log (at, actor, action, subject, details_json) VALUES (?, ?, 'ranking.allow_changes_after_publish', ?, ?)`)
        .run(nowIso(), actor, campaignId, JSON.stringify({ snapshotId: published.id, lockedAt: published.lockedAt }));
      this.allowed.set(campaignId, published.id);
    }
    return { snapshotId: published.id, lockedAt: published.lockedAt };
  }

  private timeZone(campaignId: string): string {
    return (this.db.prepare('SELECT time_zone FROM campaigns WHERE id = ?').pluck().get(campaignId) as string | undefined) ?? 'UTC';
  }
}
