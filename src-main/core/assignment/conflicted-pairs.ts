// The (entry, judge) pairs a judge declared a conflict on: the judge stays assigned on record (the
// declaration is part of the review) but does not count as one of the entry's judges — the entry
// needs another, and the assignment finds one (one click from the coverage list).
import type { Database } from 'better-sqlite3';

/** Keys "entryId\u0000judgeId" of every declared conflict in the campaign (any round: it is about the person). */
export function conflictedPairKeys(db: Database, campaignId: string): Set<string> {
  const rows = db
    .prepare<[string], { entryId: number; judgeId: string }>('SELECT DISTINCT c.entry_id AS entryId, c.judge_id AS judgeId FROM conflicts c JOIN entries e ON e.id = c.entry_id WHERE e.campaign_id = ?')
    .all(campaignId);
  return new Set(rows.map((r) => pairKey(r.entryId, r.judgeId)));
}

export function pairKey(entryId: number, judgeId: string): string {
  return `${entryId}\u0000${judgeId}`;
}
