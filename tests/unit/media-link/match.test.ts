import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchFiles } from '../../../src-main/core/media/link-folder';
import { JobRegistry } from '../../../src-main/app/jobs';

const root = path.join(path.sep, 'works');
const at = (...parts: string[]) => path.join(root, ...parts);

describe('matching files to registration numbers', () => {
  const regNos = ['SC-0001', 'SC-0010', 'SC-0100', 'A7'];

  it('finds the number in the file name or a folder above, as a whole token', () => {
    const files = [at('SC-0001_七步洗手法.mp4'), at('SC-0010', 'page 1.jpg'), at('videos', 'SC-0100 (final).mp4'), at('SC-0001-漫画-2.jpg'), at('SC-00100.mp4'), at('notes.txt')];
    const { byRegNo, unmatched } = matchFiles(root, files, regNos);
    expect(byRegNo.get('SC-0001')).toEqual([at('SC-0001_七步洗手法.mp4'), at('SC-0001-漫画-2.jpg')]);
    expect(byRegNo.get('SC-0010')).toEqual([at('SC-0010', 'page 1.jpg')]);
    expect(byRegNo.get('SC-0100')).toEqual([at('videos', 'SC-0100 (final).mp4')]);
    expect(unmatched).toEqual([at('SC-00100.mp4'), at('notes.txt')]);
  });

  it('uses a custom pattern whose first group is the number', () => {
    const { byRegNo, unmatched } = matchFiles(root, [at('work-a7-video.mp4'), at('work-zz.mp4')], regNos, '^work-([a-z0-9]+)-');
    expect(byRegNo.get('A7')).toEqual([at('work-a7-video.mp4')]);
    expect(unmatched).toEqual([at('work-zz.mp4')]);
  });

  it('refuses a broken pattern with INVALID_REQUEST', () => {
    expect(() => matchFiles(root, [], regNos, '([')).toThrow(expect.objectContaining({ code: 'INVALID_REQUEST', params: expect.objectContaining({ path: 'pattern' }) }));
  });
});

describe('background jobs', () => {
  it('report progress, can be cancelled, and end as cancelled', async () => {
    const jobs = new JobRegistry();
    const started = jobs.start('media.link', ({ signal, progress }) =>
      new Promise((resolve) => {
        progress({ done: 1, total: 10, failed: 0, unreadable: 0, etaSeconds: 9 });
        signal.addEventListener('abort', () =>
          resolve({ folder: '/w', filesFound: 10, filesLinked: 1, entriesLinked: 1, unmatchedFiles: [], entriesWithoutFiles: [], incompleteEntries: [], checked: { pass: 1, fail: 0, unreadable: 0 }, cancelled: true }),
        );
      }),
    );
    expect(started.state).toBe('running');
    await new Promise((r) => setImmediate(r));
    expect(jobs.status(started.jobId).progress).toMatchObject({ done: 1, total: 10 });
    jobs.cancel(started.jobId);
    await new Promise((r) => setTimeout(r, 10));
    expect(jobs.status(started.jobId)).toMatchObject({ state: 'cancelled', result: { filesLinked: 1 } });
    expect(() => jobs.status('nope')).toThrow(expect.objectContaining({ code: 'JOB_NOT_FOUND' }));
  });

  it('turn a thrown error into a failed state with its code', async () => {
    const jobs = new JobRegistry();
    const { KepuError } = await import('../../../src-main/core/errors');
    const job = jobs.start('media.link', async () => {
      throw new KepuError('MEDIA_FOLDER_NOT_FOUND', 'gone', { folder: '/x' });
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(jobs.status(job.jobId)).toMatchObject({ state: 'failed', error: { code: 'MEDIA_FOLDER_NOT_FOUND', params: { folder: '/x' } } });
  });
});
