// The (entry, judge) pairs a judge declared a conflict on: the judge stays assigned on record (the
// declaration is part of the review) but does not count as one of the entry's judges — the entry
// needs another, and the assignment finds one (one click from the coverage list).
import type { Database } from 'better-sqlite3';
import { declaredConflictPairs } from '../review/judge-declared-conflicts';

/**
 * Keys "entryId\u0000judgeId" of every conflict in the campaign: declared by the judge (any round:
 * it is about the person) or by the coordinator on the roster (an entry, or the judge's conflict
 * institutions) — the same set the assignment keeps judges off.
 */
export function conflictedPairKeys(db: Database, campaignId: string): Set<string> {
  const rows = db
    .prepare<[string], { entryId: number; judgeId: string }>('SELECT DISTINCT c.entry_id AS entryId, c.judge_id AS judgeId FROM conflicts c JOIN entries e ON e.id = c.entry_id WHERE e.campaign_id = ?')
    .all(campaignId);
  return new Set([...rows, ...declaredConflictPairs(db, campaignId)].map((r) => pairKey(r.entryId, r.judgeId)));
}

export function pairKey(entryId: number, judgeId: string): string {
  return `${entryId}\u0000${judgeId}`;
}
