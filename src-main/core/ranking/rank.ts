// Ranking within one category (the caller groups entries by kind and category), pure. Policy:
// - Flagged entries are held, not ranked: they are listed separately with their provisional score
//   and the reasons, get no rank number and no tier. A rank number is a decision and moves every
//   entry below it, so an entry with too few judges, non-compliant media or a late submission
//   must be resolved (another judge, fixed media, accepted late) before it takes a place. Flags
//   come from the caller, except two computed here: 'incomplete_coverage' (fewer counted judges
//   than wanted) and 'no_score' (no judge counts for the ranking method).
// - Order: the method's score, higher first; for the z-score, the mean z it is an increasing map
//   of. Two entries are tied when those keys are equal at the published precision (6 decimals).
//   Ties are broken by the configured rules in order, then by registration number (code-unit
//   order, the final deterministic key). Every broken tie is explained between the two adjacent
//   entries: "SC-0001 tied with SC-0003 on 8.25; ranked ahead by content 8.6 vs 8.1".
// - Tiers are filled in order from the top (config.ts TierRule); percentile counts are
//   floor(percent × ranked / 100), so a tier never exceeds its share.
import type { EntryAggregate } from './aggregate';
import type { EntryFlag, RankingMethod, TieBreak, TierRule } from './config';
import { compareCodeUnits, distinctInPlace, formatScore, placeOf, round6 } from './numbers';
import { tieRanksByRules } from './tie-order';

export interface RankCandidate {
  entryId: number;
  regNo: string;
  /** ISO-8601 UTC instant, or null when unknown. */
  submittedAt: string | null;
  /** Null when no score row exists for the entry. */
  aggregate: EntryAggregate | null;
  /** Judges the entry should have (the campaign's judgesPerEntry). */
  wantedJudges: number;
  /** Judges assigned, shown with an incomplete-coverage flag (too few assigned, or reviews missing). */
  assigned?: number;
  /** Unresolved problems from the caller (media compliance, late submission…). */
  flags: readonly EntryFlag[];
  /** Date.parse(submittedAt), when the caller parsed it once for every method's list (else parsed here). */
  submittedMs?: number | null;
}

export interface RankOptions {
  method: RankingMethod;
  tieBreaks: readonly TieBreak[];
  tiers: readonly TierRule[];
  /**
   * tieBreakOrder(candidates, tieBreaks), when the caller ranks the same candidates by several
   * methods: the tie-break rules do not depend on the method, so they are sorted by once.
   */
  tieRanks?: Int32Array;
}

export type TieRule = TieBreak | { by: 'regNo' };

export interface TieExplanation {
  ahead: string;
  behind: string;
  /** The score both have by the ranking method. */
  score: number;
  rule: TieRule;
  aheadValue: number | string | null;
  behindValue: number | string | null;
}

export interface RankedEntry {
  rank: number;
  entryId: number;
  regNo: string;
  score: number;
  judges: number;
  tier: string | null;
  /** The ties broken with the neighbours above and below (at most two). */
  ties: TieExplanation[];
}

export interface HeldEntry {
  entryId: number;
  regNo: string;
  score: number | null;
  judges: number;
  flags: EntryFlag[];
}

export interface RankedList {
  method: RankingMethod;
  ranked: RankedEntry[];
  held: HeldEntry[];
  tiers: { key: string; count: number }[];
}

interface Row {
  /** The candidate's index in the input. */
  i: number;
  c: RankCandidate;
  a: EntryAggregate;
  key: number;
  score: number;
  submittedMs: number | null;
}

export function rankKey(a: EntryAggregate, method: RankingMethod): number | null {
  const key = method === 'zscore' ? a.zMean : a.scores[method];
  return key === undefined || key === null ? null : round6(key);
}

/** One method's order of a category's candidates: what stability needs, without the list's objects. */
export interface RankOrder {
  /** Indices of the ranked candidates, in rank order (rank k + 1 at k). */
  sorted: Int32Array;
  /** Ranking key per candidate index; NaN for a held one. */
  keys: Float64Array;
}

/**
 * The ranked candidates' order by `method` (rankCategory's order; held ones left out). Ranking
 * keys tie often (scores on a 0.5 grid): equal keys go by the candidates' places in the tie-break
 * order, sorted once (tieBreakOrder), the same order as comparing the rules pair by pair.
 */
export function rankOrder(candidates: readonly RankCandidate[], method: RankingMethod, tieRanks: Int32Array): RankOrder {
  const keys = new Float64Array(candidates.length);
  const order = new Int32Array(candidates.length);
  let n = 0;
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i];
    const a = c.aggregate;
    const key = a ? rankKey(a, method) : null;
    if (c.flags.length > 0 || !a || key === null || a.judges < c.wantedJudges) {
      keys[i] = Number.NaN;
      continue;
    }
    keys[i] = key;
    order[n++] = i;
  }
  return { sorted: byKeyThenTies(order.subarray(0, n), keys, tieRanks), keys };
}

/**
 * rankOrder for each of `methods`, from one walk over the candidates: whether a candidate is held
 * does not depend on the method, so each entry's aggregate (50,000 objects spread over the heap)
 * is read once rather than once per method. orders[i] is rankOrder(candidates, methods[i], tieRanks).
 */
export function rankOrders(candidates: readonly RankCandidate[], methods: readonly RankingMethod[], tieRanks: Int32Array): RankOrder[] {
  const n = candidates.length;
  const M = methods.length;
  const keys = methods.map(() => new Float64Array(n));
  const orders = methods.map(() => new Int32Array(n));
  const count = new Int32Array(M);
  for (let i = 0; i < n; i++) {
    const c = candidates[i];
    const a = c.aggregate;
    const held = c.flags.length > 0 || !a || a.judges < c.wantedJudges;
    for (let m = 0; m < M; m++) {
      const key = held ? null : rankKey(a, methods[m]);
      if (key === null) keys[m][i] = Number.NaN;
      else {
        keys[m][i] = key;
        orders[m][count[m]++] = i;
      }
    }
  }
  return methods.map((_, m) => ({ sorted: byKeyThenTies(orders[m].subarray(0, count[m]), keys[m], tieRanks), keys: keys[m] }));
}

export function rankCategory(candidates: readonly RankCandidate[], options: RankOptions, ready?: RankOrder): RankedList {
  // The ranked candidates as indices with their keys in typed arrays: no object per row for the
  // sort (at 50,000 entries × 5 methods the objects, not the comparisons, were the cost).
  const { sorted, keys } = ready ?? rankOrder(candidates, options.method, options.tieRanks ?? tieBreakOrder(candidates, options.tieBreaks));
  const n = sorted.length;
  const held: HeldEntry[] = [];
  for (let i = 0; i < candidates.length; i++) {
    if (!Number.isNaN(keys[i])) continue;
    const c = candidates[i];
    const a = c.aggregate;
    const key = a ? rankKey(a, options.method) : null;
    const judges = a?.judges ?? 0;
    const flags: EntryFlag[] = [...c.flags];
    if (key === null) flags.push({ code: 'no_score', params: { method: options.method } });
    if (judges < c.wantedJudges) flags.push(coverageFlag(judges, c.wantedJudges, c.assigned));
    held.push({ entryId: c.entryId, regNo: c.regNo, score: a?.scores[options.method] ?? null, judges, flags });
  }
  const rules: TieRule[] = [...options.tieBreaks, { by: 'regNo' }];
  held.sort((x, y) => compareCodeUnits(x.regNo, y.regNo));

  const ranked: RankedEntry[] = new Array(n);
  for (let k = 0; k < n; k++) {
    const c = candidates[sorted[k]];
    const a = c.aggregate as EntryAggregate;
    // Untied entries share one empty list (a tie below replaces it with its own).
    ranked[k] = { rank: k + 1, entryId: c.entryId, regNo: c.regNo, score: a.scores[options.method] as number, judges: a.judges, tier: null, ties: NO_TIES };
  }
  const rowAt = (k: number): Row => {
    const c = candidates[sorted[k]];
    return { i: sorted[k], c, a: c.aggregate as EntryAggregate, key: keys[sorted[k]], score: ranked[k].score, submittedMs: submittedMsOf(c) };
  };
  let previous: Row | null = null; // the row behind in the last tie, ahead in the next one
  for (let k = 0; k + 1 < n; k++) {
    if (keys[sorted[k]] !== keys[sorted[k + 1]]) {
      previous = null;
      continue;
    }
    const ahead: Row = previous ?? rowAt(k);
    const behind = rowAt(k + 1);
    previous = behind;
    const { rule, aheadValue, behindValue } = decide(ahead, behind, rules);
    const t: TieExplanation = { ahead: ahead.c.regNo, behind: behind.c.regNo, score: ahead.score, rule, aheadValue, behindValue };
    for (const r of [ranked[k], ranked[k + 1]]) r.ties = r.ties === NO_TIES ? [t] : [...r.ties, t];
  }
  return { method: options.method, ranked, held, tiers: assignTiers(ranked, options.tiers) };
}

/**
 * The candidate indices `order` sorted by key, higher first, then by tie-break place: the
 * comparator (x, y) => keys[y] − keys[x] || tieRanks[x] − tieRanks[y] without calling one. Each
 * index becomes one exact integer, (place of its key among the distinct keys, highest first) × n +
 * its tie-break place, so a native numeric sort does it (the comparator sort was most of the cost of
 * ranking five methods at 50,000 entries). tieRanks is a permutation of 0 … n − 1.
 */
function byKeyThenTies(order: Int32Array, keys: Float64Array, tieRanks: Int32Array): Int32Array {
  const m = order.length;
  const n = tieRanks.length;
  const distinct = new Float64Array(m);
  for (let k = 0; k < m; k++) distinct[k] = keys[order[k]];
  distinct.sort();
  const u = distinctInPlace(distinct);
  const candidateAt = new Int32Array(n);
  for (let i = 0; i < n; i++) candidateAt[tieRanks[i]] = i;
  const composite = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const lo = placeOf(distinct, u, keys[order[k]]);
    composite[k] = (u - 1 - lo) * n + tieRanks[order[k]];
  }
  composite.sort();
  const out = new Int32Array(m);
  for (let k = 0; k < m; k++) out[k] = candidateAt[composite[k] % n];
  return out;
}

/** The ties of an entry tied with neither neighbour (shared, never changed). */
const NO_TIES: TieExplanation[] = [];

const NO_AGGREGATE = { dimensionMeans: {}, scores: {} } as unknown as EntryAggregate;

function submittedMsOf(c: RankCandidate): number | null {
  return c.submittedMs !== undefined ? c.submittedMs : c.submittedAt === null ? null : Date.parse(c.submittedAt);
}

/**
 * Each candidate's place in the order of the tie-break rules alone, then the registration number
 * (a stable sort: candidates equal on every rule keep their input order, as the ranked sort did).
 */
export function tieBreakOrder(candidates: readonly RankCandidate[], tieBreaks: readonly TieBreak[]): Int32Array {
  // The same order without a comparator (tie-order.ts), unless a value has no place in an order.
  const fast = tieRanksByRules(candidates, tieBreaks);
  if (fast) return fast;
  const rules: TieRule[] = [...tieBreaks, { by: 'regNo' }];
  const rows: Row[] = candidates.map((c, i) => ({ i, c, a: c.aggregate ?? NO_AGGREGATE, key: 0, score: 0, submittedMs: submittedMsOf(c) }));
  rows.sort((x, y) => tieOrder(x, y, rules));
  const ranks = new Int32Array(rows.length);
  for (let k = 0; k < rows.length; k++) ranks[rows[k].i] = k;
  return ranks;
}

export function coverageFlag(judges: number, wanted: number, assigned?: number): EntryFlag {
  return { code: 'incomplete_coverage', params: assigned === undefined ? { judges, wanted } : { judges, wanted, assigned } };
}

/** decide(x, y, rules).order, without building the explanation (the sort's comparator). */
function tieOrder(x: Row, y: Row, rules: readonly TieRule[]): number {
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i];
    let order: number;
    switch (rule.by) {
      case 'dimension':
        order = higherFirst(x.a.dimensionMeans[rule.key] ?? null, y.a.dimensionMeans[rule.key] ?? null);
        break;
      case 'method':
        order = higherFirst(x.a.scores[rule.method] ?? null, y.a.scores[rule.method] ?? null);
        break;
      case 'submittedAt':
        order = x.submittedMs === y.submittedMs ? 0 : x.submittedMs === null ? 1 : y.submittedMs === null ? -1 : x.submittedMs - y.submittedMs;
        break;
      case 'regNo':
        order = compareCodeUnits(x.c.regNo, y.c.regNo);
        break;
    }
    if (order !== 0) return order;
  }
  return 0;
}

/** The first rule that separates x and y: order < 0 puts x first. */
function decide(x: Row, y: Row, rules: readonly TieRule[]): { order: number; rule: TieRule; aheadValue: number | string | null; behindValue: number | string | null } {
  for (const rule of rules) {
    let order = 0;
    let vx: number | string | null = null;
    let vy: number | string | null = null;
    switch (rule.by) {
      case 'dimension':
        vx = x.a.dimensionMeans[rule.key] ?? null;
        vy = y.a.dimensionMeans[rule.key] ?? null;
        order = higherFirst(vx, vy);
        break;
      case 'method':
        vx = x.a.scores[rule.method] ?? null;
        vy = y.a.scores[rule.method] ?? null;
        order = higherFirst(vx, vy);
        break;
      case 'submittedAt':
        vx = x.c.submittedAt;
        vy = y.c.submittedAt;
        order = x.submittedMs === y.submittedMs ? 0 : x.submittedMs === null ? 1 : y.submittedMs === null ? -1 : x.submittedMs - y.submittedMs;
        break;
      case 'regNo':
        vx = x.c.regNo;
        vy = y.c.regNo;
        order = compareCodeUnits(vx, vy);
        break;
    }
    if (order !== 0) return order < 0 ? { order, rule, aheadValue: vx, behindValue: vy } : { order, rule, aheadValue: vy, behindValue: vx };
  }
  // Registration numbers are unique within a campaign; equal ones are the same entry.
  return { order: 0, rule: { by: 'regNo' }, aheadValue: x.c.regNo, behindValue: y.c.regNo };
}

/** Higher first; a missing value goes after a present one. */
function higherFirst(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return b - a;
}

function assignTiers(ranked: RankedEntry[], tiers: readonly TierRule[]): { key: string; count: number }[] {
  const summary: { key: string; count: number }[] = [];
  let next = 0;
  for (const tier of tiers) {
    let take: number;
    switch (tier.by) {
      case 'rank':
        take = tier.count;
        break;
      case 'percentile':
        // The epsilon keeps 10 % of 30 at 3 although 10 × 30 / 100 may come out as 2.9999….
        take = Math.floor((tier.percent * ranked.length) / 100 + 1e-9);
        break;
      case 'threshold':
        take = ranked.length;
        break;
    }
    let count = 0;
    while (count < take && next < ranked.length && (tier.minScore === undefined || ranked[next].score >= tier.minScore)) {
      ranked[next++].tier = tier.key;
      count++;
    }
    summary.push({ key: tier.key, count });
  }
  return summary;
}

/** An English sentence for logs, the CLI and tests; the UI translates the structured form. */
export function describeTie(t: TieExplanation): string {
  const head = `${t.ahead} tied with ${t.behind} on ${formatScore(t.score)}; ranked ahead by`;
  const value = (v: number | string | null) => (v === null ? 'none' : typeof v === 'number' ? formatScore(v) : v);
  switch (t.rule.by) {
    case 'dimension':
      return `${head} ${t.rule.key} ${value(t.aheadValue)} vs ${value(t.behindValue)}`;
    case 'method':
      return `${head} ${t.rule.method} ${value(t.aheadValue)} vs ${value(t.behindValue)}`;
    case 'submittedAt':
      return `${head} earlier submission ${value(t.aheadValue)} vs ${value(t.behindValue)}`;
    case 'regNo':
      return `${head} registration number`;
  }
}
