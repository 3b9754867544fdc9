// Scoring rounds in the data (issue 14): the merged sample's scores are round 1; a definition
// change may give a list rounds but not remove or reorder a round that holds scores; round:list
// says where each list stands; round:close closes the current round only, with a reason, an audit
// row and the next round becoming current.
import { describe, expect, it } from 'vitest';
import type { CampaignDefinition, ListRounds, RoundListView } from '../../../src-main/contract';
import { ok, openMergedSample } from '../../helpers';
import { scoringRound as scoring } from '../../round-defs';

const FIRST = scoring('first', 'First round', '初评');
const FINAL = scoring('final', 'Final round', '终评');

function withRounds(def: CampaignDefinition, rounds: unknown[]): CampaignDefinition {
  return { ...def, lists: def.lists.map((l, i) => (i === 0 ? { ...l, rounds: rounds as never } : l)) };
}

describe('scoring rounds', () => {
  it('keep a round that holds scores in its place; rounds may be given and added after', async () => {
    const app = await openMergedSample();
    const campaignId = app.works.id;
    const def = app.ctx.campaigns.definition(campaignId);
    const held = app.ctx.db.prepare('SELECT count(*) FROM scores WHERE round_no = 1').pluck().get() as number;
    expect(held).toBeGreaterThan(0);
    expect(app.ctx.db.prepare('SELECT count(*) FROM scores WHERE round_no <> 1').pluck().get()).toBe(0);
    // A list without rounds held round 1: giving it rounds keeps its scores in the first one.
    await ok(app.dispatch('campaign:updateDefinition', { campaignId, definition: withRounds(def, [FIRST, FINAL]), reason: 'two rounds' }));
    const now = app.ctx.campaigns.definition(campaignId);
    for (const [rounds, what] of [[[FINAL, FIRST], 'reordered'], [[FINAL], 'removed'], [[scoring('prelim', 'Renamed key', '初'), FINAL], 'rekeyed']] as const) {
      const refused = await app.dispatch('campaign:updateDefinition', { campaignId, definition: withRounds(now, [...rounds]), reason: what });
      expect(refused, what).toMatchObject({ ok: false, error: { code: 'DEFINITION_ROUND_HAS_SCORES', params: { list: def.lists[0].key, round: 'first', roundNo: 1 } } });
    }
    expect(app.ctx.campaigns.definition(campaignId).lists[0].rounds!.map((r) => r.key)).toEqual(['first', 'final']);
    // The empty final round may still go, and a third round may be added.
    await ok(app.dispatch('campaign:updateDefinition', { campaignId, definition: withRounds(now, [FIRST, FINAL, scoring('extra', 'Extra', '加评')]), reason: 'third' }));
    await ok(app.dispatch('campaign:updateDefinition', { campaignId, definition: withRounds(now, [FIRST]), reason: 'one' }));
    app.ctx.close();
  });

  it('list each list\'s rounds and close only the current one, with a reason and an audit row', async () => {
    const app = await openMergedSample();
    const campaignId = app.works.id;
    const def = app.ctx.campaigns.definition(campaignId);
    await ok(app.dispatch('campaign:updateDefinition', { campaignId, definition: withRounds(def, [FIRST, FINAL]), reason: 'two rounds' }));
    const listKey = def.lists[0].key;
    const view = await ok<RoundListView>(app.dispatch('round:list', { campaignId }));
    const first = view.lists[0];
    expect(first).toMatchObject({ key: listKey, hasRounds: true, current: 1 });
    expect(first.rounds.map((r) => [r.roundNo, r.key, r.status])).toEqual([[1, 'first', 'current'], [2, 'final', 'open']]);
    const assigned = app.ctx.db
      .prepare('SELECT count(*) FROM assignments WHERE round_no = 1 AND entry_id IN (SELECT id FROM entries WHERE campaign_id = ?)')
      .pluck()
      .get(campaignId) as number;
    const all = view.lists.reduce((n, l) => n + l.rounds.reduce((m, r) => m + r.counts.assigned, 0), 0);
    expect(all).toBe(assigned);
    expect(first.rounds[0].counts.complete).toBeGreaterThan(0);
    expect(first.rounds[1].counts).toEqual({ assigned: 0, complete: 0 });
    // A list without rounds has its one round, with no key.
    expect(view.lists[1]).toMatchObject({ hasRounds: false, current: 1, rounds: [{ roundNo: 1, key: null, name: null, status: 'current' }] });

    expect(await app.dispatch('round:close', { campaignId, listKey, roundNo: 1, reason: '  ' })).toMatchObject({ ok: false, error: { code: 'ROUND_CLOSE_REASON_REQUIRED' } });
    expect(await app.dispatch('round:close', { campaignId, listKey, roundNo: 2, reason: 'early' })).toMatchObject({ ok: false, error: { code: 'ROUND_NOT_CURRENT', params: { current: 1 } } });
    expect(await app.dispatch('round:close', { campaignId, listKey, roundNo: 3, reason: 'x' })).toMatchObject({ ok: false, error: { code: 'ROUND_UNKNOWN' } });
    expect(await app.dispatch('round:close', { campaignId, listKey: 'nope', roundNo: 1, reason: 'x' })).toMatchObject({ ok: false, error: { code: 'ROUND_UNKNOWN' } });
    expect(app.ctx.db.prepare('SELECT count(*) FROM round_closures').pluck().get()).toBe(0);

    const closed = await ok<ListRounds>(app.dispatch('round:close', { campaignId, listKey, roundNo: 1, reason: '初评结束' }));
    expect(closed.current).toBe(2);
    expect(closed.rounds.map((r) => r.status)).toEqual(['closed', 'current']);
    expect(closed.rounds[0].closed).toMatchObject({ reason: '初评结束' });
    const audit = app.ctx.db.prepare(`SELECT subject, details_json FROM audit_log WHERE action = 'round.close'`).all() as { subject: string; details_json: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0].subject).toBe(campaignId);
    expect(JSON.parse(audit[0].details_json)).toEqual({ list: listKey, roundNo: 1, round: 'first', reason: '初评结束' });
    expect(await app.dispatch('round:close', { campaignId, listKey, roundNo: 1, reason: 'again' })).toMatchObject({ ok: false, error: { code: 'ROUND_ALREADY_CLOSED' } });
    // A recorded closure cannot be changed.
    expect(() => app.ctx.db.prepare(`UPDATE round_closures SET reason = 'x'`).run()).toThrow(/cannot be changed/);
    app.ctx.close();
  });

  it('assign a list\'s current round with its panel and judges per entry, to the entries named for it, never to a failed formal check', async () => {
    const app = await openMergedSample();
    const campaignId = app.works.id;
    const def = app.ctx.campaigns.definition(campaignId);
    const listKey = def.lists[0].key;
    const judges = app.ctx.judges.list(campaignId).map((j) => j.id);
    const panel = judges.slice(0, 3);
    const formal = { key: 'formal', name: { 'zh-CN': '形式审查', en: 'Formal check' }, kind: 'formal' as const };
    await ok(app.dispatch('campaign:updateDefinition', { campaignId, definition: withRounds(def, [formal, FIRST, { ...FINAL, panel, judgesPerEntry: 2 }]), reason: 'rounds' }));
    const roundOne = () => app.ctx.db.prepare('SELECT entry_id, judge_id, source, assigned_at FROM assignments WHERE round_no = 1 ORDER BY entry_id, judge_id').all();
    const before = roundOne();
    const checks = await ok<{ entries: { entryId: number; regNo: string }[] }>(app.dispatch('formalCheck:list', { campaignId }));
    const [failed, ...rest] = checks.entries;
    await ok(app.dispatch('formalCheck:set', { campaignId, entryId: failed.entryId, verdict: 'fail', reason: '非健康主题' }));
    const shortlist = [failed.entryId, ...rest.slice(0, 4).map((e) => e.entryId)];

    // Round 1 is current: the run tops up round 1 only.
    const first = await ok<{ rounds: unknown[]; formalFailed: unknown[] }>(app.dispatch('assignment:run', { campaignId, roundEntries: { [listKey]: shortlist } }));
    expect(first.rounds).toContainEqual({ list: listKey, roundNo: 1, entries: rest.length, skipped: null });
    expect(first.formalFailed).toEqual([{ entryId: failed.entryId, regNo: failed.regNo }]);
    expect(app.ctx.db.prepare('SELECT count(*) FROM assignments WHERE round_no <> 1').pluck().get()).toBe(0);

    await ok(app.dispatch('round:close', { campaignId, listKey, roundNo: 1, reason: '初评结束' }));
    const roundOneNow = roundOne();
    // Round 2 without its entries: nothing is assigned, and the result says why.
    const none = await ok<{ added: number; rounds: unknown[] }>(app.dispatch('assignment:run', { campaignId }));
    expect(none.rounds).toContainEqual({ list: listKey, roundNo: 2, entries: 0, skipped: 'no_entry_set' });
    expect(app.ctx.db.prepare('SELECT count(*) FROM assignments WHERE round_no = 2').pluck().get()).toBe(0);

    const second = await ok<{ rounds: unknown[] }>(app.dispatch('assignment:run', { campaignId, roundEntries: { [listKey]: shortlist } }));
    expect(second.rounds).toContainEqual({ list: listKey, roundNo: 2, entries: 4, skipped: null });
    const pairs = app.ctx.db.prepare('SELECT entry_id, judge_id FROM assignments WHERE round_no = 2 ORDER BY entry_id, judge_id').all() as { entry_id: number; judge_id: string }[];
    expect(new Set(pairs.map((p) => p.entry_id))).toEqual(new Set(shortlist.slice(1)));
    for (const p of pairs) expect(panel).toContain(p.judge_id);
    for (const id of shortlist.slice(1)) expect(pairs.filter((p) => p.entry_id === id)).toHaveLength(2);
    // The entry's judges are those of its round now; a manual change is made in that round.
    const target = shortlist[1];
    const shown = await ok<{ judges: { judgeId: string; assigned: boolean }[] }>(app.dispatch('assignment:entry', { campaignId, entryId: target }));
    expect(shown.judges.filter((j) => j.assigned).map((j) => j.judgeId).sort()).toEqual(pairs.filter((p) => p.entry_id === target).map((p) => p.judge_id).sort());
    const extra = panel.find((j) => !pairs.some((p) => p.entry_id === target && p.judge_id === j))!;
    await ok(app.dispatch('assignment:set', { campaignId, entryId: target, judgeId: extra, assigned: true }));
    expect(app.ctx.db.prepare(`SELECT round_no, source FROM assignments WHERE entry_id = ? AND judge_id = ? AND source = 'manual'`).all(target, extra)).toEqual([{ round_no: 2, source: 'manual' }]);
    await ok(app.dispatch('assignment:set', { campaignId, entryId: target, judgeId: extra, assigned: false }));
    // Round 1's assignments are as they were.
    expect(roundOne()).toEqual(roundOneNow);
    expect(roundOneNow.length).toBeGreaterThanOrEqual(before.length);
    app.ctx.close();
  });
  it('assign the next round to the previous round\'s shortlist when no entries are named', async () => {
    const app = await openMergedSample();
    const campaignId = app.works.id;
    const def = app.ctx.campaigns.definition(campaignId);
    const listKey = def.lists[0].key;
    const panel = app.ctx.judges.list(campaignId).map((j) => j.id).slice(0, 3);
    await ok(app.dispatch('campaign:updateDefinition', { campaignId, definition: withRounds(def, [FIRST, { ...FINAL, panel, judgesPerEntry: 3 }]), reason: 'rounds' }));
    // Round 1's scores are the merged sample's: shortlist the top 30 % of each category, close round 1.
    const made = await ok<{ categories: { lines: { entryId: number; in: boolean }[] }[] }>(app.dispatch('shortlist:make', { campaignId, listKey, roundNo: 1, rule: { by: 'percent', value: 30 } }));
    const shortlisted = new Set(made.categories.flatMap((c) => c.lines.filter((l) => l.in).map((l) => l.entryId)));
    expect(shortlisted.size).toBeGreaterThan(0);
    await ok(app.dispatch('round:close', { campaignId, listKey, roundNo: 1, reason: '初评结束' }));

    const run = await ok<{ rounds: unknown[] }>(app.dispatch('assignment:run', { campaignId }));
    expect(run.rounds).toContainEqual({ list: listKey, roundNo: 2, entries: shortlisted.size, skipped: null });
    const pairs = app.ctx.db.prepare('SELECT entry_id, judge_id FROM assignments WHERE round_no = 2').all() as { entry_id: number; judge_id: string }[];
    expect(new Set(pairs.map((p) => p.entry_id))).toEqual(shortlisted);
    for (const p of pairs) expect(panel).toContain(p.judge_id);
  });
});

