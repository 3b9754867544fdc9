// kepu shortlist export / import: the real commands over two real data folders — the merged sample
// shortlisted top 30 % exported with the coordinator's key (passphrase from --passphrase-env), and
// imported into a new campaign of another data folder (JSON; the refusal in Chinese); a locked key,
// the same file twice and a missing file are refused with their codes.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CampaignSummary, ShortlistImportResult } from '../../../src-main/contract';
import { ok, openMergedSample, openTestApp, repoRoot, tempDir } from '../../helpers';

function kepu(args: string[], lang = 'en', env: Record<string, string> = {}) {
  const base = { ...process.env };
  delete base.KEPU_PASSPHRASE;
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'bin/kepu.mjs'), ...args], { encoding: 'utf8', env: { ...base, KEPU_LANG: lang, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('kepu shortlist export / import', () => {
  it('round-trips a shortlist file between two data folders', async () => {
    const origin = await openMergedSample();
    const campaignId = origin.works.id;
    await ok(origin.dispatch('identity:create', { name: '四川省卫生健康委员会', passphrase: 'correct horse battery' }));
    await ok(origin.dispatch('shortlist:make', { campaignId, listKey: 'influence', roundNo: 1, rule: { by: 'percent', value: 30 } }));
    origin.ctx.close();
    const target = openTestApp();
    const targetCampaign = await ok<CampaignSummary>(target.dispatch('campaign:create', { templateId: 'sichuan-influence-2023' }));
    target.ctx.close();

    const out = path.join(tempDir(), 'sc.kepulist');
    const exportArgs = ['shortlist', 'export', '--campaign', campaignId, '--list', 'influence', '--round', '1', '--out', out, '--data-dir', origin.dataDir];
    const locked = kepu([...exportArgs, '--json']);
    expect(locked.code).toBe(1);
    expect(JSON.parse(locked.stdout)).toMatchObject({ ok: false, code: 'KEY_LOCKED' });
    expect(fs.existsSync(out)).toBe(false);
    const exported = kepu([...exportArgs, '--passphrase-env', 'SC_PASS', '--json'], 'en', { SC_PASS: 'correct horse battery' });
    expect(exported.code, exported.stdout + exported.stderr).toBe(0);
    const report = JSON.parse(exported.stdout) as { file: string; entries: number };
    expect(report.file).toBe(out);
    expect(fs.statSync(out).size).toBeGreaterThan(0);

    const importArgs = ['shortlist', 'import', out, '--campaign', targetCampaign.id, '--data-dir', target.dataDir];
    const json = kepu([...importArgs, '--json']);
    expect(json.code, json.stdout + json.stderr).toBe(0);
    const result = JSON.parse(json.stdout) as ShortlistImportResult & { ok: boolean };
    expect(result).toMatchObject({ ok: true, imported: report.entries, preview: { origin: { organiser: '四川省卫生健康委员会' } } });
    expect(result.entries).toHaveLength(report.entries);

    // The same file again, in Chinese: refused, the file named.
    const again = kepu(importArgs, 'zh-CN');
    expect(again.code).toBe(1);
    expect(again.stdout + again.stderr).toContain('已于');
    expect(again.stdout + again.stderr).toContain('sc.kepulist');
    const missing = kepu(['shortlist', 'import', path.join(tempDir(), 'none.kepulist'), '--campaign', targetCampaign.id, '--data-dir', target.dataDir, '--json']);
    expect(JSON.parse(missing.stdout)).toMatchObject({ ok: false, code: 'SHORTLIST_FILE_UNREADABLE' });
    expect(kepu(['shortlist', 'export', '--campaign', campaignId]).code).toBe(2);
  });
});
