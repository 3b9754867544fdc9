// The worker thread's entry (its own file in every build: out/main/job-worker.js,
// out/cli/job-worker.js; from the sources through tsx). It opens its own read-only connection,
// runs the one task it was started for and posts back progress, then the result, "cancelled", or
// the failure as a typed error body (the code the UI translates), and ends.
import { parentPort, workerData } from 'node:worker_threads';
import { asDiskFull } from '../core/files/disk-full';
import { toErrorBody } from './dispatch';
import { openWorkerContext } from './worker-context';
import { runTaskReporting } from './worker-tasks';
import type { WorkerMessage, WorkerStart } from './worker-runner';

const start = workerData as WorkerStart;
const post = (message: WorkerMessage) => parentPort?.postMessage(message);

async function main(job: WorkerStart): Promise<void> {
  const task = job.task;
  let ctx: ReturnType<typeof openWorkerContext> | null = null;
  try {
    ctx = openWorkerContext(job.dataDir, job.nativeBinding, task.writable === true);
    await runTaskReporting(ctx, task, job.cancelFlag, post);
  } catch (error) {
    // The context could not be opened (the database is missing, the disk is full).
    post({ type: 'failed', error: toErrorBody(`job ${task.module}.${task.export}`, asDiskFull(error, job.dataDir), console.error) });
  } finally {
    ctx?.close();
  }
}

void main(start);
