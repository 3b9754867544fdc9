// Red-team retry of issue 11 item 4 on the CLI: `kepu probe <folder> --data-dir <data>` opens the
// database and then walks the folder; when the folder holds the data folder, the probe reads the
// head of kepu.sqlite, -wal and -shm through `fs` in the process that has the database open, which
// drops that process's SQLite locks (the lost-write mechanism of item 4). With the database open,
// probe must never open the data folder's own files: skipped in folder walks, refused when named.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ok, openTestApp, repoRoot, tempDir } from '../../helpers';
import { createNodeI18n } from '../../../src-main/app/translate';
import { runProbe } from '../../../src-main/cli/commands/probe';

const betterSqlite = JSON.stringify(require.resolve('better-sqlite3'));

function node(script: string): string {
  const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}
const outsideConnection = (db: string) => node(`const Db = require(${betterSqlite}); const db = new Db(${JSON.stringify(db)}); db.prepare('SELECT count(*) FROM settings').get(); db.close();`);
const rowsSeenOutside = (db: string) => Number(node(`const Db = require(${betterSqlite}); const db = new Db(${JSON.stringify(db)}, { readonly: true }); process.stdout.write(String(db.prepare("SELECT count(*) FROM settings WHERE key LIKE 'probe.%'").pluck().get()));`));

function kepu(args: string[]) {
  return spawnSync(process.execPath, [path.join(repoRoot, 'bin/kepu.mjs'), ...args], { encoding: 'utf8', env: { ...process.env, KEPU_LANG: 'en' } });
}

describe('kepu probe with the database open', () => {
  it('never lists the data folder’s own files when walking a folder that holds it', async () => {
    const parent = tempDir();
    const dataDir = path.join(parent, 'Kepu Review');
    const app = openTestApp(dataDir);
    await ok(app.dispatch('campaign:create', { templateId: 'sichuan-influence-2023' }));
    fs.copyFileSync(path.join(repoRoot, 'tests/fixtures/media/photo.jpg'), path.join(parent, 'photo.jpg'));
    const run = kepu(['probe', parent, '--data-dir', dataDir, '--json']);
    const paths = (JSON.parse(run.stdout) as { path: string }[]).map((r) => path.basename(r.path));
    expect(paths).toContain('photo.jpg');
    expect(paths.filter((p) => p.startsWith('kepu.sqlite'))).toEqual([]);
    app.ctx.close();
    fs.rmSync(parent, { recursive: true, force: true });
  });

  it('refuses the database named on the command line with PATH_IS_APP_DATA', async () => {
    const app = openTestApp();
    await ok(app.dispatch('campaign:create', { templateId: 'sichuan-influence-2023' }));
    const run = kepu(['probe', path.join(app.dataDir, 'kepu.sqlite-shm'), '--data-dir', app.dataDir, '--json']);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, code: 'PATH_IS_APP_DATA', params: { file: 'kepu.sqlite-shm' } });
    app.ctx.close();
  });

  it('keeps every acknowledged write when the probe runs in the process that holds the database', async () => {
    const parent = tempDir();
    const dataDir = path.join(parent, 'Kepu Review');
    const app = openTestApp(dataDir);
    await ok(app.dispatch('campaign:create', { templateId: 'sichuan-influence-2023' }));
    const t = createNodeI18n('en').t;
    const write = process.stdout.write;
    process.stdout.write = (() => true) as typeof process.stdout.write;
    try {
      await runProbe([parent, '--data-dir', dataDir, '--json'], t);
    } catch {
      // refused is fine; what matters is below
    } finally {
      process.stdout.write = write;
    }
    const dbFile = path.join(dataDir, 'kepu.sqlite');
    outsideConnection(dbFile);
    for (let i = 0; i < 30; i++) app.ctx.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(`probe.${i}`, String(i));
    outsideConnection(dbFile);
    expect(rowsSeenOutside(dbFile)).toBe(30);
    app.ctx.close();
    fs.rmSync(parent, { recursive: true, force: true });
  });
});
