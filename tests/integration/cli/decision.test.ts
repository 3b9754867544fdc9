// `kepu decision set|list` over the merged sample: a disqualification by registration number is
// recorded with its reason and holds the entry in `kepu rank`; the list shows it (in Chinese too);
// refusals exit 1 with their codes; a lock file written before the decision no longer verifies and
// names the decisions on entries as what changed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CampaignSummary } from '../../../src-main/contract';
import { ok, openTestApp, repoRoot } from '../../helpers';

function kepu(args: string[], lang = 'en') {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'bin/kepu.mjs'), ...args], { encoding: 'utf8', env: { ...process.env, KEPU_LANG: lang } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('kepu decision', () => {
  it('records a decision by registration number, lists it, holds the entry, and refuses what does not apply', async () => {
    const { ctx, dispatch, dataDir } = openTestApp();
    const works = await ok<CampaignSummary>(dispatch('demo:load', {}));
    const dir = path.join(dataDir, 'sample-bundles');
    await ok(dispatch('bundle:merge', { campaignId: works.id, files: fs.readdirSync(dir).map((f) => ({ fileName: f, contentBase64: fs.readFileSync(path.join(dir, f)).toString('base64') })) }));
    ctx.close();
    const lockFile = path.join(dataDir, 'before.json');
    expect(kepu(['rank', '--campaign', works.id, '--data-dir', dataDir, '--lock', lockFile]).code).toBe(0);

    const set = kepu(['decision', 'set', '--campaign', works.id, '--entry', 'SC2023-0004', '--kind', 'disqualify', '--reason', '抄袭他人作品', '--data-dir', dataDir, '--json']);
    expect(set.code).toBe(0);
    const state = JSON.parse(set.stdout);
    expect(state).toMatchObject({ ok: true, regNo: 'SC2023-0004', current: [{ kind: 'disqualify', reason: '抄袭他人作品', actor: 'local' }] });

    const text = kepu(['decision', 'list', '--campaign', works.id, '--data-dir', dataDir]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('SC2023-0004');
    expect(text.stdout).toMatch(/Disqualified by local on \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\+08:00, because: 抄袭他人作品/);
    const zh = kepu(['decision', 'list', '--campaign', works.id, '--entry', 'SC2023-0004', '--data-dir', dataDir], 'zh-CN');
    expect(zh.stdout).toContain('已取消资格（local，');
    expect(zh.stdout).toContain('理由：抄袭他人作品');
    // The ranking the app computes holds it with the reason and who.
    const again = openTestApp(dataDir);
    const held = again.ctx.ranking.compute(works.id).outcome.categories.flatMap((c) => c.lists[c.method]!.held).find((h) => h.regNo === 'SC2023-0004');
    expect(held?.flags).toEqual([{ code: 'disqualified', params: { reason: '抄袭他人作品', by: 'local' } }]);
    again.ctx.close();

    const nothing = kepu(['decision', 'set', '--campaign', works.id, '--entry', 'SC2023-0001', '--kind', 'reinstate', '--reason', 'x', '--data-dir', dataDir, '--json']);
    expect(nothing.code).toBe(1);
    expect(JSON.parse(nothing.stdout)).toMatchObject({ ok: false, code: 'DECISION_NOTHING_TO_CANCEL' });

    const verify = kepu(['rank', '--verify', lockFile, '--data-dir', dataDir]);
    expect(verify.code).toBe(1);
    expect(verify.stderr).toContain('the decisions on entries changed');
  });
});
