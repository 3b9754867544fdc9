// kepu campaign archive / delete / restore: the real command, a real data folder. Failures are
// coded (exit 1, one JSON object with --json, one line ending in [CODE] without), usage exit 2.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CampaignSummary } from '../../../src-main/contract';
import { ok, openTestApp, repoRoot, tempDir } from '../../helpers';

function kepu(args: string[], lang = 'en') {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'bin/kepu.mjs'), ...args], { encoding: 'utf8', env: { ...process.env, KEPU_LANG: lang } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('kepu campaign archive | delete | restore', () => {
  it('archives and un-archives, deletes behind a backup whose path it prints, and restores from it', async () => {
    const { ctx, dispatch, dataDir } = openTestApp();
    const works = await ok<CampaignSummary>(dispatch('demo:load', {}));
    ctx.close();
    const dir = ['--data-dir', dataDir];
    const ids = (args: string[]) => (JSON.parse(kepu(['campaign', 'list', ...args, ...dir, '--json']).stdout) as CampaignSummary[]).map((c) => c.id);

    const archived = kepu(['campaign', 'archive', '--campaign', works.id, '--reason', 'season over', ...dir, '--json']);
    expect(archived.code).toBe(0);
    expect(JSON.parse(archived.stdout)).toMatchObject({ ok: true, campaign: { id: works.id, archived: { reason: 'season over' } } });
    expect(ids([])).not.toContain(works.id);
    // The text list shows archived campaigns only with --all, marked.
    expect(kepu(['campaign', 'list', '--all', ...dir]).stdout).toMatch(new RegExp(`${works.id}\\t.*\\[archived\\]`));

    // A change to it fails with its code, in both forms, naming the campaign.
    const csv = path.join(repoRoot, 'tests/fixtures/intake/sichuan-registrations.utf8-bom.csv');
    const refusedJson = kepu(['import', csv, '--campaign', works.id, ...dir, '--json']);
    expect(refusedJson.code).toBe(1);
    expect(JSON.parse(refusedJson.stdout)).toMatchObject({ ok: false, code: 'CAMPAIGN_ARCHIVED', params: { id: works.id } });
    const refusedZh = kepu(['import', csv, '--campaign', works.id, ...dir], 'zh-CN');
    expect(refusedZh.code).toBe(1);
    expect(refusedZh.stderr).toContain(`“${works.name['zh-CN']}”`);
    expect(refusedZh.stderr).toContain('已归档');
    expect(refusedZh.stderr.trim()).toMatch(/\[CAMPAIGN_ARCHIVED\]$/);

    expect(kepu(['campaign', 'archive', '--campaign', works.id, '--undo', ...dir]).stdout).toContain('restored to the campaign list');

    const backups = tempDir('kepu-cli-backups-');
    const deleted = kepu(['campaign', 'delete', '--campaign', works.id, '--backup-dir', backups, ...dir, '--json']);
    expect(deleted.code).toBe(0);
    const { backupFile } = JSON.parse(deleted.stdout) as { backupFile: string };
    expect(path.dirname(backupFile)).toBe(backups);
    expect(fs.existsSync(backupFile)).toBe(true);

    const restored = kepu(['campaign', 'restore', '--from', backupFile, ...dir]);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain(`restored ${works.id}`);
    expect(ids([])).toContain(works.id);
    const again = kepu(['campaign', 'restore', '--from', backupFile, ...dir, '--json']);
    expect(again.code).toBe(1);
    expect(JSON.parse(again.stdout)).toMatchObject({ ok: false, code: 'CAMPAIGN_EXISTS', params: { id: works.id, file: path.basename(backupFile) } });

    // Without --backup-dir the backup goes to the data folder's backups/, and the text names it.
    const plain = kepu(['campaign', 'delete', '--campaign', works.id, ...dir]);
    expect(plain.code).toBe(0);
    const written = fs.readdirSync(path.join(dataDir, 'backups')).filter((f) => f.endsWith('.kepubackup'));
    expect(written).toHaveLength(1);
    expect(plain.stdout).toContain(path.join(dataDir, 'backups', written[0]));
  });

  it('refuses a file that is not a backup with its code, and usage errors with exit 2', () => {
    const dataDir = tempDir();
    const bogus = path.join(tempDir(), 'notes.kepubackup');
    fs.writeFileSync(bogus, 'hello');
    const refused = kepu(['campaign', 'restore', '--from', bogus, '--data-dir', dataDir, '--json']);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ ok: false, code: 'BACKUP_INVALID', params: { file: 'notes.kepubackup' } });
    const missing = kepu(['campaign', 'restore', '--from', path.join(dataDir, 'nope.kepubackup'), '--data-dir', dataDir]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope.kepubackup');
    expect(missing.stderr).toContain('[BACKUP_INVALID]');
    expect(kepu(['campaign', 'delete', '--data-dir', dataDir]).code).toBe(2);
    expect(kepu(['campaign', 'archive', '--data-dir', dataDir, '--json']).code).toBe(2);
    expect(kepu(['campaign', 'delete', '--campaign', 'nope', '--data-dir', dataDir, '--json'])).toMatchObject({ code: 1 });
  });
});
