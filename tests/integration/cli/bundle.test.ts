import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CampaignSummary, ExportFile } from '../../../src-main/contract';
import { openTestApp, repoRoot, tempDir, ok } from '../../helpers';

function kepu(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'bin/kepu.mjs'), ...args], { encoding: 'utf8', env: { ...process.env, KEPU_LANG: 'en', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}


describe('kepu bundle', () => {
  it('verifies a bundle against the registered judge, refuses a tampered one, and merges', async () => {
    const coord = openTestApp();
    const judge = openTestApp();
    const works = await ok<CampaignSummary>(coord.dispatch('demo:load', {}));
    await ok(coord.dispatch('identity:create', { name: '组委会', passphrase: 'coordinator secret' }));
    await ok(judge.dispatch('identity:create', { name: 'Lin Xiao', passphrase: 'judge passphrase' }));
    const card = await ok<ExportFile>(judge.dispatch('identity:keycard', {}));
    const reg = await ok<{ judgeId: string }>(coord.dispatch('judge:registerKeyCard', { campaignId: works.id, card: { fileName: 'c', contentBase64: card.contentBase64 } }));
    coord.ctx.db.prepare('DELETE FROM assignments').run();
    await ok(coord.dispatch('assignment:run', { campaignId: works.id }));
    const pkg = await ok<{ file: string }>(coord.dispatch('package:export', { campaignId: works.id, judgeId: reg.judgeId, withMedia: false }));
    await ok(judge.dispatch('package:open', { path: pkg.file }));
    const bundle = await ok<ExportFile>(judge.dispatch('bundle:export', { campaignId: works.id }));
    coord.ctx.close();
    judge.ctx.close();

    const file = path.join(tempDir(), bundle.fileName);
    fs.writeFileSync(file, Buffer.from(bundle.contentBase64, 'base64'));
    const good = kepu(['bundle', 'verify', file, '--data-dir', coord.dataDir]);
    expect(good.code).toBe(0);
    expect(good.stdout).toMatch(/^valid: signed by Lin Xiao \([A-Z2-7-]{24}\), package pkg-[0-9a-f]{16}, revision 1, \d+ entries/);

    const bad = path.join(tempDir(), 'tampered.kepubundle');
    const bytes = fs.readFileSync(file);
    const at = bytes.indexOf(Buffer.from('"sig":"')) + 12;
    bytes[at] = bytes[at] === 0x41 ? 0x42 : 0x41;
    fs.writeFileSync(bad, bytes);
    const tampered = kepu(['bundle', 'verify', bad, '--data-dir', coord.dataDir]);
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toContain('tampered.kepubundle is not a valid result bundle');
    expect(kepu(['bundle', 'verify', file, '--data-dir', tempDir()]).stderr).toContain('which no judge in this data folder registered');

    const merged = kepu(['bundle', 'merge', file, '--campaign', works.id, '--data-dir', coord.dataDir]);
    expect(merged.code).toBe(0);
    expect(merged.stdout).toContain(`ACCEPTED\t${bundle.fileName}\tLin Xiao r1`);
    const zh = kepu(['bundle', 'merge', file, bad, '--campaign', works.id, '--data-dir', coord.dataDir], { KEPU_LANG: 'zh-CN' });
    expect(zh.code).toBe(1);
    expect(zh.stdout).toContain('重复');
    expect(zh.stdout).toContain('已拒收');
    expect(kepu(['bundle', 'merge', file, '--data-dir', coord.dataDir]).code).toBe(2);
  });
});
