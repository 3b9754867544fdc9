// Ranking channels: configuration, the computed summary and lists (ctx.ranking, the core's
// ranking service, caches one computation per campaign; in the desktop app the summary, lists and
// entry details are computed on the ranking worker, ranking-worker.ts), per-entry details, the committee list,
// publishing (a signed locked snapshot), verification of a locked snapshot against the database,
// and exports.
import type { Handlers, RankingMethod } from '../contract';
import { listSnapshots, signPrepared, storeSignedSnapshot } from '../core/ranking/snapshot-store';
import { KepuError } from '../core/errors';
import { lockAfterNotice } from '../core/notices/final-lock-guard';
import { autoBackupBefore } from './backup-handlers';
import type { AppContext } from './context';
import { exportRanking } from './ranking-export';
import { snapshotView } from './ranking-reads';
import { rankingReads, WorkerReads } from './ranking-worker';

type RankingChannels =
  | 'ranking:config' | 'ranking:configure' | 'ranking:summary' | 'ranking:warm' | 'ranking:list' | 'ranking:entry'
  | 'ranking:committee' | 'ranking:lock' | 'ranking:snapshots' | 'ranking:verify' | 'ranking:export' | 'ranking:exportJob' | 'ranking:allowChanges';

/** How often a lock is made again when the data changed while it was made (writes still landing: the coordinator tries later). */
const LOCK_ATTEMPTS = 3;

export function rankingHandlers(ctx: AppContext): Pick<Handlers, RankingChannels> {
  // The ranking worker, where it is used, starts now: it loads its modules before the first read.
  const reads = rankingReads(ctx);
  if (reads instanceof WorkerReads) reads.start();
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
    // Computed on the ranking worker where it runs (ranking-worker.ts), else here; same answers.
    'ranking:summary': (request) => rankingReads(ctx).summary(request),
    'ranking:warm': ({ campaignId }) => {
      rankingReads(ctx).warm(campaignId);
      return null;
    },
    'ranking:list': (request) => rankingReads(ctx).list(request),
    'ranking:entry': (request) => rankingReads(ctx).entry(request),
    'ranking:committee': (request) => rankingReads(ctx).committee(request),
    'ranking:lock': async ({ campaignId, override }) => {
      const reads = rankingReads(ctx);
      // Nothing to rank: no key prompt, no backup (the summary is the one the tab shows, usually kept).
      if ((await reads.summary({ campaignId })).counts.counted === 0) throw new KepuError('RANKING_NOTHING_TO_RANK', `ranking: campaign ${campaignId} has no counted review`, { campaignId });
      ctx.identity.privateKey(); // KEY_LOCKED / KEY_NOT_FOUND before the backup, translated by the UI
      await autoBackupBefore(ctx, 'before-publish'); // blocks the publish when it cannot be written (backup-folder.ts)
      for (let attempt = 1; ; attempt++) {
        // Made after the backup's wait, from the data as it stands, where the Ranking tab's
        // computation is (the ranking worker): the snapshot's canonical bytes and packed lines take
        // seconds at 50,000 entries. One read transaction gives it, so it is the data of one moment.
        const prepared = await reads.lockPrepare({ campaignId });
        const key = ctx.identity.privateKey();
        const signer = ctx.identity.status().name ?? '';
        // Hashed and signed on the thread pool (about 20 MB at 50,000 entries).
        const signed = await signPrepared(prepared, key);
        try {
          // After a 公示 this is the final result: it waits for the period and open objections unless
          // overridden; the override is recorded with the lock, in one transaction, stored only
          // while the data is still what the snapshot was made from (else it is made again).
          return snapshotView(lockAfterNotice(ctx.db, campaignId, signer || 'local', override, (details) => storeSignedSnapshot(ctx.db, signed, key, signer, details), prepared.dataToken));
        } catch (error) {
          if (!(error instanceof KepuError && error.code === 'RANKING_DATA_CHANGED') || attempt >= LOCK_ATTEMPTS) throw error;
        }
      }
    },
    'ranking:snapshots': ({ campaignId }) => {
      ctx.campaigns.summary(campaignId);
      return listSnapshots(ctx.db, campaignId).map(snapshotView);
    },
    // It computes the ranking again from scratch (seconds at 50,000 entries): on the ranking worker.
    'ranking:verify': (request) => rankingReads(ctx).verify(request),
    'ranking:export': ({ campaignId, format, snapshotId, rounds }) => exportRanking(ctx, campaignId, format, snapshotId, undefined, rounds),
    // On a worker thread: a 50,000-entry report takes seconds, and the window's other requests
    // (reviews, video range requests) must not wait for it.
    'ranking:exportJob': ({ campaignId, format, rounds }) => {
      ctx.campaigns.summary(campaignId); // CAMPAIGN_NOT_FOUND now, not as a failed job
      // Where the Ranking tab's reads run: on the ranking worker, over the computation it holds.
      return ctx.jobs.start('ranking.export', (control) => rankingReads(ctx).job({ module: 'ranking-export', export: 'exportRankingJob', args: { campaignId, format, ...(rounds ? { rounds } : {}) } }, control, { cancelled: true, file: null }));
    },
  };
}

export type { RankingMethod };
