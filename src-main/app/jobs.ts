// Background jobs (media linking and checking): started by one request, polled by the UI with
// job:status, stopped with job:cancel. The work runs in this process; its heavy parts are ffprobe
// child processes and streamed hashing, so the event loop — and the UI's requests — stay free.
import { randomBytes } from 'node:crypto';
import type { JobProgress, JobStatus, MediaLinkReport } from '../contract';
import { KepuError } from '../core/errors';
import { toErrorBody } from './dispatch';

interface Job {
  status: JobStatus;
  controller: AbortController;
  finishedAt: number | null;
}

const KEEP_FINISHED_MS = 60 * 60 * 1000;

export class JobRegistry {
  private readonly jobs = new Map<string, Job>();

  start(
    kind: JobStatus['kind'],
    work: (control: { signal: AbortSignal; progress(p: JobProgress): void }) => Promise<MediaLinkReport>,
  ): JobStatus {
    this.prune();
    const jobId = randomBytes(8).toString('hex');
    const job: Job = {
      status: { jobId, kind, state: 'running', progress: null, result: null, error: null },
      controller: new AbortController(),
      finishedAt: null,
    };
    this.jobs.set(jobId, job);
    const progress = (p: JobProgress) => {
      job.status = { ...job.status, progress: { done: p.done, total: p.total, failed: p.failed, unreadable: p.unreadable, etaSeconds: p.etaSeconds } };
    };
    // Started on the next tick so the caller gets the running status first.
    setImmediate(() => {
      work({ signal: job.controller.signal, progress })
        .then((result) => {
          job.status = { ...job.status, state: result.cancelled ? 'cancelled' : 'done', result };
        })
        .catch((error: unknown) => {
          job.status = { ...job.status, state: 'failed', error: toErrorBody(`job ${kind}`, error, console.error) };
        })
        .finally(() => {
          job.finishedAt = Date.now();
        });
    });
    return job.status;
  }

  status(jobId: string): JobStatus {
    return this.get(jobId).status;
  }

  cancel(jobId: string): JobStatus {
    const job = this.get(jobId);
    if (job.status.state === 'running') job.controller.abort();
    return job.status;
  }

  /** For shutdown: stop everything still running. */
  cancelAll(): void {
    for (const job of this.jobs.values()) job.controller.abort();
  }

  private get(jobId: string): Job {
    const job = this.jobs.get(jobId);
    if (!job) throw new KepuError('JOB_NOT_FOUND', `jobs: no job ${jobId}`, { jobId });
    return job;
  }

  private prune(): void {
    const now = Date.now();
    for (const [id, job] of this.jobs) if (job.finishedAt !== null && now - job.finishedAt > KEEP_FINISHED_MS) this.jobs.delete(id);
  }
}
