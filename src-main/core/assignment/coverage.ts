// What the assignment screen shows: load per judge and coverage per entry (assigned vs wanted),
// computed from whatever pairs exist — automatic, manual or both — so the view stays right after
// manual overrides. Pure; a repeated pair counts once, and pairs naming an entry or judge not in
// the lists are counted as strays rather than dropped silently.
import type { Pair } from './problem';

export interface CoverageInput {
  entryIds: readonly number[];
  judgeIds: readonly string[];
  /** k: the campaign's judges per entry. */
  perEntry: number;
  pairs: readonly Pair[];
}

export interface EntryCoverage {
  entryId: number;
  assigned: number;
  wanted: number;
  /** max(0, wanted − assigned). */
  missing: number;
}

export interface CoverageSummary {
  /** Every judge, sorted by id. */
  judges: { judgeId: string; assigned: number }[];
  /** Every entry, sorted by id. */
  entries: EntryCoverage[];
  totals: {
    pairs: number;
    entries: number;
    judges: number;
    /** Entries with at least k judges. */
    covered: number;
    /** Entries with some but fewer than k judges. */
    partial: number;
    /** Entries with no judge at all. */
    unassigned: number;
    /** Judge slots still to fill: Σ missing. */
    missing: number;
    minLoad: number;
    maxLoad: number;
    /** Pairs naming an entry or judge outside the lists (not counted anywhere else). */
    strays: number;
    /** Pairs given more than once (counted once). */
    duplicates: number;
  };
}

export function summarizeCoverage(input: CoverageInput): CoverageSummary {
  const entryIds = [...new Set(input.entryIds)].sort((a, b) => a - b);
  const judgeIds = [...new Set(input.judgeIds)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const perEntry = Math.max(0, input.perEntry);
  const entryCount = new Map<number, number>(entryIds.map((id) => [id, 0]));
  const judgeCount = new Map<string, number>(judgeIds.map((id) => [id, 0]));

  const seen = new Set<string>();
  let pairs = 0;
  let strays = 0;
  let duplicates = 0;
  for (const p of input.pairs) {
    const key = `${p.entryId}\u0000${p.judgeId}`;
    if (seen.has(key)) {
      duplicates++;
      continue;
    }
    seen.add(key);
    const e = entryCount.get(p.entryId);
    const j = judgeCount.get(p.judgeId);
    if (e === undefined || j === undefined) {
      strays++;
      continue;
    }
    entryCount.set(p.entryId, e + 1);
    judgeCount.set(p.judgeId, j + 1);
    pairs++;
  }

  let covered = 0;
  let partial = 0;
  let unassigned = 0;
  let missing = 0;
  const entries = entryIds.map((entryId): EntryCoverage => {
    const assigned = entryCount.get(entryId)!;
    const short = Math.max(0, perEntry - assigned);
    if (short === 0) covered++;
    else if (assigned === 0) unassigned++;
    else partial++;
    missing += short;
    return { entryId, assigned, wanted: perEntry, missing: short };
  });
  const judges = judgeIds.map((judgeId) => ({ judgeId, assigned: judgeCount.get(judgeId)! }));
  const loads = judges.map((j) => j.assigned);

  return {
    judges,
    entries,
    totals: {
      pairs,
      entries: entries.length,
      judges: judges.length,
      covered,
      partial,
      unassigned,
      missing,
      minLoad: loads.length ? Math.min(...loads) : 0,
      maxLoad: loads.length ? Math.max(...loads) : 0,
      strays,
      duplicates,
    },
  };
}
