// The whole ranking of one campaign from its loaded scores: aggregate once over the campaign, rank
// each category by every configured method (the published list is that of the method its list is
// ranked by: the list's own, else the primary method; tiers likewise), the
// stability figures per category, judge profiles, and the committee selection for committee
// campaigns. The app handler, the CLI, the bench and snapshot verification all call this one
// function, so a locked result is recomputed exactly the way it was made. Policy:
// - Categories are (kind, category) pairs, grouped by the list they feed (definition order), then
//   in the definition's order; categories an entry uses but the definition does not list follow,
//   in code-unit order. Each list is aggregated on its own rubric (aggregateByList).
// - Default tie-breaks (config.tieBreaks null): every rubric dimension in rubric order, then earlier
//   submission. Default bias threshold: 10 % of the rubric total's range (1 point on 0–10).
// - An entry is held when the caller flags it, when it is late or early (submitted before the
//   registration opened) and holdLate is on, or (rank.ts)
//   when it has fewer counted judges than the campaign's judgesPerEntry.
// - Per-entry decisions in effect (core/decisions/decision-service.ts) are honoured here, so a
//   locked result recomputes with them: disqualify / withdraw hold the entry under their own flag
//   (params: reason and who); accept-late lifts that entry's late / early hold; waive-media drops
//   the caller's non_compliant_media flag for that entry. Without decisions nothing changes, so
//   results locked before decisions existed recompute byte for byte.
import type { CampaignDefinition, DecisionKind, EntryKind } from '../../contract';
import { allDimensions, allEligibility, eligibilityFor, listFor, methodsNeeded, rankingRulesFor, roundOnlyDimensions, rubricOfRound, scoringRoundOf } from '../../contract/lists';
import { KepuError } from '../errors';
import { aggregate, type AggregateResult, type EntryAggregate } from './aggregate';
import { carryInto, type ListCarry, previousRoundScores } from './carry-over';
import { blendCategory } from './blend';
import { type CommitteeResult, selectCommittee } from './committee';
import type { EntryFlag, RankingConfig, RankingMethod, TieBreak, TierRule } from './config';
import { type CampaignScores, type LoadedEntry, scoreColumnsOf } from './load-scores';
import { pickRows } from './score-columns';
import { compareCodeUnits } from './numbers';
import { coverageFlag, type RankCandidate, rankCategory, type RankedList, type RankOrder, rankOrders, tieBreakOrder } from './rank';
import { type CategoryStability, type JudgeProfile, judgeProfiles, stabilityOfOrders } from './stability';

export interface CategoryResult {
  /** The definition's list the category feeds (lists[].key). */
  list: string;
  kind: EntryKind;
  category: string | null;
  /** The method the published list is ordered by (rankingRulesFor: the list's own, else the primary). */
  method: RankingMethod;
  /** The award tier rules applied (the list's own, else the ranking settings'). */
  tiers: readonly TierRule[];
  /** One list per computed method; the published list is lists[method]. */
  lists: Partial<Record<RankingMethod, RankedList>>;
  stability: CategoryStability;
}

export interface RankingOutcome {
  campaignId: string;
  /** The configuration as applied (defaults resolved; methods include every list's own method). */
  config: RankingConfig & { tieBreaks: TieBreak[]; bias: { threshold: number; minEntries: number } };
  aggregate: AggregateResult;
  categories: CategoryResult[];
  judges: JudgeProfile[];
  committee: CommitteeResult | null;
  /** The previous-round scores of each list ranked with carry-over (carry-over.ts); absent when none. */
  carryOver?: ListCarry[];
}

export function resolveConfig(definition: CampaignDefinition, settings: RankingConfig): RankingOutcome['config'] {
  // A list ranked by a method the settings do not show still needs it computed (and shown). With
  // no list method of its own, the configuration is exactly the settings, so the snapshot's
  // configuration hash is what it was before lists could state a method.
  const config = { ...settings, methods: methodsNeeded(definition, settings) };
  // A round's own dimensions follow the lists' (none without round rubrics: the configuration,
  // and so a snapshot's config hash, is what it was before rounds had rubrics).
  const dimensions = [...allDimensions(definition), ...roundOnlyDimensions(definition)];
  const keys = new Set(dimensions.map((d) => d.key));
  // Default: every dimension in list order (a list's entries have no value for another list's
  // dimensions, so those tie-breaks pass over them), then earlier submission.
  const tieBreaks: TieBreak[] = config.tieBreaks ?? [...dimensions.map((d): TieBreak => ({ by: 'dimension', key: d.key })), { by: 'submittedAt' }];
  for (const t of tieBreaks) {
    if (t.by === 'dimension' && !keys.has(t.key)) {
      throw new KepuError('DIMENSION_UNKNOWN', `ranking: tie-break on unknown dimension ${t.key}`, { dimension: t.key });
    }
    if (t.by === 'method' && !config.methods.includes(t.method)) {
      throw new KepuError('INVALID_REQUEST', `ranking: tie-break by ${t.method}, which is not computed`, { path: 'config.tieBreaks' });
    }
  }
  // The widest list's total range (lists may use different scales).
  const range = Math.max(
    ...definition.lists.map((l) => l.rubric.reduce((s, d) => s + d.weight * (d.scale.max - d.scale.min), 0) / l.rubric.reduce((s, d) => s + d.weight, 0)),
  );
  const threshold = config.bias.threshold ?? Math.round(range * 0.1 * 1e6) / 1e6;
  return { ...config, tieBreaks, bias: { threshold, minEntries: config.bias.minEntries } };
}

/** A decision in effect on an entry, as the ranking needs it (decision-service.ts derives these). */
export interface RankingDecision {
  /** Never 'reinstate' in practice: a reinstatement leaves nothing in effect. */
  kind: DecisionKind;
  reason: string;
  actor: string;
  at: string;
}

const HOLD_FLAG = { disqualify: 'disqualified', withdraw: 'withdrawn' } as const;

export function runRanking(
  data: CampaignScores,
  rawConfig: RankingConfig,
  flags: ReadonlyMap<number, readonly EntryFlag[]> = new Map(),
  decisions: ReadonlyMap<number, readonly RankingDecision[]> = new Map(),
): RankingOutcome {
  const def = data.definition;
  const config = resolveConfig(def, rawConfig);
  const listOf = new Map(data.entries.map((e) => [e.entryId, listFor(def, e.kind, e.category).key]));
  const options = { methods: config.methods, trimMinJudges: config.trimMinJudges, zscoreFallback: config.zscoreFallback };
  const own = aggregateByList(data, listOf, options);
  // Carry-over (issue 14): the entries of a list ranked on a round with w > 0 rank on the blend
  // of both rounds' scores; everything downstream (ranks, ties, tiers, snapshot) sees the blend.
  const carryOver = previousRoundScores(data, listOf, options, new Set(own.entries.filter((a) => a.judges > 0).map((a) => a.entryId)));
  const carryOf = new Map(carryOver.map((c) => [c.list, c]));
  const carried = carryOver.length === 0 ? own : { ...own, entries: own.entries.map((a) => {
    const c = carryOf.get(listOf.get(a.entryId) as string);
    return c ? carryInto(a, c) : a;
  }) };
  // Reach blended into a list's score (issue 16), per category, after carry-over: everything
  // downstream (ranks, ties, tiers, snapshot) sees the blend; the judges' own stay on `blend`.
  const result = blendReach(carried, data, listOf);
  const byId = new Map(result.entries.map((a) => [a.entryId, a]));
  const flagsOf = (e: LoadedEntry): EntryFlag[] => {
    const decided = decisions.get(e.entryId);
    const given = flags.get(e.entryId);
    // The usual entry: no flag, no decision, on time (50,000 of them: no arrays made to filter).
    if (decided === undefined && given === undefined && !(config.holdLate && (e.isLate || e.isEarly))) return [];
    return entryFlags(e, given ?? [], decided ?? []);
  };
  const entryFlags = (e: LoadedEntry, given: readonly EntryFlag[], decided: readonly RankingDecision[]): EntryFlag[] => {
    const has = (kind: DecisionKind) => decided.some((d) => d.kind === kind);
    let own = [...given];
    if (has('waive-media')) own = own.filter((f) => f.code !== 'non_compliant_media');
    const holdLate = config.holdLate && !has('accept-late');
    if (holdLate && e.isLate && !own.some((f) => f.code === 'late')) own.push({ code: 'late', params: { submittedAt: e.submittedAt ?? '' } });
    // Submitted before the registration opened: held the same way, under its own flag.
    if (holdLate && e.isEarly && !own.some((f) => f.code === 'early')) own.push({ code: 'early', params: { submittedAt: e.submittedAt ?? '' } });
    for (const d of decided) {
      if (d.kind === 'disqualify' || d.kind === 'withdraw') own.push({ code: HOLD_FLAG[d.kind], params: { reason: d.reason, by: d.actor } });
    }
    return own;
  };

  const groups = new Map<string, { list: string; kind: EntryKind; category: string | null; entries: LoadedEntry[] }>();
  for (const e of data.entries) {
    const key = `${e.kind}\u0000${e.category ?? ''}`;
    const group = groups.get(key) ?? { list: listOf.get(e.entryId) as string, kind: e.kind, category: e.category, entries: [] };
    group.entries.push(e);
    groups.set(key, group);
  }
  // Judges wanted per entry: the ranked round's own number when it states one (a final round of 3
  // on a campaign set to 5 would otherwise hold every entry), else the campaign's.
  const wantedOf = (listKey: string) => {
    const list = def.lists.find((l) => l.key === listKey);
    return (list && scoringRoundOf(list, data.rounds?.[listKey] ?? 1)?.judgesPerEntry) ?? def.judgesPerEntry;
  };
  const categories: CategoryResult[] = [...groups.values()].sort(categoryOrder(def)).map((g) => {
    const wanted = wantedOf(g.list);
    const candidates: RankCandidate[] = g.entries.map((e) => ({
      entryId: e.entryId,
      regNo: e.regNo,
      submittedAt: e.submittedAt,
      // Parsed once here rather than once per method's list.
      submittedMs: e.submittedAt === null ? null : Date.parse(e.submittedAt),
      aggregate: byId.get(e.entryId) ?? null,
      wantedJudges: wanted,
      assigned: e.assigned,
      flags: flagsOf(e),
    }));
    const listDef = def.lists.find((l) => l.key === g.list) ?? def.lists[0];
    const { method, tiers } = rankingRulesFor(listDef, config);
    const tieRanks = tieBreakOrder(candidates, config.tieBreaks); // one tie-break sort for every method
    const orders = rankOrders(candidates, config.methods, tieRanks);
    const aggregates = g.entries.map((e) => byId.get(e.entryId)).filter((a): a is EntryAggregate => a !== undefined);
    const result: CategoryResult = {
      list: g.list,
      kind: g.kind,
      category: g.category,
      method,
      tiers,
      lists: lazyLists(config.methods, (m, i) => rankCategory(candidates, { method: m, tieBreaks: config.tieBreaks, tiers, tieRanks }, orders[i])),
      // From the orders alone: the stability figures need no method's list built.
      stability: stabilityOfOrders(config.methods, orders, candidates, aggregates, config.topMovers),
    };
    ordersOf.set(result, { methods: config.methods, orders, candidates });
    return result;
  });

  let committee: CommitteeResult | null = null;
  if (def.kind === 'committee') {
    const applicants = data.entries.map((e) => {
      const a = byId.get(e.entryId) ?? null;
      const own = flagsOf(e);
      const judges = a?.judges ?? 0;
      const wanted = wantedOf(listOf.get(e.entryId) as string);
      if (judges < wanted) own.push(coverageFlag(judges, wanted, e.assigned));
      return { entryId: e.entryId, regNo: e.regNo, aggregate: a, flags: own, items: eligibilityFor(def, e.kind, e.category).map((i) => i.key) };
    });
    committee = selectCommittee(applicants, allEligibility(def).map((i) => i.key), data.eligibility, data.conflicts, config.committee);
  }
  return { campaignId: data.campaignId, config, aggregate: result, categories, judges: judgeProfiles(own.entries, config.bias), committee, ...(carryOver.length > 0 ? { carryOver } : {}) };
}

/** Each category's orders by every method, kept beside its result (not a property: snapshots and clones stay as they were). */
const ordersOf = new WeakMap<CategoryResult, { methods: readonly RankingMethod[]; orders: RankOrder[]; candidates: RankCandidate[] }>();
const positionsOf = new WeakMap<CategoryResult, Map<RankingMethod, Map<number, MethodPosition>>>();

export interface MethodPosition {
  rank: number;
  score: number;
}

/**
 * The rank and score of each ranked entry of a category by `method`, as that method's list has
 * them (rank k + 1 for the k-th of its order; the score the method gives), from the order the
 * ranking already made: the exports and the side-by-side rows need every method's rank, and
 * building four more lists per category (ties explained, held entries) only for that was most of
 * their time at 50,000 entries. A category not made here (none in practice) reads its list.
 */
export function methodPositions(c: CategoryResult, method: RankingMethod): Map<number, MethodPosition> | undefined {
  let byMethod = positionsOf.get(c);
  if (!byMethod) positionsOf.set(c, (byMethod = new Map()));
  const known = byMethod.get(method);
  if (known) return known;
  const made = ordersOf.get(c);
  const i = made ? made.methods.indexOf(method) : -1;
  let positions: Map<number, MethodPosition> | undefined;
  if (made && i >= 0) {
    const { sorted } = made.orders[i];
    positions = new Map();
    for (let k = 0; k < sorted.length; k++) {
      const candidate = made.candidates[sorted[k]];
      positions.set(candidate.entryId, { rank: k + 1, score: (candidate.aggregate as EntryAggregate).scores[method] as number });
    }
  } else {
    const list = c.lists[method];
    positions = list && new Map(list.ranked.map((r) => [r.entryId, { rank: r.rank, score: r.score }]));
  }
  if (positions) byMethod.set(method, positions);
  return positions;
}

/**
 * Every method's ranked list, each built when first read (an enumerable getter, so spreading,
 * JSON and structured clones see plain lists, in method order as before). The summary reads only
 * the published method's list; building all five — a quarter of a million ranked rows and their
 * tie explanations at 50,000 entries — was most of the first summary's time.
 */
function lazyLists(methods: readonly RankingMethod[], build: (method: RankingMethod, index: number) => RankedList): CategoryResult['lists'] {
  const lists: CategoryResult['lists'] = {};
  methods.forEach((m, i) => {
    let built: RankedList | undefined;
    Object.defineProperty(lists, m, { enumerable: true, configurable: true, get: () => (built ??= build(m, i)) });
  });
  return lists;
}

/**
 * Each list is aggregated on its own rubric over its own entries (z-scores and Borda counts are
 * computed within a list: totals on different rubrics are not comparable), then the results are
 * put together in entry-id order (as aggregate orders them). A campaign with one list gets exactly the single aggregate it always
 * had, so results locked before lists existed recompute unchanged.
 */
function aggregateByList(data: CampaignScores, listOf: ReadonlyMap<number, string>, options: Parameters<typeof aggregate>[1]): AggregateResult {
  const def = data.definition;
  // Each list on the rubric of the round it is ranked on (the round's own, else the list's).
  const rubricOf = (list: CampaignDefinition['lists'][number]) => rubricOfRound(list, data.rounds?.[list.key] ?? 1);
  if (def.lists.length === 1) {
    return aggregate({ rubric: rubricOf(def.lists[0]), scores: scoreColumnsOf(data), conflicts: data.conflicts, entryIds: data.entries.map((e) => e.entryId) }, options);
  }
  // One pass over the rows, each to its list's part (rows keep their order within a part): the
  // part of each row in a typed array, then each part's rows gathered by a counting pass (750,000
  // row numbers pushed onto growing arrays, then copied, showed in the profile at 50,000 entries).
  const index = new Map(def.lists.map((l, i) => [l.key, i]));
  const split = def.lists.map(() => ({ conflicts: [] as CampaignScores['conflicts'], entryIds: [] as number[] }));
  let lastEntry = Number.NaN;
  let lastPart = -1;
  const partOf = (entryId: number) => {
    // Rows come grouped by entry, so the previous row's answer usually holds.
    if (entryId !== lastEntry) {
      lastEntry = entryId;
      const key = listOf.get(entryId);
      lastPart = key === undefined ? -1 : (index.get(key) as number);
    }
    return lastPart;
  };
  const columns = scoreColumnsOf(data);
  const R = columns.entryId.length;
  const partOfRow = new Int32Array(R);
  const size = new Int32Array(def.lists.length);
  for (let i = 0; i < R; i++) {
    const part = (partOfRow[i] = partOf(columns.entryId[i]));
    if (part >= 0) size[part]++;
  }
  const rowsOfPart = def.lists.map((_, part) => new Int32Array(size[part]));
  const filled = new Int32Array(def.lists.length);
  for (let i = 0; i < R; i++) {
    const part = partOfRow[i];
    if (part >= 0) rowsOfPart[part][filled[part]++] = i;
  }
  for (const c of data.conflicts) {
    const part = partOf(c.entryId);
    if (part >= 0) split[part].conflicts.push(c);
  }
  for (const e of data.entries) {
    const part = partOf(e.entryId);
    if (part >= 0) split[part].entryIds.push(e.entryId);
  }
  const parts = def.lists.map((list, i) => {
    const { conflicts, entryIds } = split[i];
    return aggregate({ rubric: rubricOf(list), scores: pickRows(columns, rowsOfPart[i]), conflicts, entryIds }, options);
  });
  const sum = (pick: (c: AggregateResult['counts']) => number) => parts.reduce((s, p) => s + pick(p.counts), 0);
  return {
    options: parts[0].options,
    entries: parts.flatMap((p) => p.entries).sort((a, b) => a.entryId - b.entryId),
    judges: parts.flatMap((p) => p.judges).sort((a, b) => compareCodeUnits(a.judgeId, b.judgeId)),
    zscore: parts[0].zscore,
    counts: {
      rows: sum((c) => c.rows),
      pairs: sum((c) => c.pairs),
      counted: sum((c) => c.counted),
      incomplete: sum((c) => c.incomplete),
      conflicted: sum((c) => c.conflicted),
      unknownDimensionRows: sum((c) => c.unknownDimensionRows),
    },
  };
}

function categoryOrder(def: CampaignDefinition) {
  const position = (kind: EntryKind, category: string | null): [number, number] => {
    const k = def.entryKinds.findIndex((x) => x.kind === kind);
    const c = k < 0 || category === null ? -1 : def.entryKinds[k].categories.findIndex((x) => x.key === category);
    return [k < 0 ? Number.MAX_SAFE_INTEGER : k, category === null ? -1 : c < 0 ? Number.MAX_SAFE_INTEGER : c];
  };
  const listIndex = (key: string) => def.lists.findIndex((l) => l.key === key);
  return (a: { list: string; kind: EntryKind; category: string | null }, b: { list: string; kind: EntryKind; category: string | null }) => {
    const [ka, ca] = position(a.kind, a.category);
    const [kb, cb] = position(b.kind, b.category);
    return listIndex(a.list) - listIndex(b.list) || ka - kb || compareCodeUnits(a.kind, b.kind) || ca - cb || compareCodeUnits(a.category ?? '', b.category ?? '');
  };
}

/** The aggregates with ListDef.blend applied within each category of a blending list (blend.ts). */
function blendReach(result: AggregateResult, data: CampaignScores, listOf: ReadonlyMap<number, string>): AggregateResult {
  if (!data.reach) return result;
  const byCategory = new Map<string, EntryAggregate[]>();
  const entryOf = new Map(data.entries.map((e) => [e.entryId, e]));
  for (const a of result.entries) {
    const e = entryOf.get(a.entryId);
    if (!e || !data.reach[listOf.get(a.entryId) as string]) continue;
    const key = `${e.kind}\u0000${e.category ?? ''}`;
    byCategory.set(key, [...(byCategory.get(key) ?? []), a]);
  }
  const blended = new Map<number, EntryAggregate>();
  for (const group of byCategory.values()) {
    const list = listOf.get(group[0].entryId) as string;
    const rule = data.definition.lists.find((l) => l.key === list)?.blend;
    if (!rule) continue;
    for (const a of blendCategory(group, data.reach[list], rule)) blended.set(a.entryId, a);
  }
  return { ...result, entries: result.entries.map((a) => blended.get(a.entryId) ?? a) };
}
