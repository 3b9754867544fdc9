// The Ranking tab's reads on the ranking worker (issue 18 aim 4; app/ranking-worker.ts, the
// worker through tsx here): ranking:summary, ranking:list and ranking:entry answer exactly what
// the in-process handlers answer, and a score saved after the first summary (a write of the main
// connection) makes both the main side's kept summary and the worker's computation stale.
// The ranking export jobs on the same worker (WorkerReads.job, what ranking:exportJob uses in the
// app): the same file as the in-process export, never one of a computation gone stale, and a job
// cancelled mid-way leaves nothing in exports/ while the worker goes on answering reads.
// Publishing and verifying on the worker (the app's path): ranking:lock takes its snapshot from
// the worker, byte for byte the one made in process, and ranking:verify and ranking:committee
// answer there as they do in process.
// Kept fresh: after the data changes and stays quiet, the worker computes the last asked ranking
// again by itself, so the next summary is answered from a computation made before it was asked.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { channels, type CampaignSummary, type ExportFile, type Job, type RankingExportJob, type RankingSummary, type SnapshotInfo, type SnapshotVerification } from '../../../src-main/contract';
import zlib from 'node:zlib';
import { closeRankingReads, rankingReads, WorkerReads } from '../../../src-main/app/ranking-worker';
import { rankingLockPrepare, rankingVerify } from '../../../src-main/app/ranking-reads';
import { loadSnapshot, signPrepared, signPreparedSync } from '../../../src-main/core/ranking/snapshot-store';
import { buildSnapshot, snapshotBytes } from '../../../src-main/core/ranking/snapshot';
import { exportNames, ok, openTestApp, scoredDemo, syntheticCampaign } from '../../helpers';

type App = ReturnType<typeof openTestApp>;

/** The summary without the moment it was computed (each computation has its own). */
const comparable = (s: RankingSummary) => ({ ...s, computedAt: '' });

/** Runs an export as ranking:exportJob does on the worker, and polls it to its end (cancelling it at its first progress when asked). */
async function exportOnWorker(app: App, reads: WorkerReads, campaignId: string, format: 'csv' | 'xlsx', cancelAtProgress = false): Promise<{ job: RankingExportJob; cancelledAt: { done: number; total: number } | null }> {
  const started = app.ctx.jobs.start('ranking.export', (control) => reads.job({ module: 'ranking-export', export: 'exportRankingJob', args: { campaignId, format } }, control, { cancelled: true, file: null }));
  let cancelledAt: { done: number; total: number } | null = null;
  for (;;) {
    const job = await ok<Job>(app.dispatch('job:status', { jobId: started.jobId }));
    if (job.state !== 'running') return { job: job as RankingExportJob, cancelledAt };
    const progress = (job as RankingExportJob).progress;
    if (cancelAtProgress && progress && !cancelledAt) {
      cancelledAt = progress;
      await ok(app.dispatch('job:cancel', { jobId: started.jobId }));
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const bytesOf = (file: ExportFile) => Buffer.from(file.contentBase64, 'base64');

describe('ranking reads on the worker thread', () => {
  let app: App;
  let works: CampaignSummary;
  let reads: WorkerReads;
  let rows: { entryId: number; judgeId: string }[];
  beforeAll(async () => {
    app = openTestApp();
    ({ works, rows } = await scoredDemo(app));
    reads = new WorkerReads(app.ctx);
  }, 120_000);
  afterAll(async () => {
    await reads.close();
    app.ctx.close();
  });

  it('answers the summary, a page of a list and an entry as the in-process handlers do', async () => {
    const here = await ok<RankingSummary>(app.dispatch('ranking:summary', { campaignId: works.id }));
    const there = channels['ranking:summary'].response.parse(await reads.summary({ campaignId: works.id }));
    expect(comparable(there)).toEqual(comparable(here));
    expect(there.counts.ranked).toBeGreaterThan(0);

    const category = here.categories.find((c) => c.ranked > 2)!;
    const request = { campaignId: works.id, kind: category.kind, category: category.category, section: 'ranked' as const, offset: 1, limit: 5 };
    const page = await ok(app.dispatch('ranking:list', request));
    expect(channels['ranking:list'].response.parse(await reads.list(channels['ranking:list'].request.parse(request)))).toEqual(page);

    const entryId = rows[3].entryId;
    const entry = await ok(app.dispatch('ranking:entry', { campaignId: works.id, entryId }));
    expect(channels['ranking:entry'].response.parse(await reads.entry({ campaignId: works.id, entryId }))).toEqual(entry);

    // An error arrives as its code, as from the handler.
    await expect(reads.entry({ campaignId: works.id, entryId: 987_654 })).rejects.toMatchObject({ code: 'ENTRY_NOT_FOUND' });
  }, 120_000);

  it('computes again after a score is saved: the kept summary and the worker\'s computation are both stale', async () => {
    const before = await reads.summary({ campaignId: works.id });
    expect(await reads.summary({ campaignId: works.id })).toBe(before); // kept while nothing changed
    // One judge's score raised through the review service, as a judge's key press saves it.
    const r = rows[1];
    app.ctx.reviews.setScore({ campaignId: works.id, judgeId: r.judgeId, entryId: r.entryId }, 'content', 10);
    const after = await reads.summary({ campaignId: works.id });
    expect(after).not.toBe(before);
    expect(after.computedAt >= before.computedAt).toBe(true);
    const judge = (s: RankingSummary) => s.judges.find((j) => j.judgeId === r.judgeId)!;
    expect(judge(after)).not.toEqual(judge(before));
    expect(comparable(after)).toEqual(comparable(await ok<RankingSummary>(app.dispatch('ranking:summary', { campaignId: works.id }))));
    // The worker's computation is the new one too (the entry's details read it).
    const entry = await reads.entry({ campaignId: works.id, entryId: r.entryId });
    expect(entry).toEqual(await ok(app.dispatch('ranking:entry', { campaignId: works.id, entryId: r.entryId })));
    expect(entry.cells.find((c) => c.judgeId === r.judgeId && c.dimension === 'content')?.signed).toBe(10);
  }, 120_000);

  it('runs an export job over its computation: the in-process export\'s file, recomputed after a change', async () => {
    await reads.summary({ campaignId: works.id }); // the Ranking tab's first read: the worker computes
    const first = await exportOnWorker(app, reads, works.id, 'csv');
    expect(first.job).toMatchObject({ state: 'done', error: null });
    const here = await ok<ExportFile>(app.dispatch('ranking:export', { campaignId: works.id, format: 'csv' }));
    expect(bytesOf(first.job.result!.file!).equals(bytesOf(here))).toBe(true);
    expect(fs.readFileSync(first.job.result!.file!.savedTo).equals(bytesOf(here))).toBe(true);
    // A score changed after the worker computed: the export is of the data as it is now.
    const r = rows[2];
    app.ctx.reviews.setScore({ campaignId: works.id, judgeId: r.judgeId, entryId: r.entryId }, 'creativity', 0);
    const second = await exportOnWorker(app, reads, works.id, 'csv');
    const hereNow = await ok<ExportFile>(app.dispatch('ranking:export', { campaignId: works.id, format: 'csv' }));
    expect(bytesOf(second.job.result!.file!).equals(bytesOf(hereNow))).toBe(true);
    expect(bytesOf(hereNow).equals(bytesOf(here))).toBe(false);
  }, 120_000);

  it('cancels an export job mid-way: nothing left in exports/, and the worker answers reads after it', async () => {
    // Large enough that the XLSX reports progress (every 2,000 rows) before it ends.
    const big = syntheticCampaign(app.ctx, 30_000);
    const before = new Set(exportNames(app.dataDir));
    const { job, cancelledAt } = await exportOnWorker(app, reads, big.id, 'xlsx', true);
    expect(cancelledAt).not.toBeNull();
    expect(cancelledAt!.done).toBeLessThan(cancelledAt!.total);
    expect(job).toMatchObject({ state: 'cancelled', result: { cancelled: true, file: null }, error: null });
    expect(exportNames(app.dataDir).filter((name) => !before.has(name))).toEqual([]);
    const summary = await reads.summary({ campaignId: big.id });
    expect(comparable(summary)).toEqual(comparable(await ok<RankingSummary>(app.dispatch('ranking:summary', { campaignId: big.id }))));
    // A job that fails says why in the typed body, as from its own worker.
    const missing = await exportOnWorker(app, reads, 'no-such-campaign', 'csv');
    expect(missing.job).toMatchObject({ state: 'failed', result: null, error: { code: 'CAMPAIGN_NOT_FOUND' } });
  }, 180_000);

  it('computes again what was last asked for once the data changed (refreshLast), and not otherwise', () => {
    const ranking = app.ctx.ranking;
    const before = ranking.compute(works.id);
    expect(ranking.refreshLast(60_000)).toBe(false); // nothing changed
    const r = rows[4];
    app.ctx.reviews.setScore({ campaignId: works.id, judgeId: r.judgeId, entryId: r.entryId }, 'communication', 1);
    expect(ranking.refreshLast(60_000, Date.now() + 120_000)).toBe(false); // asked too long ago
    expect(ranking.refreshLast(60_000)).toBe(true);
    const after = ranking.compute(works.id);
    expect(after).not.toBe(before);
    expect(ranking.compute(works.id)).toBe(after); // the refreshed computation is the cached one
    expect(after.aggregates.get(r.entryId)).not.toEqual(before.aggregates.get(r.entryId));
    expect(ranking.refreshLast(60_000)).toBe(false);
  });

  it('computes an opened campaign\'s ranking in the background (ranking:warm), before the summary is asked', async () => {
    const r = rows[6];
    app.ctx.reviews.setScore({ campaignId: works.id, judgeId: r.judgeId, entryId: r.entryId }, 'creativity', 1);
    reads.warm(works.id);
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // less than the keep-fresh check and quiet time
    const asked = new Date().toISOString();
    const summary = await reads.summary({ campaignId: works.id });
    expect(summary.computedAt < asked).toBe(true);
    expect(comparable(summary)).toEqual(comparable(await ok<RankingSummary>(app.dispatch('ranking:summary', { campaignId: works.id }))));
    // In process (the CLI) it answers and computes nothing.
    expect(await ok(app.dispatch('ranking:warm', { campaignId: works.id }))).toBeNull();
  }, 60_000);

  it('has the ranking computed again by the time it is asked, after a change and a quiet moment', async () => {
    await reads.summary({ campaignId: works.id });
    const r = rows[5];
    app.ctx.reviews.setScore({ campaignId: works.id, judgeId: r.judgeId, entryId: r.entryId }, 'content', 2);
    // The worker looks every second and computes 1.5 s after the last change.
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    const asked = new Date().toISOString();
    const summary = await reads.summary({ campaignId: works.id });
    expect(summary.computedAt < asked).toBe(true);
    expect(comparable(summary)).toEqual(comparable(await ok<RankingSummary>(app.dispatch('ranking:summary', { campaignId: works.id }))));
    const entry = await reads.entry({ campaignId: works.id, entryId: r.entryId });
    expect(entry.cells.find((c) => c.judgeId === r.judgeId && c.dimension === 'content')?.signed).toBe(2);
  }, 60_000);
});

describe('publishing and verifying with the ranking worker (the app\'s path)', () => {
  let app: App;
  let works: CampaignSummary;
  beforeAll(async () => {
    // As in the desktop app: the handlers' ranking reads are the worker's.
    const was = process.env.KEPU_RANKING_WORKER;
    process.env.KEPU_RANKING_WORKER = '1';
    try {
      app = openTestApp();
    } finally {
      if (was === undefined) delete process.env.KEPU_RANKING_WORKER;
      else process.env.KEPU_RANKING_WORKER = was;
    }
    expect(rankingReads(app.ctx)).toBeInstanceOf(WorkerReads);
    works = await ok<CampaignSummary>(app.dispatch('demo:load', {}));
    const rows = app.ctx.db.prepare('SELECT a.entry_id AS entryId, a.judge_id AS judgeId FROM entries e JOIN assignments a ON a.entry_id = e.id WHERE e.campaign_id = ? ORDER BY e.id, a.judge_id').all(works.id) as { entryId: number; judgeId: string }[];
    rows.forEach((r, i) => {
      for (const [dimension, value] of Object.entries({ content: 3 + (i % 8), creativity: 4 + (i % 5), communication: 5 + (i % 3) })) {
        app.ctx.reviews.setScore({ campaignId: works.id, judgeId: r.judgeId, entryId: r.entryId }, dimension, value);
      }
    });
    await ok(app.dispatch('identity:create', { name: '王协调', passphrase: 'correct horse battery' }));
  }, 120_000);
  afterAll(async () => {
    await closeRankingReads(app.ctx);
    app.ctx.close();
  });

  it('locks the snapshot made on the worker: the in-process snapshot\'s bytes and lines, signed, and it verifies', async () => {
    const here = rankingLockPrepare(app.ctx, { campaignId: works.id });
    // Its scores hash taken from the kept lines is the one made from the scores (as verify makes it).
    const c = app.ctx.ranking.compute(works.id);
    expect(Buffer.from(here.bytes).equals(snapshotBytes(buildSnapshot(c.data, c.outcome, c.flags, c.decisions)))).toBe(true);
    // Nothing of the lock or the committee list is computed in this (the main) thread.
    const computeHere = vi.spyOn(app.ctx.ranking, 'compute');
    const lock = await ok<SnapshotInfo>(app.dispatch('ranking:lock', { campaignId: works.id }));
    expect(await ok(app.dispatch('ranking:committee', { campaignId: works.id }))).toEqual(null); // not a committee campaign
    expect(computeHere).not.toHaveBeenCalled();
    computeHere.mockRestore();
    const stored = loadSnapshot(app.ctx.db, works.id, lock.id);
    expect(stored.signatureValid).toBe(true);
    expect(stored.bytes.equals(Buffer.from(here.bytes))).toBe(true);
    const lines = app.ctx.db.prepare('SELECT lines_gz FROM ranking_snapshot_lines WHERE snapshot_id = ?').pluck().get(lock.id) as Buffer;
    expect(zlib.gunzipSync(lines).equals(zlib.gunzipSync(here.linesGz!))).toBe(true);
    expect(lock).toMatchObject({ rankedCount: stored.info.rankedCount, heldCount: stored.info.heldCount });
    // Stored as the text it is (the bytes were bound and cast, never decoded in this thread).
    expect(app.ctx.db.prepare('SELECT typeof(snapshot_json) FROM ranking_snapshots WHERE id = ?').pluck().get(lock.id)).toBe('text');
    // Hashed and signed on the thread pool: what the synchronous path gives (Ed25519 is deterministic).
    const key = app.ctx.identity.privateKey();
    const [pooled, here2] = [await signPrepared(here, key), signPreparedSync(here, key)];
    expect({ sha256: pooled.sha256, signature: pooled.signature }).toEqual({ sha256: here2.sha256, signature: here2.signature });
    expect(pooled.sha256).toBe(lock.sha256);
    expect(lock.rankedCount).toBeGreaterThan(0);

    // Verified on the worker: equal, as in process.
    const verified = await ok<SnapshotVerification>(app.dispatch('ranking:verify', { campaignId: works.id, snapshotId: lock.id }));
    expect(verified).toMatchObject({ equal: true, signatureValid: true, difference: null });
    expect(verified).toEqual(rankingVerify(app.ctx, { campaignId: works.id, snapshotId: lock.id }));
  }, 120_000);

  it('verifies on the worker against the data as it is now: a changed score is named', async () => {
    const lock = await ok<SnapshotInfo>(app.dispatch('ranking:lock', { campaignId: works.id }));
    const r = app.ctx.db.prepare('SELECT entry_id AS entryId, judge_id AS judgeId FROM scores WHERE dimension_key = ? ORDER BY rowid LIMIT 1').get('content') as { entryId: number; judgeId: string };
    await ok(app.dispatch('ranking:allowChanges', { campaignId: works.id })); // published: a change needs agreement
    app.ctx.reviews.setScore({ campaignId: works.id, judgeId: r.judgeId, entryId: r.entryId }, 'content', 0.5);
    const verified = await ok<SnapshotVerification>(app.dispatch('ranking:verify', { campaignId: works.id, snapshotId: lock.id }));
    expect(verified.equal).toBe(false);
    expect(verified.differences?.scores.some((d) => d.new === 0.5)).toBe(true);
    expect(verified).toEqual(rankingVerify(app.ctx, { campaignId: works.id, snapshotId: lock.id }));
    // The next lock is of the data as it is now (the worker's computation was stale and is made again).
    const again = await ok<SnapshotInfo>(app.dispatch('ranking:lock', { campaignId: works.id }));
    expect(again.sha256).not.toBe(lock.sha256);
    expect(await ok<SnapshotVerification>(app.dispatch('ranking:verify', { campaignId: works.id, snapshotId: again.id }))).toMatchObject({ equal: true });
  }, 120_000);

  it('refuses to lock a campaign with no counted review, before asking for the key or backing up', async () => {
    const empty = await ok<CampaignSummary>(app.dispatch('campaign:create', { templateId: 'sichuan-influence-2023' }));
    const r = await app.dispatch('ranking:lock', { campaignId: empty.id });
    expect(r).toMatchObject({ ok: false, error: { code: 'RANKING_NOTHING_TO_RANK' } });
  }, 60_000);
});
