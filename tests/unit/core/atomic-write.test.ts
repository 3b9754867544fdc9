// The write layer under every export, key file, certificate, lock file and bundle: a full disk
// (ENOSPC, EDQUOT; SQLITE_FULL from the database) is DISK_FULL naming the folder, and nothing
// half-written is left — not under the real name, not as a temporary file. The full disk is
// injected at the two calls that move bytes (writeSync, fsyncSync); the files are real.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KepuError } from '../../../src-main/core/errors';
import { asDiskFull, isDiskFull } from '../../../src-main/core/files/disk-full';
import { copyFileAtomic, type WriteIo, writeFileAtomic, writeFileAtomicAsync } from '../../../src-main/core/files/atomic-write';
import { tempDir } from '../../helpers';

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code, errno: -28, syscall: 'write' });
}

/** Writes `accept` bytes for real, then fails the way a full disk does. */
function fullAfter(accept: number, code = 'ENOSPC'): WriteIo {
  let written = 0;
  return {
    writeSync(fd, buffer, offset, length) {
      const room = accept - written;
      if (room <= 0) throw errno(code);
      const n = fs.writeSync(fd, buffer, offset, Math.min(room, length));
      written += n;
      return n;
    },
    fsyncSync: (fd) => fs.fsyncSync(fd),
  };
}

function caught(run: () => void): KepuError {
  try {
    run();
  } catch (error) {
    if (error instanceof KepuError) return error;
    throw error;
  }
  throw new Error('expected a KepuError');
}

describe('writeFileAtomic', () => {
  it('writes the whole file with mode 0600 and leaves no temporary file', () => {
    const dir = path.join(tempDir(), 'exports');
    const file = path.join(dir, 'ranking.csv');
    writeFileAtomic(file, '报名编号,姓名\r\n');
    expect(fs.readFileSync(file, 'utf8')).toBe('报名编号,姓名\r\n');
    expect(fs.readdirSync(dir)).toEqual(['ranking.csv']);
    if (process.platform !== 'win32') {
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    }
  });

  it('turns ENOSPC half-way through into DISK_FULL naming the folder, keeps the old file and removes the partial one', () => {
    const dir = tempDir();
    const file = path.join(dir, 'compliance.xlsx');
    fs.writeFileSync(file, 'the previous export');
    const error = caught(() => writeFileAtomic(file, Buffer.alloc(100_000, 7), { io: fullAfter(40_000) }));
    expect(error.code).toBe('DISK_FULL');
    expect(error.params).toEqual({ folder: dir });
    expect(fs.readFileSync(file, 'utf8')).toBe('the previous export');
    expect(fs.readdirSync(dir)).toEqual(['compliance.xlsx']);
  });

  it('treats a used-up quota (EDQUOT) and a failing fsync the same way, and a new file never appears', () => {
    const dir = tempDir();
    const quota = caught(() => writeFileAtomic(path.join(dir, 'a.pdf'), Buffer.alloc(10), { io: fullAfter(0, 'EDQUOT') }));
    expect(quota).toMatchObject({ code: 'DISK_FULL', params: { folder: dir } });
    const io: WriteIo = { writeSync: (fd, b, o, l) => fs.writeSync(fd, b, o, l), fsyncSync: () => { throw errno('ENOSPC'); } };
    expect(caught(() => writeFileAtomic(path.join(dir, 'b.pdf'), Buffer.alloc(10), { io })).code).toBe('DISK_FULL');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('passes other errors through unchanged (a missing permission is not a full disk)', () => {
    const dir = tempDir();
    expect(() => writeFileAtomic(path.join(dir, 'x'), Buffer.alloc(1), { io: fullAfter(0, 'EIO') })).toThrow(/EIO/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('copies atomically too', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.mp4'), 'video');
    copyFileAtomic(path.join(dir, 'a.mp4'), path.join(dir, 'media', 'b.mp4'));
    expect(fs.readFileSync(path.join(dir, 'media', 'b.mp4'), 'utf8')).toBe('video');
    expect(fs.readdirSync(path.join(dir, 'media'))).toEqual(['b.mp4']);
  });
});

describe('writeFileAtomicAsync (mail attachments, written while the next is decoded)', () => {
  it('writes the whole file with mode 0600 and leaves no temporary file', async () => {
    const dir = path.join(tempDir(), 'media');
    const file = path.join(dir, 'work.mp4');
    const bytes = Buffer.alloc(3_000_000, 9);
    expect(await writeFileAtomicAsync(file, bytes)).toBe(file);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['work.mp4']);
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('removes its temporary file when the rename fails, and passes the error on', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'taken', 'inside'), { recursive: true }); // a folder where the file should go
    await expect(writeFileAtomicAsync(path.join(dir, 'taken'), Buffer.alloc(10))).rejects.toThrow();
    expect(fs.readdirSync(dir)).toEqual(['taken']);
  });
});

describe('the one mapping of a full disk', () => {
  it('knows ENOSPC, EDQUOT and SQLite’s SQLITE_FULL, and leaves everything else alone', () => {
    for (const code of ['ENOSPC', 'EDQUOT', 'SQLITE_FULL']) {
      expect(isDiskFull(errno(code))).toBe(true);
      expect(asDiskFull(errno(code), '/data')).toMatchObject({ code: 'DISK_FULL', params: { folder: '/data' } });
    }
    const other = errno('EACCES');
    expect(asDiskFull(other, '/data')).toBe(other);
    const coded = new KepuError('KEY_LOCKED', 'locked');
    expect(asDiskFull(coded, '/data')).toBe(coded);
  });
});
