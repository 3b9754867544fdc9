// How much a category's ranking depends on the method, and how much its judges agree. Policy:
// - Between every pair of computed methods: Kendall's tau-b on the methods' ranking keys over the
//   entries both methods rank (held entries are out), ties counted as ties, not broken.
// - Movers: over the entries every method ranks, move = highest rank − lowest rank across the
//   methods (tie-broken positions); the `top` largest moves are listed, larger first, then by
//   registration number. Entries that do not move are not listed.
// - Agreement: ICC(1) always (the assignment design is unbalanced, agreement.ts); Kendall's W only
//   over the entries scored by every judge who scored in the category, reported as unavailable
//   ('no_complete_block') when fewer than two such entries or judges exist — the usual case when
//   each entry has its own few judges out of many.
// - Judge profiles (campaign-wide, for the "systematically high or low" list and the per-judge
//   distribution chart): five-number summary of the judge's totals plus the bias of agreement.ts.
import type { EntryAggregate } from './aggregate';
import { type Icc1, IccSums, type JudgeBias, judgeBiasWithTotals, kendallTauBOfRanks, kendallW } from './agreement';
import type { RankingMethod } from './config';
import { compareCodeUnits, distinctInPlace, placeOf, quantileOfSorted, round6, toFloat64, toMicro } from './numbers';
import { rankKey, type RankedList, type RankOrder } from './rank';

export interface MethodPairTau {
  a: RankingMethod;
  b: RankingMethod;
  tau: number | null;
  entries: number;
}

export interface Mover {
  entryId: number;
  regNo: string;
  ranks: Partial<Record<RankingMethod, number>>;
  move: number;
}

export type KendallWResult = { value: number; judges: number; entries: number } | { value: null; reason: 'no_complete_block' | 'undefined'; judges: number; entries: number };

export interface CategoryStability {
  tau: MethodPairTau[];
  movers: Mover[];
  icc: Icc1 | null;
  w: KendallWResult;
}

export function categoryStability(
  lists: Partial<Record<RankingMethod, RankedList>>,
  methods: readonly RankingMethod[],
  aggregates: readonly EntryAggregate[],
  top: number,
): CategoryStability {
  const computed = methods.filter((m) => lists[m] !== undefined);
  // Entries by position: every method's lists hold (some of) the category's entries, so a
  // position indexes typed arrays instead of one Map per method (the ranking's hot path at 50,000).
  const position = new Map<number, number>();
  const entryOf: { entryId: number; regNo: string }[] = [];
  const aggregateOf: (EntryAggregate | undefined)[] = [];
  for (const a of aggregates) position.set(a.entryId, aggregateOf.push(a) - 1);
  const placeOf = (r: { entryId: number; regNo: string }) => {
    let p = position.get(r.entryId);
    if (p === undefined) position.set(r.entryId, (p = aggregateOf.push(undefined) - 1));
    entryOf[p] ??= r;
    return p;
  };
  // Each method's ranked entries (positions, in rank order) and ranking key per position (NaN: not ranked), once.
  const orders = computed.map((m) => {
    const list = (lists[m] as RankedList).ranked;
    const sorted = new Int32Array(list.length);
    for (let k = 0; k < list.length; k++) sorted[k] = placeOf(list[k]);
    return { sorted, keys: new Float64Array(0) };
  });
  computed.forEach((m, i) => {
    const key = new Float64Array(aggregateOf.length).fill(Number.NaN);
    for (const p of orders[i].sorted) key[p] = rankKey(aggregateOf[p] as EntryAggregate, m) as number;
    orders[i].keys = key;
  });
  return stabilityOfOrders(computed, orders, entryOf, aggregates, top);
}

/**
 * categoryStability from each computed method's order over the category's entries by position
 * (rank.ts rankOrder: rank k + 1 at sorted[k], the ranking key per position, NaN when not ranked),
 * so the ranking computes it without building every method's list. `entryOf[p]`: the entry at p.
 */
export function stabilityOfOrders(
  computed: readonly RankingMethod[],
  orders: readonly RankOrder[],
  entryOf: ArrayLike<{ entryId: number; regNo: string }>,
  aggregates: readonly EntryAggregate[],
  top: number,
): CategoryStability {
  const tau: MethodPairTau[] = [];
  // Each method's keys as dense ranks, once: tau-b over any pair's common entries follows from them.
  const ranks = orders.map((o) => keyRanks(o.keys));
  for (let i = 0; i < computed.length; i++) {
    for (let j = i + 1; j < computed.length; j++) {
      const sorted = orders[i].sorted;
      const [rankX, rankY] = [ranks[i].rank, ranks[j].rank];
      const x = new Float64Array(sorted.length);
      const y = new Float64Array(sorted.length);
      let n = 0;
      for (let k = 0; k < sorted.length; k++) {
        const p = sorted[k];
        // NaN: method j does not rank the entry.
        if (Number.isNaN(rankY[p])) continue;
        x[n] = rankX[p];
        y[n++] = rankY[p];
      }
      const t = kendallTauBOfRanks(x.subarray(0, n), y.subarray(0, n), ranks[j].u);
      tau.push({ a: computed[i], b: computed[j], tau: t === null ? null : round6(t), entries: n });
    }
  }
  const places = orders.reduce((most, o) => Math.max(most, o.keys.length), 0);
  return { tau, movers: movers(computed, top, orders, entryOf, places), icc: iccOfTotals(sortById(aggregates)), w: categoryW(aggregates) };
}

function movers(methods: readonly RankingMethod[], top: number, orders: readonly RankOrder[], entryOf: ArrayLike<{ entryId: number; regNo: string }>, places: number): Mover[] {
  if (methods.length < 2 || top === 0) return [];
  // Per position: how many methods rank it, and its lowest and highest rank among them.
  const seen = new Int32Array(places);
  const low = new Float64Array(places).fill(Infinity);
  const high = new Float64Array(places).fill(-Infinity);
  const rankAt = methods.map(() => new Float64Array(places));
  orders.forEach((o, i) => {
    for (let k = 0; k < o.sorted.length; k++) {
      const p = o.sorted[k];
      const rank = k + 1;
      seen[p]++;
      rankAt[i][p] = rank;
      if (rank < low[p]) low[p] = rank;
      if (rank > high[p]) high[p] = rank;
    }
  });
  const all: { p: number; move: number; regNo: string }[] = [];
  for (let p = 0; p < places; p++) {
    if (seen[p] !== methods.length) continue;
    const move = high[p] - low[p];
    if (move > 0) all.push({ p, move, regNo: entryOf[p].regNo });
  }
  return all
    .sort((x, y) => y.move - x.move || compareCodeUnits(x.regNo, y.regNo))
    .slice(0, top)
    .map(({ p, move, regNo }) => {
      // The ranks object for the few listed only, its keys in method order as always.
      const ranks: Partial<Record<RankingMethod, number>> = {};
      methods.forEach((m, i) => (ranks[m] = rankAt[i][p]));
      return { entryId: entryOf[p].entryId, regNo, ranks, move };
    });
}

function categoryW(aggregates: readonly EntryAggregate[]): KendallWResult {
  const judges = new Set<string>();
  for (const a of aggregates) for (const t of a.totals) judges.add(t.judgeId);
  const m = judges.size;
  const block = sortById(aggregates).filter((a) => a.judges === m);
  if (m < 2 || block.length < 2) return { value: null, reason: 'no_complete_block', judges: m, entries: block.length };
  const order = [...judges].sort(compareCodeUnits);
  const ratings = order.map((judgeId) => block.map((a) => (a.totals.find((t) => t.judgeId === judgeId) as { total: number }).total));
  const w = kendallW(ratings);
  return w === null ? { value: null, reason: 'undefined', judges: m, entries: block.length } : { value: round6(w), judges: m, entries: block.length };
}

export interface JudgeProfile extends JudgeBias {
  /** Counted totals of the judge. */
  scored: number;
  min: number | null;
  q1: number | null;
  median: number | null;
  q3: number | null;
  max: number | null;
}

export function judgeProfiles(aggregates: readonly EntryAggregate[], options: { threshold: number; minEntries: number }): JudgeProfile[] {
  const { bias, totals } = judgeBiasWithTotals(aggregates, options);
  return bias.map((b) => {
    const sorted = toFloat64(totals.get(b.judgeId) ?? []).sort();
    const q = (p: number) => {
      const v = quantileOfSorted(sorted, p);
      return v === null ? null : round6(v);
    };
    return { ...b, scored: sorted.length, min: q(0), q1: q(0.25), median: q(0.5), q3: q(0.75), max: q(1) };
  });
}

function sortById(aggregates: readonly EntryAggregate[]): EntryAggregate[] {
  return [...aggregates].sort((a, b) => a.entryId - b.entryId);
}

/** Dense ranks of the ranking keys per position (NaN: not ranked, left NaN), and how many distinct. */
function keyRanks(keys: Float64Array): { rank: Float64Array; u: number } {
  const present = new Float64Array(keys.length);
  let m = 0;
  for (let p = 0; p < keys.length; p++) if (!Number.isNaN(keys[p])) present[m++] = keys[p];
  const distinct = present.subarray(0, m).sort();
  const u = distinctInPlace(distinct);
  const rank = new Float64Array(keys.length).fill(Number.NaN);
  for (let p = 0; p < keys.length; p++) if (!Number.isNaN(keys[p])) rank[p] = placeOf(distinct, u, keys[p]);
  return { rank, u };
}

/** ICC(1) over the entries' totals in micro-points, as icc1 over them, without an array per entry. */
function iccOfTotals(aggregates: readonly EntryAggregate[]): Icc1 | null {
  const sums = new IccSums();
  for (const a of aggregates) {
    const k = a.totals.length;
    if (k === 0) continue;
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < k; i++) {
      const t = toMicro(a.totals[i].total);
      sum += t;
      squares += t * t;
    }
    sums.add(k, sum, squares);
  }
  return sums.icc1();
}
