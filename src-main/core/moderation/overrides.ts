// Moderation, not editing (issue 14): when a judge's score must change (the judge agreed by phone,
// a clear input error), the coordinator records an override of one judge's score on one dimension,
// with a reason, beside the judge's signed score. Policy:
// - The signed score row is never touched: merged scores stay what the judge signed.
// - score_overrides is append-only (migration 0015). Setting writes a row with the value;
//   withdrawing writes a row with no value that names the override it ends, so the judge's own
//   score counts again. A cell's last row says what is in effect; every earlier row is history.
// - An override needs a signed score to sit beside (no score, nothing to moderate), and its value
//   must lie on the dimension's scale, as a judge's own score must (review/scoring.ts).
// - Every set and withdraw writes an audit row (hash-chained by the database) in the same
//   transaction, naming entry, judge, dimension, old and new value and the reason.
// - An override belongs to a scoring round (round_no): the entry's working round when it is set
//   (rounds/round-state.ts: the round the ranking ranks that list on), beside that round's signed
//   score. A cell is (entry, judge, dimension, round): an override in the final round never touches
//   the first round's score of the same judge and dimension.
import type { Database } from 'better-sqlite3';
import type { EntryKind } from '../../contract';
import { CampaignDefinition } from '../../contract/domain';
import { listFor, rubricOfRound } from '../../contract/lists';
import { KepuError } from '../errors';
import { validateScore } from '../review/scoring';
import { workingRoundOfEntryId } from '../rounds/round-state';
import { nowIso } from '../time';

export interface OverrideRecord {
  id: number;
  entryId: number;
  regNo: string;
  judgeId: string;
  dimension: string;
  /** The override's value; null on a row that withdraws one. */
  value: number | null;
  /** The row this one withdraws (withdraw rows only). */
  withdraws: number | null;
  reason: string;
  actor: string;
  at: string;
  /** The judge's signed score on that dimension, as stored now (null if the score is gone). */
  signed: number | null;
  /** True for the row in effect: the last row of its cell, setting a value. */
  inEffect: boolean;
}

/** The override in effect for one (entry, judge, dimension) cell. */
export interface EffectiveOverride {
  id: number;
  entryId: number;
  judgeId: string;
  dimension: string;
  value: number;
  reason: string;
  actor: string;
  at: string;
}

interface Row {
  id: number;
  entry_id: number;
  reg_no: string;
  judge_id: string;
  dimension_key: string;
  value: number | null;
  withdraws: number | null;
  reason: string;
  actor: string;
  at: string;
  signed: number | null;
  last_id: number;
  round_no: number;
}

const ROWS = `
  SELECT o.id, o.entry_id, e.reg_no, o.judge_id, o.dimension_key, o.value, o.withdraws, o.reason, o.actor, o.at, o.round_no,
         s.value AS signed,
         (SELECT max(x.id) FROM score_overrides x WHERE x.campaign_id = o.campaign_id AND x.entry_id = o.entry_id
            AND x.judge_id = o.judge_id AND x.dimension_key = o.dimension_key AND x.round_no = o.round_no) AS last_id
  FROM score_overrides o
  JOIN entries e ON e.id = o.entry_id
  LEFT JOIN scores s ON s.entry_id = o.entry_id AND s.judge_id = o.judge_id AND s.dimension_key = o.dimension_key AND s.round_no = o.round_no
  WHERE o.campaign_id = @campaignId`;

const record = (r: Row): OverrideRecord => ({
  id: r.id,
  entryId: r.entry_id,
  regNo: r.reg_no,
  judgeId: r.judge_id,
  dimension: r.dimension_key,
  value: r.value,
  withdraws: r.withdraws,
  reason: r.reason,
  actor: r.actor,
  at: r.at,
  signed: r.signed,
  inEffect: r.value !== null && r.id === r.last_id,
});

/** Every override row of the campaign (or of one entry), oldest first: the full history. */
export function listOverrides(db: Database, campaignId: string, entryId?: number): OverrideRecord[] {
  const sql = `${ROWS}${entryId === undefined ? '' : ' AND o.entry_id = @entryId'} ORDER BY o.id`;
  return (db.prepare(sql).all({ campaignId, entryId }) as Row[]).map(record);
}

/**
 * The overrides in effect for the campaign: per cell, the last row when it sets a value. Read by
 * load-scores.ts inside its read transaction, so the ranking and its snapshot see one state.
 */
export function effectiveOverrides(db: Database, campaignId: string): EffectiveOverride[] {
  const rows = db
    .prepare(
      `SELECT o.id, o.entry_id, o.judge_id, o.dimension_key, o.value, o.reason, o.actor, o.at FROM score_overrides o
       WHERE o.campaign_id = ? AND o.id = (SELECT max(x.id) FROM score_overrides x WHERE x.campaign_id = o.campaign_id AND x.entry_id = o.entry_id
               AND x.judge_id = o.judge_id AND x.dimension_key = o.dimension_key AND x.round_no = o.round_no)
         AND o.value IS NOT NULL
       ORDER BY o.id`,
    )
    .raw()
    .all(campaignId) as [number, number, string, string, number, string, string, string][];
  return rows.map(([id, entryId, judgeId, dimension, value, reason, actor, at]) => ({ id, entryId, judgeId, dimension, value, reason, actor, at }));
}

export interface SetOverrideInput {
  campaignId: string;
  entryId: number;
  judgeId: string;
  dimension: string;
  value: number;
  reason: string;
  /** Who records it (the coordinator's name, or 'local'). */
  actor: string;
}

/** Records an override (replacing one in effect on the same cell, which stays in the history). */
export function setOverride(db: Database, input: SetOverrideInput): OverrideRecord {
  const reason = input.reason.trim();
  if (reason.length === 0) throw new KepuError('SCORE_OVERRIDE_REASON_REQUIRED', 'moderation: an override needs a reason', {});
  return db.transaction((): OverrideRecord => {
    const entry = db.prepare<[number, string], { id: number; reg_no: string; kind: EntryKind; category: string | null }>('SELECT id, reg_no, kind, category FROM entries WHERE id = ? AND campaign_id = ?').get(input.entryId, input.campaignId);
    if (!entry) throw new KepuError('ENTRY_NOT_FOUND', `moderation: entry #${input.entryId} is not in campaign ${input.campaignId}`, { id: input.entryId });
    const json = db.prepare('SELECT definition_json FROM campaigns WHERE id = ?').pluck().get(input.campaignId) as string;
    const roundNo = workingRoundOfEntryId(db, input.campaignId, input.entryId);
    // The rubric of the entry's working round (its own, else the list's).
    const rubric = rubricOfRound(listFor(CampaignDefinition.parse(JSON.parse(json)), entry.kind, entry.category), roundNo);
    const dimension = rubric.find((d) => d.key === input.dimension);
    if (!dimension) throw new KepuError('DIMENSION_UNKNOWN', `moderation: no dimension ${input.dimension}`, { dimension: input.dimension });
    validateScore(dimension, input.value);
    const signed = db
      .prepare('SELECT value FROM scores WHERE entry_id = ? AND judge_id = ? AND dimension_key = ? AND round_no = ?')
      .pluck()
      .get(input.entryId, input.judgeId, input.dimension, roundNo) as number | undefined;
    if (signed === undefined) {
      throw new KepuError('SCORE_OVERRIDE_NO_SCORE', `moderation: judge ${input.judgeId} has no score on ${input.dimension} for ${entry.reg_no}`, {
        regNo: entry.reg_no,
        dimension: input.dimension,
      });
    }
    const previous = inEffect(db, input.campaignId, input.entryId, input.judgeId, input.dimension, roundNo);
    const at = nowIso();
    const id = Number(
      db
        .prepare('INSERT INTO score_overrides (campaign_id, entry_id, judge_id, dimension_key, value, withdraws, reason, actor, at, round_no) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)')
        .run(input.campaignId, input.entryId, input.judgeId, input.dimension, input.value, reason, input.actor, at, roundNo).lastInsertRowid,
    );
    audit(db, at, 'score.override', input.campaignId, {
      overrideId: id,
      regNo: entry.reg_no,
      judgeId: input.judgeId,
      judge: judgeName(db, input.judgeId),
      dimension: input.dimension,
      signed,
      from: previous?.value ?? signed,
      to: input.value,
      reason,
      by: input.actor,
    });
    return one(db, input.campaignId, id);
  })();
}

/** Withdraws the override in effect `overrideId`: the judge's signed score counts again. */
export function withdrawOverride(db: Database, campaignId: string, overrideId: number, reasonText: string, actor: string): OverrideRecord {
  const reason = reasonText.trim();
  if (reason.length === 0) throw new KepuError('SCORE_OVERRIDE_REASON_REQUIRED', 'moderation: withdrawing an override needs a reason', {});
  return db.transaction((): OverrideRecord => {
    const target = (db.prepare(`${ROWS} AND o.id = @id`).get({ campaignId, id: overrideId }) as Row | undefined) ?? null;
    if (!target) throw new KepuError('SCORE_OVERRIDE_NOT_FOUND', `moderation: no override #${overrideId} in ${campaignId}`, { id: overrideId });
    if (!record(target).inEffect) {
      throw new KepuError('SCORE_OVERRIDE_NOT_IN_EFFECT', `moderation: override #${overrideId} is no longer in effect`, { id: overrideId, regNo: target.reg_no });
    }
    const at = nowIso();
    const id = Number(
      db
        .prepare('INSERT INTO score_overrides (campaign_id, entry_id, judge_id, dimension_key, value, withdraws, reason, actor, at, round_no) VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, ?)')
        .run(campaignId, target.entry_id, target.judge_id, target.dimension_key, overrideId, reason, actor, at, target.round_no).lastInsertRowid,
    );
    audit(db, at, 'score.override_withdraw', campaignId, {
      overrideId: id,
      withdraws: overrideId,
      regNo: target.reg_no,
      judgeId: target.judge_id,
      judge: judgeName(db, target.judge_id),
      dimension: target.dimension_key,
      from: target.value,
      to: target.signed,
      reason,
      by: actor,
    });
    return one(db, campaignId, id);
  })();
}

function inEffect(db: Database, campaignId: string, entryId: number, judgeId: string, dimension: string, roundNo: number): { id: number; value: number } | null {
  const last = db
    .prepare<[string, number, string, string, number], { id: number; value: number | null }>(
      'SELECT id, value FROM score_overrides WHERE campaign_id = ? AND entry_id = ? AND judge_id = ? AND dimension_key = ? AND round_no = ? ORDER BY id DESC LIMIT 1',
    )
    .get(campaignId, entryId, judgeId, dimension, roundNo);
  return last && last.value !== null ? { id: last.id, value: last.value } : null;
}

function judgeName(db: Database, judgeId: string): string {
  return (db.prepare('SELECT name FROM judges WHERE id = ?').pluck().get(judgeId) as string | undefined) ?? judgeId;
}

function one(db: Database, campaignId: string, id: number): OverrideRecord {
  return record(db.prepare(`${ROWS} AND o.id = @id`).get({ campaignId, id }) as Row);
}

function audit(db: Database, at: string, action: string, campaignId: string, details: Record<string, unknown>): void {
  db.prepare(`INSERT INTO audit_log (at, actor, action, subject, details_json) VALUES (?, 'local', ?, ?, ?)`).run(at, action, campaignId, JSON.stringify(details));
}
