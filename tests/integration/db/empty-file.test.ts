// An existing kepu.sqlite of 0 bytes is a database that lost its content (a failed copy, a sync
// tool, a full disk). SQLite would quietly set up a new, empty database over it; Kepu refuses it
// with a coded error and leaves the file exactly as it was — also through the CLI.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { databasePath, openDatabase } from '../../../src-main/core/db/connection';
import { migrations } from '../../../src-main/core/db/migrations';
import { repoRoot, tempDir } from '../../helpers';

const fingerprint = (file: string) => {
  const stat = fs.statSync(file);
  return { size: stat.size, mtimeMs: stat.mtimeMs, sha256: createHash('sha256').update(fs.readFileSync(file)).digest('hex') };
};

describe('an empty kepu.sqlite', () => {
  it('is refused with DB_FILE_EMPTY and left untouched (no schema, no -wal or -shm)', () => {
    const dir = tempDir();
    const file = databasePath(dir);
    fs.writeFileSync(file, '');
    const before = fingerprint(file);
    expect(() => openDatabase(file)).toThrow(expect.objectContaining({ code: 'DB_FILE_EMPTY', params: { file } }));
    expect(fingerprint(file)).toEqual(before);
    expect(fs.readdirSync(dir)).toEqual(['kepu.sqlite']);
  });

  it('is refused by the CLI with a translated, coded message, in both languages', () => {
    const dir = tempDir();
    const file = databasePath(dir);
    fs.writeFileSync(file, '');
    const before = fingerprint(file);
    const run = (lang: string) =>
      spawnSync(process.execPath, [path.join(repoRoot, 'bin/kepu.mjs'), 'campaign', 'list', '--data-dir', dir], { encoding: 'utf8', env: { ...process.env, KEPU_LANG: lang } });
    const en = run('en');
    expect(en.status).toBe(1);
    expect(en.stderr).toContain(`The database ${file} is empty (0 bytes)`);
    expect(en.stderr).toContain('[DB_FILE_EMPTY]');
    expect(run('zh-CN').stderr).toContain('是空文件（0 字节）');
    expect(fingerprint(file)).toEqual(before);
  }, 120_000);

  it('does not stop a data folder without a database from getting a new one', () => {
    const db = openDatabase(databasePath(tempDir()));
    expect(db.pragma('user_version', { simple: true })).toBe(migrations[migrations.length - 1].version);
    db.close();
  });
});
