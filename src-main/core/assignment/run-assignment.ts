// Runs the assignment for a campaign against the database: existing pairs are kept (they count as
// fixed: manual overrides and earlier runs), declared conflicts are respected, new pairs are stored
// in one transaction with the seed and the rules applied recorded in the audit log so a run can be
// reproduced. The rules (exclude the entrant's own institution, prefer matching specialities) are
// the programme's (definition.assignment) unless the caller overrides them for this run.
// Scoring rounds (issue 14): when some list has rounds, each list is assigned on its own, for its
// current round (round_no), with that round's panel (null: every judge of the campaign) and
// judges per entry (null: the campaign's). Round 1 takes the list's entries; a later round takes
// the entries the caller names for the list (the shortlist), none when it names none. Entries whose
// formal check failed are never assigned in a scoring round; the result names them and each
// list's round. With no rounds anywhere the run is exactly the one-pass run it always was.
import type { Database } from 'better-sqlite3';
import { shortlistedEntryIds } from '../shortlist/shortlist-repo';
import type { CampaignDefinition, EntryKind } from '../../contract';
import { listFor, scoringRoundOf, scoringRoundsOf } from '../../contract/lists';
import type { CampaignRepo } from '../campaigns/campaign-repo';
import { declaredConflictPairs } from '../review/judge-declared-conflicts';
import type { JudgeRepo } from '../review/judge-repo';
import { formalCheckHolds } from '../rounds/formal-checks';
import { closedRounds, currentRoundNo } from '../rounds/round-state';
import { nowIso } from '../time';
import { assignJudges, type AssignResult } from './assign';
import { pairKey } from './conflicted-pairs';

/** What a run did per list: its round, how many entries it took, or why it took none. */
export interface RoundRun {
  list: string;
  roundNo: number | null;
  entries: number;
  skipped: 'all_closed' | 'no_entry_set' | null;
}

type EntryRow = { id: number; reg_no: string; kind: string; category: string | null; entrantName: string; entrantUnit: string | null };

export function runAssignment(
  deps: { db: Database; campaigns: CampaignRepo; judges: JudgeRepo },
  campaignId: string,
  options: { seed?: string; categoryMatching?: boolean; excludeOwnInstitution?: boolean; roundEntries?: Record<string, readonly number[]>; entryIds?: readonly number[] } = {},
): AssignResult & { seed: string; categoryMatching: boolean; excludeOwnInstitution: boolean; rounds: RoundRun[]; formalFailed: { entryId: number; regNo: string }[] } {
  const def = deps.campaigns.definition(campaignId);
  const categoryMatching = options.categoryMatching ?? def.assignment.matchSpeciality;
  const excludeOwnInstitution = options.excludeOwnInstitution ?? def.assignment.excludeOwnInstitution;
  const db = deps.db;
  const entries = db
    .prepare('SELECT id, reg_no, kind, category, entrant_name AS entrantName, entrant_unit AS entrantUnit FROM entries WHERE campaign_id = ?')
    .all(campaignId) as EntryRow[];
  const judges = (db
    .prepare<[string], { id: string; institution: string | null; specialities_json: string }>(`SELECT j.id, j.institution, j.specialities_json FROM judges j JOIN campaign_judges cj ON cj.judge_id = j.id WHERE cj.campaign_id = ?`)
    .all(campaignId)).map((j) => ({
    id: j.id,
    institution: j.institution,
    specialities: JSON.parse(j.specialities_json) as string[],
  }));
  const existing = db
    .prepare<[string], { entryId: number; judgeId: string; roundNo: number }>(`SELECT a.entry_id AS entryId, a.judge_id AS judgeId, a.round_no AS roundNo FROM assignments a JOIN entries e ON e.id = a.entry_id WHERE e.campaign_id = ?`)
    .all(campaignId);
  // A declared conflict is about the person and the entry: it holds in every round. Judges declare
  // theirs in the workspace; the coordinator declares institutions and entries on the roster.
  const conflicts = [
    ...db
      .prepare<[string], { entryId: number; judgeId: string }>(`SELECT DISTINCT c.entry_id AS entryId, c.judge_id AS judgeId FROM conflicts c JOIN entries e ON e.id = c.entry_id WHERE e.campaign_id = ?`)
      .all(campaignId),
    ...declaredConflictPairs(db, campaignId),
  ];
  const judgeIds = new Set(judges.map((j) => j.id));
  // A judge who declared a conflict stays on record but is not one of the entry's judges: the
  // entry gets another. Their pair neither fills the entry nor counts in their load.
  const conflicted = new Set(conflicts.map((c) => pairKey(c.entryId, c.judgeId)));
  // Only these entries get new judges (one-click reassignment); every stored pair still counts in
  // the judges' loads, so the new judge is the least loaded one allowed.
  const only = options.entryIds ? new Set(options.entryIds) : null;
  const seed = options.seed ?? campaignId;
  const rules = { categoryMatching, excludeOwnInstitution, seed };
  const withRounds = def.lists.some((l) => scoringRoundsOf(l).length > 0);
  const plan = withRounds
    ? roundPlan(db, def, campaignId, entries, options.roundEntries ?? {})
    : { groups: [{ list: null, roundNo: 1, entries, panel: null, perEntry: def.judgesPerEntry }], rounds: [] as RoundRun[], formalFailed: [] };
  const results = plan.groups.map((g) => {
    const inRound = existing.filter((p) => p.roundNo === g.roundNo);
    const result = assignJudges({
      entries: only ? g.entries.filter((e) => only.has(e.id)) : g.entries,
      judges: g.panel ? judges.filter((j) => g.panel!.includes(j.id)) : judges,
      perEntry: g.perEntry,
      conflicts,
      fixed: inRound.filter((p) => judgeIds.has(p.judgeId) && !conflicted.has(pairKey(p.entryId, p.judgeId))).map(({ entryId, judgeId }) => ({ entryId, judgeId })),
      ...rules,
    });
    return { roundNo: g.roundNo, result };
  });
  const result = combine(results.map((r) => r.result));
  db.transaction(() => {
    for (const r of results) deps.judges.assign(r.result.pairs, 'auto', r.roundNo);
    const details: Record<string, unknown> = { seed, categoryMatching, excludeOwnInstitution, added: result.pairs.length, shortfalls: result.shortfalls.length };
    if (only) details.entries = [...only];
    if (withRounds) Object.assign(details, { rounds: plan.rounds, formalFailed: plan.formalFailed.length });
    db.prepare(`INSERT INTO audit_log (at, actor, action, subject, details_json) VALUES (?, 'local', 'assignment.run', ?, ?)`).run(nowIso(), campaignId, JSON.stringify(details));
  })();
  return { ...result, seed, categoryMatching, excludeOwnInstitution, rounds: plan.rounds, formalFailed: plan.formalFailed };
}

/** Per list: its current round, the entries it takes and the round's panel and judges per entry. */
function roundPlan(db: Database, def: CampaignDefinition, campaignId: string, entries: readonly EntryRow[], roundEntries: Record<string, readonly number[]>) {
  const failed = new Set([...formalCheckHolds(db, def, campaignId)].filter(([, h]) => h.verdict === 'fail').map(([id]) => id));
  const closed = closedRounds(db, campaignId);
  const formalFailed = entries.filter((e) => failed.has(e.id)).map((e) => ({ entryId: e.id, regNo: e.reg_no }));
  const rounds: RoundRun[] = [];
  const shortlistOf = (listKey: string, roundNo: number) => {
    const ids = shortlistedEntryIds(db, campaignId, listKey, roundNo);
    return ids ? [...ids] : undefined;
  };
  const groups = def.lists.flatMap((list) => {
    const roundNo = currentRoundNo(list, closed);
    if (roundNo === null) {
      rounds.push({ list: list.key, roundNo: null, entries: 0, skipped: 'all_closed' });
      return [];
    }
    const ofList = entries.filter((e) => listFor(def, e.kind as EntryKind, e.category).key === list.key && !failed.has(e.id));
    // A later round takes the entries the caller names, else the previous round's shortlist (core/shortlist).
    const named = roundNo >= 2 ? (roundEntries[list.key] ?? shortlistOf(list.key, roundNo - 1)) : undefined;
    if (roundNo >= 2 && !named) {
      rounds.push({ list: list.key, roundNo, entries: 0, skipped: 'no_entry_set' });
      return [];
    }
    const wanted = named ? new Set(named) : null;
    const taken = wanted ? ofList.filter((e) => wanted.has(e.id)) : ofList;
    const round = scoringRoundOf(list, roundNo);
    rounds.push({ list: list.key, roundNo, entries: taken.length, skipped: null });
    return [{ list: list.key, roundNo, entries: taken, panel: round?.panel ?? null, perEntry: round?.judgesPerEntry ?? def.judgesPerEntry }];
  });
  return { groups, rounds, formalFailed };
}

/** One result from the per-list runs: pairs and shortfalls joined, loads summed per judge. */
function combine(results: readonly AssignResult[]): AssignResult {
  if (results.length === 1) return results[0];
  const load = new Map<string, number>();
  for (const r of results) for (const l of r.load) load.set(l.judgeId, (load.get(l.judgeId) ?? 0) + l.assigned);
  const loads = [...load.values()];
  const byEntry = <T extends { entryId: number }>(a: T, b: T) => a.entryId - b.entryId;
  return {
    pairs: results.flatMap((r) => r.pairs).sort((a, b) => a.entryId - b.entryId || a.judgeId.localeCompare(b.judgeId)),
    load: [...load].map(([judgeId, assigned]) => ({ judgeId, assigned })).sort((a, b) => a.judgeId.localeCompare(b.judgeId)),
    shortfalls: results.flatMap((r) => r.shortfalls).sort(byEntry),
    fixedViolations: results.flatMap((r) => r.fixedViolations).sort(byEntry),
    stats: {
      entries: results.reduce((n, r) => n + r.stats.entries, 0),
      judges: load.size,
      minLoad: loads.length ? Math.min(...loads) : 0,
      maxLoad: loads.length ? Math.max(...loads) : 0,
      matchedBySpeciality: results.reduce((n, r) => n + r.stats.matchedBySpeciality, 0),
      rebalanceMoves: results.reduce((n, r) => n + r.stats.rebalanceMoves, 0),
    },
  };
}
