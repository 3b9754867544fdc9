// The merge's bundle checks (read, schema, canonical bytes, Ed25519 signature: core/merge/
// bundle-check.ts) on a small pool of worker threads, one per core (os.availableParallelism(), at
// most 4), so the thread that writes only writes. Files are handed out one at a time to whichever
// worker is free (bundles differ in size), and the answers are put back in the files' order.
// The workers are the job worker's entry (job-worker.ts) started in its pool mode: no database.
// A pool lives for one merge: started when the checks begin, ended when they are done.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { BundleCheck, SignerKeys } from '../core/merge/bundle-check';
import type { BundleReader, CheckWatch } from '../core/merge/merge-bundles';
import { workerScript } from './worker-runner';

/** Started in pool mode: answers `PoolRequest`s until terminated. */
export interface PoolStart {
  pool: true;
  keys: SignerKeys;
}
export interface PoolRequest {
  index: number;
  bytes: Uint8Array;
}
/** `ready`: the worker listens (the first file is sent then), then one answer per file. */
export type PoolAnswer = { ready: true } | { index: number; check: BundleCheck } | { index: number; failure: string };

export function poolSize(files: number): number {
  return Math.max(1, Math.min(4, os.availableParallelism(), files));
}

/** Every file's check, in the files' order; once `watch.cancelled()`, no more files are handed out and the answers so far come back. */
export function checkBundlesOnWorkers(files: readonly Buffer[], keys: SignerKeys, size = poolSize(files.length), watch: CheckWatch = {}): Promise<BundleCheck[]> {
  if (files.length === 0) return Promise.resolve([]);
  const { script, eval: isEval } = workerScript();
  const results: BundleCheck[] = new Array(files.length);
  let next = 0;
  let answered = 0;
  const workers: Worker[] = [];
  const ready = new Set<Worker>();
  return new Promise<BundleCheck[]>((resolve, reject) => {
    let settled = false;
    const finish = (error: Error | null) => {
      if (settled) return;
      settled = true;
      if (error) reject(error);
      else resolve(results);
      // A worker still loading its modules is ended once it says it is ready: terminating a thread
      // in the middle of tsx's module loading (sources, tests) left the calling thread hanging.
      for (const worker of ready) worker.terminate().catch(() => undefined);
    };
    let busy = 0;
    const send = (worker: Worker) => {
      if (watch.cancelled?.()) {
        if (busy === 0) finish(null);
        return;
      }
      if (next >= files.length) return;
      busy++;
      const index = next++;
      // A copy (the file's Buffer may share its memory with others): sent, not cloned twice.
      const bytes = new Uint8Array(files[index]);
      worker.postMessage({ index, bytes } satisfies PoolRequest, [bytes.buffer]);
    };
    for (let i = 0; i < size; i++) {
      const worker = new Worker(script, { eval: isEval, workerData: { pool: true, keys } satisfies PoolStart });
      workers.push(worker);
      worker.on('message', (answer: PoolAnswer) => {
        if ('ready' in answer) {
          // Files go out once every worker is ready, so none is ever ended while still loading.
          ready.add(worker);
          if (ready.size === workers.length) for (const w of workers) send(w);
          return;
        }
        if ('failure' in answer) return finish(new Error(`merge: checking bundle ${answer.index} failed: ${answer.failure}`));
        busy--;
        results[answer.index] = answer.check;
        watch.checked?.(++answered, files.length);
        if (answered === files.length) return finish(null);
        send(worker);
      });
      worker.on('error', (error) => finish(error));
      worker.on('exit', (code) => finish(new Error(`merge: a bundle check worker ended (exit code ${code})`)));
    }
  });
}

/** The merge's reader on the worker pool. */
export function pooledBundleReader(): BundleReader {
  return { checkAll: (files, keys, watch) => checkBundlesOnWorkers(files, keys, poolSize(files.length), watch) };
}
