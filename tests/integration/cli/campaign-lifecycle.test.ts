// kepu campaign archive / delete / restore: the real command, a real data folder. Failures are
// coded (exit 1, one JSON object with --json, one line ending in [CODE] without), usage exit 2.
// Each command start costs seconds on a busy machine: the tests keep to a few each.
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

async function sampleFolder() {
  const app = openTestApp();
  const works = await ok<CampaignSummary>(app.dispatch('demo:load', {}));
  app.ctx.close();
  return { dataDir: app.dataDir, works };
}

/** The default campaign list, read in-process (the CLI's list is the same channel). */
async function listedIds(dataDir: string): Promise<string[]> {
  const app = openTestApp(dataDir);
  const list = await ok<CampaignSummary[]>(app.dispatch('campaign:list', {}));
  app.ctx.close();
  return list.map((c) => c.id);
}

describe('kepu campaign archive | delete | restore', () => {
  it('archives (then a change is refused with its code, naming the campaign) and un-archives', async () => {
    const { dataDir, works } = await sampleFolder();
    const dir = ['--data-dir', dataDir];
    const archived = kepu(['campaign', 'archive', '--campaign', works.id, '--reason', 'season over', ...dir, '--json']);
    expect(archived.code).toBe(0);
    expect(JSON.parse(archived.stdout)).toMatchObject({ ok: true, campaign: { id: works.id, archived: { reason: 'season over' } } });
    expect(await listedIds(dataDir)).not.toContain(works.id);
    // The text list shows archived campaigns only with --all, marked.
    expect(kepu(['campaign', 'list', '--all', ...dir]).stdout).toMatch(new RegExp(`${works.id}\\t.*\\[archived\\]`));

    const csv = path.join(repoRoot, 'tests/fixtures/intake/sichuan-registrations.utf8-bom.csv');
    const refused = kepu(['import', csv, '--campaign', works.id, ...dir], 'zh-CN');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`“${works.name['zh-CN']}”`);
    expect(refused.stderr).toContain('已归档');
    expect(refused.stderr.trim()).toMatch(/\[CAMPAIGN_ARCHIVED\]$/);

    const undone = kepu(['campaign', 'archive', '--campaign', works.id, '--undo', ...dir, '--json']);
    expect(JSON.parse(undone.stdout)).toMatchObject({ ok: true, campaign: { id: works.id, archived: null } });
    expect(await listedIds(dataDir)).toContain(works.id);
  });

  it('deletes behind a backup whose path it prints, restores from it, and refuses a second restore', async () => {
    const { dataDir, works } = await sampleFolder();
    const dir = ['--data-dir', dataDir];
    const backups = tempDir('kepu-cli-backups-');
    const deleted = kepu(['campaign', 'delete', '--campaign', works.id, '--backup-dir', backups, ...dir]);
    expect(deleted.code).toBe(0);
    const files = fs.readdirSync(backups).filter((f) => f.endsWith('.kepubackup'));
    expect(files).toHaveLength(1);
    const backupFile = path.join(backups, files[0]);
    expect(deleted.stdout).toContain(backupFile);
    expect(await listedIds(dataDir)).not.toContain(works.id);

    const restored = kepu(['campaign', 'restore', '--from', backupFile, ...dir, '--json']);
    expect(restored.code).toBe(0);
    expect(JSON.parse(restored.stdout)).toMatchObject({ ok: true, campaign: { id: works.id, entryCount: works.entryCount } });
    const again = kepu(['campaign', 'restore', '--from', backupFile, ...dir, '--json']);
    expect(again.code).toBe(1);
    expect(JSON.parse(again.stdout)).toMatchObject({ ok: false, code: 'CAMPAIGN_EXISTS', params: { id: works.id, file: files[0] } });
  });

  it('refuses a file that is not a backup with its code, and a missing option with exit 2', () => {
    const dataDir = tempDir();
    const bogus = path.join(tempDir(), 'notes.kepubackup');
    fs.writeFileSync(bogus, 'hello');
    const refused = kepu(['campaign', 'restore', '--from', bogus, '--data-dir', dataDir, '--json']);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ ok: false, code: 'BACKUP_INVALID', params: { file: 'notes.kepubackup' } });
    const missing = kepu(['campaign', 'restore', '--from', path.join(dataDir, 'nope.kepubackup'), '--data-dir', dataDir]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope.kepubackup');
    expect(missing.stderr.trim()).toMatch(/\[BACKUP_INVALID\]$/);
    expect(kepu(['campaign', 'delete', '--data-dir', dataDir]).code).toBe(2);
  });
});
