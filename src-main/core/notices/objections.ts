// Objections to a 公示 (table objections, migration 0016): recorded with the day received, from
// whom, about which listed entry and what they say, plus attachments (objection_files, bytes in
// the database like the notice files of core/campaigns/notice-files.ts, same size limits and name
// rules); then resolved once: upheld (a decision on the entry, recorded through `decide`, whose id
// is kept) or rejected (the resolution is the reason). Who and when on each step; every step is in
// the audit log with the campaign as subject.
import type { Database } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { ObjectionFileInfo, ObjectionInfo } from '../../contract';
import { assertNoticeFileSize, mediaTypeOf, noticeFileName, STORED_FILE_COLUMNS, toStoredFileInfo, type DbStoredFileRow } from '../campaigns/notice-files';
import { campaignFacts } from '../certificates/lists';
import { KepuError } from '../errors';
import { nowIso } from '../time';
import { checkedSnapshot, noticeDocument } from './notice-document';
import { getNotice } from './notice-repo';

interface ObjectionRow {
  id: number;
  campaign_id: string;
  notice_id: number;
  entry_id: number;
  reg_no: string;
  title: string;
  received_on: string;
  from_name: string;
  text: string;
  status: ObjectionInfo['status'];
  resolution: string | null;
  decision_kind: ObjectionInfo['decisionKind'];
  decision_id: number | null;
  recorded_by: string;
  recorded_at: string;
  resolved_by: string | null;
  resolved_at: string | null;
}

const SELECT = 'SELECT o.*, e.reg_no, e.title FROM objections o JOIN entries e ON e.id = o.entry_id';

function toInfo(db: Database, row: ObjectionRow): ObjectionInfo {
  const files = db.prepare<[number], DbStoredFileRow>(`SELECT ${STORED_FILE_COLUMNS} FROM objection_files WHERE objection_id = ? ORDER BY id`).all(row.id);
  return {
    id: row.id,
    noticeId: row.notice_id,
    entryId: row.entry_id,
    regNo: row.reg_no,
    entryTitle: row.title,
    receivedOn: row.received_on,
    from: row.from_name,
    text: row.text,
    status: row.status,
    resolution: row.resolution,
    decisionKind: row.decision_kind,
    decisionId: row.decision_id,
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at,
    resolvedBy: row.resolved_by,
    resolvedAt: row.resolved_at,
    files: files.map(toStoredFileInfo),
  };
}

function audit(db: Database, at: string, actor: string, action: string, campaignId: string, details: Record<string, unknown>): void {
  db.prepare('INSERT INTO audit_log (at, actor, action, subject, details_json) VALUES (?, ?, ?, ?, ?)').run(at, actor, action, campaignId, JSON.stringify(details));
}

export function listObjections(db: Database, campaignId: string, noticeId?: number): ObjectionInfo[] {
  campaignFacts(db, campaignId);
  const rows = (noticeId === undefined
    ? db.prepare(`${SELECT} WHERE o.campaign_id = ? ORDER BY o.id`).all(campaignId)
    : db.prepare(`${SELECT} WHERE o.campaign_id = ? AND o.notice_id = ? ORDER BY o.id`).all(campaignId, noticeId)) as ObjectionRow[];
  return rows.map((r) => toInfo(db, r));
}

export function getObjection(db: Database, campaignId: string, objectionId: number): ObjectionInfo {
  const row = db.prepare(`${SELECT} WHERE o.campaign_id = ? AND o.id = ?`).get(campaignId, objectionId) as ObjectionRow | undefined;
  if (!row) throw new KepuError('OBJECTION_NOT_FOUND', `objections: campaign ${campaignId} has no objection ${objectionId}`, { id: objectionId });
  return toInfo(db, row);
}

/** Open objections of the campaign's notices (the final lock waits for them). */
export function openObjectionCount(db: Database, campaignId: string): number {
  return db.prepare(`SELECT count(*) FROM objections WHERE campaign_id = ? AND status = 'open'`).pluck().get(campaignId) as number;
}

export interface ObjectionInput {
  noticeId: number;
  entryId?: number;
  regNo?: string;
  receivedOn: string;
  from: string;
  text: string;
}

/**
 * Records an objection. The entry must be one the notice lists (OBJECTION_ENTRY_NOT_LISTED); the
 * day received must fall within the notice's period, as days in the campaign's time zone
 * (OBJECTION_OUTSIDE_PERIOD naming the period): one received later is not an objection to this
 * notice, and the record should not pretend it was.
 */
export function addObjection(db: Database, campaignId: string, input: ObjectionInput, actor: string): ObjectionInfo {
  const notice = getNotice(db, campaignId, input.noticeId);
  const document = noticeDocument(db, campaignId, notice.snapshotId, checkedSnapshot(db, campaignId, notice.snapshotId), notice.listKey, notice.ranked);
  const listed = document.groups.flatMap((g) => g.entries).find((e) => (input.entryId !== undefined ? e.entryId === input.entryId : e.regNo === input.regNo));
  if (!listed) {
    const which = input.regNo ?? `#${input.entryId}`;
    throw new KepuError('OBJECTION_ENTRY_NOT_LISTED', `objections: ${which} is not listed in notice ${notice.id}`, { entry: which });
  }
  const day = Date.parse(`${input.receivedOn}T00:00:00Z`);
  if (Number.isNaN(day)) throw new KepuError('OBJECTION_OUTSIDE_PERIOD', `objections: ${input.receivedOn} is not a day`, { day: input.receivedOn, start: notice.periodStartLocal, end: notice.periodEndLocal });
  const firstDay = notice.periodStartLocal.slice(0, 10);
  const lastDay = notice.periodEndLocal.slice(0, 10);
  if (input.receivedOn < firstDay || input.receivedOn > lastDay) {
    throw new KepuError('OBJECTION_OUTSIDE_PERIOD', `objections: ${input.receivedOn} is outside ${firstDay}..${lastDay}`, { day: input.receivedOn, start: notice.periodStartLocal, end: notice.periodEndLocal });
  }
  const at = nowIso();
  return db.transaction(() => {
    const id = Number(
      db.prepare(`INSERT INTO objections (campaign_id, notice_id, entry_id, received_on, from_name, text, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(
        campaignId, notice.id, listed.entryId, input.receivedOn, input.from, input.text, actor, at,
      ).lastInsertRowid,
    );
    audit(db, at, actor, 'objection.add', campaignId, { objectionId: id, noticeId: notice.id, regNo: listed.regNo, receivedOn: input.receivedOn, from: input.from });
    return getObjection(db, campaignId, id);
  })();
}

export interface Resolution {
  outcome: 'upheld' | 'rejected';
  resolution: string;
  decision?: 'disqualify' | 'withdraw';
}

/** Records a decision on the entry and returns its id (core/decisions/decision-service.ts). */
export type DecideOnEntry = (entryId: number, kind: 'disqualify' | 'withdraw', reason: string) => number;

/**
 * Resolves an open objection (OBJECTION_RESOLVED when it already was). Upheld with a `decision`:
 * `decide` records it on the entry with the resolution as its reason, in the same transaction (a
 * decision the entry refuses — already disqualified, say — leaves the objection open), and the
 * objection keeps the decision's id. Upheld without a decision (a correction that holds nobody out)
 * records only the resolution.
 */
export function resolveObjection(db: Database, campaignId: string, objectionId: number, input: Resolution, actor: string, decide?: DecideOnEntry): ObjectionInfo {
  return db.transaction(() => {
    const before = getObjection(db, campaignId, objectionId);
    if (before.status !== 'open') {
      throw new KepuError('OBJECTION_RESOLVED', `objections: ${objectionId} was already resolved (${before.status})`, { id: objectionId, status: before.status });
    }
    const at = nowIso();
    const decisionKind = input.outcome === 'upheld' && input.decision && decide ? input.decision : null;
    const decisionId = decisionKind ? decide!(before.entryId, decisionKind, input.resolution) : null;
    db.prepare('UPDATE objections SET status = ?, resolution = ?, decision_kind = ?, decision_id = ?, resolved_by = ?, resolved_at = ? WHERE id = ?').run(
      input.outcome, input.resolution, decisionKind, decisionId, actor, at, objectionId,
    );
    audit(db, at, actor, 'objection.resolve', campaignId, { objectionId, noticeId: before.noticeId, regNo: before.regNo, outcome: input.outcome, resolution: input.resolution, decision: decisionKind, decisionId });
    return getObjection(db, campaignId, objectionId);
  })();
}

/** Adds one attachment to an objection (any status: a reply may come after the resolution). */
export function addObjectionFile(db: Database, campaignId: string, objectionId: number, file: { fileName: string; bytes: Buffer }, actor: string): ObjectionInfo {
  const fileName = noticeFileName(file.fileName);
  assertNoticeFileSize(fileName, file.bytes.length);
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  return db.transaction(() => {
    getObjection(db, campaignId, objectionId);
    const at = nowIso();
    const id = Number(
      db.prepare('INSERT INTO objection_files (objection_id, file_name, media_type, size, sha256, bytes, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
        objectionId, fileName, mediaTypeOf(fileName), file.bytes.length, sha256, file.bytes, at, actor,
      ).lastInsertRowid,
    );
    audit(db, at, actor, 'objection.addFile', campaignId, { objectionId, fileId: id, fileName, size: file.bytes.length, sha256 });
    return getObjection(db, campaignId, objectionId);
  })();
}

/** Adds a file read from this machine (NOTICE_FILE_UNREADABLE when it cannot be read). */
export function addObjectionFileFromPath(db: Database, campaignId: string, objectionId: number, filePath: string, actor: string): ObjectionInfo {
  const fileName = noticeFileName(filePath);
  let bytes: Buffer;
  try {
    const stat = fs.statSync(filePath);
    if (!stat.isFile()) throw new KepuError('NOTICE_FILE_UNREADABLE', `objections: ${filePath} is not a file`, { file: fileName, reason: 'not a file' });
    assertNoticeFileSize(fileName, stat.size);
    bytes = fs.readFileSync(filePath);
  } catch (error) {
    if (error instanceof KepuError) throw error;
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new KepuError('NOTICE_FILE_UNREADABLE', `objections: cannot read ${filePath}: ${reason}`, { file: fileName, reason });
  }
  return addObjectionFile(db, campaignId, objectionId, { fileName, bytes }, actor);
}

export function readObjectionFile(db: Database, campaignId: string, fileId: number): { info: ObjectionFileInfo; bytes: Buffer } {
  const row = db
    .prepare<[string, number], DbStoredFileRow & { bytes: Buffer }>(`SELECT f.id, f.file_name, f.media_type, f.size, f.sha256, f.added_at, f.added_by, f.bytes FROM objection_files f JOIN objections o ON o.id = f.objection_id WHERE o.campaign_id = ? AND f.id = ?`)
    .get(campaignId, fileId);
  if (!row) throw new KepuError('NOTICE_FILE_NOT_FOUND', `objections: campaign ${campaignId} has no objection file ${fileId}`, { id: fileId });
  return { info: toStoredFileInfo(row), bytes: row.bytes };
}

