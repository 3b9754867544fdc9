// Per-entry decisions (issue 14): the history in entry_decisions (migration 0014, appended only)
// and what applies now, derived from it. The ranking honours what applies (ranking-service.ts,
// run-ranking.ts); a locked result records it in its snapshot inputs (ranking/snapshot.ts).
// What is in effect for an entry, reading its decisions oldest first:
// - disqualify / withdraw hold the entry out of the ranking. At most one of them is in effect: a
//   second one is refused until the entry is reinstated (the reason for holding stays clear).
// - accept-late lifts the late or early hold for this entry (the global holdLate policy stays);
//   waive-media lifts the non_compliant_media hold. Both can be in effect together, and together
//   with a disqualification or withdrawal (the entry is then still held, by that).
// - reinstate returns the entry to its natural state: it cancels every decision in effect —
//   disqualify, withdraw, accept-late and waive-media alike. After it, a late entry is held as
//   late again and a media fault holds again until a new decision says otherwise.
// Invalid combinations are refused with their own codes: the same kind again while in effect,
// accept-late on an entry that is neither late nor early, waive-media on an entry whose media have
// no failing verdict, reinstate with nothing in effect.
import type { Database } from 'better-sqlite3';
import type { DecisionKind, EffectiveDecisionKind, EntryDecision, EntryDecisionState } from '../../contract';
import { decisionKinds } from '../../contract/decision-kinds';
import { CampaignRepo } from '../campaigns/campaign-repo';
import { KepuError } from '../errors';
import { complianceRows } from '../media/compliance';
import { nowIso } from '../time';

export interface DecisionInput {
  campaignId: string;
  entryId: number;
  kind: DecisionKind;
  reason: string;
  /** Who decided: the coordinator's identity name (as other audit rows record the actor). */
  actor: string;
}

interface DecisionRow {
  id: number;
  entry_id: number;
  reg_no: string;
  kind: DecisionKind;
  reason: string;
  actor: string;
  at: string;
}

const HOLDS: readonly EffectiveDecisionKind[] = ['disqualify', 'withdraw'];

function view(row: DecisionRow): EntryDecision {
  return { id: row.id, entryId: row.entry_id, regNo: row.reg_no, kind: row.kind, reason: row.reason, actor: row.actor, at: row.at };
}

function historyRows(db: Database, campaignId: string, entryId?: number): EntryDecision[] {
  return (
    db
      .prepare(
        `SELECT d.id, d.entry_id, e.reg_no, d.kind, d.reason, d.actor, d.at FROM entry_decisions d JOIN entries e ON e.id = d.entry_id
         WHERE d.campaign_id = @campaignId ${entryId === undefined ? '' : 'AND d.entry_id = @entryId'} ORDER BY d.id`,
      )
      .all({ campaignId, entryId }) as DecisionRow[]
  ).map(view);
}

/** What one entry's history leaves in effect (oldest first, one per kind). */
export function inEffect(history: readonly EntryDecision[]): EntryDecision[] {
  const current = new Map<EffectiveDecisionKind, EntryDecision>();
  for (const d of history) {
    if (d.kind === 'reinstate') current.clear();
    else current.set(d.kind, d);
  }
  return [...current.values()].sort((a, b) => a.id - b.id);
}

/** The decisions in effect per entry of the campaign (entries without any are absent). */
export function currentDecisions(db: Database, campaignId: string): Map<number, EntryDecision[]> {
  const byEntry = new Map<number, EntryDecision[]>();
  for (const d of historyRows(db, campaignId)) byEntry.set(d.entryId, [...(byEntry.get(d.entryId) ?? []), d]);
  const out = new Map<number, EntryDecision[]>();
  for (const [entryId, history] of byEntry) {
    const current = inEffect(history);
    if (current.length > 0) out.set(entryId, current);
  }
  return out;
}

interface EntryFacts {
  id: number;
  reg_no: string;
  is_late: number;
  is_early: number;
}

function entryFacts(db: Database, campaignId: string, entryId: number): EntryFacts {
  const row = db.prepare('SELECT id, reg_no, is_late, is_early FROM entries WHERE id = ? AND campaign_id = ?').get(entryId, campaignId) as EntryFacts | undefined;
  if (!row) throw new KepuError('ENTRY_NOT_FOUND', `decision: entry #${entryId} is not in campaign ${campaignId}`, { id: entryId });
  return row;
}

function hasMediaFault(db: Database, campaignId: string, entryId: number): boolean {
  return complianceRows({ db, campaigns: new CampaignRepo(db) }, campaignId, entryId).some((r) => r.verdict === 'fail' || r.verdict === 'unreadable');
}

/** Why `kind` cannot be taken now, or null when it can. */
function refusal(db: Database, campaignId: string, entry: EntryFacts, current: readonly EntryDecision[], kind: DecisionKind): KepuError | null {
  const regNo = entry.reg_no;
  if (kind === 'reinstate') {
    return current.length === 0 ? new KepuError('DECISION_NOTHING_TO_CANCEL', `decision: ${regNo} has no decision in effect to cancel`, { regNo }) : null;
  }
  const same = current.find((d) => d.kind === kind || (HOLDS.includes(kind) && HOLDS.includes(d.kind as EffectiveDecisionKind)));
  if (same) return new KepuError('DECISION_ALREADY_IN_EFFECT', `decision: ${regNo} is already under ${same.kind}`, { regNo, kind: same.kind });
  if (kind === 'accept-late' && !entry.is_late && !entry.is_early) {
    return new KepuError('DECISION_ENTRY_NOT_LATE', `decision: ${regNo} was submitted on time`, { regNo });
  }
  if (kind === 'waive-media' && !hasMediaFault(db, campaignId, entry.id)) {
    return new KepuError('DECISION_NO_MEDIA_FAULT', `decision: ${regNo} has no media file that fails its rules`, { regNo });
  }
  return null;
}

/** The entry of the campaign with this registration number (ENTRY_NOT_FOUND naming it). */
export function entryIdByRegNo(db: Database, campaignId: string, regNo: string): number {
  const id = db.prepare('SELECT id FROM entries WHERE campaign_id = ? AND reg_no = ?').pluck().get(campaignId, regNo) as number | undefined;
  if (id === undefined) throw new KepuError('ENTRY_NOT_FOUND', `decision: no entry ${regNo} in campaign ${campaignId}`, { id: regNo });
  return id;
}

/** One entry's decisions: in effect, history, and the kinds that may be taken now. */
export function entryDecisionState(db: Database, campaignId: string, entryId: number): EntryDecisionState {
  const entry = entryFacts(db, campaignId, entryId);
  const history = historyRows(db, campaignId, entryId);
  const current = inEffect(history);
  const allowed = decisionKinds.filter((k) => refusal(db, campaignId, entry, current, k) === null);
  return { entryId, regNo: entry.reg_no, current, history, allowed };
}

/** Every entry with a decision in its history, in registration-number order. */
export function listDecisionStates(db: Database, campaignId: string): EntryDecisionState[] {
  const ids = db
    .prepare(`SELECT DISTINCT d.entry_id FROM entry_decisions d JOIN entries e ON e.id = d.entry_id WHERE d.campaign_id = ? ORDER BY e.reg_no`)
    .pluck()
    .all(campaignId) as number[];
  return ids.map((id) => entryDecisionState(db, campaignId, id));
}

/**
 * Records one decision (and its audit row, in the same transaction) after checking it applies;
 * returns the entry's state after it. Used by decision:set, `kepu decision set`, and by the
 * notice's objections when one is upheld.
 */
export function recordDecision(db: Database, input: DecisionInput): EntryDecisionState {
  const reason = input.reason.trim();
  if (!reason) throw new KepuError('DECISION_REASON_REQUIRED', 'decision: a reason is required', { kind: input.kind });
  return db.transaction((): EntryDecisionState => {
    const entry = entryFacts(db, input.campaignId, input.entryId);
    const current = inEffect(historyRows(db, input.campaignId, input.entryId));
    const refused = refusal(db, input.campaignId, entry, current, input.kind);
    if (refused) throw refused;
    const at = nowIso();
    const id = Number(
      db
        .prepare('INSERT INTO entry_decisions (campaign_id, entry_id, kind, reason, actor, at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(input.campaignId, input.entryId, input.kind, reason, input.actor, at).lastInsertRowid,
    );
    const cancels = input.kind === 'reinstate' ? current.map((d) => ({ id: d.id, kind: d.kind })) : undefined;
    db.prepare(`INSERT INTO audit_log (at, actor, action, subject, details_json) VALUES (?, ?, 'entry.decision', ?, ?)`).run(
      at,
      input.actor,
      input.campaignId,
      JSON.stringify({ decisionId: id, entryId: input.entryId, regNo: entry.reg_no, kind: input.kind, reason, ...(cancels ? { cancels } : {}) }),
    );
    return entryDecisionState(db, input.campaignId, input.entryId);
  })();
}
