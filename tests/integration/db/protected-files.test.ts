// The app must never open its own database files with `fs`: closing any descriptor of a file drops
// every POSIX lock this process holds on it. With the locks of both kepu.sqlite and its -shm gone,
// the next outside connection (a `kepu` command, a second window) believes it is alone, deletes the
// WAL on closing, and every write the app acknowledges afterwards goes to a deleted file.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CampaignSummary, MediaLinkJob } from '../../../src-main/contract';
import { ProtectedFiles, isInside, samePath } from '../../../src-main/core/db/protected-files';
import { openAssetStream } from '../../../src-main/app/media';
import { finishedJob, ok, openTestApp, tempDir } from '../../helpers';
import { syntheticEntries } from '../../e2e/seed';

const betterSqlite = JSON.stringify(require.resolve('better-sqlite3'));

/** Another process opening and closing the database, as `kepu campaign list` would. */
function outsideConnection(dbFile: string): void {
  const script = `const Db = require(${betterSqlite}); const db = new Db(${JSON.stringify(dbFile)}); db.prepare('SELECT count(*) FROM settings').get(); db.close();`;
  const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
}

/** What a fresh process sees: the acknowledged writes must all be there. */
function probeRowsSeenOutside(dbFile: string): number {
  const script = `const Db = require(${betterSqlite}); const db = new Db(${JSON.stringify(dbFile)}, { readonly: true }); process.stdout.write(String(db.prepare("SELECT count(*) FROM settings WHERE key LIKE 'probe.%'").pluck().get()));`;
  const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return Number(run.stdout);
}

type App = ReturnType<typeof openTestApp>;

/**
 * Another process connects and leaves, the app acknowledges 30 writes, another process comes and
 * goes again: with the app's locks intact, all 30 are in the database for everyone.
 */
async function expectNoWriteLost(app: App): Promise<void> {
  const dbFile = path.join(app.dataDir, 'kepu.sqlite');
  // Any descriptor opened by mistake would be closed by now (some readers close asynchronously).
  await new Promise((resolve) => setTimeout(resolve, 100));
  outsideConnection(dbFile);
  for (let i = 0; i < 30; i++) app.ctx.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(`probe.${i}`, String(i));
  outsideConnection(dbFile);
  expect(probeRowsSeenOutside(dbFile)).toBe(30);
}

function finished(app: App, started: MediaLinkJob): Promise<MediaLinkJob> {
  return finishedJob(app.dispatch, started, { timeoutMs: 30_000 });
}

/** Every way a person can hand the app a path to read. */
const attempts: { channel: string; request: (campaignId: string, file: string) => unknown }[] = [
  { channel: 'package:open', request: (_c, file) => ({ path: file }) },
  { channel: 'package:locateMedia', request: (campaignId, file) => ({ campaignId, folder: file }) },
  { channel: 'media:link', request: (campaignId, file) => ({ campaignId, folder: file }) },
  { channel: 'certificates:setImage', request: (campaignId, file) => ({ campaignId, role: 'seal', path: file }) },
];

describe("the data folder's own files as input", () => {
  for (const attempt of attempts) {
    it(`${attempt.channel} refuses the database, its -wal and -shm and the keys, and no acknowledged write is lost`, async () => {
      const app = openTestApp();
      const campaign = await ok<CampaignSummary>(app.dispatch('campaign:create', { templateId: 'sichuan-influence-2023' }));
      const dbFile = path.join(app.dataDir, 'kepu.sqlite');
      await ok(app.dispatch('identity:create', { name: '协调员', passphrase: 'correct horse battery' }));
      const keyFiles = fs.readdirSync(path.join(app.dataDir, 'keys')).map((f) => path.join(app.dataDir, 'keys', f));
      for (const file of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`, path.join(app.dataDir, 'keys'), ...keyFiles]) {
        expect(fs.existsSync(file)).toBe(true);
        const result = await app.dispatch(attempt.channel, attempt.request(campaign.id, file));
        expect(result, file).toMatchObject({ ok: false, error: { code: 'PATH_IS_APP_DATA', params: { file: path.basename(file) } } });
      }
      await expectNoWriteLost(app);
      app.ctx.close();
    });
  }

  it('links a parent of the data folder as a media folder without reading the database or keys', async () => {
    const parent = tempDir();
    const app = openTestApp(path.join(parent, 'Kepu Review'));
    const campaign = await ok<CampaignSummary>(app.dispatch('campaign:create', { templateId: 'sichuan-influence-2023' }));
    await ok(app.dispatch('identity:create', { name: '协调员', passphrase: 'correct horse battery' }));
    const status = await finished(app, await ok<MediaLinkJob>(app.dispatch('media:link', { campaignId: campaign.id, folder: parent })));
    expect(status.state).toBe('done');
    // Nothing of the app's own files was even listed, let alone hashed.
    expect(status.result?.unmatchedFiles.filter((f) => /kepu\.sqlite|identity/.test(f))).toEqual([]);
    await expectNoWriteLost(app);
    app.ctx.close();
    fs.rmSync(parent, { recursive: true, force: true });
  });

  it('never serves or re-checks the database even when an asset row names it (a hard link planted in a media folder)', async () => {
    const app = openTestApp();
    const campaign = await ok<CampaignSummary>(app.dispatch('campaign:create', { templateId: 'sichuan-influence-2023' }));
    const [entryId] = app.ctx.entries.insertMany(campaign.id, new Date().toISOString(), syntheticEntries(1));
    const dbFile = path.join(app.dataDir, 'kepu.sqlite');
    const planted = path.join(tempDir(), 'SC2023-000001.mp4');
    fs.linkSync(dbFile, planted);
    const stat = fs.statSync(planted);
    app.ctx.assets.insertMany([{ entryId, role: 'video', position: 0, path: planted, sha256: '0'.repeat(64), sizeBytes: stat.size, mtimeMs: stat.mtimeMs }]);
    const assetId = app.ctx.db.prepare('SELECT id FROM assets WHERE entry_id = ?').pluck().get(entryId) as number;
    expect(() => openAssetStream(app.ctx, assetId, null)).toThrow(expect.objectContaining({ code: 'MEDIA_FILE_REFUSED' }));
    expect(await app.dispatch('media:assetState', { assetId })).toMatchObject({ ok: true, value: { state: 'refused' } });
    expect(await app.dispatch('media:recheckAsset', { assetId })).toMatchObject({ ok: false, error: { code: 'MEDIA_FILE_REFUSED' } });
    await expectNoWriteLost(app);
    app.ctx.close();
  });

  it('recognises the database under another name (a hard link), and leaves other files in the data folder alone', () => {
    const dataDir = tempDir();
    const db = path.join(dataDir, 'kepu.sqlite');
    fs.writeFileSync(db, 'x');
    const link = path.join(tempDir(), 'innocent.kepupkg');
    fs.linkSync(db, link);
    const guard = new ProtectedFiles(dataDir);
    expect(guard.isProtected(link)).toBe(true);
    expect(guard.isProtected(path.join(dataDir, 'kepu.sqlite-wal'))).toBe(true); // not there yet: by name
    expect(guard.isProtected(path.join(dataDir, 'keys', 'anything.json'))).toBe(true);
    fs.mkdirSync(path.join(dataDir, 'exports'));
    fs.writeFileSync(path.join(dataDir, 'exports', 'report.pdf'), 'pdf');
    expect(guard.isProtected(path.join(dataDir, 'exports', 'report.pdf'))).toBe(false);
    expect(guard.isProtected(dataDir)).toBe(false);
  });

  it('compares Windows paths without regard to case or drive-letter spelling', () => {
    const data = 'C:\\Users\\李华\\AppData\\Roaming\\Kepu Review';
    expect(samePath('c:\\users\\李华\\appdata\\roaming\\kepu review\\KEPU.SQLITE', `${data}\\kepu.sqlite`, path.win32, 'win32')).toBe(true);
    expect(samePath('D:\\kepu.sqlite', `${data}\\kepu.sqlite`, path.win32, 'win32')).toBe(false);
    expect(isInside(`${data}\\keys\\identity.json`, `${data}\\KEYS`, path.win32, 'win32')).toBe(true);
    expect(isInside(`${data}\\keys-old\\identity.json`, `${data}\\keys`, path.win32, 'win32')).toBe(false);
    expect(isInside('D:\\keys', `${data}\\keys`, path.win32, 'win32')).toBe(false);
    expect(isInside('/data/Kepu Review/keys/x', '/data/Kepu Review/keys', path.posix, 'linux')).toBe(true);
    expect(isInside('/data/Kepu Review/Keys/x', '/data/Kepu Review/keys', path.posix, 'linux')).toBe(false);
  });
});
