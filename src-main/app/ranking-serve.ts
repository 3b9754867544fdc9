// The ranking worker's side (issue 18 aim 4): a long-lived task on a worker thread that answers
// the Ranking tab's reads — ranking:summary, ranking:list, ranking:entry, ranking:committee,
// ranking:verify and the snapshot ranking:lock signs — from its own ranking
// service over its own read-only connection (worker-context.ts), so the first computation at
// 50,000 entries (seconds) never holds up the main process, and the computation stays here, in
// this thread's cache, for the pages and entry details that follow. Only the answers travel back:
// sending the computation itself (≈50 MB as a structured clone at 50,000 entries) took the
// main thread longer to receive than computing it (ranking-worker.ts says more).
// Its cache is the service's own, keyed by the change stamp of this connection, whose
// data_version moves with every commit of another connection: a saved score, a merge, a changed
// configuration recompute here exactly as they did in the main process.
// Jobs: the ranking's export jobs (ranking:exportJob) run here too, so an XLSX or PDF export uses
// the computation the Ranking tab already made instead of a new worker computing it again (seconds
// at 50,000 entries). The exports yield between slices of rows, so reads asked meanwhile are
// answered between slices; a job holds its own reference to the computation it started with.
// Warmed: when a campaign is opened (ranking:warm) its ranking is computed here in the background,
// so the Ranking tab opened a moment later answers from it.
// Remembered across restarts (ranking-answers.ts): the summary, pages and entries the tab was shown
// are saved with the database's change token; after the app starts again, a read saved for the
// same token is answered from the file at once, and the worker computes once reads paused for a
// moment (a warm for a campaign with saved answers waits the same way, so it never holds up the
// tab's first reads).
// Caught up after a start over changed data (a merge by `kepu` while the app was closed): the
// worker answers again, CATCH_UP_AFTER_MS after it started, the reads the tab was last shown
// (ranking-answers.ts outdated: the summary first, which computes the ranking, then the pages and
// entries from it, one per turn so the tab's own reads are answered between) and saves them, so
// the tab opened a moment later answers at once, as after a restart over unchanged data.
// Kept fresh: when the data changed and then stayed quiet for QUIET_MS (a merge finished, a
// decision was recorded), the worker computes again what the Ranking tab last asked for (if it asked
// within KEEP_FRESH_MS), so the tab opened after a merge finds the new ranking made instead of
// waiting seconds for it. Nothing runs while a job runs here or while nothing was asked lately.
import { parentPort } from 'node:worker_threads';
import type { AppErrorBody } from '../contract';
import { changeStamp } from '../core/db/change-stamp';
import { changeToken } from '../core/db/change-token';
import { type PreparedSnapshot, preparedBuffers } from '../core/ranking/snapshot-store';
import { toErrorBody } from './dispatch';
import { answerKey, RankingAnswers } from './ranking-answers';
import { rankingCommittee, rankingEntry, rankingList, rankingLockPrepare, rankingSummary, rankingVerify } from './ranking-reads';
import type { WorkerMessage } from './worker-runner';
import { runTaskReporting, type WorkerContext, type WorkerControl, type WorkerTask } from './worker-tasks';

const reads = {
  'ranking:summary': rankingSummary,
  'ranking:list': rankingList,
  'ranking:entry': rankingEntry,
  'ranking:committee': rankingCommittee,
  'ranking:verify': rankingVerify,
  // Not a channel: the heavy half of ranking:lock (the main process signs and stores what it returns).
  'ranking:lockPrepare': rankingLockPrepare,
} as const;
export type RankingRead = keyof typeof reads;
/** The reads a screen shows, saved with the data's token (never a verification, a committee decision or a lock). */
const SAVED_READS: ReadonlySet<RankingRead> = new Set(['ranking:summary', 'ranking:list', 'ranking:entry']);

/** From the main process: a read to answer, a job to run (read-only tasks only), or the end of the task. */
export type ServeRequest =
  | { type: 'ranking:read'; id: number; channel: RankingRead; request: unknown }
  | { type: 'ranking:job'; id: number; task: WorkerTask; cancelFlag: SharedArrayBuffer }
  | { type: 'ranking:warm'; campaignId: string }
  | { type: 'ranking:close' };

/** To the main process: one read's answer, or its error as the typed body; a job's messages. */
export type ServeReply =
  | { type: 'ranking:reply'; id: number; ok: true; value: unknown }
  | { type: 'ranking:reply'; id: number; ok: false; error: AppErrorBody }
  | { type: 'ranking:job'; id: number; message: WorkerMessage };

/** How often the worker looks whether the data changed (a pragma read: nothing when idle). */
const CHECK_EVERY_MS = 1_000;
/** How long the data must stay unchanged before the ranking is computed again (a merge's or an import's writes end first). */
const QUIET_MS = 1_500;
/** Only a ranking read in the last half hour is kept fresh (a coordinator working elsewhere pays nothing). */
const KEEP_FRESH_MS = 30 * 60_000;
/** After answers from the saved file, how long reads must pause before the worker computes (the tab's first reads come in a burst). */
const PAUSE_BEFORE_COMPUTE_MS = 1_000;
/** After the worker started, when it answers again the reads saved for data that changed since (the window's first paint is under way on its own process and thread). */
const CATCH_UP_AFTER_MS = 250;

/** The task (worker-tasks.ts 'ranking-serve'): answers reads until told to close. */
export function serveRanking(ctx: WorkerContext, _args: unknown, _control: WorkerControl): Promise<null> {
  const port = parentPort;
  if (!port) throw new Error('ranking worker: not on a worker thread');
  // Jobs still running: the connection stays open until they end (close waits for them).
  const running = new Set<Promise<void>>();
  let seen = changeStamp(ctx.db);
  let changedAt: number | null = null;
  const answers = new RankingAnswers(ctx.dataDir);
  // What to compute once reads paused (answered from the saved file meanwhile), and when one last came.
  let pending: { campaignId: string; rounds?: Record<string, number> } | null = null;
  let lastReadAt = 0;
  const keepFresh = setInterval(() => {
    if (pending !== null && Date.now() - lastReadAt >= PAUSE_BEFORE_COMPUTE_MS && running.size === 0) {
      const { campaignId, rounds } = pending;
      pending = null;
      try {
        ctx.ranking.compute(campaignId, false, rounds);
      } catch {
        /* a campaign gone: the next read's error to give */
      }
    }
    const stamp = changeStamp(ctx.db);
    if (stamp !== seen) {
      seen = stamp;
      changedAt = Date.now();
    } else if (changedAt !== null && Date.now() - changedAt >= QUIET_MS && running.size === 0) {
      changedAt = null;
      ctx.ranking.refreshLast(KEEP_FRESH_MS);
    }
  }, CHECK_EVERY_MS);
  keepFresh.unref();
  let closed = false;
  const catchUp = setTimeout(() => catchUpSavedReads(ctx, answers, () => closed), CATCH_UP_AFTER_MS);
  catchUp.unref();
  return new Promise((resolve) => {
    const onMessage = (message: ServeRequest) => {
      if (message.type === 'ranking:close') {
        closed = true;
        clearTimeout(catchUp);
        clearInterval(keepFresh);
        answers.flush();
        port.off('message', onMessage);
        void Promise.allSettled(running).then(() => resolve(null));
        return;
      }
      if (message.type === 'ranking:job') {
        const post = (m: WorkerMessage) => port.postMessage({ type: 'ranking:job', id: message.id, message: m } satisfies ServeReply);
        // This connection is read-only (WorkerReads.job sends no writing task; this says so if one came).
        if (message.task.writable) {
          post({ type: 'failed', error: toErrorBody('ranking:job', new Error(`ranking worker: ${message.task.module} writes`), console.error) });
          return;
        }
        const job = runTaskReporting(ctx, message.task, message.cancelFlag, post).finally(() => running.delete(job));
        running.add(job);
        return;
      }
      if (message.type === 'ranking:warm') {
        // Answers saved for the data as it is: the tab's first reads come from them; computed once they paused.
        if (answers.holdsCampaign(changeToken(ctx.db), message.campaignId)) {
          ctx.ranking.noteAsked(message.campaignId);
          return;
        }
        // Computed now, kept, and kept fresh like a read's (refreshLast); an error (a campaign gone)
        // is the next read's to give.
        try {
          ctx.ranking.compute(message.campaignId);
        } catch {
          /* nothing asked for an answer */
        }
        return;
      }
      if (message.type !== 'ranking:read') return;
      let reply: ServeReply;
      let handOver: ArrayBuffer[] = [];
      lastReadAt = Date.now();
      const request = message.request as { campaignId: string; refresh?: boolean; rounds?: Record<string, number> };
      const key = SAVED_READS.has(message.channel) ? answerKey(message.channel, request) : null;
      const token = key === null ? null : changeToken(ctx.db);
      if (key !== null && request.refresh !== true) {
        const saved = answers.get(token, key);
        if (saved !== undefined) {
          ctx.ranking.noteAsked(request.campaignId, request.rounds);
          if (!ctx.ranking.isComputed(request.campaignId, request.rounds)) pending = { campaignId: request.campaignId, ...(request.rounds ? { rounds: request.rounds } : {}) };
          port.postMessage({ type: 'ranking:reply', id: message.id, ok: true, value: saved } satisfies ServeReply);
          return;
        }
      }
      try {
        const value = reads[message.channel](ctx, message.request as never);
        // Saved only when no write landed while it was computed (the token read before is still the token).
        if (key !== null && changeToken(ctx.db) === token) answers.put(token, key, value);
        // A lock's snapshot (about 25 MB at 50,000 entries) is handed over, not copied.
        if (message.channel === 'ranking:lockPrepare') handOver = preparedBuffers(value as PreparedSnapshot);
        reply = { type: 'ranking:reply', id: message.id, ok: true, value };
      } catch (error) {
        reply = { type: 'ranking:reply', id: message.id, ok: false, error: toErrorBody(message.channel, error, console.error) };
      }
      port.postMessage(reply, handOver);
    };
    port.on('message', onMessage);
  });
}

/**
 * Answers again, one per turn of the event loop, the reads saved for data that changed since, and
 * saves each answer under the token of the data as it is now. Stops when the data changes again
 * (nothing then saved is of the data read) or the worker closes; a read that fails now (an entry
 * gone) is left out.
 */
function catchUpSavedReads(ctx: WorkerContext, answers: RankingAnswers, closed: () => boolean): void {
  const token = changeToken(ctx.db);
  const queue = answers.outdated(token).filter((r) => SAVED_READS.has(r.channel as RankingRead));
  const next = () => {
    const read = queue.shift();
    if (read === undefined || closed() || changeToken(ctx.db) !== token) return;
    try {
      const value = reads[read.channel as RankingRead](ctx, read.request as never);
      if (changeToken(ctx.db) === token) answers.put(token, read.key, value);
    } catch {
      /* not answerable now: the tab asks again if it shows it */
    }
    setImmediate(next);
  };
  next();
}
