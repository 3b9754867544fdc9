// Follows a background job until it ends: polls job:status a few times a second (cheap: the
// status is in memory) and hands each state to the caller.
import { useEffect, useRef, useState } from 'react';
import type { JobStatus } from '../../../src-main/contract';
import { invoke } from '../api';
import { useAppStore } from '../stores/useAppStore';

const POLL_MS = 400;

export function useJobPolling(onFinished: (status: JobStatus) => void) {
  const [job, setJob] = useState<JobStatus | null>(null);
  const finished = useRef(onFinished);
  finished.current = onFinished;
  const jobId = job?.state === 'running' ? job.jobId : null;

  useEffect(() => {
    if (!jobId) return;
    let stopped = false;
    const timer = setInterval(async () => {
      try {
        const status = await invoke('job:status', { jobId });
        if (stopped) return;
        setJob(status);
        if (status.state !== 'running') finished.current(status);
      } catch (error) {
        useAppStore.setState({ error: error as never });
      }
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [jobId]);

  return { job, setJob };
}
