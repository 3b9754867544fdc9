// The backup file: refused with BACKUP_INVALID naming the file when it is not a campaign backup
// or was damaged or changed; an older version's backup is brought up to date on restore; its name
// is a valid file name on Windows too; and no table of the schema is left out of backups.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CampaignSummary } from '../../../src-main/contract';
import { CampaignRepo } from '../../../src-main/core/campaigns/campaign-repo';
import { backupFileName, safeFileStem } from '../../../src-main/core/campaigns/backup-file';
import { deleteCampaign } from '../../../src-main/core/campaigns/campaign-delete';
import { CAMPAIGN_TABLES, NOT_CAMPAIGN_TABLES } from '../../../src-main/core/campaigns/campaign-tables';
import { TemplateCatalog } from '../../../src-main/core/campaigns/templates';
import { openDatabase } from '../../../src-main/core/db/connection';
import { migrations } from '../../../src-main/core/db/migrations';
import { ok, openTestApp, resourcesDir, tempDir } from '../../helpers';

const source = (fileName: string, bytes: Buffer) => ({ fileName, contentBase64: bytes.toString('base64') });

async function sampleBackup() {
  const app = openTestApp();
  const campaign = await ok<CampaignSummary>(app.dispatch('demo:load', {}));
  const { backupFile } = await ok<{ backupFile: string }>(app.dispatch('campaign:delete', { campaignId: campaign.id, confirmName: campaign.name.en }));
  return { app, campaign, backupFile };
}

/** A copy of the backup changed by `edit` (an SQL statement run on the copy). */
function editedCopy(file: string, edit: (db: Database.Database) => void): Buffer {
  const copy = path.join(tempDir(), 'copy.kepubackup');
  fs.copyFileSync(file, copy);
  const db = new Database(copy);
  edit(db);
  db.close();
  return fs.readFileSync(copy);
}

describe('campaign backup files', () => {
  it('refuses files that are not a campaign backup, or damaged, or changed, with BACKUP_INVALID naming the file', async () => {
    const { app, backupFile } = await sampleBackup();
    const good = fs.readFileSync(backupFile);
    const half = good.subarray(0, Math.floor(good.length / 2));
    // A stored title changed on the disk, wherever its bytes are (the row, the index by title,
    // stale space SQLite left behind): the index no longer matches, and the checksum would not.
    const flipped = Buffer.from(good);
    const title = Buffer.from('七步洗手法');
    for (let at = flipped.indexOf(title); at >= 0; at = flipped.indexOf(title, at + 1)) flipped[at + 1] ^= 0x01;
    expect(flipped.equals(good)).toBe(false);
    const otherDb = path.join(tempDir(), 'kepu.sqlite');
    openDatabase(otherDb).close();
    const cases: [string, Buffer][] = [
      ['notes.kepubackup', Buffer.from('not a backup at all\n')],
      ['empty.kepubackup', Buffer.alloc(0)],
      ['half.kepubackup', half],
      ['flipped.kepubackup', flipped],
      ['kepu.sqlite', fs.readFileSync(otherDb)],
      ['changed-score.kepubackup', editedCopy(backupFile, (db) => db.exec(`UPDATE entries SET title = title || '!' WHERE id = (SELECT min(id) FROM entries)`))],
      ['extra-row.kepubackup', editedCopy(backupFile, (db) => db.exec(`INSERT INTO settings (key, value) VALUES ('language', 'en')`))],
      ['with-trigger.kepubackup', editedCopy(backupFile, (db) => db.exec(`CREATE TRIGGER t AFTER INSERT ON settings BEGIN DELETE FROM settings; END`))],
      ['two-campaigns.kepubackup', editedCopy(backupFile, (db) => db.exec(`UPDATE kepu_backup SET value = 'other' WHERE key = 'campaignId'`))],
    ];
    for (const [name, bytes] of cases) {
      const result = await app.dispatch('campaign:restore', { file: source(name, bytes) });
      if (name === 'empty.kepubackup') {
        // An empty file does not even pass the request schema (a file has bytes).
        expect(result, name).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
        continue;
      }
      expect(result, name).toMatchObject({ ok: false, error: { code: 'BACKUP_INVALID', params: { file: name } } });
    }
    // Nothing was restored by any of them, and the good file still restores.
    expect(await ok<CampaignSummary[]>(app.dispatch('campaign:list', { includeArchived: true }))).toHaveLength(1);
    await ok(app.dispatch('campaign:restore', { file: source(path.basename(backupFile), good) }));
    expect(await ok<CampaignSummary[]>(app.dispatch('campaign:list', {}))).toHaveLength(2);
    app.ctx.close();
  });

  it('refuses a backup written by a newer version of the app', async () => {
    const { app, backupFile } = await sampleBackup();
    const newer = editedCopy(backupFile, (db) => {
      db.exec(`UPDATE kepu_backup SET value = '999' WHERE key = 'schemaVersion'`);
      db.pragma('user_version = 999');
    });
    expect(await app.dispatch('campaign:restore', { file: source('newer.kepubackup', newer) })).toMatchObject({
      ok: false,
      error: { code: 'BACKUP_NEWER_VERSION', params: { file: 'newer.kepubackup', found: 999 } },
    });
    app.ctx.close();
  });

  it('restores a backup written at an older schema version, bringing it up to date first', async () => {
    // A database of the version before archiving existed (schema 8), and a backup made there.
    const dir = tempDir();
    const old = openDatabase(path.join(dir, 'kepu.sqlite'), { migrations: migrations.filter((m) => m.version <= 8) });
    const template = new TemplateCatalog(path.join(resourcesDir, 'templates')).get('sichuan-influence-2023');
    const id = new CampaignRepo(old).create(template.id, template.definition).id;
    const { backupFile } = deleteCampaign(old, { campaignId: id, confirmName: template.definition.name.en, dir, actor: 'old', appVersion: '0.0.9' });
    old.close();
    const before = new Database(backupFile, { readonly: true });
    expect(before.pragma('user_version', { simple: true })).toBe(8);
    before.close();

    const app = openTestApp();
    const restored = await ok<CampaignSummary>(app.dispatch('campaign:restore', { file: source(path.basename(backupFile), fs.readFileSync(backupFile)) }));
    expect(restored).toMatchObject({ id, archived: null, name: template.definition.name });
    // The person's file itself was not changed by the migration.
    const after = new Database(backupFile, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(8);
    after.close();
    app.ctx.close();
  });

  it('names the file after the campaign, valid on Windows, with the time in the campaign\'s zone', () => {
    const folder = 'C:\\Users\\王医生\\AppData\\Roaming\\Kepu Review\\backups';
    // name → the file name's stem
    const cases: [string, string][] = [
      ['2023 中国(四川)健康科普影响力榜', '2023 中国(四川)健康科普影响力榜'],
      ['A/B: "test" <draft>?*|\\', 'A_B_ _test_ _draft_'],
      ['con', '_con'],
      ['LPT1.txt', '_LPT1.txt'],
      ['Final edition. ', 'Final edition'],
      ['\u202e...', 'campaign'],
    ];
    for (const [name, stem] of cases) {
      const file = backupFileName(name, '2024-01-15T09:30:05.000Z', 'Asia/Shanghai');
      expect(file, name).toBe(`${stem}-2024-01-15-173005.kepubackup`);
      const full = path.win32.join(folder, file);
      expect(path.win32.basename(full), name).toBe(file);
      expect(path.win32.dirname(full)).toBe(folder);
      expect(file).not.toMatch(/[\\/:*?"<>|\u0000-\u001f]/);
      expect(stem).not.toMatch(/[. ]$/);
    }
    expect(backupFileName('x', '2024-01-15T09:30:05.000Z', 'America/New_York')).toBe('x-2024-01-15-043005.kepubackup');
    expect(Array.from(safeFileStem('评'.repeat(200)))).toHaveLength(80);
  });

  it('leaves no table of the schema out: each belongs to campaigns or is named as not', () => {
    const app = openTestApp();
    const tables = app.ctx.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[];
    expect([...CAMPAIGN_TABLES.map((t) => t.name), ...NOT_CAMPAIGN_TABLES].sort()).toEqual(tables);
    app.ctx.close();
  });
});
