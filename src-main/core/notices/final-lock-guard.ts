// The final publish after a 公示: once a notice of the campaign exists, a new ranking lock is the
// final result, and it waits until every notice's period has ended (NOTICE_PERIOD_OPEN, naming
// the latest end in the campaign's time zone) and no objection is open (NOTICE_OBJECTIONS_OPEN).
// The coordinator may publish anyway with an override reason: the reason and what it overrode
// go into the audit log (its own row) and into the lock's own audit row (snapshot-store.ts).
// A campaign without notices locks exactly as before.
// The lock stores what was made from the data of one moment: given the change token that data was
// read at, it first checks the data is still that (RANKING_DATA_CHANGED otherwise: the caller makes
// the snapshot again), in an immediate transaction, so no other write comes between.
import type { Database } from 'better-sqlite3';
import { campaignFacts } from '../certificates/lists';
import { changeToken } from '../db/change-token';
import { KepuError } from '../errors';
import { formatInZone, nowIso } from '../time';
import { openObjectionCount } from './objections';

export interface LockOverride {
  reason: string;
}

/** What a lock overrode, for the lock's record; null when nothing stood in the way. */
export type LockOverrideDetails = { reason: string; noticesOpen: { noticeId: number; list: string; periodEnd: string }[]; openObjections: number } | null;

/**
 * Throws when the final lock must wait and no override was given; with an override, records it
 * (audit row 'ranking.lockOverride') and returns what it overrode for the lock's record.
 */
export function checkFinalLock(db: Database, campaignId: string, actor: string, override?: LockOverride, now = nowIso()): LockOverrideDetails {
  const running = db
    .prepare<[string, string], { id: number; list_key: string; period_end: string }>('SELECT id, list_key, period_end FROM notices WHERE campaign_id = ? AND period_end > ? ORDER BY period_end DESC')
    .all(campaignId, now);
  const open = openObjectionCount(db, campaignId);
  if (running.length === 0 && open === 0) return null;
  if (!override) {
    const { timeZone, definition } = campaignFacts(db, campaignId);
    if (running.length > 0) {
      const last = running[0];
      const list = definition.lists.find((l) => l.key === last.list_key)?.name ?? { 'zh-CN': last.list_key, en: last.list_key };
      throw new KepuError('NOTICE_PERIOD_OPEN', `ranking: the public notice of ${last.list_key} runs until ${last.period_end}`, {
        end: formatInZone(last.period_end, timeZone),
        listZh: list['zh-CN'],
        listEn: list.en,
      });
    }
    throw new KepuError('NOTICE_OBJECTIONS_OPEN', `ranking: ${open} objection(s) to the public notice are still open`, { count: open });
  }
  const details = {
    reason: override.reason,
    noticesOpen: running.map((n) => ({ noticeId: n.id, list: n.list_key, periodEnd: n.period_end })),
    openObjections: open,
  };
  db.prepare(`INSERT INTO audit_log (at, actor, action, subject, details_json) VALUES (?, ?, 'ranking.lockOverride', ?, ?)`).run(now, actor, campaignId, JSON.stringify(details));
  return details;
}

/**
 * The lock after a 公示, in one transaction: the guard above (and the override's audit row), then
 * `store` with what was overridden for the lock's own record — so an override is never recorded
 * for a lock that did not happen, nor a lock made without its override. `dataToken`: the change
 * token of the data the snapshot was made from (null: not checked, the snapshot was made in this
 * same call); checked before anything is written.
 */
export function lockAfterNotice<T>(
  db: Database,
  campaignId: string,
  actor: string,
  override: LockOverride | undefined,
  store: (lockDetails: Record<string, unknown>) => T,
  dataToken: string | null = null,
): T {
  return db
    .transaction(() => {
      if (dataToken !== null && changeToken(db) !== dataToken) {
        throw new KepuError('RANKING_DATA_CHANGED', `ranking: the data of campaign ${campaignId} changed while its lock was being made`, { campaignId });
      }
      const overridden = checkFinalLock(db, campaignId, actor, override);
      return store(overridden ? { noticeOverride: overridden } : {});
    })
    .immediate();
}
