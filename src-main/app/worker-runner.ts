// Runs a job's work on a worker thread, so the main process (IPC, the browser shell's requests,
// video range requests) stays answered while an export of 50,000 entries is written. Used behind
// the JobRegistry: `ctx.jobs.start(kind, (control) => runInWorker(ctx, task, control, cancelled))`,
// so `job:status` and `job:cancel` serve these jobs like every other.
// - The worker script: from the TypeScript sources (vitest, tsx, the CLI before its build) it is
//   job-worker.ts, loaded through tsx (already a dependency) registered inside the new thread
//   (workerScript says why not `--import`); from a bundle (electron-vite's out/main, the CLI's out/cli, which also carries the browser shell) it
//   is the bundle's own job-worker.js entry, beside the bundle's entry or one folder above a chunk.
// - Cancel: a shared flag the work reads at its slice boundaries (a synchronous loop never sees a
//   message); it then stops, removes what it was writing and answers "cancelled". A worker that
//   does not stop within CANCEL_GRACE_MS is terminated.
// - Errors: the worker sends the typed error body; it is thrown here again as that KepuError, so
//   the job's error is the body the worker made.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AppErrorBody, JobKind, JobOf } from '../contract';
import { KepuError } from '../core/errors';
import type { AppContext } from './context';
import type { JobControl } from './jobs';
import type { WorkerTask } from './worker-tasks';

const CANCEL_GRACE_MS = 10_000;

/** What the worker is started with (workerData). */
export interface WorkerStart {
  task: WorkerTask;
  dataDir: string;
  nativeBinding?: string;
  /** One Int32: 0 running, 1 cancelled. */
  cancelFlag: SharedArrayBuffer;
}

export type WorkerMessage =
  | { type: 'progress'; progress: unknown }
  | { type: 'done'; result: unknown }
  | { type: 'cancelled' }
  | { type: 'failed'; error: AppErrorBody };

export type ResultOf<K extends JobKind> = NonNullable<JobOf<K>['result']>;

/**
 * How to start the worker for the code running now: a file (a bundle's job-worker.js), or for the
 * TypeScript sources a two-line script that registers tsx in the new thread and imports
 * job-worker.ts (tsx's `--import` in a worker's execArgv does not reach the worker's own modules
 * on Node 20; its `register()` API, called inside the thread, does).
 */
export function workerScript(here: string = import.meta.url): { script: URL | string; eval: boolean } {
  if (new URL(here).pathname.endsWith('.ts')) {
    const tsx = pathToFileURL(tsxEsmApi(here)).href;
    const entry = new URL('./job-worker.ts', here).href;
    return { script: `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`, eval: true };
  }
  for (const relative of ['./job-worker.js', '../job-worker.js']) {
    const url = new URL(relative, here);
    if (fs.existsSync(fileURLToPath(url))) return { script: url, eval: false };
  }
  throw new Error(`jobs: no job-worker.js beside ${here} (the build is missing its worker entry)`);
}

/** tsx's ESM API module (its "import" export: require.resolve would give the CommonJS one). */
function tsxEsmApi(here: string): string {
  const manifestPath = createRequire(here).resolve('tsx/package.json');
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as { exports: Record<string, { import?: { default?: string } }> };
  return path.join(path.dirname(manifestPath), manifest.exports['./esm/api']?.import?.default ?? 'dist/esm/api/index.mjs');
}

export function runInWorker<K extends JobKind>(ctx: Pick<AppContext, 'dataDir' | 'nativeBinding'>, task: WorkerTask, control: JobControl<K>, cancelled: ResultOf<K>): Promise<ResultOf<K>> {
  const { script, eval: isEval } = workerScript();
  const cancelFlag = new SharedArrayBuffer(4);
  const start: WorkerStart = { task, dataDir: ctx.dataDir, cancelFlag, ...(ctx.nativeBinding ? { nativeBinding: ctx.nativeBinding } : {}) };
  return new Promise<unknown>((resolve, reject) => {
    const worker = new Worker(script, { workerData: start, eval: isEval });
    const follow = followTask(control, cancelFlag, cancelled, () => void worker.terminate(), { resolve, reject });
    worker.on('message', follow.message);
    worker.on('error', follow.failed);
    // Ended without an answer: terminated after a cancel that it did not see in time, or crashed.
    worker.on('exit', (code) => follow.ended(new Error(`jobs: the worker for ${task.module}.${task.export} ended (exit code ${code}) without an answer`)));
  }) as Promise<ResultOf<K>>;
}

/** How one task on a thread is followed: its messages, and the thread failing or ending first. */
export interface TaskFollower {
  message(message: WorkerMessage): void;
  failed(error: unknown): void;
  /** The thread ended before the task answered: "cancelled" after a cancel, else `error`. */
  ended(error: Error): void;
}

/**
 * Follows one task's messages into its job (runInWorker's own worker, or the ranking worker's
 * export jobs, ranking-worker.ts): progress to the job, the result, "cancelled" as the job's
 * `cancelled` result, a failure as the KepuError of the body the worker made. A cancel sets the
 * shared flag the work reads between slices; work that does not stop within CANCEL_GRACE_MS is
 * stopped with `terminate` (its thread ends).
 */
export function followTask<K extends JobKind>(control: JobControl<K>, cancelFlag: SharedArrayBuffer, cancelled: ResultOf<K>, terminate: () => void, settled: { resolve(value: unknown): void; reject(error: unknown): void }): TaskFollower {
  let done = false;
  let grace: NodeJS.Timeout | undefined;
  const settle = (finish: () => void) => {
    if (done) return;
    done = true;
    clearTimeout(grace);
    control.signal.removeEventListener('abort', onAbort);
    finish();
  };
  const onAbort = () => {
    Atomics.store(new Int32Array(cancelFlag), 0, 1);
    grace = setTimeout(terminate, CANCEL_GRACE_MS);
    grace.unref();
  };
  if (control.signal.aborted) onAbort();
  else control.signal.addEventListener('abort', onAbort);
  return {
    message: (message) => {
      if (message.type === 'progress') control.progress(message.progress as Parameters<JobControl<K>['progress']>[0]);
      else if (message.type === 'done') settle(() => settled.resolve(message.result));
      else if (message.type === 'cancelled') settle(() => settled.resolve(cancelled));
      else settle(() => settled.reject(new KepuError(message.error.code, message.error.message, message.error.params)));
    },
    failed: (error) => settle(() => settled.reject(error)),
    ended: (error) => settle(() => (control.signal.aborted ? settled.resolve(cancelled) : settled.reject(error))),
  };
}
