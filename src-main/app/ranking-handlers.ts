// Ranking channels: configuration, the computed summary and lists (ctx.ranking, the core's
// ranking service, caches one computation per campaign), per-entry details, the committee list,
// publishing (a signed locked snapshot), verification of a locked snapshot against the database,
// and exports.
import type { CategorySummary, Handlers, RankingMethod, SnapshotInfo } from '../contract';
import { buildSnapshot } from '../core/ranking/snapshot';
import { latestSnapshotInfo, listSnapshots, loadSnapshot, snapshotLines, type StoredSnapshot, storeSnapshot } from '../core/ranking/snapshot-store';
import { verifyExplained } from '../core/ranking/verify';
import { buildInputLines } from '../core/ranking/input-lines';
import { listOverrides } from '../core/moderation/overrides';
import { overrideView, scoreCells } from './moderation-handlers';
import { differencesView } from './verify-differences';
import { setAsideSummary } from '../core/ranking/set-aside';
import { carryView } from '../core/ranking/carry-over';
import { meanByDefaultBecause } from '../core/ranking/default-config';
import { KepuError } from '../core/errors';
import { lockAfterNotice } from '../core/notices/final-lock-guard';
import { autoBackupBefore } from './backup-handlers';
import type { AppContext } from './context';
import { exportRanking } from './ranking-export';
import { runInWorker } from './worker-runner';
import { categoryLabel, committeeApplicants, tierLabel, trimFallback } from './ranking-views';
import { categoryRows, findCategory, scaleOf } from '../core/ranking/ranking-rows';
import type { ComputedRanking } from '../core/ranking/ranking-service';

type RankingChannels =
  | 'ranking:config' | 'ranking:configure' | 'ranking:summary' | 'ranking:list' | 'ranking:entry'
  | 'ranking:committee' | 'ranking:lock' | 'ranking:snapshots' | 'ranking:verify' | 'ranking:export' | 'ranking:exportJob' | 'ranking:allowChanges';



function snapshotView(s: StoredSnapshot): SnapshotInfo {
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


export function rankingHandlers(ctx: AppContext): Pick<Handlers, RankingChannels> {
  return {
    'ranking:config': ({ campaignId }) => ctx.ranking.storedConfig(campaignId),
    'ranking:configure': ({ campaignId, config }) => {
      ctx.campaigns.summary(campaignId);
      ctx.publishedChanges.assertMayChange(campaignId, 'settings');
      return ctx.ranking.saveConfig(campaignId, config);
    },
    'ranking:allowChanges': ({ campaignId }) => {
      ctx.campaigns.summary(campaignId);
      return ctx.publishedChanges.allow(campaignId, ctx.identity.status().name ?? 'coordinator');
    },
    'ranking:summary': ({ campaignId, refresh, rounds }) => {
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
    },
    'ranking:list': ({ campaignId, kind, category, section, method, offset, limit, rounds }) => {
      const computed = ctx.ranking.compute(campaignId, false, rounds);
      const found = findCategory(computed, kind, category);
      const rows = categoryRows(computed, found, section, method ?? found.method);
      return { total: rows.length, rows: rows.slice(offset, offset + limit) };
    },
    'ranking:entry': ({ campaignId, entryId, rounds }) => {
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
    },
    'ranking:committee': ({ campaignId }) => committeeApplicants(ctx.ranking.compute(campaignId)),
    'ranking:lock': async ({ campaignId, override }) => {
      const nothingToRank = () => ctx.ranking.compute(campaignId).outcome.aggregate.counts.counted === 0;
      if (nothingToRank()) throw new KepuError('RANKING_NOTHING_TO_RANK', `ranking: campaign ${campaignId} has no counted review`, { campaignId });
      ctx.identity.privateKey(); // KEY_LOCKED / KEY_NOT_FOUND before the backup, translated by the UI
      await autoBackupBefore(ctx, 'before-publish'); // blocks the publish when it cannot be written (backup-folder.ts)
      // Computed after the backup's wait: what is signed is the data as it is now.
      const computed = ctx.ranking.compute(campaignId, true);
      if (computed.outcome.aggregate.counts.counted === 0) {
        throw new KepuError('RANKING_NOTHING_TO_RANK', `ranking: campaign ${campaignId} has no counted review`, { campaignId });
      }
      const key = ctx.identity.privateKey();
      const signer = ctx.identity.status().name ?? '';
      const snapshot = buildSnapshot(computed.data, computed.outcome, computed.flags, computed.decisions);
      // After a 公示 this is the final result: it waits for the period and open objections unless
      // overridden; the override is recorded with the lock, in one transaction.
      const lines = buildInputLines(computed.data, computed.judgeNames);
      return snapshotView(lockAfterNotice(ctx.db, campaignId, signer || 'local', override, (details) => storeSnapshot(ctx.db, snapshot, key, signer, lines, details)));
    },
    'ranking:snapshots': ({ campaignId }) => {
      ctx.campaigns.summary(campaignId);
      return listSnapshots(ctx.db, campaignId).map(snapshotView);
    },
    'ranking:verify': ({ campaignId, snapshotId }) => {
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
    },
    'ranking:export': ({ campaignId, format, snapshotId }) => exportRanking(ctx, campaignId, format, snapshotId),
    // On a worker thread: a 50,000-entry report takes seconds, and the window's other requests
    // (reviews, video range requests) must not wait for it.
    'ranking:exportJob': ({ campaignId, format }) => {
      ctx.campaigns.summary(campaignId); // CAMPAIGN_NOT_FOUND now, not as a failed job
      return ctx.jobs.start('ranking.export', (control) => runInWorker(ctx, { module: 'ranking-export', export: 'exportRankingJob', args: { campaignId, format } }, control, { cancelled: true, file: null }));
    },
  };
}

export type { RankingMethod };
