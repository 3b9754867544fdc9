// Overwriting an export that another program holds open (Excel, WPS, Acrobat, an antivirus scan on
// Windows): the rename is retried with backoff; an export still held goes to "name (2).ext" and
// the path written is reported; the app's own files keep their name and fail. The lock is injected
// at the rename (EBUSY/EPERM as Windows reports it); the files are real.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeExport } from '../../../src-main/app/export-file';
import { type RenameIo, writeFileAtomic } from '../../../src-main/core/files/atomic-write';
import { BUSY_RETRY_DELAYS_MS, numberedName } from '../../../src-main/core/files/busy-target';
import { tempDir } from '../../temp-dirs';

function held(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: resource busy or locked, rename`), { code, syscall: 'rename' });
}

/** Renames for real, except onto `locked` paths (held by "Excel"), or for the first `failures` tries. */
function lockedRename(locked: Set<string>, failures = Infinity, code = 'EBUSY'): RenameIo & { slept: number[] } {
  let failed = 0;
  const slept: number[] = [];
  return {
    slept,
    renameSync(from, to) {
      if (locked.has(to) && failed < failures) {
        failed += 1;
        throw held(code);
      }
      fs.renameSync(from, to);
    },
    sleep: (ms) => slept.push(ms),
  };
}

const leftovers = (dir: string) => fs.readdirSync(dir).filter((n) => n.startsWith('.'));

afterEach(() => vi.restoreAllMocks());

describe('writing over a file held open by another program', () => {
  it('retries with growing pauses and replaces the file once it is let go (a scanner)', () => {
    const dir = tempDir();
    const file = path.join(dir, 'scores.xlsx');
    fs.writeFileSync(file, 'old');
    const rename = lockedRename(new Set([file]), 2);
    expect(writeFileAtomic(file, 'new', { rename, ifHeld: 'numbered' })).toBe(file);
    expect(fs.readFileSync(file, 'utf8')).toBe('new');
    expect(rename.slept).toEqual([100, 200]);
    expect(leftovers(dir)).toEqual([]);
  });

  it('an export still held (open in Excel) is written as "name (2).ext", the path returned, the open file untouched', () => {
    const dir = tempDir();
    const file = path.join(dir, '评审打分表.xlsx');
    fs.writeFileSync(file, 'open in Excel');
    fs.writeFileSync(numberedName(file, 2), 'an earlier copy, maybe open too');
    const rename = lockedRename(new Set([file]), Infinity, 'EPERM');
    const written = writeFileAtomic(file, 'new', { rename, ifHeld: 'numbered' });
    expect(written).toBe(path.join(dir, '评审打分表 (3).xlsx'));
    expect(fs.readFileSync(written, 'utf8')).toBe('new');
    expect(fs.readFileSync(file, 'utf8')).toBe('open in Excel');
    expect(fs.readFileSync(numberedName(file, 2), 'utf8')).toBe('an earlier copy, maybe open too');
    expect(rename.slept).toEqual([...BUSY_RETRY_DELAYS_MS]);
    expect(leftovers(dir)).toEqual([]);
  });

  it("the app's own files (keys, locks) keep their name: still held after the retries is an error, nothing left behind", () => {
    const dir = tempDir();
    const file = path.join(dir, 'identity.json');
    fs.writeFileSync(file, 'old');
    expect(() => writeFileAtomic(file, 'new', { rename: lockedRename(new Set([file])) })).toThrow(/EBUSY/);
    expect(fs.readFileSync(file, 'utf8')).toBe('old');
    expect(fs.readdirSync(dir)).toEqual(['identity.json']);
  });

  it('an export written through the app says where it went and which path was held (for the UI and CLI message)', () => {
    const dir = tempDir();
    const file = path.join(dir, 'notice.pdf');
    fs.writeFileSync(file, 'open in Acrobat');
    const real = fs.renameSync;
    vi.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
      if (to === file) throw held('EBUSY');
      real(from, to);
    });
    const result = writeExport(file, Buffer.from('pdf'));
    expect(result).toEqual({ savedTo: path.join(dir, 'notice (2).pdf'), heldOpen: file });
    expect(fs.readFileSync(result.savedTo, 'utf8')).toBe('pdf');
    vi.restoreAllMocks();
    expect(writeExport(path.join(dir, 'free.pdf'), Buffer.from('x'))).toEqual({ savedTo: path.join(dir, 'free.pdf') });
  });
});
