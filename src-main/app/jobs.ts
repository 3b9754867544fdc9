// Background jobs: started by one request, polled by the UI, stopped by another request. Every
// kind (media linking and checking, certificate exports; the union is contract/jobs.ts) lives in
// one table, so `job:status` and `job:cancel` serve all of them. The mechanics live here once: ids,
// abort, start on the next tick so the caller gets the running status first, errors turned into
// typed error bodies (codes from contract/errors.ts), finished jobs kept an hour, and everything
// cancelled when the app closes. The work runs in this process and yields (child processes,
// streamed hashing, PDF pages in slices), so the UI's requests stay answered, or, for long work
// that only reads (the ranking exports), on a worker thread through worker-runner.ts.
import { randomBytes } from 'node:crypto';
import type { Job, JobKind, JobOf } from '../contract';
import { KepuError } from '../core/errors';
import { asDiskFull } from '../core/files/disk-full';
import { toErrorBody } from './dispatch';

interface Entry {
  status: Job;
  controller: AbortController;
  finishedAt: number | null;
}

/** What a job's work gets: the abort signal and a way to report progress. */
export interface JobControl<K extends JobKind> {
  signal: AbortSignal;
  progress(progress: NonNullable<JobOf<K>['progress']>): void;
}

const KEEP_FINISHED_MS = 60 * 60 * 1000;

export class JobRegistry {
  private readonly jobs = new Map<string, Entry>();

  /** `dataDir`: a full disk the work did not attribute to a folder (SQLITE_FULL) is reported there. */
  constructor(private readonly dataDir?: string) {}

  /** Starts `work` on the next tick and answers the running status; the work resolves with the result. */
  start<K extends JobKind>(kind: K, work: (control: JobControl<K>) => Promise<NonNullable<JobOf<K>['result']>>): JobOf<K> {
    this.prune();
    const jobId = randomBytes(8).toString('hex');
    const job: Entry = { status: { jobId, kind, state: 'running', progress: null, result: null, error: null } as JobOf<K>, controller: new AbortController(), finishedAt: null };
    this.jobs.set(jobId, job);
    // The status keeps its kind; patches only fill in that kind's own progress and result.
    const update = (patch: Partial<JobOf<K>>) => {
      job.status = { ...job.status, ...patch } as Job;
    };
    setImmediate(() => {
      work({ signal: job.controller.signal, progress: (progress) => update({ progress } as Partial<JobOf<K>>) })
        .then((result) => update({ state: result.cancelled ? 'cancelled' : 'done', result } as Partial<JobOf<K>>))
        .catch((error: unknown) => update({ state: 'failed', error: toErrorBody(`job ${kind}`, this.dataDir ? asDiskFull(error, this.dataDir) : error, console.error) } as Partial<JobOf<K>>))
        .finally(() => {
          job.finishedAt = Date.now();
        });
    });
    return job.status as JobOf<K>;
  }

  status(jobId: string): Job {
    return this.get(jobId).status;
  }

  /** A job of one kind: another kind's id is as unknown here as a made-up one (JOB_NOT_FOUND). */
  statusOf<K extends JobKind>(kind: K, jobId: string): JobOf<K> {
    const status = this.get(jobId).status;
    if (status.kind !== kind) throw notFound(jobId);
    return status as JobOf<K>;
  }

  cancel(jobId: string): Job {
    const job = this.get(jobId);
    if (job.status.state === 'running') job.controller.abort();
    return job.status;
  }

  /** For shutdown: stop everything still running. */
  cancelAll(): void {
    for (const job of this.jobs.values()) job.controller.abort();
  }

  private get(jobId: string): Entry {
    const job = this.jobs.get(jobId);
    if (!job) throw notFound(jobId);
    return job;
  }

  private prune(): void {
    const now = Date.now();
    for (const [id, job] of this.jobs) if (job.finishedAt !== null && now - job.finishedAt > KEEP_FINISHED_MS) this.jobs.delete(id);
  }
}

function notFound(jobId: string): KepuError {
  return new KepuError('JOB_NOT_FOUND', `jobs: no job ${jobId}`, { jobId });
}
