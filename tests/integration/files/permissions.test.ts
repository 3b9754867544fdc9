// The data folder holds names, phone numbers and the signing key (issue 11, item 13): the folder
// is 0700 and the files Kepu writes there are 0600 — the database with its -wal and -shm, the key
// file, exports and migration backups. Modes are a POSIX matter: on Windows nothing is changed.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CampaignSummary, ExportFile } from '../../../src-main/contract';
import { databasePath, openDatabase } from '../../../src-main/core/db/connection';
import { migrations } from '../../../src-main/core/db/migrations';
import { modesApply } from '../../../src-main/core/files/private-files';
import { ok, openTestApp, tempDir } from '../../helpers';

const mode = (file: string) => fs.statSync(file).mode & 0o777;

describe('modes', () => {
  it('apply everywhere but Windows', () => {
    expect(modesApply('win32')).toBe(false);
    expect(modesApply('linux')).toBe(true);
    expect(modesApply('darwin')).toBe(true);
  });
});

describe.skipIf(process.platform === 'win32')('a private data folder', () => {
  it('is created 0700, with the database, -wal, -shm, key file and exports 0600', async () => {
    const dataDir = path.join(tempDir(), 'Kepu Review');
    const { ctx, dispatch } = openTestApp(dataDir);
    const template = ctx.templates.get('sichuan-influence-2023');
    const campaign: CampaignSummary = ctx.campaigns.create(template.id, template.definition);
    await ok(dispatch('identity:create', { name: '组委会', passphrase: 'a long passphrase' }));
    const csv = await ok<ExportFile>(dispatch('compliance:export', { campaignId: campaign.id, format: 'csv' }));
    const card = await ok<ExportFile>(dispatch('identity:keycard', {}));
    const db = databasePath(dataDir);
    expect(mode(dataDir)).toBe(0o700);
    for (const file of [db, `${db}-wal`, `${db}-shm`, path.join(dataDir, 'keys', 'identity.json'), csv.savedTo, card.savedTo]) {
      expect(mode(file), path.basename(file)).toBe(0o600);
    }
    expect(mode(path.join(dataDir, 'keys'))).toBe(0o700);
    expect(mode(path.join(dataDir, 'exports'))).toBe(0o700);
    ctx.close();
  });

  it('tightens the folder and database of an installation made before this policy', () => {
    const dataDir = tempDir();
    fs.chmodSync(dataDir, 0o755);
    const file = databasePath(dataDir);
    openDatabase(file).close();
    const raw = new Database(file);
    raw.exec('CREATE TABLE IF NOT EXISTS probe_touch (x INTEGER) STRICT'); // leaves -wal and -shm behind while open
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.chmodSync(f, 0o644);
    const { ctx } = openTestApp(dataDir);
    raw.close();
    expect(mode(dataDir)).toBe(0o700);
    expect(mode(file)).toBe(0o600);
    for (const f of [`${file}-wal`, `${file}-shm`]) if (fs.existsSync(f)) expect(mode(f), f).toBe(0o600);
    ctx.close();
  });

  it('leaves the mode of an existing folder that is not a Kepu data folder alone, but not the files it writes', () => {
    const dataDir = tempDir();
    fs.writeFileSync(path.join(dataDir, 'notes.txt'), 'mine');
    fs.chmodSync(dataDir, 0o755);
    const { ctx } = openTestApp(dataDir);
    expect(mode(dataDir)).toBe(0o755);
    expect(mode(databasePath(dataDir))).toBe(0o600);
    ctx.close();
  });

  it('writes the backup made before a migration 0600', () => {
    const dir = tempDir();
    const file = databasePath(dir);
    openDatabase(file, { migrations: migrations.slice(0, 1) }).close();
    openDatabase(file).close();
    const backups = fs.readdirSync(dir).filter((f) => f.endsWith('.bak'));
    expect(backups).toHaveLength(1);
    expect(mode(path.join(dir, backups[0]))).toBe(0o600);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
