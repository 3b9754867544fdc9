// The ranking worker's side (issue 18 aim 4): a long-lived task on a worker thread that answers
// the Ranking tab's reads — ranking:summary, ranking:list, ranking:entry — from its own ranking
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
import { parentPort } from 'node:worker_threads';
import type { AppErrorBody } from '../contract';
import { toErrorBody } from './dispatch';
import { rankingEntry, rankingList, rankingSummary } from './ranking-reads';
import type { WorkerMessage } from './worker-runner';
import { runTaskReporting, type WorkerContext, type WorkerControl, type WorkerTask } from './worker-tasks';

const reads = { 'ranking:summary': rankingSummary, 'ranking:list': rankingList, 'ranking:entry': rankingEntry } as const;
export type RankingRead = keyof typeof reads;

/** From the main process: a read to answer, a job to run (read-only tasks only), or the end of the task. */
export type ServeRequest =
  | { type: 'ranking:read'; id: number; channel: RankingRead; request: unknown }
  | { type: 'ranking:job'; id: number; task: WorkerTask; cancelFlag: SharedArrayBuffer }
  | { type: 'ranking:close' };

/** To the main process: one read's answer, or its error as the typed body; a job's messages. */
export type ServeReply =
  | { type: 'ranking:reply'; id: number; ok: true; value: unknown }
  | { type: 'ranking:reply'; id: number; ok: false; error: AppErrorBody }
  | { type: 'ranking:job'; id: number; message: WorkerMessage };

/** The task (worker-tasks.ts 'ranking-serve'): answers reads until told to close. */
export function serveRanking(ctx: WorkerContext, _args: unknown, _control: WorkerControl): Promise<null> {
  const port = parentPort;
  if (!port) throw new Error('ranking worker: not on a worker thread');
  // Jobs still running: the connection stays open until they end (close waits for them).
  const running = new Set<Promise<void>>();
  return new Promise((resolve) => {
    const onMessage = (message: ServeRequest) => {
      if (message.type === 'ranking:close') {
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
      if (message.type !== 'ranking:read') return;
      let reply: ServeReply;
      try {
        reply = { type: 'ranking:reply', id: message.id, ok: true, value: reads[message.channel](ctx, message.request as never) };
      } catch (error) {
        reply = { type: 'ranking:reply', id: message.id, ok: false, error: toErrorBody(message.channel, error, console.error) };
      }
      port.postMessage(reply);
    };
    port.on('message', onMessage);
  });
}
