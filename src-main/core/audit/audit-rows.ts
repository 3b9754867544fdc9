// A campaign's part of the audit log, as the Audit screen lists it and `kepu audit export` writes
// it. Which rows are a campaign's is decided in one place, campaign-tables.ts (the rows its backup
// carries): those about the campaign, its certificates, and its judges' registered keys.
import type { Database } from 'better-sqlite3';
import { CAMPAIGN_TABLES } from '../campaigns/campaign-tables';
import { csvDocument } from '../export/csv';
import { fingerprintOf } from '../keys/identity';
import type { AuditContent } from './audit-hash';

export interface AuditRowView {
  id: number;
  at: string;
  actor: string;
  /** Who the actor is: this computer's user, a judge (whose signed bundle it was), or a signing key. */
  actorKind: 'local' | 'judge' | 'key';
  /** The judge's name for a judge. */
  actorName: string | null;
  /** A signing key's fingerprint as Settings shows it; null for other actors. */
  actorFingerprint: string | null;
  action: string;
  subject: string | null;
  details: Record<string, unknown>;
  hash: string | null;
}

/** An audit row as hashed (audit-hash.ts), with its hash and who the actor is by name. */
interface DbAuditListRow extends AuditContent {
  hash: string | null;
  judge_name: string | null;
}

function campaignPredicate(): string {
  const table = CAMPAIGN_TABLES.find((t) => t.name === 'audit_log');
  if (!table) throw new Error('audit: campaign-tables has no audit_log entry');
  return table.rows;
}

function view(row: DbAuditListRow): AuditRowView {
  let details: Record<string, unknown> = {};
  try {
    const parsed = JSON.parse(row.details_json) as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) details = parsed as Record<string, unknown>;
  } catch {
    details = { text: row.details_json };
  }
  const actorKind = row.actor === 'local' ? 'local' : row.judge_name !== null ? 'judge' : 'key';
  const actorFingerprint = actorKind === 'key' && /^[0-9a-f]{64}$/.test(row.actor) ? fingerprintOf(row.actor) : null;
  return { id: row.id, at: row.at, actor: row.actor, actorKind, actorName: row.judge_name, actorFingerprint, action: row.action, subject: row.subject, details, hash: row.hash };
}

export interface AuditQuery {
  campaignId: string;
  /** Only these actions (e.g. ranking.lock); empty: all. */
  actions?: readonly string[];
  /** Words in the action, subject or details (case-insensitive). */
  text?: string;
  offset?: number;
  limit?: number;
}

/** Newest first; `total` counts every row the filter keeps. */
export function campaignAuditRows(db: Database, query: AuditQuery): { total: number; actions: string[]; rows: AuditRowView[] } {
  const where = [`(${campaignPredicate()})`];
  const params: Record<string, unknown> = { campaign: query.campaignId };
  if (query.actions && query.actions.length > 0) {
    where.push(`action IN (SELECT value FROM json_each(@actions))`);
    params.actions = JSON.stringify(query.actions);
  }
  if (query.text && query.text.trim()) {
    where.push(`(instr(lower(action || ' ' || coalesce(subject, '') || ' ' || details_json), lower(@text)) > 0)`);
    params.text = query.text.trim();
  }
  const sql = `FROM audit_log WHERE ${where.join(' AND ')}`;
  const total = db.prepare(`SELECT count(*) ${sql}`).pluck().get(params) as number;
  const rows = db
    .prepare(`SELECT id, at, actor, action, subject, details_json, hash, (SELECT name FROM judges j WHERE j.id = actor) AS judge_name ${sql} ORDER BY id DESC LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: query.limit ?? 200, offset: query.offset ?? 0 }) as DbAuditListRow[];
  const actions = db.prepare(`SELECT DISTINCT action FROM audit_log WHERE ${campaignPredicate()} ORDER BY action`).pluck().all({ campaign: query.campaignId }) as string[];
  return { total, actions, rows: rows.map(view) };
}

/**
 * Every row of the campaign, oldest first, as CSV (UTF-8 with BOM for Excel/WPS): the recorded
 * values as stored, hashes included, so the export can be checked against the chain.
 */
export function campaignAuditCsv(db: Database, campaignId: string, headers: readonly string[]): string {
  const rows = db
    .prepare(`SELECT id, at, actor, action, subject, details_json, prev_hash, hash FROM audit_log WHERE ${campaignPredicate()} ORDER BY id`)
    .raw(true)
    .all({ campaign: campaignId }) as (string | number | null)[][];
  return csvDocument([headers, ...rows], { bom: true });
}
