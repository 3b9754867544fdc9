// Deleting a campaign writes a backup file first, then removes every row of the campaign; the
// backup restores it row for row (storage classes and BLOBs included), signatures still verify.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CampaignSummary, SnapshotVerification } from '../../../src-main/contract';
import { BACKUP_EXTENSION } from '../../../src-main/core/campaigns/backup-file';
import { CAMPAIGN_TABLES } from '../../../src-main/core/campaigns/campaign-tables';
import { recordDecision } from '../../../src-main/core/decisions/decision-service';
import { verifyCode } from '../../../src-main/core/certificates/verify';
import { ok, openTestApp, tempDir } from '../../helpers';
import { campaignRows, publishedSample } from './lifecycle-fixture';

const source = (file: string) => ({ fileName: path.basename(file), contentBase64: fs.readFileSync(file).toString('base64') });

describe('deleting a campaign behind a backup, and restoring it', () => {
  it('backs up every row, deletes them, and restores the campaign exactly; snapshots and certificates still verify', async () => {
    const app = await publishedSample();
    const { id, ctx } = app;
    const committee = (await ok<CampaignSummary[]>(app.dispatch('campaign:list', {}))).find((c) => c.kind === 'committee')!.id;
    // A decision taken and cancelled again: its history travels with the campaign, and with
    // nothing in effect the published snapshot still verifies after the restore.
    const entryId = ctx.db.prepare('SELECT min(id) FROM entries WHERE campaign_id = ?').pluck().get(id) as number;
    recordDecision(ctx.db, { campaignId: id, entryId, kind: 'withdraw', reason: '作者申请撤回', actor: '王协调' });
    recordDecision(ctx.db, { campaignId: id, entryId, kind: 'reinstate', reason: '撤回申请作废', actor: '王协调' });
    // A conflict the coordinator declared on the roster (issue 15) travels too.
    const judgeId = ctx.db.prepare('SELECT judge_id FROM campaign_judges WHERE campaign_id = ? ORDER BY judge_id').pluck().get(id) as string;
    await ok(app.dispatch('judge:update', { campaignId: id, judgeId, contact: '微信 judge', conflictInstitutions: ['某前任单位'] }));
    const before = campaignRows(ctx.db, id);
    const committeeBefore = campaignRows(ctx.db, committee);
    // The fixture fills what a published campaign has; an empty table here would prove nothing.
    for (const table of ['campaigns', 'rubric_dimensions', 'definition_versions', 'judges', 'campaign_judges', 'entries', 'assets', 'assignments', 'scores', 'comments', 'reviews', 'bundles', 'issued_packages', 'issued_package_entries', 'ranking_settings', 'ranking_snapshots', 'entry_decisions', 'judge_declared_conflicts', 'certificate_settings', 'certificate_images', 'certificate_issuers', 'certificates', 'certificate_sequences', 'settings', 'audit_log']) {
      expect(before[table].length, table).toBeGreaterThan(0);
    }
    const serials = ctx.db.prepare(`SELECT serial, payload, status FROM certificates WHERE campaign_id = ? ORDER BY serial`).all(id) as { serial: string; payload: string; status: string }[];
    expect(serials.map((c) => c.status)).toEqual(expect.arrayContaining(['valid', 'revoked', 'replaced']));
    const name = ctx.campaigns.summary(id).name;

    const deleted = await ok<{ backupFile: string; rows: number }>(app.dispatch('campaign:delete', { campaignId: id, confirmName: name.en }));
    expect(path.dirname(deleted.backupFile)).toBe(path.join(app.dataDir, 'backups'));
    expect(path.basename(deleted.backupFile)).toMatch(new RegExp(`^【示例】2023.*-\\d{4}-\\d{2}-\\d{2}-\\d{6}\\${BACKUP_EXTENSION}$`));
    expect(fs.statSync(deleted.backupFile).mode & 0o777).toBe(0o600);
    expect(deleted.rows).toBe(Object.values(before).reduce((n, rows) => n + rows.length, 0));
    // The file is a SQLite database holding exactly the campaign's rows.
    const file = new Database(deleted.backupFile, { readonly: true });
    expect(file.prepare('SELECT id FROM campaigns').pluck().all()).toEqual([id]);
    expect(file.prepare('SELECT count(*) FROM entries').pluck().get()).toBe(before.entries.length);
    file.close();

    // Gone: every row the campaign owned; the history stays, with the deletion added.
    const after = campaignRows(ctx.db, id);
    for (const table of CAMPAIGN_TABLES) {
      if (table.shared === 'history') continue;
      if (table.shared) continue;
      expect(after[table.name], table.name).toEqual([]);
    }
    // Judges went with it, except those another campaign still has.
    expect(ctx.db.prepare(`SELECT count(*) FROM judges WHERE id IN (SELECT judge_id FROM campaign_judges WHERE campaign_id = ?)`).pluck().get(committee)).toBeGreaterThan(0);
    expect(ctx.db.prepare(`SELECT count(*) FROM judges WHERE id NOT IN (SELECT judge_id FROM campaign_judges)`).pluck().get()).toBe(0);
    expect(ctx.db.prepare(`SELECT action FROM audit_log WHERE subject = ? ORDER BY id DESC LIMIT 1`).pluck().get(id)).toBe('campaign.delete');
    expect(campaignRows(ctx.db, committee)).toEqual(committeeBefore);
    expect((await ok<CampaignSummary[]>(app.dispatch('campaign:list', { includeArchived: true }))).map((c) => c.id)).toEqual([committee]);
    expect(await app.dispatch('campaign:get', { campaignId: id })).toMatchObject({ ok: false, error: { code: 'CAMPAIGN_NOT_FOUND' } });

    const restored = await ok<CampaignSummary>(app.dispatch('campaign:restore', { file: source(deleted.backupFile) }));
    expect(restored).toMatchObject({ id, name });
    const again = campaignRows(ctx.db, id);
    for (const table of CAMPAIGN_TABLES) {
      if (table.shared === 'history') continue;
      expect(again[table.name], table.name).toEqual(before[table.name]);
    }
    // The history: everything it held, plus the deletion and the restore.
    expect(again.audit_log).toEqual(expect.arrayContaining(before.audit_log));
    expect(ctx.db.prepare(`SELECT action FROM audit_log WHERE subject = ? ORDER BY id DESC LIMIT 2`).pluck().all(id)).toEqual(['campaign.restore', 'campaign.delete']);
    expect(again.audit_log.length).toBe(before.audit_log.length + 2);
    expect(campaignRows(ctx.db, committee)).toEqual(committeeBefore);

    // The signed snapshot still verifies bit for bit; certificates still verify with their status.
    const snapshots = await ok<{ id: string }[]>(app.dispatch('ranking:snapshots', { campaignId: id }));
    expect(snapshots.length).toBe(1);
    const verified = await ok<SnapshotVerification>(app.dispatch('ranking:verify', { campaignId: id, snapshotId: snapshots[0].id }));
    expect(verified).toMatchObject({ signatureValid: true, equal: true });
    for (const c of serials) expect(verifyCode(ctx.db, c.payload).status, c.serial).toBe(c.status);

    // Once it is back, the same backup is refused: restore never merges into a campaign.
    expect(await app.dispatch('campaign:restore', { file: source(deleted.backupFile) })).toMatchObject({
      ok: false,
      error: { code: 'CAMPAIGN_EXISTS', params: { id, file: path.basename(deleted.backupFile) } },
    });
    // The temporary copies a restore works on are gone.
    // (backups/auto holds the whole-data backups taken before the merges: a folder, not a campaign backup)
    expect(fs.readdirSync(path.join(app.dataDir, 'backups')).filter((f) => f !== 'auto')).toEqual([path.basename(deleted.backupFile)]);
    ctx.close();
  });

  it('restores into another installation, and a second delete of the same campaign writes a second file', async () => {
    const app = await publishedSample();
    const { id } = app;
    const before = campaignRows(app.ctx.db, id);
    const dir = tempDir('kepu-backups-');
    const first = await ok<{ backupFile: string }>(app.dispatch('campaign:delete', { campaignId: id, confirmName: app.ctx.campaigns.summary(id).name['zh-CN'], backupDir: dir }));
    expect(path.dirname(first.backupFile)).toBe(dir);
    await ok(app.dispatch('campaign:restore', { file: source(first.backupFile) }));
    const second = await ok<{ backupFile: string }>(app.dispatch('campaign:delete', { campaignId: id, confirmName: app.ctx.campaigns.summary(id).name['zh-CN'], backupDir: dir }));
    expect(second.backupFile).not.toBe(first.backupFile);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(BACKUP_EXTENSION))).toHaveLength(2);
    app.ctx.close();

    // A fresh data folder: no judges, issuers or counters yet; everything comes from the file.
    const other = openTestApp();
    await ok(other.dispatch('campaign:restore', { file: source(second.backupFile) }));
    const there = campaignRows(other.ctx.db, id);
    for (const table of CAMPAIGN_TABLES) {
      if (table.shared === 'history') continue;
      expect(there[table.name], table.name).toEqual(before[table.name]);
    }
    const snapshot = (await ok<{ id: string }[]>(other.dispatch('ranking:snapshots', { campaignId: id })))[0];
    expect(await ok(other.dispatch('ranking:verify', { campaignId: id, snapshotId: snapshot.id }))).toMatchObject({ signatureValid: true, equal: true });
    other.ctx.close();
  });

  it('refuses a name that is not the campaign\'s, or a folder it cannot write in, deleting nothing', async () => {
    const app = await publishedSample();
    const before = campaignRows(app.ctx.db, app.id);
    const dir = tempDir('kepu-backups-');
    for (const confirmName of ['', 'Sample', `${app.ctx.campaigns.summary(app.id).name.en}x`]) {
      expect(await app.dispatch('campaign:delete', { campaignId: app.id, confirmName, backupDir: dir })).toMatchObject({
        ok: false,
        error: { code: 'CAMPAIGN_DELETE_NAME_MISMATCH', params: { nameZh: app.ctx.campaigns.summary(app.id).name['zh-CN'] } },
      });
    }
    expect(fs.readdirSync(dir)).toEqual([]);
    // A "folder" that is a file: the backup cannot be written, so nothing is deleted.
    const notAFolder = path.join(dir, 'file.txt');
    fs.writeFileSync(notAFolder, 'x');
    expect(await app.dispatch('campaign:delete', { campaignId: app.id, confirmName: app.ctx.campaigns.summary(app.id).name.en, backupDir: notAFolder })).toMatchObject({
      ok: false,
      error: { code: 'BACKUP_UNWRITABLE', params: { dir: notAFolder } },
    });
    // Nor into the app's own keys folder.
    expect(await app.dispatch('campaign:delete', { campaignId: app.id, confirmName: app.ctx.campaigns.summary(app.id).name.en, backupDir: path.join(app.dataDir, 'keys') })).toMatchObject({
      ok: false,
      error: { code: 'PATH_IS_APP_DATA' },
    });
    expect(campaignRows(app.ctx.db, app.id)).toEqual(before);
    app.ctx.close();
  });

  it('refuses, naming the table, a backup whose ids other data took since', async () => {
    const app = await publishedSample();
    const deleted = await ok<{ backupFile: string }>(app.dispatch('campaign:delete', { campaignId: app.id, confirmName: app.ctx.campaigns.summary(app.id).name.en }));
    // An entry made after the deletion got a number one of the deleted entries had.
    const newer = await ok<CampaignSummary>(app.dispatch('campaign:create', { templateId: 'sichuan-influence-2023' }));
    const check = new Database(deleted.backupFile, { readonly: true });
    const takenId = check.prepare('SELECT min(id) FROM entries').pluck().get() as number;
    check.close();
    app.ctx.db
      .prepare(`INSERT INTO entries (id, campaign_id, reg_no, kind, title, entrant_type, entrant_name, created_at, updated_at) VALUES (?, ?, 'X-1', 'work', 't', 'unit', 'n', ?, ?)`)
      .run(takenId, newer.id, '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z');
    const taken = deleted.backupFile;
    const bytes = fs.readFileSync(taken);
    const result = await app.dispatch('campaign:restore', { file: { fileName: path.basename(taken), contentBase64: bytes.toString('base64') } });
    expect(result).toMatchObject({ ok: false, error: { code: 'BACKUP_CONFLICT', params: { table: 'entries', file: path.basename(taken) } } });
    expect(app.ctx.campaigns.exists(app.id)).toBe(false);
    app.ctx.close();
  });
});
