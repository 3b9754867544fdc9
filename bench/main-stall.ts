// Issue 18 aim 4, "a main process that never stalls": how long a judge's review:get waits while a
// 50,000-entry ranking report is written, in process (ranking:export, today's path: the PDF is
// drawn on the main thread in slices) and as a job on a worker thread (ranking:exportJob). The
// requests come one at a time about every INTERVAL_MS (like a judge's window) and each is timed
// from when it was due, so the time a request waits behind a busy main thread counts.
// The peer is the same schedule with nothing else running (p99 of an idle main process). Also:
// the XLSX and PDF exports as worker jobs, start to done, next to the in-process export's time.
// lockStallBench: the same measure while ranking:lock publishes the 50,000-entry ranking, with the
// ranking computed and the snapshot built in the main process (the CLI's in-process reads, and the
// app's path before) and on the ranking worker (the app's path: the main process signs and stores).
// certificateStallBench (called by bench/certificates.ts): the same measure while 1,000 certificates
// are exported, by exportList on the main thread (before) and by the certificates:export job on a
// worker thread (after).
import type { Dispatch } from '../src-main/app/dispatch';
import type { Job } from '../src-main/contract';
import type { AppContext } from '../src-main/app/context';
import type { RankingReads, WorkerReads } from '../src-main/app/ranking-worker';
import { type BenchResult, percentile, round, summarize } from './harness';

const INTERVAL_MS = 20;

const now = () => Number(process.hrtime.bigint()) / 1e6;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/**
 * review:get latencies (ms) while `busy` runs. One request at a time, each due INTERVAL_MS after
 * the previous was due or when the previous answered, whichever is later (so a slow answer never
 * builds a queue of our own making), and timed from when it was due: a request that waits behind
 * a busy main thread (even its timer fires late) counts that wait.
 */
export async function latencies(dispatch: Dispatch, request: { campaignId: string; judgeId: string; entryIds: number[] }, busy: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  let running = true;
  // Started on the next turn, after the first request is due: a synchronous start of the work
  // (an in-process export lays out every page before its first await) delays that request and counts.
  const work = new Promise((resolve) => setImmediate(resolve))
    .then(busy)
    .finally(() => {
      running = false;
    });
  let due = now();
  for (let i = 0; running; i++) {
    await sleep(due - now());
    const entryId = request.entryIds[i % request.entryIds.length];
    const r = await dispatch('review:get', { campaignId: request.campaignId, judgeId: request.judgeId, entryId });
    if (!r.ok) throw new Error(`bench: review:get failed: ${JSON.stringify(r.error)}`);
    const answered = now();
    samples.push(answered - due);
    due = Math.max(due + INTERVAL_MS, answered);
  }
  await work;
  return samples;
}

async function jobToEnd(dispatch: Dispatch, campaignId: string, format: 'xlsx' | 'pdf'): Promise<void> {
  const started = await dispatch('ranking:exportJob', { campaignId, format });
  if (!started.ok) throw new Error(`bench: ranking:exportJob failed: ${JSON.stringify(started.error)}`);
  await jobDone(dispatch, (started.value as Job).jobId);
}

export async function stallBench(dispatch: Dispatch, reads: WorkerReads, ctx: AppContext, campaignId: string, judgeId: string, entryIds: number[], inProcess: Partial<Record<'csv' | 'xlsx' | 'pdf', number[]>>): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const request = { campaignId, judgeId, entryIds };
  const idle = await latencies(dispatch, request, () => sleep(3000));
  const peer = { tool: 'review:get on the same schedule with nothing else running (p99)', medianMs: round(percentile(idle, 99)), opsPerSec: round(1000 / INTERVAL_MS) };
  const during = (name: string, samples: number[], note: string) =>
    results.push({ ...summarize(name, samples.length, 'requests/s', samples, { note: `${note}; ratio p99/idle p99 ${round(percentile(samples, 99) / Math.max(0.01, peer.medianMs))}; aim p99 < 50 ms`, peer }), opsPerSec: round(1000 / INTERVAL_MS) });
  const before = await latencies(dispatch, request, async () => {
    const r = await dispatch('ranking:export', { campaignId, format: 'pdf' });
    if (!r.ok) throw new Error('bench: ranking:export pdf failed');
  });
  during('mainStall.reviewGet.duringPdf.inProcess', before, `review:get every ${INTERVAL_MS} ms while ranking:export writes the PDF report in the main process (before)`);
  const after = await latencies(dispatch, request, () => jobToEnd(dispatch, campaignId, 'pdf'));
  during('mainStall.reviewGet.duringPdf.worker', after, `review:get every ${INTERVAL_MS} ms while ranking:exportJob writes the PDF report on a worker thread (after)`);
  // Only the formats measured in process (all of them unless KEPU_BENCH_RANKING_EXPORTS says).
  // As the app runs them: on the ranking worker, after the Ranking tab's summary computed the
  // ranking there (the export buttons are on that tab); then on a worker of their own, which loads
  // and ranks everything again first (the CLI's way, and what every export job did before).
  await reads.summary({ campaignId });
  for (const format of (['xlsx', 'pdf'] as const).filter((f) => inProcess[f])) {
    const here = inProcess[format];
    const peer = here ? { peer: { tool: `ranking:export ${format} in the main process (same run)`, medianMs: round(percentile(here, 50)), opsPerSec: round(1000 / percentile(here, 50)) } } : {};
    const aim = format === 'pdf' ? '≤ 10 s' : '≤ 5 s';
    const t0 = now();
    await jobDone(dispatch, ctx.jobs.start('ranking.export', (control) => reads.job({ module: 'ranking-export', export: 'exportRankingJob', args: { campaignId, format } }, control, { cancelled: true, file: null })).jobId);
    results.push(summarize(`mainStall.exportJob.${format}`, 1, 'jobs/s', [now() - t0], { note: `ranking:exportJob ${format} start to done on the ranking worker, over the computation the Ranking tab's summary made (the app's path); aim ${aim}`, ...peer }));
    const t1 = now();
    await jobToEnd(dispatch, campaignId, format);
    results.push(
      summarize(`mainStall.exportJob.${format}.ownWorker`, 1, 'jobs/s', [now() - t1], {
        note: `ranking:exportJob ${format} start to done on a worker of its own (the CLI's path: its connection loads and ranks everything again; under tsx the worker compiles its sources first); aim ${aim}`,
        ...peer,
      }),
    );
  }
  return results;
}

/** Polls job:status until the job ends; throws unless it ended done. */
export async function jobDone(dispatch: Dispatch, jobId: string): Promise<Job> {
  for (;;) {
    await sleep(50);
    const r = await dispatch('job:status', { jobId });
    if (!r.ok) throw new Error('bench: job:status failed');
    const job = r.value as Job;
    if (job.state === 'done') return job;
    if (job.state !== 'running') throw new Error(`bench: job ${job.kind} ${job.state}: ${JSON.stringify(job.error)}`);
  }
}

/**
 * review:get p99 while `count` certificates are exported: `inProcess` is the work as the handler did
 * it before (exportList on the main thread, pages drawn in slices of 25 between turns of the event
 * loop), `job` the certificates:export job on a worker thread, start to done (its time is returned
 * too). Same run, same schedule; the peer is the idle p99 measured first.
 */
export async function certificateStallBench(
  dispatch: Dispatch,
  request: { campaignId: string; judgeId: string; entryIds: number[] },
  count: number,
  exports: { inProcess: () => Promise<unknown>; job: () => Promise<unknown> },
): Promise<{ results: BenchResult[]; jobMs: number }> {
  const idle = await latencies(dispatch, request, () => sleep(3000));
  const peer = { tool: 'review:get on the same schedule with nothing else running (p99)', medianMs: round(percentile(idle, 99)), opsPerSec: round(1000 / INTERVAL_MS) };
  const results: BenchResult[] = [];
  // Besides the latencies: how many requests the main process answered per second meanwhile (the
  // schedule asks for 1000 / INTERVAL_MS when every answer is prompt).
  const during = (name: string, samples: number[], ms: number, note: string) =>
    results.push({
      ...summarize(name, samples.length, 'requests/s', samples, {
        note: `${note}; ${samples.length} requests answered in ${round(ms / 1000)} s (${round((samples.length / ms) * 1000)}/s); ratio p99/idle p99 ${round(percentile(samples, 99) / Math.max(0.01, peer.medianMs))}; aim p99 < 50 ms`,
        peer,
      }),
      opsPerSec: round(1000 / INTERVAL_MS),
    });
  let t0 = now();
  const before = await latencies(dispatch, request, exports.inProcess);
  during('mainStall.reviewGet.duringCertificates.inProcess', before, now() - t0, `review:get every ${INTERVAL_MS} ms while ${count} certificates are exported as one PDF by exportList in the main process (before)`);
  t0 = now();
  const after = await latencies(dispatch, request, exports.job);
  const jobMs = now() - t0;
  during('mainStall.reviewGet.duringCertificates.worker', after, jobMs, `review:get every ${INTERVAL_MS} ms while the certificates:export job writes the same ${count} certificates on a worker thread (after)`);
  return { results, jobMs };
}

/**
 * review:get latencies while the ranking summary of the campaign is computed from scratch
 * (refresh): in the main process (ranking:summary through the in-process handlers: before) and on
 * the ranking worker (after), in the same run, next to the idle p99.
 */
export async function summaryStallBench(dispatch: Dispatch, reads: Pick<RankingReads, 'summary'>, campaignId: string, judgeId: string, entryIds: number[]): Promise<BenchResult[]> {
  const request = { campaignId, judgeId, entryIds };
  const idle = await latencies(dispatch, request, () => sleep(2000));
  const peer = { tool: 'review:get on the same schedule with nothing else running (p99)', medianMs: round(percentile(idle, 99)), opsPerSec: round(1000 / INTERVAL_MS) };
  const row = (name: string, samples: number[], note: string): BenchResult => ({
    ...summarize(name, samples.length, 'requests/s', samples, { note: `${note}; ratio p99/idle p99 ${round(percentile(samples, 99) / Math.max(0.01, peer.medianMs))}; aim p99 < 50 ms`, peer }),
    opsPerSec: round(1000 / INTERVAL_MS),
  });
  const before = await latencies(dispatch, request, async () => {
    const r = await dispatch('ranking:summary', { campaignId, refresh: true });
    if (!r.ok) throw new Error('bench: ranking:summary failed');
  });
  const after = await latencies(dispatch, request, () => reads.summary({ campaignId, refresh: true }));
  return [
    row('mainStall.reviewGet.duringSummary.inProcess', before, `review:get every ${INTERVAL_MS} ms while ranking:summary computes the ranking in the main process (before)`),
    row('mainStall.reviewGet.duringSummary.worker', after, `review:get every ${INTERVAL_MS} ms while the ranking worker computes the summary (after)`),
  ];
}

/**
 * review:get while ranking:lock publishes, through each dispatch's own handlers: `inProcess` reads
 * in the main thread (the ranking and the snapshot made here), `onWorker` on the ranking worker.
 * Each lock follows a write (the previous lock), so each computes the ranking again first.
 */
export async function lockStallBench(dispatchers: { inProcess: Dispatch; onWorker: Dispatch }, campaignId: string, judgeId: string, entryIds: number[]): Promise<BenchResult[]> {
  const request = { campaignId, judgeId, entryIds };
  const idle = await latencies(dispatchers.inProcess, request, () => sleep(2000));
  const peer = { tool: 'review:get on the same schedule with nothing else running (p99)', medianMs: round(percentile(idle, 99)), opsPerSec: round(1000 / INTERVAL_MS) };
  const results: BenchResult[] = [];
  for (const [path, dispatch] of Object.entries(dispatchers)) {
    let took = 0;
    const samples = await latencies(dispatch, request, async () => {
      const t0 = now();
      const r = await dispatch('ranking:lock', { campaignId });
      if (!r.ok) throw new Error(`bench: ranking:lock failed: ${JSON.stringify(r.error)}`);
      took = now() - t0;
    });
    const where = path === 'inProcess' ? 'the ranking computed and the snapshot built in the main process (before)' : 'the ranking computed and the snapshot built on the ranking worker, signed and stored in the main process (after)';
    results.push({
      ...summarize(`mainStall.reviewGet.duringLock.${path}`, samples.length, 'requests/s', samples, {
        note: `review:get every ${INTERVAL_MS} ms while ranking:lock publishes the campaign with ${where}; the lock took ${round(took / 1000)} s (its backup included); ratio p99/idle p99 ${round(percentile(samples, 99) / Math.max(0.01, peer.medianMs))}; aim p99 < 50 ms`,
        peer,
      }),
      opsPerSec: round(1000 / INTERVAL_MS),
    });
  }
  return results;
}
