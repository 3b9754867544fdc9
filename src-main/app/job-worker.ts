// The worker thread's entry (its own file in every build: out/main/job-worker.js,
// out/cli/job-worker.js; from the sources through tsx). It opens its own read-only connection,
// runs the one task it was started for and posts back progress, then the result, "cancelled", or
// the failure as a typed error body (the code the UI translates), and ends.
import { parentPort, workerData } from 'node:worker_threads';
import { asDiskFull } from '../core/files/disk-full';
import { toErrorBody } from './dispatch';
import { openWorkerContext } from './worker-context';
import { JobCancelled, runTask, type WorkerTask } from './worker-tasks';
import type { WorkerMessage, WorkerStart } from './worker-runner';

const start = workerData as WorkerStart;
const post = (message: WorkerMessage) => parentPort?.postMessage(message);
const cancelFlag = new Int32Array(start.cancelFlag);

async function main(task: WorkerTask): Promise<void> {
  let ctx: ReturnType<typeof openWorkerContext> | null = null;
  try {
    ctx = openWorkerContext(start.dataDir, start.nativeBinding);
    const result = await runTask(ctx, task, { cancelled: () => Atomics.load(cancelFlag, 0) !== 0, progress: (progress) => post({ type: 'progress', progress }) });
    post({ type: 'done', result });
  } catch (error) {
    if (error instanceof JobCancelled) post({ type: 'cancelled' });
    else post({ type: 'failed', error: toErrorBody(`job ${task.module}.${task.export}`, asDiskFull(error, start.dataDir), console.error) });
  } finally {
    ctx?.close();
  }
}

void main(start.task);
