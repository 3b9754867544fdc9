// kepu round list: the real command over a real data folder — lists without rounds say so, a list
// with a formal round shows it in order with its counts (JSON and text, both languages).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CampaignDefinition, CampaignSummary, FormalCheckView } from '../../../src-main/contract';
import { ok, openTestApp, repoRoot } from '../../helpers';

function kepu(args: string[], lang = 'en') {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'bin/kepu.mjs'), ...args], { encoding: 'utf8', env: { ...process.env, KEPU_LANG: lang } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('kepu round list', () => {
  it('lists each list with its rounds and the formal check counts', async () => {
    const app = openTestApp();
    const works = await ok<CampaignSummary>(app.dispatch('demo:load', {}));
    const def = app.ctx.campaigns.definition(works.id);
    const rounds = [
      { key: 'formal', name: { 'zh-CN': '形式审查', en: 'Formal check' }, kind: 'formal' as const },
      { key: 'first', name: { 'zh-CN': '初评', en: 'First round' }, kind: 'scoring' as const, panel: null, judgesPerEntry: null, rubric: null, dueAt: null, shortlist: null, carryOver: 0 },
    ];
    const next: CampaignDefinition = { ...def, lists: def.lists.map((l, i) => (i === 0 ? { ...l, rounds } : l)) };
    await ok(app.dispatch('campaign:updateDefinition', { campaignId: works.id, definition: next, reason: 'formal check' }));
    const view = await ok<FormalCheckView>(app.dispatch('formalCheck:list', { campaignId: works.id }));
    const one = view.entries[0];
    await ok(app.dispatch('formalCheck:set', { campaignId: works.id, entryId: one.entryId, verdict: 'fix_needed', reason: 'video too long' }));
    app.ctx.close();
    const dir = ['--data-dir', app.dataDir];

    const json = kepu(['round', 'list', '--campaign', works.id, ...dir, '--json']);
    expect(json.code).toBe(0);
    const out = JSON.parse(json.stdout);
    expect(out.ok).toBe(true);
    expect(out.lists.map((l: { key: string }) => l.key)).toEqual(def.lists.map((l) => l.key));
    expect(out.lists[0].rounds.map((r: { key: string; kind: string }) => [r.key, r.kind])).toEqual([['formal', 'formal'], ['first', 'scoring']]);
    expect(out.lists[0].rounds[0].counts).toEqual({ entries: view.entries.length, unchecked: view.entries.length - 1, pass: 0, fail: 0, fix_needed: 1 });
    expect(out.lists[0].rounds[1].counts).toBeNull();
    expect(out.lists[1].rounds).toEqual([]);

    const text = kepu(['round', 'list', '--campaign', works.id, ...dir], 'zh-CN');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`1. formal\t形式审查\t形式审查\t${view.entries.length} 件：未审查 ${view.entries.length - 1}，通过 0，需补正 1，不通过 0`);
    expect(text.stdout).toContain('2. first\t评分轮\t初评');
    expect(text.stdout).toContain('一轮评分（未设置轮次）');

    const usage = kepu(['round', 'list', ...dir, '--json']);
    expect(usage.code).toBe(2);
    expect(JSON.parse(usage.stdout)).toMatchObject({ ok: false, code: 'CLI_USAGE' });
    const unknown = kepu(['round', 'list', '--campaign', 'nope', ...dir]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toMatch(/\[CAMPAIGN_NOT_FOUND\]$/);
  });
});
