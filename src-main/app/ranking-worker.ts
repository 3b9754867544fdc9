// Where the Ranking tab's reads are computed (issue 18 aim 4: a main process that never stalls).
// In the desktop app and the browser shell (or wherever KEPU_RANKING_WORKER=1) ranking:summary, ranking:list,
// ranking:entry, ranking:committee and ranking:verify are answered by one long-lived worker thread (ranking-serve.ts) that computes the
// ranking over its own read-only connection and keeps it, so review:get and the video range
// requests keep being answered while the first summary of 50,000 entries computes. Elsewhere
// (the CLI, tests with a CLI context) they run in process, as before; the answers are
// the same (ranking-reads.ts is the one code for both; a test compares them).
// Design, measured at 50,000 entries: the computation itself is not sent back. As a structured
// clone it is ≈50 MB (the data, the aggregates with every judge's total, the published lists),
// and deserialising that took the receiving thread 4–6 s at load 10, longer than computing it
// (v8.serialize/deserialize of the same objects). So the worker keeps the computation and only the
// answers travel: a summary (a few kB), a page of rows, an entry's details.
// Caches: the worker's ranking service recomputes when its connection's change stamp moves (every
// commit of another connection moves data_version: a saved score, a merge, a changed
// configuration), exactly as the main process's did. The main side keeps the last summary per
// campaign and rounds with the main connection's stamp when it was asked, and answers it again
// only while that stamp is unchanged (any write here, or another process's commit, moves it).
// Jobs: the ranking export jobs run where the reads run (`job`): on this worker, over the
// computation the Ranking tab made (an XLSX export of 50,000 entries then writes its rows at once
// instead of a new worker loading and ranking everything again); in process, on a worker of their own.
// Locks: ranking:lock's snapshot (canonical JSON of every published list, the packed input lines:
// seconds at 50,000 entries) is made here too, from the same computation; the main process only
// signs and stores it (ranking-handlers.ts).
import { Worker } from 'node:worker_threads';
import type { AppErrorBody, JobKind, ParsedRequestOf, ResponseOf } from '../contract';
import { changeStamp } from '../core/db/change-stamp';
import { KepuError } from '../core/errors';
import type { AppContext } from './context';
import type { JobControl } from './jobs';
import { rankingCommittee, rankingEntry, rankingList, rankingLockPrepare, rankingSummary, rankingVerify } from './ranking-reads';
import type { PreparedSnapshot } from '../core/ranking/snapshot-store';
import type { RankingRead, ServeReply, ServeRequest } from './ranking-serve';
import { followTask, type ResultOf, runInWorker, type TaskFollower, type WorkerMessage, type WorkerStart, workerScript } from './worker-runner';
import type { WorkerTask } from './worker-tasks';

export interface RankingReads {
  summary(request: ParsedRequestOf<'ranking:summary'>): Promise<ResponseOf<'ranking:summary'>>;
  list(request: ParsedRequestOf<'ranking:list'>): Promise<ResponseOf<'ranking:list'>>;
  entry(request: ParsedRequestOf<'ranking:entry'>): Promise<ResponseOf<'ranking:entry'>>;
  committee(request: ParsedRequestOf<'ranking:committee'>): Promise<ResponseOf<'ranking:committee'>>;
  verify(request: ParsedRequestOf<'ranking:verify'>): Promise<ResponseOf<'ranking:verify'>>;
  /** The snapshot ranking:lock signs, made ready from the ranking as the data stands (ranking-reads.ts). */
  lockPrepare(request: { campaignId: string }): Promise<PreparedSnapshot>;
  /**
   * Computes the campaign's ranking in the background where it is kept (a campaign was opened; the
   * Ranking tab is likely next). Nothing where nothing is kept between reads (in process).
   */
  warm(campaignId: string): void;
  /** Runs a read-only job's task (a ranking export) beside the reads, so it uses their computation. */
  job<K extends JobKind>(task: WorkerTask, control: JobControl<K>, cancelled: ResultOf<K>): Promise<ResultOf<K>>;
  /** Ends the worker, if any (the next read starts it again). */
  close(): Promise<void>;
}

/**
 * Whether the reads run on the ranking worker: in the desktop app's main process and in the
 * browser shell (which stands in for it in the e2e tests, so the path people run is the one the
 * tests click through), or as asked. A CLI command reads once and exits: no worker.
 */
export function rankingWorkerWanted(ctx: Pick<AppContext, 'shell'>, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.KEPU_RANKING_WORKER === '1') return true;
  if (env.KEPU_RANKING_WORKER === '0') return false;
  return ctx.shell !== 'cli';
}

const readsOf = new WeakMap<AppContext, RankingReads>();

/** The context's reads (one worker per context), made when first wanted. */
export function rankingReads(ctx: AppContext, onWorker: boolean = rankingWorkerWanted(ctx)): RankingReads {
  let reads = readsOf.get(ctx);
  if (!reads) readsOf.set(ctx, (reads = onWorker ? new WorkerReads(ctx) : inProcessReads(ctx)));
  return reads;
}

/** Ends the context's ranking worker, if it has one (before closing the context). */
export async function closeRankingReads(ctx: AppContext): Promise<void> {
  await readsOf.get(ctx)?.close();
}

function inProcessReads(ctx: AppContext): RankingReads {
  return {
    summary: async (request) => rankingSummary(ctx, request),
    list: async (request) => rankingList(ctx, request),
    entry: async (request) => rankingEntry(ctx, request),
    committee: async (request) => rankingCommittee(ctx, request),
    verify: async (request) => rankingVerify(ctx, request),
    lockPrepare: async (request) => rankingLockPrepare(ctx, request),
    warm: () => {},
    // Nothing computed is kept on a thread here (the CLI): the job's own worker computes it.
    job: (task, control, cancelled) => runInWorker(ctx, task, control, cancelled),
    close: async () => {},
  };
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

export class WorkerReads implements RankingReads {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private readonly jobs = new Map<number, TaskFollower>();
  private nextId = 1;
  private readonly summaries = new Map<string, { stamp: string; value: ResponseOf<'ranking:summary'> }>();

  constructor(private readonly ctx: Pick<AppContext, 'db' | 'dataDir' | 'nativeBinding'>) {}

  async summary(request: ParsedRequestOf<'ranking:summary'>): Promise<ResponseOf<'ranking:summary'>> {
    const key = `${request.campaignId}\u0000${JSON.stringify(Object.entries(request.rounds ?? {}).sort())}`;
    // The stamp before asking: a write while the worker computes makes the next call ask again.
    const stamp = changeStamp(this.ctx.db);
    const cached = this.summaries.get(key);
    if (cached && cached.stamp === stamp && !request.refresh) return cached.value;
    const value = (await this.call('ranking:summary', request)) as ResponseOf<'ranking:summary'>;
    this.summaries.set(key, { stamp, value });
    return value;
  }

  async list(request: ParsedRequestOf<'ranking:list'>): Promise<ResponseOf<'ranking:list'>> {
    return (await this.call('ranking:list', request)) as ResponseOf<'ranking:list'>;
  }

  async entry(request: ParsedRequestOf<'ranking:entry'>): Promise<ResponseOf<'ranking:entry'>> {
    return (await this.call('ranking:entry', request)) as ResponseOf<'ranking:entry'>;
  }

  async committee(request: ParsedRequestOf<'ranking:committee'>): Promise<ResponseOf<'ranking:committee'>> {
    return (await this.call('ranking:committee', request)) as ResponseOf<'ranking:committee'>;
  }

  async verify(request: ParsedRequestOf<'ranking:verify'>): Promise<ResponseOf<'ranking:verify'>> {
    return (await this.call('ranking:verify', request)) as ResponseOf<'ranking:verify'>;
  }

  async lockPrepare(request: { campaignId: string }): Promise<PreparedSnapshot> {
    return (await this.call('ranking:lockPrepare', request)) as PreparedSnapshot;
  }

  job<K extends JobKind>(task: WorkerTask, control: JobControl<K>, cancelled: ResultOf<K>): Promise<ResultOf<K>> {
    if (task.writable) throw new Error(`ranking worker: ${task.module} writes; it runs on a worker of its own`);
    const worker = this.started();
    const id = this.nextId++;
    const cancelFlag = new SharedArrayBuffer(4);
    worker.ref();
    const result = new Promise<unknown>((resolve, reject) => {
      // A job that does not stop within the grace after a cancel ends the worker (the next read starts another).
      const follower = followTask(control, cancelFlag, cancelled, () => void worker.terminate(), { resolve, reject });
      this.jobs.set(id, follower);
      worker.postMessage({ type: 'ranking:job', id, task, cancelFlag } satisfies ServeRequest);
    }).finally(() => {
      this.jobs.delete(id);
      this.unrefWhenIdle(worker);
    });
    return result as Promise<ResultOf<K>>;
  }

  /** Starts the worker now (it loads its modules while nothing waits for it). */
  start(): void {
    this.started();
  }

  warm(campaignId: string): void {
    // No reply and no reference: a process waiting for nothing else does not wait for this.
    const worker = this.started();
    worker.postMessage({ type: 'ranking:warm', campaignId } satisfies ServeRequest);
    this.unrefWhenIdle(worker);
  }

  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.worker = null;
    this.summaries.clear();
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage({ type: 'ranking:close' } satisfies ServeRequest);
    const timer = setTimeout(() => void worker.terminate(), 5_000);
    await exited;
    clearTimeout(timer);
  }

  private call(channel: RankingRead, request: unknown): Promise<unknown> {
    const worker = this.started();
    const id = this.nextId++;
    // Referenced while a read is pending: a process waiting only for this answer stays alive.
    worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ type: 'ranking:read', id, channel, request } satisfies ServeRequest);
    });
  }

  /** Idle (no read or job pending): the worker must not keep the process alive on its own. */
  private unrefWhenIdle(worker: Worker): void {
    if (this.pending.size === 0 && this.jobs.size === 0) worker.unref();
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const { script, eval: isEval } = workerScript();
    const start: WorkerStart = {
      task: { module: 'ranking-serve', export: 'serveRanking', args: null },
      dataDir: this.ctx.dataDir,
      cancelFlag: new SharedArrayBuffer(4),
      ...(this.ctx.nativeBinding ? { nativeBinding: this.ctx.nativeBinding } : {}),
    };
    const worker = new Worker(script, { workerData: start, eval: isEval });
    // Idle between reads: it must not keep the process alive (the CLI, a test) on its own. Once
    // more when it is online: unreferenced before that, it was referenced again by then (a
    // `kepu serve` whose only use of it was ranking:warm never exited after SIGTERM).
    worker.unref();
    worker.once('online', () => this.unrefWhenIdle(worker));
    const fail = (error: unknown) => {
      if (this.worker === worker) this.worker = null;
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
      // A job ends too: "cancelled" when it was (terminated after the grace), else failed.
      for (const job of [...this.jobs.values()]) job.ended(error instanceof Error ? error : new Error(String(error)));
    };
    worker.on('message', (message: ServeReply | WorkerMessage) => {
      if (message.type === 'ranking:reply') {
        const p = this.pending.get(message.id);
        this.pending.delete(message.id);
        this.unrefWhenIdle(worker);
        if (!p) return;
        if (message.ok) p.resolve(message.value);
        else p.reject(asKepuError(message.error));
      } else if (message.type === 'ranking:job') this.jobs.get(message.id)?.message(message.message);
      else if (message.type === 'failed') fail(asKepuError(message.error));
    });
    worker.on('error', fail);
    // Ended (closed, or crashed): what was asked and not answered fails; the next read starts a new one.
    worker.on('exit', (code) => fail(new Error(`ranking worker ended (exit code ${code}) without answering`)));
    this.worker = worker;
    return worker;
  }
}

function asKepuError(body: AppErrorBody): KepuError {
  return new KepuError(body.code, body.message, body.params);
}
