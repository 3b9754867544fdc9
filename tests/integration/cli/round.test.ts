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

  it('closes the current scoring round by key, with a reason; closing it twice fails with its code', async () => {
    const app = openTestApp();
    const works = await ok<CampaignSummary>(app.dispatch('demo:load', {}));
    const def = app.ctx.campaigns.definition(works.id);
    const scoring = (key: string, zh: string, en: string) => ({ key, name: { 'zh-CN': zh, en }, kind: 'scoring' as const, panel: null, judgesPerEntry: null, rubric: null, dueAt: null, shortlist: null, carryOver: 0 });
    const next: CampaignDefinition = { ...def, lists: def.lists.map((l, i) => (i === 0 ? { ...l, rounds: [scoring('first', '初评', 'First round'), scoring('final', '终评', 'Final round')] } : l)) };
    await ok(app.dispatch('campaign:updateDefinition', { campaignId: works.id, definition: next, reason: 'rounds' }));
    app.ctx.close();
    const dir = ['--data-dir', app.dataDir];
    const listKey = def.lists[0].key;

    const noReason = kepu(['round', 'close', '--campaign', works.id, '--list', listKey, '--round', 'first', ...dir, '--json']);
    expect(noReason.code).toBe(2);
    const unknown = kepu(['round', 'close', '--campaign', works.id, '--list', listKey, '--round', 'semi', '--reason', 'x', ...dir, '--json']);
    expect(unknown.code).toBe(1);
    expect(JSON.parse(unknown.stdout)).toMatchObject({ ok: false, code: 'ROUND_UNKNOWN' });

    const closed = kepu(['round', 'close', '--campaign', works.id, '--list', listKey, '--round', 'first', '--reason', '初评结束', ...dir, '--json']);
    expect(closed.code).toBe(0);
    const out = JSON.parse(closed.stdout);
    expect(out).toMatchObject({ ok: true, list: { key: listKey, current: 2 } });
    expect(out.list.rounds.map((r: { status: string }) => r.status)).toEqual(['closed', 'current']);

    const again = kepu(['round', 'close', '--campaign', works.id, '--list', listKey, '--round', 'first', '--reason', 'again', ...dir], 'zh-CN');
    expect(again.code).toBe(1);
    expect(again.stderr.trim()).toMatch(/已经结束.*\[ROUND_ALREADY_CLOSED\]$/);
    const text = kepu(['round', 'list', '--campaign', works.id, ...dir]);
    expect(text.stdout).toContain('1. first\tScoring round\tFirst round\tround 1, closed');
    expect(text.stdout).toContain('2. final\tScoring round\tFinal round\tround 2, current: 0 of 0 reviews complete');
    // The other list (no rounds) closes its one round by number.
    const other = kepu(['round', 'close', '--campaign', works.id, '--list', def.lists[1].key, '--round', '1', '--reason', 'done', ...dir, '--json']);
    expect(JSON.parse(other.stdout)).toMatchObject({ ok: true, list: { current: null, rounds: [{ roundNo: 1, status: 'closed' }] } });
  });
});
