// What the coverage view and the merge report count, round by round (issue 14). A campaign without
// scoring rounds counts every entry and assignment exactly as before. With rounds, each list counts
// its working round only (core/rounds/round-state.ts: the current round, the last when all are
// closed): round 1 takes the list's entries that did not fail the formal check; a later round the
// previous round's shortlist plus any entry assigned in it; judges per entry are the round's own.
// Without this, round 2's coverage and merge counts added round 1's finished work on top.
import type { Database } from 'better-sqlite3';
import { pairKey } from './conflicted-pairs';
import type { EntryKind } from '../../contract';
import { CampaignDefinition } from '../../contract/domain';
import { listFor, scoringRoundOf, scoringRoundsOf } from '../../contract/lists';
import { formalCheckHolds } from '../rounds/formal-checks';
import { workingRounds } from '../rounds/round-state';
import { shortlistedEntryIds } from '../shortlist/shortlist-repo';

/** One list's working round: the entries it takes, judges per entry, and the round number. */
export interface RoundScope {
  listKey: string | null;
  roundNo: number;
  perEntry: number;
  entryIds: number[];
}

interface EntryRow {
  id: number;
  kind: EntryKind;
  category: string | null;
}

/** True when some list of the campaign runs more than one scoring round or a formal check. */
function hasRounds(def: CampaignDefinition): boolean {
  return def.lists.some((l) => scoringRoundsOf(l).length > 1 || (l.rounds ?? []).some((r) => r.kind === 'formal'));
}

/** Per list, the working round's scope; without rounds one scope: every entry, round 1. */
export function roundScopes(db: Database, campaignId: string, def: CampaignDefinition): RoundScope[] {
  const entries = db.prepare('SELECT id, kind, category FROM entries WHERE campaign_id = ? ORDER BY id').all(campaignId) as EntryRow[];
  if (!hasRounds(def)) return [{ listKey: null, roundNo: 1, perEntry: def.judgesPerEntry, entryIds: entries.map((e) => e.id) }];
  const working = workingRounds(db, campaignId, def);
  const failed = new Set([...formalCheckHolds(db, def, campaignId)].filter(([, h]) => h.verdict === 'fail').map(([id]) => id));
  const assignedIn = db.prepare('SELECT DISTINCT a.entry_id FROM assignments a JOIN entries e ON e.id = a.entry_id WHERE e.campaign_id = ? AND a.round_no = ?').pluck();
  return def.lists.map((list) => {
    const roundNo = working.get(list.key) ?? 1;
    const ofList = entries.filter((e) => listFor(def, e.kind, e.category).key === list.key);
    let taken: number[];
    if (roundNo === 1) taken = ofList.filter((e) => !failed.has(e.id)).map((e) => e.id);
    else {
      const wanted = new Set<number>([...(shortlistedEntryIds(db, campaignId, list.key, roundNo - 1) ?? []), ...(assignedIn.all(campaignId, roundNo) as number[])]);
      taken = ofList.filter((e) => wanted.has(e.id)).map((e) => e.id);
    }
    const round = scoringRoundOf(list, roundNo);
    return { listKey: list.key, roundNo, perEntry: round?.judgesPerEntry ?? def.judgesPerEntry, entryIds: taken };
  });
}

/** The (entry, judge) assignments of each scope's round, for the scope's entries. */
export function scopePairs(db: Database, campaignId: string, scope: Pick<RoundScope, 'roundNo' | 'entryIds'>): { entryId: number; judgeId: string }[] {
  const ids = new Set(scope.entryIds);
  const rows = db
    .prepare<unknown[], { entryId: number; judgeId: string }>('SELECT a.entry_id AS entryId, a.judge_id AS judgeId FROM assignments a JOIN entries e ON e.id = a.entry_id WHERE e.campaign_id = ? AND a.round_no = ?')
    .all(campaignId, scope.roundNo);
  return rows.filter((r) => ids.has(r.entryId));
}

/** The entry ids and round number each counted row must match: entry → its scope's round. */
export function roundOfEntry(scopes: readonly Pick<RoundScope, 'roundNo' | 'entryIds'>[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const s of scopes) for (const id of s.entryIds) out.set(id, s.roundNo);
  return out;
}

/**
 * Each judge's assignments in the working rounds (the judges table's "assigned"), or null when the
 * campaign has no rounds (then every assignment is round 1's and the plain count is right).
 */
export function assignedInWorkingRounds(db: Database, campaignId: string, skip: ReadonlySet<string> = new Set()): Map<string, number> | null {
  const json = db.prepare('SELECT definition_json FROM campaigns WHERE id = ?').pluck().get(campaignId) as string | undefined;
  if (json === undefined) return null;
  const def = CampaignDefinition.parse(JSON.parse(json));
  if (!hasRounds(def)) return null;
  const out = new Map<string, number>();
  for (const scope of roundScopes(db, campaignId, def)) {
    for (const p of scopePairs(db, campaignId, scope)) if (!skip.has(pairKey(p.entryId, p.judgeId))) out.set(p.judgeId, (out.get(p.judgeId) ?? 0) + 1);
  }
  return out;
}
