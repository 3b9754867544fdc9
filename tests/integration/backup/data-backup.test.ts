// Whole-data backups (issue 21): backup → restore into a new folder gives the same rows in every
// table (compared row by row, in rowid order) and an audit chain that verifies; damaged, newer and
// foreign files are refused with their codes and the target folder is left as it was; an older
// backup migrates forward; media come back or are reported missing; the in-app restore is put in
// place at the next start with the replaced data kept.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import yazl from 'yazl';
import { describe, expect, it } from 'vitest';
import type { AuditCheckView, BackupCreateJob, BackupInfo, BackupRestoreJob, CertificateJob } from '../../../src-main/contract';
import { createDataBackup } from '../../../src-main/core/backup/create-backup';
import { restoreIntoFolder } from '../../../src-main/core/backup/restore-backup';
import { extractMember, openBackup } from '../../../src-main/core/backup/read-backup';
import { createAppContext } from '../../../src-main/app/context';
import { createHandlers } from '../../../src-main/app/handlers';
import { openDatabase } from '../../../src-main/core/db/connection';
import { latestSchemaVersion, migrations } from '../../../src-main/core/db/migrations';
import { finishedJob, ok, openTestApp, resourcesDir, tempDir } from '../../helpers';
import { rankedApp } from '../certificates/fixture';

/** Every table of the file, every row in rowid order (values exact: integers as bigint, blobs as bytes). */
function allRows(file: string): Record<string, unknown[][]> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[];
    const out: Record<string, unknown[][]> = {};
    for (const t of tables) {
      const withoutRowid = /WITHOUT ROWID/i.test(String(db.prepare(`SELECT sql FROM sqlite_master WHERE name = ?`).pluck().get(t)));
      out[t] = db.prepare(`SELECT * FROM "${t}" ORDER BY ${withoutRowid ? 1 : 'rowid'}`).raw(true).safeIntegers(true).all() as unknown[][];
    }
    return out;
  } finally {
    db.close();
  }
}

function listing(dir: string): string[] {
  if (!fs.existsSync(dir)) return ['(absent)'];
  return fs.readdirSync(dir, { recursive: true }).map(String).sort();
}

async function expectRefused(file: string, code: string) {
  const target = path.join(tempDir('kepu-restore-'), 'target');
  const empty = tempDir('kepu-restore-empty-');
  await expect(restoreIntoFolder(file, target)).rejects.toMatchObject({ code });
  await expect(restoreIntoFolder(file, empty)).rejects.toMatchObject({ code });
  // Nothing changed: the absent folder stays absent, the empty one empty, and no staging is left.
  expect(listing(target)).toEqual(['(absent)']);
  expect(listing(path.dirname(target))).toEqual([]);
  expect(listing(empty)).toEqual([]);
  expect(fs.readdirSync(path.dirname(empty)).filter((n) => n.startsWith(`.${path.basename(empty)}.restoring`))).toEqual([]);
}

function zipOf(members: Record<string, Buffer | string>): Promise<string> {
  const file = path.join(tempDir('kepu-fake-'), 'fake.kepubackup');
  const zip = new yazl.ZipFile();
  for (const [name, bytes] of Object.entries(members)) zip.addBuffer(Buffer.from(bytes), name);
  zip.end();
  return new Promise((resolve, reject) => {
    zip.outputStream.pipe(fs.createWriteStream(file)).on('close', () => resolve(file)).on('error', reject);
  });
}

describe('whole-data backup and restore', () => {
  it('restores the same campaigns, scores, certificates and audit chain row by row; refuses damaged, newer and foreign files changing nothing', async () => {
    const app = await rankedApp();
    const out = tempDir('kepu-cert-');
    const certificates = await ok<CertificateJob>(app.dispatch('certificates:export', { campaignId: app.works, list: 'influence', outDir: out, mode: 'single' }));
    expect((await finishedJob(app.dispatch, certificates)).state).toBe('done');
    expect(Number(app.ctx.db.prepare('SELECT count(*) FROM certificates').pluck().get())).toBeGreaterThan(0);

    // The merge in rankedApp took an automatic backup first.
    const listed = await ok<BackupInfo[]>(app.dispatch('backup:list', {}));
    expect(listed.map((b) => [b.kind, b.reason, b.mediaIncluded])).toEqual([['auto', 'before-merge', false]]);

    const started = await ok<BackupCreateJob>(app.dispatch('backup:create', { includeMedia: false }));
    const created = await finishedJob(app.dispatch, started);
    expect(created).toMatchObject({ state: 'done', result: { kind: 'manual', reason: 'manual', mediaIncluded: false } });
    const file = created.result!.file;
    expect(path.dirname(file)).toBe(path.join(app.dataDir, 'backups', 'data'));
    const works = created.result!.campaigns.find((c) => c.id === app.works)!;
    expect(works).toMatchObject({ entries: 32, judges: 5 });
    expect(works.scores).toBeGreaterThan(0);
    expect(works.certificates).toBeGreaterThan(0);
    expect((await ok<BackupInfo[]>(app.dispatch('backup:list', {}))).map((b) => b.kind)).toEqual(['manual', 'auto']);

    const target = path.join(tempDir('kepu-restored-'), 'data');
    const report = await restoreIntoFolder(file, target);
    expect(report).toMatchObject({ dataDir: target, schemaVersion: latestSchemaVersion, fromSchemaVersion: latestSchemaVersion, mediaRestored: 0, missingMedia: [] });
    expect(fs.readdirSync(path.join(target, 'keys')).sort()).toEqual(fs.readdirSync(path.join(app.dataDir, 'keys')).sort());
    const before = allRows(path.join(app.dataDir, 'kepu.sqlite'));
    const after = allRows(path.join(target, 'kepu.sqlite'));
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const table of Object.keys(before)) expect({ table, rows: after[table] }).toEqual({ table, rows: before[table] });

    // The restored folder is a working installation: the chain verifies, the sealed key unlocks.
    const restored = openTestApp(target);
    try {
      expect((await ok<AuditCheckView>(restored.dispatch('audit:verify', {}))).intact).toBe(true);
      expect(await ok(restored.dispatch('identity:unlock', { passphrase: 'certificate issuer passphrase' }))).toMatchObject({ unlocked: true });
    } finally {
      restored.ctx.close();
    }

    // Refusals, each leaving the target as it was.
    const bytes = fs.readFileSync(file);
    const flipped = path.join(tempDir('kepu-bad-'), 'flipped.kepubackup');
    const dataStart = 30 + bytes.readUInt16LE(26) + bytes.readUInt16LE(28); // the database is the first member
    expect(bytes.subarray(30, 30 + bytes.readUInt16LE(26)).toString()).toBe('database/kepu.sqlite');
    const copy = Buffer.from(bytes);
    copy[dataStart + 2000] ^= 0x01;
    fs.writeFileSync(flipped, copy);
    await expectRefused(flipped, 'BACKUP_DAMAGED');
    const truncated = path.join(tempDir('kepu-bad-'), 'truncated.kepubackup');
    fs.writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expectRefused(truncated, 'BACKUP_DAMAGED');
    const opened = await openBackup(file);
    const manifest = opened.manifest as unknown as Record<string, unknown>;
    const dbCopy = path.join(tempDir('kepu-db-'), 'db');
    await extractMember(opened, opened.manifest.database.member, opened.manifest.database.sha256, dbCopy);
    opened.close();
    await expectRefused(await zipOf({ 'manifest.json': JSON.stringify({ ...manifest, schemaVersion: latestSchemaVersion + 1 }) }), 'BACKUP_FROM_NEWER_VERSION');
    await expectRefused(await zipOf({ 'manifest.json': JSON.stringify({ ...manifest, formatVersion: 2 }) }), 'BACKUP_FROM_NEWER_VERSION');
    await expectRefused(await zipOf({ 'database/kepu.sqlite': 'x' }), 'BACKUP_DAMAGED'); // manifest missing
    await expectRefused(await zipOf({ 'readme.txt': 'hello' }), 'BACKUP_NOT_A_BACKUP');
    const text = path.join(tempDir('kepu-bad-'), 'notes.kepubackup');
    fs.writeFileSync(text, 'not a backup');
    await expectRefused(text, 'BACKUP_NOT_A_BACKUP');
    await expectRefused(path.join(app.dataDir, 'kepu.sqlite'), 'BACKUP_NOT_A_BACKUP'); // SQLite: a campaign backup's kind
    // A database whose bytes do not match the manifest's hash (same size, one byte changed, valid ZIP).
    const dbBytes = fs.readFileSync(dbCopy);
    dbBytes[dbBytes.length - 1] ^= 0x01;
    await expectRefused(await zipOf({ 'manifest.json': JSON.stringify(manifest), 'database/kepu.sqlite': dbBytes }), 'BACKUP_DAMAGED');
    // Given to the campaign restore (same extension), it says where a whole-data backup goes.
    expect(await app.dispatch('campaign:restore', { file: { fileName: 'all.kepubackup', contentBase64: bytes.toString('base64') } })).toMatchObject({
      ok: false,
      error: { code: 'BACKUP_INVALID', params: { reason: expect.stringContaining('kepu backup restore') } },
    });
    // A non-empty target is refused too.
    await expect(restoreIntoFolder(file, app.dataDir)).rejects.toMatchObject({ code: 'BACKUP_TARGET_NOT_EMPTY' });
    app.ctx.close();
  });

  it('brings media back (or reports them missing), migrates an older backup forward, and restores in the app at the next start', async () => {
    const app = openTestApp();
    await ok(app.dispatch('demo:load', {}));
    const withMedia = await createDataBackup({ db: app.ctx.db, dataDir: app.dataDir, out: path.join(tempDir('kepu-bk-'), 'm.kepubackup'), reason: 'manual', includeMedia: true, appVersion: 'test' });
    const withoutMedia = await createDataBackup({ db: app.ctx.db, dataDir: app.dataDir, out: path.join(tempDir('kepu-bk-'), 'n.kepubackup'), reason: 'manual', includeMedia: false, appVersion: 'test' });
    const linked = withMedia.manifest.media.files;
    expect(linked.length).toBeGreaterThan(10);
    expect(linked.every((m) => m.member !== null)).toBe(true);
    expect(withoutMedia.manifest.media.files.every((m) => m.member === null)).toBe(true);
    // The media move away (another machine): included ones come back and the rows point at them.
    fs.renameSync(path.join(app.dataDir, 'media'), path.join(app.dataDir, 'media-moved'));
    const target = path.join(tempDir('kepu-restored-'), 'data');
    const report = await restoreIntoFolder(withMedia.file, target);
    expect(report.missingMedia).toEqual([]);
    expect(report.mediaRestored).toBe(new Set(linked.map((m) => m.sha256)).size);
    const db = new Database(path.join(target, 'kepu.sqlite'), { readonly: true });
    const paths = db.prepare('SELECT path, size_bytes, mtime_ms FROM assets').all() as { path: string; size_bytes: number; mtime_ms: number }[];
    db.close();
    for (const p of paths) {
      expect(p.path.startsWith(path.join(target, 'restored-media'))).toBe(true);
      const stat = fs.statSync(p.path);
      expect([stat.size, Math.trunc(stat.mtimeMs)]).toEqual([p.size_bytes, p.mtime_ms]); // the media guard's identity
    }
    const bare = await restoreIntoFolder(withoutMedia.file, path.join(tempDir('kepu-restored-'), 'data'));
    expect(bare.missingMedia.sort()).toEqual(linked.map((m) => m.path).sort());

    // An older backup: a database one migration behind restores and is migrated forward.
    const oldDir = tempDir('kepu-old-');
    const old = openDatabase(path.join(oldDir, 'kepu.sqlite'), { migrations: migrations.slice(0, -1) });
    const olderFile = path.join(tempDir('kepu-bk-'), 'old.kepubackup');
    await createDataBackup({ db: old, dataDir: oldDir, out: olderFile, reason: 'manual', includeMedia: false, appVersion: 'old' });
    old.close();
    const forward = await restoreIntoFolder(olderFile, path.join(tempDir('kepu-restored-'), 'data'));
    expect([forward.fromSchemaVersion, forward.schemaVersion]).toEqual([latestSchemaVersion - 1, latestSchemaVersion]);
    const migrated = new Database(path.join(forward.dataDir, 'kepu.sqlite'), { readonly: true });
    expect(migrated.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    migrated.close();

    // In the app: staged beside the current data, put in place at the next start.
    const restore = await finishedJob(app.dispatch, await ok<BackupRestoreJob>(app.dispatch('backup:restore', { file: olderFile })));
    expect(restore).toMatchObject({ state: 'done', result: { restartRequired: true, dataDir: app.dataDir } });
    expect(fs.existsSync(path.join(app.dataDir, 'restore-pending', 'kepu.sqlite'))).toBe(true);
    expect(app.ctx.campaigns.list().length).toBe(2); // the running app is untouched
    // A second restore that is refused leaves the prepared one as it was.
    const junk = path.join(tempDir('kepu-bad-'), 'junk.kepubackup');
    fs.writeFileSync(junk, 'junk');
    const refused = await finishedJob(app.dispatch, await ok<BackupRestoreJob>(app.dispatch('backup:restore', { file: junk })));
    expect(refused).toMatchObject({ state: 'failed', error: { code: 'BACKUP_NOT_A_BACKUP' } });
    expect(fs.readdirSync(app.dataDir).filter((n) => n.startsWith('restore-pending') || n.startsWith('.restore-pending'))).toEqual(['restore-pending']);
    // Restart: where the shell cannot (here, the browser shell's and the CLI's case), it says so;
    // the desktop shell passes its own restart, called once the answer is out.
    expect(await ok(app.dispatch('backup:restart', {}))).toEqual({ restarting: false });
    let restarts = 0;
    const desktop = createAppContext({ dataDir: app.dataDir, resourcesDir, shell: 'cli', restart: () => restarts++ });
    expect(await createHandlers(desktop)['backup:restart']({})).toEqual({ restarting: true });
    await new Promise((r) => setTimeout(r, 500));
    expect(restarts).toBe(1);
    desktop.close();
    app.ctx.close();
    const reopened = createAppContext({ dataDir: app.dataDir, resourcesDir, shell: 'browser' });
    try {
      expect(reopened.campaigns.list().length).toBe(0); // the restored (empty, older) installation
      expect(fs.existsSync(path.join(app.dataDir, 'restore-pending'))).toBe(false);
      const replaced = fs.readdirSync(app.dataDir).filter((n) => n.startsWith('replaced-'));
      expect(replaced).toHaveLength(1);
      const kept = new Database(path.join(app.dataDir, replaced[0], 'kepu.sqlite'), { readonly: true });
      expect(kept.prepare('SELECT count(*) FROM campaigns').pluck().get()).toBe(2); // nothing stored is lost
      kept.close();
    } finally {
      reopened.close();
    }
  });
});
