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

/**
 * Several scopes' summaries as one (a campaign with scoring rounds counts each list's working round
 * on its own): entries concatenated, loads summed per judge, totals summed, loads recomputed.
 */
export function combineCoverage(parts: readonly CoverageSummary[]): CoverageSummary {
  if (parts.length === 1) return parts[0];
  const load = new Map<string, number>();
  for (const p of parts) for (const j of p.judges) load.set(j.judgeId, (load.get(j.judgeId) ?? 0) + j.assigned);
  const judges = [...load].map(([judgeId, assigned]) => ({ judgeId, assigned })).sort((a, b) => (a.judgeId < b.judgeId ? -1 : a.judgeId > b.judgeId ? 1 : 0));
  const entries = parts.flatMap((p) => p.entries).sort((a, b) => a.entryId - b.entryId);
  const sum = (k: 'pairs' | 'covered' | 'partial' | 'unassigned' | 'missing' | 'strays' | 'duplicates') => parts.reduce((n, p) => n + p.totals[k], 0);
  const loads = judges.map((j) => j.assigned);
  return {
    judges,
    entries,
    totals: {
      pairs: sum('pairs'),
      entries: entries.length,
      judges: judges.length,
      covered: sum('covered'),
      partial: sum('partial'),
      unassigned: sum('unassigned'),
      missing: sum('missing'),
      minLoad: loads.length ? Math.min(...loads) : 0,
      maxLoad: loads.length ? Math.max(...loads) : 0,
      strays: sum('strays'),
      duplicates: sum('duplicates'),
    },
  };
}
