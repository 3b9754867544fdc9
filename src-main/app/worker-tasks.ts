// The work a job can run on a worker thread, named by module and export so the worker can load it
// in every build: the table below is the one list of such modules (a bundler turns each import()
// into a chunk of the bundle the worker entry belongs to, so no path is ever computed at run time).
// A work function gets a WorkerContext (its own read-only connection to the same database, the
// repositories it needs) and a WorkerControl (progress out, cancellation in), and returns the
// job's result; it throws JobCancelled when it saw the cancellation and stopped.
import type { Database } from 'better-sqlite3';
import type { CampaignRepo } from '../core/campaigns/campaign-repo';
import { asDiskFull } from '../core/files/disk-full';
import type { RankingService } from '../core/ranking/ranking-service';
import { toErrorBody } from './dispatch';
import type { WorkerMessage } from './worker-runner';

export const workerModules = {
  'ranking-export': () => import('./ranking-export'),
  'score-exports': () => import('./score-exports-job'),
  merge: () => import('./merge-job'),
  'certificate-export': () => import('./certificate-export-job'),
  'ranking-serve': () => import('./ranking-serve'),
} as const;
export type WorkerModule = keyof typeof workerModules;

/** What a worker's work reads: its own connection, and the services over it. */
export interface WorkerContext {
  readonly dataDir: string;
  readonly db: Database;
  readonly campaigns: CampaignRepo;
  readonly ranking: RankingService;
}

export interface WorkerControl {
  /** True once the job was cancelled: the work stops at its next slice (throw JobCancelled). */
  cancelled(): boolean;
  progress(progress: unknown): void;
}

/** A job's work, as the worker loads it: `workerModules[module]()[exportName](ctx, args, control)`. */
export interface WorkerTask {
  module: WorkerModule;
  export: string;
  args: unknown;
  /** The work writes (a merge): its connection is writable, not read-only. */
  writable?: boolean;
}

export class JobCancelled extends Error {
  constructor() {
    super('job cancelled');
    this.name = 'JobCancelled';
  }
}

/** Throws JobCancelled when the job was cancelled: for the work's slice boundaries. */
export function checkCancelled(control: WorkerControl | undefined): void {
  if (control?.cancelled()) throw new JobCancelled();
}

type WorkFunction = (ctx: WorkerContext, args: unknown, control: WorkerControl) => Promise<unknown>;

/** Loads the task's function and runs it (in the worker thread, job-worker.ts). */
export async function runTask(ctx: WorkerContext, task: WorkerTask, control: WorkerControl): Promise<unknown> {
  const loaded = workerModules[task.module];
  if (!loaded) throw new Error(`worker: no module ${String(task.module)}`);
  const work = (await loaded())[task.export as never] as WorkFunction | undefined;
  if (typeof work !== 'function') throw new Error(`worker: ${task.module} has no function ${task.export}`);
  return work(ctx, task.args, control);
}

/**
 * Runs a task on this thread and reports it as the job's messages: progress as it goes, then the
 * result, "cancelled" (it saw the shared flag and stopped) or the failure as a typed error body.
 * The one way a task runs on a thread: the job worker's (job-worker.ts, one task then it ends) and
 * the ranking worker's (ranking-serve.ts, the export jobs that reuse its computed ranking).
 */
export async function runTaskReporting(ctx: WorkerContext, task: WorkerTask, cancelFlag: SharedArrayBuffer, post: (message: WorkerMessage) => void): Promise<void> {
  const flag = new Int32Array(cancelFlag);
  try {
    const result = await runTask(ctx, task, { cancelled: () => Atomics.load(flag, 0) !== 0, progress: (progress) => post({ type: 'progress', progress }) });
    post({ type: 'done', result });
  } catch (error) {
    if (error instanceof JobCancelled) post({ type: 'cancelled' });
    else post({ type: 'failed', error: toErrorBody(`job ${task.module}.${task.export}`, asDiskFull(error, ctx.dataDir), console.error) });
  }
}
