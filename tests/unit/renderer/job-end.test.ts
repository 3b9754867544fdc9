// jobEnd (src-renderer/src/hooks/useJob.ts): a job started where no screen's hook follows it (the
// dialog for a bundle the OS opened) is followed with job:status to its end; a failed job throws
// its typed error as ApiError, so the error banner says it as it said the in-process channel's.
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../../src-renderer/src/api', () => import('./fake-api'));
(globalThis as { window?: unknown }).window ??= globalThis;

const { invoke, ApiError } = await import('./fake-api');
const { jobEnd } = await import('../../../src-renderer/src/hooks/useJob');

const running = { jobId: 'j1', kind: 'bundle.merge', state: 'running', progress: null, result: null, error: null } as const;

describe('jobEnd', () => {
  beforeEach(() => invoke.mockReset());

  it('asks job:status until the job ends and gives its last status', async () => {
    const done = { ...running, state: 'done', result: { cancelled: false, report: { merged: 1 } } };
    invoke.mockResolvedValueOnce(running).mockResolvedValueOnce(done);
    expect(await jobEnd(running as never)).toEqual(done);
    expect(invoke.mock.calls).toEqual([
      ['job:status', { jobId: 'j1' }],
      ['job:status', { jobId: 'j1' }],
    ]);
  });

  it('throws a failed job\'s typed error as ApiError', async () => {
    invoke.mockResolvedValueOnce({ ...running, state: 'failed', error: { code: 'BUNDLE_INVALID', message: 'bad', params: { file: 'a.kepubundle' } } });
    const error = await jobEnd(running as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'BUNDLE_INVALID' });
  });

  it('gives a cancelled job as it ended (nothing was written)', async () => {
    invoke.mockResolvedValueOnce({ ...running, state: 'cancelled', result: { cancelled: true, report: null } });
    expect(await jobEnd(running as never)).toMatchObject({ state: 'cancelled', result: { report: null } });
  });
});
