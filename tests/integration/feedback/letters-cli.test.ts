// kepu letters export (issue 19): the same letters from the command line, with usage errors (exit
// 2), a JSON report, the chosen language and the files on disk.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CampaignDetail } from '../../../src-main/contract';
import { ok, openMergedSample, repoRoot, tempDir } from '../../helpers';

const KEPU = path.join(repoRoot, 'bin/kepu.mjs');

function kepu(args: string[]) {
  const r = spawnSync(process.execPath, [KEPU, ...args], { encoding: 'utf8', env: { ...process.env, KEPU_LANG: 'en' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('kepu letters export', () => {
  it('writes the letters, drafts and mail-merge files of a published list', async () => {
    const app = await openMergedSample();
    const campaign = await ok<CampaignDetail>(app.dispatch('campaign:get', { campaignId: app.works.id }));
    const list = campaign.definition.lists[0].key;
    const common = ['--campaign', app.works.id, '--list', list, '--data-dir', app.dataDir];
    await ok(app.dispatch('identity:create', { name: '组委会', passphrase: 'coordinator secret' }));
    const unpublished = kepu(['letters', 'export', ...common, '--out', tempDir()]);
    await ok(app.dispatch('ranking:lock', { campaignId: app.works.id }));
    app.ctx.close();
    expect(unpublished.code).toBe(1);
    expect(unpublished.stderr).toContain('[LETTERS_NO_PUBLISHED_RANKING]');
    expect(kepu(['letters', 'export', ...common]).code).toBe(2);
    expect(kepu(['letters', 'export', ...common, '--out', tempDir(), '--language', 'fr']).code).toBe(2);

    const out = tempDir();
    const r = kepu(['letters', 'export', ...common, '--out', out, '--language', 'zh-CN', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { letters: number; files: string[]; cancelled: boolean };
    expect(report.cancelled).toBe(false);
    expect(report.letters).toBeGreaterThan(0);
    expect(fs.readdirSync(out).sort()).toEqual(report.files.map((f) => path.basename(f)).sort());
    const letter = execFileSync('pdftotext', [report.files[0], '-'], { encoding: 'utf8' });
    expect(letter).toContain('评选结果通知书');
    expect(letter).not.toContain('Result letter');

    const plain = kepu(['letters', 'export', ...common, '--out', tempDir()]);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toMatch(/result letters? of list/);
  });
});
