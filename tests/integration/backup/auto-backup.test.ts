// Automatic backups (issue 21): one before every merge and every publish, in backups/auto, the
// newest N kept; a backup that cannot be written blocks the step and changes nothing. And the
// command line: kepu backup create / list / restore on real folders.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BackupInfo, CampaignSummary } from '../../../src-main/contract';
import { autoBackupBefore, oneAutoBackupFor } from '../../../src-main/app/backup-handlers';
import { ok, openMergedSample, openTestApp, repoRoot, tempDir } from '../../helpers';

const autoFiles = (dataDir: string) => fs.readdirSync(path.join(dataDir, 'backups', 'auto')).filter((n) => n.endsWith('.kepubackup')).sort();
const scoreCount = (app: ReturnType<typeof openTestApp>) => Number(app.ctx.db.prepare('SELECT count(*) FROM scores').pluck().get());

function kepu(args: string[], lang = 'en') {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'bin/kepu.mjs'), ...args], { encoding: 'utf8', env: { ...process.env, KEPU_LANG: lang } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('automatic backups', () => {
  it('are taken before a merge and a publish, capped at N, and block the step when they cannot be written', async () => {
    const app = await openMergedSample();
    expect(autoFiles(app.dataDir)).toEqual([expect.stringMatching(/-before-merge\.kepubackup$/)]);
    await ok(app.dispatch('identity:create', { name: '王协调', passphrase: 'correct horse battery' }));
    await ok(app.dispatch('ranking:lock', { campaignId: app.works.id }));
    const list = await ok<BackupInfo[]>(app.dispatch('backup:list', {}));
    expect(list.map((b) => [b.kind, b.reason])).toEqual([['auto', 'before-publish'], ['auto', 'before-merge']]);
    // The publish's backup holds the merged scores, not the published snapshot (taken before it).
    expect(list[0].campaigns.find((c) => c.id === app.works.id)?.scores).toBeGreaterThan(0);

    expect(await ok(app.dispatch('backup:settings', {}))).toEqual({ autoKeep: 10 });
    expect(await ok(app.dispatch('backup:settings', { autoKeep: 3 }))).toEqual({ autoKeep: 3 });
    for (let i = 0; i < 4; i++) await autoBackupBefore(app.ctx, 'before-merge');
    const kept = autoFiles(app.dataDir);
    expect(kept).toHaveLength(3);
    expect(kept.every((n) => n.endsWith('-before-merge.kepubackup'))).toBe(true); // the oldest (the publish's) went first
    // A run of merges (kepu bundle merge in batches) is covered by one backup, taken before it.
    const bundles = fs.readdirSync(path.join(app.dataDir, 'sample-bundles')).map((f) => ({ fileName: f, contentBase64: fs.readFileSync(path.join(app.dataDir, 'sample-bundles', f)).toString('base64') }));
    const names = () => autoFiles(app.dataDir).join();
    await ok(app.dispatch('ranking:allowChanges', { campaignId: app.works.id })); // published above
    const beforeRun = names();
    await oneAutoBackupFor(app.ctx, 'before-merge', async () => {
      const afterFirst = names();
      expect(afterFirst).not.toBe(beforeRun);
      await ok(app.dispatch('bundle:merge', { campaignId: app.works.id, files: bundles.slice(0, 1) }));
      await ok(app.dispatch('bundle:merge', { campaignId: app.works.id, files: bundles.slice(1) }));
      expect(names()).toBe(afterFirst);
    });
    app.ctx.close();

    // Cannot be written (backups/auto is a file): the merge is refused and nothing is merged.
    const blocked = openTestApp();
    const works = await ok<CampaignSummary>(blocked.dispatch('demo:load', {}));
    fs.mkdirSync(path.join(blocked.dataDir, 'backups'), { recursive: true });
    fs.writeFileSync(path.join(blocked.dataDir, 'backups', 'auto'), 'in the way');
    const dir = path.join(blocked.dataDir, 'sample-bundles');
    const files = fs.readdirSync(dir).map((f) => ({ fileName: f, contentBase64: fs.readFileSync(path.join(dir, f)).toString('base64') }));
    const refused = await blocked.dispatch('bundle:merge', { campaignId: works.id, files });
    expect(refused).toMatchObject({ ok: false, error: { code: 'AUTO_BACKUP_FAILED', params: { dir: path.join(blocked.dataDir, 'backups', 'auto') } } });
    expect(scoreCount(blocked)).toBe(0);
    // Turned off (N = 0), the merge goes ahead without a backup.
    await ok(blocked.dispatch('backup:settings', { autoKeep: 0 }));
    await ok(blocked.dispatch('bundle:merge', { campaignId: works.id, files }));
    expect(scoreCount(blocked)).toBeGreaterThan(0);
    blocked.ctx.close();
  });

  it('kepu backup create, list and restore', async () => {
    const app = openTestApp();
    await ok(app.dispatch('demo:load', {}));
    app.ctx.close();
    const out = path.join(tempDir('kepu-cli-bk-'), 'all.kepubackup');
    const created = kepu(['backup', 'create', '--out', out, '--media', '--data-dir', app.dataDir, '--json']);
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ ok: true, file: out, mediaIncluded: true, campaigns: [expect.anything(), expect.anything()] });
    const target = path.join(tempDir('kepu-cli-restore-'), 'data');
    const restored = kepu(['backup', 'restore', out, '--data-dir', target]);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain(`Restored into ${target}: 2 campaign(s)`);
    expect(kepu(['campaign', 'list', '--data-dir', target, '--json']).stdout).toContain('sichuan-influence-2023');
    // Into a folder in use: refused with its code, in Chinese too.
    const again = kepu(['backup', 'restore', out, '--data-dir', target], 'zh-CN');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/不是空文件夹.*\[BACKUP_TARGET_NOT_EMPTY\]/);
    expect(JSON.parse(kepu(['backup', 'list', '--data-dir', target, '--json']).stdout)).toMatchObject({ ok: true, backups: [] });
    expect(kepu(['backup', 'nope']).code).toBe(2);
  });
});
