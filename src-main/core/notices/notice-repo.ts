// Notices (table notices, migration 0016): made from the latest locked ranking, one programme list
// each; the period is entered in the campaign's time zone and stored in UTC. Every create and
// change is in the audit log (subject: the campaign, so the rows travel with its backup), a change
// with the values before and after.
import type { Database } from 'better-sqlite3';
import type { NoticeInfo, NoticeLanguage, NoticeStatus } from '../../contract';
import { campaignFacts } from '../certificates/lists';
import { KepuError } from '../errors';
import { formatInZone, localToUtcIso, nowIso } from '../time';
import { latestLockedSnapshot, noticeDocument, programmeList } from './notice-document';

interface NoticeRow {
  id: number;
  campaign_id: string;
  list_key: string;
  snapshot_id: string;
  ranked: number;
  period_start: string;
  period_end: string;
  language: NoticeLanguage;
  created_by: string;
  created_at: string;
  updated_by: string | null;
  updated_at: string | null;
  objections: number;
  open_objections: number;
  snapshot_locked_at: string;
}

const SELECT = `SELECT n.*,
  (SELECT count(*) FROM objections o WHERE o.notice_id = n.id) AS objections,
  (SELECT count(*) FROM objections o WHERE o.notice_id = n.id AND o.status = 'open') AS open_objections,
  (SELECT s.locked_at FROM ranking_snapshots s WHERE s.id = n.snapshot_id) AS snapshot_locked_at
  FROM notices n`;

/**
 * A period time as entered: wall-clock "YYYY-MM-DD[ HH:mm[:ss]]" in the campaign's zone, or an
 * instant with Z or an offset. NOTICE_PERIOD_INVALID names what could not be read.
 */
export function periodInstant(value: string, timeZone: string, which: 'start' | 'end'): string {
  const local = localToUtcIso(value, timeZone);
  if (local) return local;
  if (/(Z|[+-]\d{2}:?\d{2})$/.test(value) && !Number.isNaN(Date.parse(value))) return new Date(value).toISOString();
  throw new KepuError('NOTICE_PERIOD_INVALID', `notices: the period's ${which} "${value}" is not a time`, { value, which });
}

export function noticeStatus(periodStart: string, periodEnd: string, now = nowIso()): NoticeStatus {
  return now < periodStart ? 'upcoming' : now < periodEnd ? 'open' : 'ended';
}

function toInfo(db: Database, row: NoticeRow): NoticeInfo {
  const facts = campaignFacts(db, row.campaign_id);
  const list = facts.definition.lists.find((l) => l.key === row.list_key);
  return {
    id: row.id,
    campaignId: row.campaign_id,
    listKey: row.list_key,
    listName: list?.name ?? { 'zh-CN': row.list_key, en: row.list_key },
    snapshotId: row.snapshot_id,
    snapshotLockedAt: row.snapshot_locked_at,
    ranked: row.ranked === 1,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    periodStartLocal: formatInZone(row.period_start, facts.timeZone),
    periodEndLocal: formatInZone(row.period_end, facts.timeZone),
    language: row.language,
    status: noticeStatus(row.period_start, row.period_end),
    openObjections: row.open_objections,
    objections: row.objections,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}

export function listNotices(db: Database, campaignId: string): NoticeInfo[] {
  campaignFacts(db, campaignId);
  return (db.prepare(`${SELECT} WHERE n.campaign_id = ? ORDER BY n.id DESC`).all(campaignId) as NoticeRow[]).map((r) => toInfo(db, r));
}

export function getNotice(db: Database, campaignId: string, noticeId: number): NoticeInfo {
  const row = db.prepare(`${SELECT} WHERE n.campaign_id = ? AND n.id = ?`).get(campaignId, noticeId) as NoticeRow | undefined;
  if (!row) throw new KepuError('NOTICE_NOT_FOUND', `notices: campaign ${campaignId} has no notice ${noticeId}`, { id: noticeId });
  return toInfo(db, row);
}

function assertPeriod(start: string, end: string, timeZone: string): void {
  if (end <= start) {
    throw new KepuError('NOTICE_PERIOD_INVALID', `notices: the period ends (${end}) before it starts (${start})`, { value: formatInZone(end, timeZone), which: 'end' });
  }
}

function audit(db: Database, at: string, actor: string, action: string, campaignId: string, details: Record<string, unknown>): void {
  db.prepare('INSERT INTO audit_log (at, actor, action, subject, details_json) VALUES (?, ?, ?, ?, ?)').run(at, actor, action, campaignId, JSON.stringify(details));
}

export interface NoticeInput {
  listKey: string;
  ranked: boolean;
  periodStart: string;
  periodEnd: string;
  language: NoticeLanguage;
}

export function createNotice(db: Database, campaignId: string, input: NoticeInput, actor: string): NoticeInfo {
  const facts = campaignFacts(db, campaignId);
  programmeList(facts.definition, input.listKey);
  const locked = latestLockedSnapshot(db, campaignId);
  // A list nobody was ranked in has nothing to publish.
  const document = noticeDocument(db, campaignId, locked.id, locked.snapshot, input.listKey, input.ranked);
  if (document.groups.every((g) => g.entries.length === 0)) {
    throw new KepuError('NOTICE_LIST_EMPTY', `notices: list ${input.listKey} has no entry to publish in ${locked.id}`, { list: document.listName['zh-CN'] });
  }
  const start = periodInstant(input.periodStart, facts.timeZone, 'start');
  const end = periodInstant(input.periodEnd, facts.timeZone, 'end');
  assertPeriod(start, end, facts.timeZone);
  const at = nowIso();
  return db.transaction(() => {
    const id = Number(
      db.prepare(`INSERT INTO notices (campaign_id, list_key, snapshot_id, ranked, period_start, period_end, language, created_by, created_at)
                  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(campaignId, input.listKey, locked.id, input.ranked ? 1 : 0, start, end, input.language, actor, at).lastInsertRowid,
    );
    const listed = document.groups.reduce((n, g) => n + g.entries.length, 0);
    audit(db, at, actor, 'notice.create', campaignId, { noticeId: id, list: input.listKey, snapshotId: locked.id, ranked: input.ranked, periodStart: start, periodEnd: end, language: input.language, listed });
    return getNotice(db, campaignId, id);
  })();
}

export function updateNotice(db: Database, campaignId: string, noticeId: number, patch: Partial<Omit<NoticeInput, 'listKey'>>, actor: string): NoticeInfo {
  const before = getNotice(db, campaignId, noticeId);
  const { timeZone } = campaignFacts(db, campaignId);
  const start = patch.periodStart === undefined ? before.periodStart : periodInstant(patch.periodStart, timeZone, 'start');
  const end = patch.periodEnd === undefined ? before.periodEnd : periodInstant(patch.periodEnd, timeZone, 'end');
  assertPeriod(start, end, timeZone);
  const after = { ranked: patch.ranked ?? before.ranked, periodStart: start, periodEnd: end, language: patch.language ?? before.language };
  const changed = (Object.keys(after) as (keyof typeof after)[]).filter((k) => after[k] !== before[k]);
  if (changed.length === 0) return before;
  const at = nowIso();
  return db.transaction(() => {
    db.prepare('UPDATE notices SET ranked = ?, period_start = ?, period_end = ?, language = ?, updated_by = ?, updated_at = ? WHERE id = ?').run(
      after.ranked ? 1 : 0, after.periodStart, after.periodEnd, after.language, actor, at, noticeId,
    );
    audit(db, at, actor, 'notice.update', campaignId, {
      noticeId,
      list: before.listKey,
      changes: Object.fromEntries(changed.map((k) => [k, { from: before[k], to: after[k] }])),
    });
    return getNotice(db, campaignId, noticeId);
  })();
}
