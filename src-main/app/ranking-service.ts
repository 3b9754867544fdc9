// The ranking as the app serves it: the campaign's stored configuration, the flags that hold an
// entry out (failed media checks, unmet completeness rules; late, early and coverage flags come
// from the core), one computation
// per campaign kept in memory while the data is unchanged, and the rows the UI pages through.
// Why a cache: the UI asks for the summary, then pages of one category, then an entry's details;
// at 50,000 entries one computation takes about 2 s, and nothing changes between those calls.
// The cache key is the database's change stamp (this connection's total_changes() plus SQLite's
// data_version, which moves when another process such as `kepu bundle merge` commits), so any
// write — a merged bundle, a judge's score, a changed configuration — forces a recomputation.
import type { EntryFlag, EntryProblem, RankingMethod, RankingRow, TieExplanation } from '../contract';
import type { EntryAggregate } from '../core/ranking/aggregate';
import { parseRankingConfig, type RankingConfig } from '../core/ranking/config';
import { type CampaignScores, loadCampaignScores } from '../core/ranking/load-scores';
import type { RankedList } from '../core/ranking/rank';
import { type CategoryResult, type RankingOutcome, runRanking } from '../core/ranking/run-ranking';
import { complianceRows } from '../core/media/compliance';
import { entryRuleProblems } from '../core/media/entry-rules';
import { entryRuleFlag } from './entry-problem-text';
import { KepuError } from '../core/errors';
import { nowIso } from '../core/time';
import type { AppContext } from './context';

export interface EntryInfo {
  title: string;
  entrantName: string;
  entrantUnit: string | null;
}

export interface ComputedRanking {
  stamp: string;
  computedAt: string;
  data: CampaignScores;
  outcome: RankingOutcome;
  flags: Map<number, EntryFlag[]>;
  info: Map<number, EntryInfo>;
  aggregates: Map<number, EntryAggregate>;
  judgeNames: Map<string, string>;
  /** Rows per (category, section, method), built when first asked for. */
  rows: Map<string, RankingRow[]>;
}

const cache = new WeakMap<AppContext, Map<string, ComputedRanking>>();

export function storedConfig(ctx: AppContext, campaignId: string): { config: RankingConfig; saved: boolean } {
  ctx.campaigns.summary(campaignId); // CAMPAIGN_NOT_FOUND
  const json = ctx.db.prepare('SELECT config_json FROM ranking_settings WHERE campaign_id = ?').pluck().get(campaignId) as string | undefined;
  return { config: parseRankingConfig(json === undefined ? {} : JSON.parse(json)), saved: json !== undefined };
}

export function saveConfig(ctx: AppContext, campaignId: string, input: unknown): { config: RankingConfig; saved: boolean } {
  ctx.campaigns.summary(campaignId);
  const config = parseRankingConfig(input);
  // Rejects tie-breaks on unknown dimensions now, not at the next computation.
  const definition = ctx.campaigns.definition(campaignId);
  runRanking({ campaignId, definition, storedDefinition: definition, entries: [], scores: [], conflicts: [], eligibility: [], bundles: [] }, config);
  ctx.db
    .prepare(
      `INSERT INTO ranking_settings (campaign_id, config_json, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (campaign_id) DO UPDATE SET config_json = excluded.config_json, updated_at = excluded.updated_at`,
    )
    .run(campaignId, JSON.stringify(config), nowIso());
  return { config, saved: true };
}

/**
 * The flags that hold an entry out for what the media check found: one per entry whose media
 * failed its rules, naming every failing file, and one per entry that misses a completeness rule
 * of its kind (e.g. an account with neither a link nor a screenshot).
 */
export function complianceFlags(ctx: AppContext, campaignId: string): Map<number, EntryFlag[]> {
  const failing = new Map<number, string[]>();
  for (const row of complianceRows(ctx, campaignId)) {
    if (row.verdict === 'fail' || row.verdict === 'unreadable') failing.set(row.entryId, [...(failing.get(row.entryId) ?? []), row.fileName]);
  }
  const flags = new Map<number, EntryFlag[]>(
    [...failing].map(([entryId, files]) => [entryId, [{ code: 'non_compliant_media', params: { files: files.join(', '), count: files.length } }]]),
  );
  const incomplete = new Map<number, EntryProblem[]>();
  for (const p of entryRuleProblems(ctx.db, campaignId, ctx.campaigns.definition(campaignId))) incomplete.set(p.entryId, [...(incomplete.get(p.entryId) ?? []), p]);
  for (const [entryId, problems] of incomplete) flags.set(entryId, [...(flags.get(entryId) ?? []), entryRuleFlag(problems)]);
  return flags;
}

function changeStamp(ctx: AppContext): string {
  const changes = ctx.db.prepare('SELECT total_changes()').pluck().get() as number;
  return `${changes}:${ctx.db.pragma('data_version', { simple: true }) as number}`;
}

export function computeRanking(ctx: AppContext, campaignId: string, refresh = false): ComputedRanking {
  const perCampaign = cache.get(ctx) ?? new Map<string, ComputedRanking>();
  cache.set(ctx, perCampaign);
  const stamp = changeStamp(ctx);
  const cached = perCampaign.get(campaignId);
  if (cached && cached.stamp === stamp && !refresh) return cached;

  const { config } = storedConfig(ctx, campaignId);
  const flags = complianceFlags(ctx, campaignId);
  const data = loadCampaignScores(ctx.db, campaignId);
  const outcome = runRanking(data, config, flags);
  const info = new Map<number, EntryInfo>();
  for (const [id, title, name, unit] of ctx.db
    .prepare('SELECT id, title, entrant_name, entrant_unit FROM entries WHERE campaign_id = ?')
    .raw()
    .all(campaignId) as [number, string, string, string | null][]) {
    info.set(id, { title, entrantName: name, entrantUnit: unit });
  }
  const judgeNames = new Map(ctx.db.prepare('SELECT id, name FROM judges').raw().all() as [string, string][]);
  const computed: ComputedRanking = {
    stamp: changeStamp(ctx),
    computedAt: nowIso(),
    data,
    outcome,
    flags,
    info,
    aggregates: new Map(outcome.aggregate.entries.map((a) => [a.entryId, a])),
    judgeNames,
    rows: new Map(),
  };
  perCampaign.set(campaignId, computed);
  return computed;
}

export function findCategory(computed: ComputedRanking, kind: string, category: string | null): CategoryResult {
  const found = computed.outcome.categories.find((c) => c.kind === kind && c.category === category);
  if (!found) throw new KepuError('RANKING_CATEGORY_NOT_FOUND', `ranking: no category ${kind}/${category ?? ''}`, { category: category ?? kind });
  return found;
}

/** The rows of one category's ranked or held section, ordered by `method`, every method side by side. */
export function categoryRows(computed: ComputedRanking, c: CategoryResult, section: 'ranked' | 'held', method: RankingMethod): RankingRow[] {
  const key = `${c.kind}\u0000${c.category ?? ''}\u0000${section}\u0000${method}`;
  const hit = computed.rows.get(key);
  if (hit) return hit;
  const list = c.lists[method];
  if (!list) throw new KepuError('INVALID_REQUEST', `ranking: ${method} is not computed`, { path: 'method' });
  const positions = new Map<RankingMethod, Map<number, { rank: number; score: number }>>();
  for (const [m, l] of Object.entries(c.lists) as [RankingMethod, RankedList][]) {
    positions.set(m, new Map(l.ranked.map((r) => [r.entryId, { rank: r.rank, score: r.score }])));
  }
  const build = (entryId: number, rank: number | null, score: number | null, tier: string | null, judges: number, ties: TieExplanation[], flags: EntryFlag[]): RankingRow => {
    const a = computed.aggregates.get(entryId);
    const info = computed.info.get(entryId);
    const methods: RankingRow['methods'] = {};
    for (const m of computed.outcome.config.methods) {
      const p = positions.get(m)?.get(entryId);
      methods[m] = { rank: p?.rank ?? null, score: p?.score ?? a?.scores[m] ?? null };
    }
    const totals = a?.totals.map((t) => t.total) ?? [];
    return {
      entryId,
      regNo: '', // set by the caller, which has it at hand
      title: info?.title ?? '',
      entrantName: info?.entrantName ?? '',
      entrantUnit: info?.entrantUnit ?? null,
      rank,
      score,
      tier,
      judges,
      methods,
      low: totals.length ? Math.min(...totals) : null,
      high: totals.length ? Math.max(...totals) : null,
      sd: a?.sd ?? null,
      ties,
      flags,
    };
  };
  const rows =
    section === 'ranked'
      ? list.ranked.map((r) => ({ ...build(r.entryId, r.rank, r.score, r.tier, r.judges, r.ties, []), regNo: r.regNo }))
      : list.held.map((h) => ({ ...build(h.entryId, null, h.score, null, h.judges, [], h.flags), regNo: h.regNo }));
  computed.rows.set(key, rows);
  return rows;
}

/** The range of a list's weighted total (the first list's when none is named). */
export function scaleOf(computed: ComputedRanking, listKey?: string): { min: number; max: number } {
  const lists = computed.data.definition.lists;
  const rubric = (lists.find((l) => l.key === listKey) ?? lists[0]).rubric;
  const weights = rubric.reduce((s, d) => s + d.weight, 0);
  const min = rubric.reduce((s, d) => s + d.weight * d.scale.min, 0) / weights;
  const max = rubric.reduce((s, d) => s + d.weight * d.scale.max, 0) / weights;
  return { min, max };
}
