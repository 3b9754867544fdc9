// The ranking's reads that the Ranking tab waits for — the summary, a page of a category's list,
// an entry's details, the committee list, a verification, the snapshot a lock signs — as functions of a context with a database and a ranking service, so the
// same code answers in the main process (ranking-handlers.ts) and on the ranking worker
// (ranking-serve.ts, over the worker's own read-only connection): the same answers either way.
import type { CategorySummary, ParsedRequestOf, ResponseOf, SnapshotInfo } from '../contract';
import { KepuError } from '../core/errors';
import { listOverrides } from '../core/moderation/overrides';
import { carryView } from '../core/ranking/carry-over';
import { meanByDefaultBecause } from '../core/ranking/default-config';
import { categoryRows, findCategory, scaleOf } from '../core/ranking/ranking-rows';
import type { ComputedRanking, RankingService } from '../core/ranking/ranking-service';
import { setAsideSummary } from '../core/ranking/set-aside';
import { buildInputLines } from '../core/ranking/input-lines';
import { buildSnapshot } from '../core/ranking/snapshot';
import { latestSnapshotInfo, loadSnapshot, prepareSnapshot, type PreparedSnapshot, snapshotLines, type StoredSnapshot } from '../core/ranking/snapshot-store';
import { verifyExplained } from '../core/ranking/verify';
import type { Database } from 'better-sqlite3';
import { overrideView, scoreCells } from './moderation-handlers';
import { differencesView } from './verify-differences';
import { categoryLabel, committeeApplicants, tierLabel, trimFallback } from './ranking-views';

/** What the reads use: the main process's AppContext, or the worker's WorkerContext. */
export interface RankingReadContext {
  readonly db: Database;
  readonly ranking: RankingService;
}

export function snapshotView(s: StoredSnapshot): SnapshotInfo {
  return { id: s.id, lockedAt: s.lockedAt, sha256: s.sha256, method: s.method, methods: s.methods, rankedCount: s.rankedCount, heldCount: s.heldCount, signerName: s.signerName, signerFingerprint: s.signerFingerprint };
}

function categorySummaries(computed: ComputedRanking): CategorySummary[] {
  // Titles of the movers only (a few per category), not every entry's.
  const titles = computed.infoOf(computed.outcome.categories.flatMap((c) => c.stability.movers.map((m) => m.entryId)));
  return computed.outcome.categories.map((c) => {
    const { min, max } = scaleOf(computed, c.list);
    const list = c.lists[c.method]!;
    const counts = new Array<number>(20).fill(0);
    for (const r of list.ranked) counts[Math.min(19, Math.max(0, Math.floor(((r.score - min) / (max - min)) * 20)))]++;
    return {
      list: c.list,
      method: c.method,
      kind: c.kind,
      category: c.category,
      label: categoryLabel(computed, c.kind, c.category),
      ranked: list.ranked.length,
      held: list.held.length,
      tiers: list.tiers.map((t) => ({ key: t.key, label: tierLabel(c, t.key), count: t.count })),
      stability: {
        tau: c.stability.tau,
        movers: c.stability.movers.map((m) => ({ ...m, title: titles.get(m.entryId)?.title ?? '' })),
        icc: c.stability.icc,
        w: c.stability.w,
      },
      histogram: { min, max, counts },
      fallback: trimFallback(computed, c),
    };
  });
}


export function rankingSummary(ctx: RankingReadContext, { campaignId, refresh, rounds }: ParsedRequestOf<'ranking:summary'>): ResponseOf<'ranking:summary'> {
  const computed = ctx.ranking.compute(campaignId, refresh ?? false, rounds);
  const { outcome } = computed;
  const counts = outcome.aggregate.counts;
  const ranked = outcome.categories.reduce((s, c) => s + (c.lists[c.method]?.ranked.length ?? 0), 0);
  const latest = latestSnapshotInfo(ctx.db, campaignId);
  const stored = ctx.ranking.storedConfig(campaignId);
  return {
    campaignId,
    computedAt: computed.computedAt,
    config: stored.config,
    applied: { tieBreaks: outcome.config.tieBreaks, biasThreshold: outcome.config.bias.threshold },
    scale: scaleOf(computed),
    counts: { entries: computed.data.entries.length, ranked, held: computed.data.entries.length - ranked, counted: counts.counted, incomplete: counts.incomplete, conflicted: counts.conflicted },
    categories: categorySummaries(computed),
    judges: outcome.judges.map((j) => ({ ...j, name: computed.judgeNames.get(j.judgeId) ?? j.judgeId })),
    committee: outcome.committee ? { members: outcome.committee.members.length, rejected: outcome.committee.rejected.length, held: outcome.committee.held.length } : null,
    latestLock: latest ? snapshotView(latest) : null,
    setAside: setAsideSummary(ctx.db, computed.data),
    meanByDefault: stored.saved ? null : meanByDefaultBecause(computed.data.definition),
    ...(computed.data.rounds ? { rounds: computed.data.rounds } : {}),
  };
}

export function rankingList(ctx: RankingReadContext, { campaignId, kind, category, section, method, offset, limit, rounds }: ParsedRequestOf<'ranking:list'>): ResponseOf<'ranking:list'> {
  const computed = ctx.ranking.compute(campaignId, false, rounds);
  const found = findCategory(computed, kind, category);
  const rows = categoryRows(computed, found, section, method ?? found.method);
  return { total: rows.length, rows: rows.slice(offset, offset + limit) };
}

export function rankingEntry(ctx: RankingReadContext, { campaignId, entryId, rounds }: ParsedRequestOf<'ranking:entry'>): ResponseOf<'ranking:entry'> {
  const computed = ctx.ranking.compute(campaignId, false, rounds);
  const entry = computed.data.entries.find((e) => e.entryId === entryId);
  if (!entry) throw new KepuError('ENTRY_NOT_FOUND', `ranking: entry #${entryId} is not in campaign ${campaignId}`, { id: entryId });
  const c = findCategory(computed, entry.kind, entry.category);
  const row =
    categoryRows(computed, c, 'ranked', c.method).find((r) => r.entryId === entryId) ??
    categoryRows(computed, c, 'held', c.method).find((r) => r.entryId === entryId)!;
  const a = computed.aggregates.get(entryId);
  const name = (id: string) => computed.judgeNames.get(id) ?? id;
  return {
    row,
    list: c.list,
    roundNo: computed.data.rounds?.[c.list] ?? 1,
    totals: (a?.totals ?? []).map((t) => ({ ...t, name: name(t.judgeId) })),
    excluded: (a?.excluded ?? []).map((x) => ({ ...x, name: name(x.judgeId) })),
    dimensionMeans: a?.dimensionMeans ?? {},
    trimmed: a?.trimmed ?? null,
    publishedMethod: c.method,
    trimMinJudges: computed.outcome.config.trimMinJudges,
    cells: scoreCells(computed, entryId),
    overrides: listOverrides(ctx.db, campaignId, entryId).map((r) => overrideView(r, computed.judgeNames)),
    decisions: computed.decisions.get(entryId) ?? [],
    timing: entry.isLate ? 'late' : entry.isEarly ? 'early' : null,
    carry: a ? carryView(a, c.method) : null,
  };
}


export function rankingCommittee(ctx: RankingReadContext, { campaignId }: ParsedRequestOf<'ranking:committee'>): ResponseOf<'ranking:committee'> {
  return committeeApplicants(ctx.ranking.compute(campaignId));
}

/** A locked snapshot checked against the database as it is now: it computes the ranking again, from scratch. */
export function rankingVerify(ctx: RankingReadContext, { campaignId, snapshotId }: ParsedRequestOf<'ranking:verify'>): ResponseOf<'ranking:verify'> {
  const loaded = loadSnapshot(ctx.db, campaignId, snapshotId);
  const { comparison: result, detail, differences } = verifyExplained(ctx.db, loaded.snapshot, snapshotLines(ctx.db, { snapshotId }));
  const json = (v: unknown) => (v === undefined ? '—' : JSON.stringify(v).slice(0, 500));
  return {
    snapshot: snapshotView(loaded.info),
    signatureValid: loaded.signatureValid,
    equal: result.equal,
    difference: result.equal ? null : { path: result.path, locked: json(result.locked), recomputed: json(result.recomputed) },
    detail,
    differences: differencesView(differences),
  };
}

/**
 * What ranking:lock signs, made ready (snapshot-store.ts prepareSnapshot): the snapshot of the
 * ranking as the data stands, from the cached computation when nothing changed since it was made
 * (its key is the change stamp, so it is never stale), with its input lines.
 */
export function rankingLockPrepare(ctx: RankingReadContext, { campaignId }: { campaignId: string }): PreparedSnapshot {
  const computed = ctx.ranking.compute(campaignId);
  if (computed.outcome.aggregate.counts.counted === 0) {
    throw new KepuError('RANKING_NOTHING_TO_RANK', `ranking: campaign ${campaignId} has no counted review`, { campaignId });
  }
  const lines = buildInputLines(computed.data, computed.judgeNames);
  // The score lines kept with it are the ones its scores hash covers: hashed from there.
  const snapshot = buildSnapshot(computed.data, computed.outcome, computed.flags, computed.decisions, lines.scores);
  return prepareSnapshot(snapshot, lines, computed.token);
}
