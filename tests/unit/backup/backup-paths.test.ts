// The path logic of whole-data backups, with Windows paths simulated on any system (path.win32):
// where included media are written back, which data files a backup may restore, backup names.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupFileName } from '../../../src-main/core/backup/backup-folder';
import { dataFileTarget } from '../../../src-main/core/backup/read-backup';
import { restoredMediaPath } from '../../../src-main/core/backup/restore-backup';

const sha = 'ab'.repeat(32);

describe('whole-data backup paths', () => {
  it('writes media back under their own name, from Windows or POSIX paths, on Windows or POSIX', () => {
    expect(restoredMediaPath('D:\\作品\\初稿\\海报.jpg', sha, path.win32)).toBe(`restored-media\\${sha.slice(0, 16)}\\海报.jpg`);
    expect(restoredMediaPath('D:\\作品\\初稿\\海报.jpg', sha, path.posix)).toBe(`restored-media/${sha.slice(0, 16)}/海报.jpg`);
    expect(restoredMediaPath('/Volumes/USB/视频:终稿.mp4', sha, path.win32)).toBe(`restored-media\\${sha.slice(0, 16)}\\视频_终稿.mp4`);
    expect(restoredMediaPath('\\\\?\\C:\\long\\name.mp4', sha, path.win32)).toBe(`restored-media\\${sha.slice(0, 16)}\\name.mp4`);
    expect(restoredMediaPath('..', sha, path.posix)).toBe(`restored-media/${sha.slice(0, 16)}/media`);
  });

  it('restores data files only inside the folders a backup holds, never outside the target', () => {
    const root = path.resolve('/data');
    expect(dataFileTarget(root, 'keys/identity.json', ['keys'])).toBe(path.join(root, 'keys', 'identity.json'));
    for (const bad of ['keys/../kepu.sqlite', 'keys', 'other/x.json', '/keys/x', 'keys//x', 'keys/a\\..\\b', 'keys/C:x', 'keys/./x']) {
      expect(dataFileTarget(root, bad, ['keys']), bad).toBeNull();
    }
  });

  it('names backups by UTC time and reason, sortable by name', () => {
    expect(backupFileName('before-merge', new Date('2026-12-03T10:15:00.123Z'))).toBe('kepu-data-20261203T101500123Z-before-merge.kepubackup');
    const earlier = backupFileName('manual', new Date('2026-12-03T09:59:59.999Z'));
    const later = backupFileName('manual', new Date('2026-12-03T10:00:00.000Z'));
    expect([later, earlier].sort()).toEqual([earlier, later]);
  });
});
