// Judge assignment, pure and deterministic: entries × judges → (entry, judge) pairs.
//
// Hard rules, never broken by a new pair: a judge is on an entry at most once; never a judge whose
// institution equals (after normalize.ts) the entrant's unit or the entrant's own name (units enter
// under their own name); never a declared conflict. Fixed pairs (manual overrides, pairs already
// stored) are kept as given, count towards the entry's k and the judge's load, and are reported in
// `fixedViolations` when a rule forbids them.
//
// Coverage: every entry gets min(k − fixed, eligible judges) new pairs — as many as the rules
// allow, since a judge has no capacity limit; anything short of k is a shortfall with a reason.
//
// Balance. load(j) = fixed + new pairs of judge j, over all judges given. A move hands a new pair
// (e, a) to a judge b allowed on e (not excluded, not conflicted, not already on e); a chain is a
// sequence of moves a → c1 → … → b in which each judge passes on one pair, so only a loses one and
// only b gains one. Guaranteed on return, with G = 2 (matching off) or G = 3 (matching on):
//   no chain exists from any judge a to any judge b with load(a) − load(b) ≥ G.
// - With G = 2 this is the optimality condition of balanced loads on this flow: no valid
//   assignment that keeps the fixed pairs and gives every entry as many judges has a lower
//   maximum load or a higher minimum load. Corollary: when every judge may take every entry and
//   nothing is fixed, max − min ≤ 1.
// - With category matching the corollary reads max − min ≤ 2: a specialist (speciality includes
//   the entry's category or kind) is preferred over a non-specialist unless its load exceeds the
//   non-specialist's by more than 1. One pair of slack buys the matches (at 50,000 × 5 over 200,
//   one pair is 0.08 % of a judge's 1250).
//
// Method: entries in canonical order by (eligible judges ascending — the most constrained first —
// then seeded hash), each taking the best `need` eligible judges by (load, minus 1 for a
// specialist when matching is on; specialist first; seeded hash of (entry, judge); judge id);
// then rebalance.ts repairs what exclusions and fixed pairs left uneven. O(E·J) cheap steps for the
// greedy pass (10 M at 50,000 × 200). Ties use seeded hashes of ids, never input positions, so
// permuting the input changes nothing and the same seed always gives the same output.
import { hashString, mixPair } from './seeded';
import { type AssignEntry, type AssignJudge, buildProblem, type FixedViolation, type Pair } from './problem';
import { rebalance } from './rebalance';

export type { AssignEntry, AssignJudge, FixedViolation, FixedViolationReason, Pair } from './problem';

export interface AssignInput {
  entries: readonly AssignEntry[];
  judges: readonly AssignJudge[];
  /** k: the campaign's judges per entry (3 for works, 5 for the committee template). */
  perEntry: number;
  /** Declared conflicts: never assigned. Pairs naming an entry or judge outside the run are ignored. */
  conflicts?: readonly Pair[];
  /** Pairs to keep (manual overrides, existing assignments); an entry outside the run only adds load. */
  fixed?: readonly Pair[];
  /** Prefer judges whose specialities include the entry's category or kind (see the top comment). */
  categoryMatching?: boolean;
  /** Never a judge of the entrant's own institution (the default); false: only conflicts exclude. */
  excludeOwnInstitution?: boolean;
  /** Same inputs and seed → the same output, byte for byte; another seed → another valid output. */
  seed: string;
}

export interface Shortfall {
  entryId: number;
  /** Fixed + new judges the entry has. */
  assigned: number;
  wanted: number;
  reason: 'not_enough_eligible_judges';
}

export interface AssignResult {
  /** New pairs only (fixed ones excluded), sorted by entry id then judge id. */
  pairs: Pair[];
  /** Every judge, sorted by id: fixed + new pairs. */
  load: { judgeId: string; assigned: number }[];
  /** Entries left with fewer than k judges, sorted by entry id. */
  shortfalls: Shortfall[];
  /** Fixed pairs kept although a rule forbids them, sorted by entry id then judge id. */
  fixedViolations: FixedViolation[];
  stats: {
    entries: number;
    judges: number;
    /** Over all judges, fixed pairs included; 0 when there are no judges. */
    minLoad: number;
    maxLoad: number;
    /** New pairs whose judge is a specialist for the entry (counted whether matching is on or not). */
    matchedBySpeciality: number;
    /** Pairs moved by the load repair after the greedy pass. */
    rebalanceMoves: number;
  };
}

/** How much extra load a specialist may carry and still be preferred (see the top comment). */
export const SPECIALIST_SLACK = 1;

export function assignJudges(input: AssignInput): AssignResult {
  const problem = buildProblem(input);
  const { entryIds, judgeIds, perEntry: k, excluded, fixed, specialityGroup, specialists } = problem;
  const E = entryIds.length;
  const J = judgeIds.length;
  const matching = input.categoryMatching === true;
  const slack = matching ? SPECIALIST_SLACK : 0;

  const seedHash = hashString(input.seed, 0x2545f491);
  const judgeHash = new Uint32Array(J);
  for (let j = 0; j < J; j++) judgeHash[j] = hashString(judgeIds[j], seedHash);
  const entryHash = new Uint32Array(E);
  for (let e = 0; e < E; e++) entryHash[e] = hashString(String(entryIds[e]), seedHash ^ 0x5bd1e995);

  // Eligible = not excluded and not already fixed on the entry; marks use a per-entry stamp.
  const mark = new Int32Array(J).fill(-1);
  const markEntry = (e: number): number => {
    let taken = 0;
    for (const list of [excluded[e], fixed[e]]) {
      for (const j of list) {
        if (mark[j] === e) continue;
        mark[j] = e;
        taken++;
      }
    }
    return J - taken;
  };
  const eligible = new Int32Array(E);
  for (let e = 0; e < E; e++) eligible[e] = markEntry(e);
  const order = Array.from({ length: E }, (_, e) => e).sort((a, b) => eligible[a] - eligible[b] || entryHash[a] - entryHash[b] || a - b);

  const load = Int32Array.from(problem.fixedLoad);
  const slots = new Int32Array(E * k).fill(-1);
  const bestKey = new Float64Array(k);
  const bestHash = new Uint32Array(k);
  const bestJudge = new Int32Array(k);
  mark.fill(-1);

  for (const e of order) {
    const need = Math.min(Math.max(0, k - fixed[e].length), eligible[e]);
    if (need === 0) continue;
    markEntry(e);
    const mask = matching ? specialists[specialityGroup[e]] : null;
    const he = entryHash[e];
    let n = 0;
    for (let j = 0; j < J; j++) {
      if (mark[j] === e) continue;
      const special = mask !== null && mask[j] === 1 ? 1 : 0;
      // Twice the effective load, +1 for a non-specialist when matching: specialists win ties.
      const key = (load[j] - special * slack) * 2 + (mask !== null ? 1 - special : 0);
      if (n === need && key > bestKey[need - 1]) continue;
      const h = mixPair(he, judgeHash[j]);
      if (n === need && key === bestKey[need - 1] && h >= bestHash[need - 1]) continue;
      // Insert into the sorted top-`need`; on an equal hash the lower judge index stays first.
      let i = n < need ? n++ : need - 1;
      while (i > 0 && (bestKey[i - 1] > key || (bestKey[i - 1] === key && bestHash[i - 1] > h))) {
        bestKey[i] = bestKey[i - 1];
        bestHash[i] = bestHash[i - 1];
        bestJudge[i] = bestJudge[i - 1];
        i--;
      }
      bestKey[i] = key;
      bestHash[i] = h;
      bestJudge[i] = j;
    }
    for (let i = 0; i < n; i++) {
      slots[e * k + i] = bestJudge[i];
      load[bestJudge[i]]++;
    }
  }

  const isSpecialist = matching ? (e: number, j: number) => specialists[specialityGroup[e]][j] === 1 : null;
  const repair = rebalance({ judges: J, perEntry: k, load, slots, excluded, fixed, isSpecialist }, 2 + slack);

  const pairs: Pair[] = [];
  const shortfalls: Shortfall[] = [];
  let matchedBySpeciality = 0;
  const mine: number[] = [];
  for (let e = 0; e < E; e++) {
    mine.length = 0;
    for (let s = e * k; s < e * k + k; s++) if (slots[s] >= 0) mine.push(slots[s]);
    mine.sort((a, b) => a - b); // judge index order is judge id order
    const group = specialists[specialityGroup[e]];
    for (const j of mine) {
      pairs.push({ entryId: entryIds[e], judgeId: judgeIds[j] });
      if (group[j] === 1) matchedBySpeciality++;
    }
    const assigned = fixed[e].length + mine.length;
    if (assigned < k) shortfalls.push({ entryId: entryIds[e], assigned, wanted: k, reason: 'not_enough_eligible_judges' });
  }

  let minLoad = J > 0 ? Number.POSITIVE_INFINITY : 0;
  let maxLoad = 0;
  for (let j = 0; j < J; j++) {
    minLoad = Math.min(minLoad, load[j]);
    maxLoad = Math.max(maxLoad, load[j]);
  }

  return {
    pairs,
    load: judgeIds.map((judgeId, j) => ({ judgeId, assigned: load[j] })),
    shortfalls,
    fixedViolations: problem.fixedViolations,
    stats: { entries: E, judges: J, minLoad, maxLoad, matchedBySpeciality, rebalanceMoves: repair.moves },
  };
}
