// Background jobs: started by one request, polled by the UI, stopped by another request. Two
// kinds exist — media linking and checking (job:status / job:cancel) and certificate exports
// (certificates:job / certificates:cancelJob) — with their own status shapes in the contract;
// the mechanics they share live here once: ids, abort, start on the next tick so the caller gets
// the running status first, errors turned into translated error bodies, finished jobs kept an
// hour, and everything cancelled when the app closes. The work runs in this process and yields
// (child processes, streamed hashing, PDF pages in slices), so the UI's requests stay answered.
import { randomBytes } from 'node:crypto';
import type { CertificateJob, JobProgress, JobStatus, MediaLinkReport } from '../contract';
import { KepuError } from '../core/errors';
import { asDiskFull } from '../core/files/disk-full';
import { toErrorBody } from './dispatch';

type ErrorBody = { code: string; message: string; params?: Record<string, string | number> };

/** What every job status has; each kind adds its own progress and result shapes. */
interface BaseStatus {
  jobId: string;
  state: 'running' | 'done' | 'cancelled' | 'failed';
  result: { cancelled: boolean } | null;
  error: ErrorBody | null;
}

interface Entry<S> {
  status: S;
  controller: AbortController;
  finishedAt: number | null;
}

const KEEP_FINISHED_MS = 60 * 60 * 1000;

export class JobTable<S extends BaseStatus> {
  private readonly jobs = new Map<string, Entry<S>>();

  constructor(
    private readonly label: string,
    /** The data folder: a full disk the work did not attribute to a folder (SQLITE_FULL) is reported there. */
    private readonly dataDir?: string,
  ) {}

  /**
   * `initial` builds the running status for the new id; `work` gets the abort signal and an
   * `update` to merge progress into the status, and resolves with the result.
   */
  start(initial: (jobId: string) => S, work: (control: { signal: AbortSignal; update(patch: Partial<S>): void }) => Promise<NonNullable<S['result']>>): S {
    this.prune();
    const jobId = randomBytes(8).toString('hex');
    const job: Entry<S> = { status: initial(jobId), controller: new AbortController(), finishedAt: null };
    this.jobs.set(jobId, job);
    const update = (patch: Partial<S>) => {
      job.status = { ...job.status, ...patch };
    };
    setImmediate(() => {
      work({ signal: job.controller.signal, update })
        .then((result) => update({ state: result.cancelled ? 'cancelled' : 'done', result } as Partial<S>))
        .catch((error: unknown) => update({ state: 'failed', error: toErrorBody(`job ${this.label}`, this.dataDir ? asDiskFull(error, this.dataDir) : error, console.error) } as Partial<S>))
        .finally(() => {
          job.finishedAt = Date.now();
        });
    });
    return job.status;
  }

  status(jobId: string): S {
    return this.get(jobId).status;
  }

  cancel(jobId: string): S {
    const job = this.get(jobId);
    if (job.status.state === 'running') job.controller.abort();
    return job.status;
  }

  /** For shutdown: stop everything still running. */
  cancelAll(): void {
    for (const job of this.jobs.values()) job.controller.abort();
  }

  private get(jobId: string): Entry<S> {
    const job = this.jobs.get(jobId);
    if (!job) throw new KepuError('JOB_NOT_FOUND', `jobs: no ${this.label} job ${jobId}`, { jobId });
    return job;
  }

  private prune(): void {
    const now = Date.now();
    for (const [id, job] of this.jobs) if (job.finishedAt !== null && now - job.finishedAt > KEEP_FINISHED_MS) this.jobs.delete(id);
  }
}

/** Media linking and checking jobs (job:status, job:cancel). */
export class JobRegistry {
  private readonly table: JobTable<JobStatus>;

  constructor(dataDir?: string) {
    this.table = new JobTable<JobStatus>('media', dataDir);
  }

  start(kind: JobStatus['kind'], work: (control: { signal: AbortSignal; progress(p: JobProgress): void }) => Promise<MediaLinkReport>): JobStatus {
    return this.table.start(
      (jobId) => ({ jobId, kind, state: 'running', progress: null, result: null, error: null }),
      ({ signal, update }) =>
        work({
          signal,
          progress: (p) => update({ progress: { done: p.done, total: p.total, failed: p.failed, unreadable: p.unreadable, etaSeconds: p.etaSeconds } }),
        }),
    );
  }

  status(jobId: string): JobStatus {
    return this.table.status(jobId);
  }

  cancel(jobId: string): JobStatus {
    return this.table.cancel(jobId);
  }

  cancelAll(): void {
    this.table.cancelAll();
  }
}

/** Certificate export jobs (certificates:job, certificates:cancelJob). */
export class CertificateJobs extends JobTable<CertificateJob> {
  constructor(dataDir?: string) {
    super('certificates', dataDir);
  }
}
