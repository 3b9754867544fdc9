// One way for a screen to run a background job of any kind: start it (the start call is the
// feature's own channel, e.g. media:link or certificates:export), follow it with job:status a few
// times a second (cheap: the status is in memory) until it ends, cancel it with job:cancel, and
// read its progress and its failure as a translated sentence. `onFinished` runs once per job,
// when it leaves `running`, however that was learnt (start, poll or cancel answer).
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobKind, JobOf } from '../../../src-main/contract';
import { ApiError, invoke } from '../api';
import { useAppStore } from '../stores/useAppStore';
import { useLatest } from './useLatest';

const POLL_MS = 400;

/**
 * Follows a job started outside a screen's hook (a dialog that closes while it runs) to its end
 * with job:status, and gives its final status; a failed job throws its typed error as ApiError
 * (the error banner translates it), so it reads like the channel that ran in process did.
 */
export async function jobEnd<K extends JobKind>(started: JobOf<K>): Promise<JobOf<K>> {
  let status = started;
  while (status.state === 'running') {
    await new Promise((resolve) => window.setTimeout(resolve, POLL_MS / 2));
    status = (await invoke('job:status', { jobId: status.jobId })) as JobOf<K>;
  }
  if (status.state === 'failed' && status.error) throw new ApiError(status.error);
  return status;
}

export function useJob<K extends JobKind>(onFinished?: (job: JobOf<K>) => void) {
  const { t } = useTranslation();
  const run = useAppStore((s) => s.run);
  const [job, setJob] = useState<JobOf<K> | null>(null);
  const finished = useLatest(onFinished);
  const reported = useRef<string | null>(null);

  const receive = useCallback((status: JobOf<K>) => {
    setJob(status);
    if (status.state !== 'running' && reported.current !== status.jobId) {
      reported.current = status.jobId;
      finished.current?.(status);
    }
  }, [finished]);

  const jobId = job?.state === 'running' ? job.jobId : null;
  useEffect(() => {
    if (!jobId) return;
    let stopped = false;
    let timer: number | undefined;
    // One request at a time (the next is planned when the answer came), so a slow answer never
    // overtakes a newer one. A failed poll shows the error and stops: the job is gone or the
    // transport is, and asking again would only repeat the banner.
    const poll = async () => {
      try {
        const status = (await invoke('job:status', { jobId })) as JobOf<K>;
        if (stopped) return;
        receive(status);
        if (status.state === 'running') timer = window.setTimeout(() => void poll(), POLL_MS);
      } catch (error) {
        if (!stopped) useAppStore.setState({ error: error instanceof ApiError ? error : new ApiError({ code: 'INTERNAL', message: String(error) }) });
      }
    };
    timer = window.setTimeout(() => void poll(), POLL_MS);
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [jobId, receive]);

  /** Starts a job through its feature's channel; failures to start go to the error banner. */
  const start = useCallback(
    async (call: () => Promise<JobOf<K>>) => {
      const status = await run(call);
      if (status) receive(status);
      return status;
    },
    [run, receive],
  );

  const cancel = useCallback(async () => {
    if (!job || job.state !== 'running') return;
    const status = await run(() => invoke('job:cancel', { jobId: job.jobId }));
    if (status) receive(status as JobOf<K>);
  }, [job, run, receive]);

  const error = job?.state === 'failed' && job.error ? job.error : null;
  return {
    job,
    running: job?.state === 'running',
    progress: (job?.progress ?? null) as JobOf<K>['progress'],
    result: (job?.result ?? null) as JobOf<K>['result'],
    /** The failure as the error banner would say it (`errors.<CODE>` with its parameters). */
    error,
    errorText: error ? t(`errors.${error.code}`, { ...error.params }) : null,
    start,
    cancel,
  };
}
