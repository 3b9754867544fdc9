// The shortlist between rounds over the merged sample, on a real SQLite file: preview stores
// nothing; making stores the ranked input with what the rule gave (a new version on remake, the old
// one kept); adjustments need a reason, apply latest-per-entry across remakes and are refused when
// they change nothing; every make and adjustment writes its audit row; shortlistedEntryIds answers
// what the view shows. The sample's scores differ per data folder, so the test compares with the
// ranking it reads, never with a fixed entry.
import { describe, expect, it } from 'vitest';
import type { AuditPage, CampaignDefinition, RankingSummary, ShortlistView } from '../../../src-main/contract';
import { shortlistedEntryIds } from '../../../src-main/core/shortlist/shortlist-repo';
import { ok, openMergedSample } from '../../helpers';

type RankingListResult = { rows: { entryId: number; regNo: string; rank: number | null; score: number | null }[] };

const round = (key: string, shortlist: { by: 'top' | 'percent' | 'threshold'; value: number } | null) => ({
  key,
  name: { 'zh-CN': key, en: key },
  kind: 'scoring' as const,
  panel: null,
  judgesPerEntry: null,
  rubric: null,
  dueAt: null,
  shortlist,
  carryOver: 0,
});

describe('shortlist channels', () => {
  it('previews, makes by 30 %, adjusts with reasons, remakes as a new version, and answers shortlistedEntryIds', async () => {
    const app = await openMergedSample();
    const campaignId = app.works.id;
    const key = { campaignId, listKey: 'influence', roundNo: 1 };

    const empty = await ok<ShortlistView>(app.dispatch('shortlist:get', key));
    expect(empty).toMatchObject({ made: null, definedRule: null, categories: [] });
    expect(shortlistedEntryIds(app.ctx.db, campaignId, 'influence', 1)).toBeNull();
    // No rounds in the sample definition, so no rule to default to.
    expect(await app.dispatch('shortlist:make', key)).toMatchObject({ ok: false, error: { code: 'SHORTLIST_NO_RULE' } });
    expect(await app.dispatch('shortlist:get', { ...key, roundNo: 2 })).toMatchObject({ ok: false, error: { code: 'SHORTLIST_ROUND_UNKNOWN' } });
    expect(await app.dispatch('shortlist:get', { ...key, listKey: 'nope' })).toMatchObject({ ok: false, error: { code: 'SHORTLIST_LIST_UNKNOWN' } });
    expect(await app.dispatch('shortlist:make', { ...key, rule: { by: 'percent', value: 120 } })).toMatchObject({ ok: false, error: { code: 'SHORTLIST_RULE_INVALID' } });
    expect(await app.dispatch('shortlist:adjust', { ...key, entryId: 1, action: 'add', reason: 'x' })).toMatchObject({ ok: false, error: { code: 'SHORTLIST_NOT_MADE' } });

    // The preview agrees with the ranking, category by category; nothing is stored.
    const rule = { by: 'percent' as const, value: 30 };
    const preview = await ok<ShortlistView>(app.dispatch('shortlist:preview', { ...key, rule }));
    const summary = await ok<RankingSummary>(app.dispatch('ranking:summary', { campaignId }));
    const influence = summary.categories.filter((c) => c.list === 'influence');
    expect(preview.categories.map((c) => [c.kind, c.category])).toEqual(influence.map((c) => [c.kind, c.category]));
    for (const c of preview.categories) {
      const s = influence.find((x) => x.kind === c.kind && x.category === c.category)!;
      expect(c.ranked).toBe(s.ranked);
      expect(c.held).toBe(s.held);
      expect(c.cut).toBe(Math.ceil((30 * s.ranked) / 100));
      expect(c.inCount).toBe((c.cut ?? 0) + c.addedByTie);
      const ranked = await ok<RankingListResult>(app.dispatch('ranking:list', { campaignId, kind: c.kind, category: c.category, section: 'ranked', offset: 0, limit: 500 }));
      const inside = c.lines.filter((l) => l.in);
      expect(inside.map((l) => l.entryId)).toEqual(ranked.rows.slice(0, inside.length).map((r) => r.entryId));
      expect(c.lines.filter((l) => l.why === 'held').every((l) => !l.in && l.place === null)).toBe(true);
      for (const l of c.lines.filter((x) => x.why === 'tie')) expect(l.total).toBe(c.cutTotal);
    }
    expect(preview.made?.version).toBe(0);
    expect(shortlistedEntryIds(app.ctx.db, campaignId, 'influence', 1)).toBeNull();

    const made = await ok<ShortlistView>(app.dispatch('shortlist:make', { ...key, rule }));
    expect(made.made).toMatchObject({ version: 1, rule });
    expect(made.categories).toEqual(preview.categories);
    const inIds = new Set(made.categories.flatMap((c) => c.lines.filter((l) => l.in).map((l) => l.entryId)));
    expect(shortlistedEntryIds(app.ctx.db, campaignId, 'influence', 1)).toEqual(inIds);
    expect(made.counts.in).toBe(inIds.size);
    // The ranked input is stored with the version: place and total of every line.
    const stored = app.ctx.db.prepare('SELECT count(*) FROM shortlist_lines').pluck().get() as number;
    expect(stored).toBe(made.categories.reduce((n, c) => n + c.lines.length, 0));

    // Remove one that is in, add one that is out, each with a reason.
    const big = made.categories.find((c) => c.lines.some((l) => l.why === 'out') && c.inCount > 0)!;
    const goingOut = big.lines.find((l) => l.in)!;
    const comingIn = big.lines.find((l) => l.why === 'out')!;
    expect(await app.dispatch('shortlist:adjust', { ...key, entryId: goingOut.entryId, action: 'remove', reason: '  ' })).toMatchObject({ ok: false, error: { code: 'SHORTLIST_REASON_REQUIRED' } });
    expect(await app.dispatch('shortlist:adjust', { ...key, entryId: comingIn.entryId, action: 'remove', reason: 'r' })).toMatchObject({ ok: false, error: { code: 'SHORTLIST_NOT_IN' } });
    expect(await app.dispatch('shortlist:adjust', { ...key, entryId: goingOut.entryId, action: 'add', reason: 'r' })).toMatchObject({ ok: false, error: { code: 'SHORTLIST_ALREADY_IN' } });
    expect(await app.dispatch('shortlist:adjust', { ...key, entryId: 999_999, action: 'add', reason: 'r' })).toMatchObject({ ok: false, error: { code: 'SHORTLIST_ENTRY_UNKNOWN' } });

    await ok(app.dispatch('shortlist:adjust', { ...key, entryId: goingOut.entryId, action: 'remove', reason: '作者撤回参评' }));
    const adjusted = await ok<ShortlistView>(app.dispatch('shortlist:adjust', { ...key, entryId: comingIn.entryId, action: 'add', reason: 'Jury asked for a second look' }));
    const line = (v: ShortlistView, id: number) => v.categories.flatMap((c) => c.lines).find((l) => l.entryId === id)!;
    expect(line(adjusted, goingOut.entryId)).toMatchObject({ in: false, why: 'removed', adjustment: { action: 'remove', reason: '作者撤回参评' } });
    expect(line(adjusted, comingIn.entryId)).toMatchObject({ in: true, why: 'added', adjustment: { action: 'add', reason: 'Jury asked for a second look' } });
    expect(adjusted.counts).toMatchObject({ in: inIds.size, added: 1, removed: 1 });
    const afterAdjust = new Set(inIds);
    afterAdjust.delete(goingOut.entryId);
    afterAdjust.add(comingIn.entryId);
    expect(shortlistedEntryIds(app.ctx.db, campaignId, 'influence', 1)).toEqual(afterAdjust);

    // A held entry is never in by the rule, but may be added by hand.
    const heldLine = made.categories.flatMap((c) => c.lines).find((l) => l.why === 'held');
    if (heldLine) {
      const v = await ok<ShortlistView>(app.dispatch('shortlist:adjust', { ...key, entryId: heldLine.entryId, action: 'add', reason: 'media fixed after the round' }));
      expect(line(v, heldLine.entryId)).toMatchObject({ in: true, why: 'added', place: null });
    }

    // Remake by top 1: a new version; the old one stays; the adjustments still apply.
    const remade = await ok<ShortlistView>(app.dispatch('shortlist:make', { ...key, rule: { by: 'top', value: 1 } }));
    expect(remade.made).toMatchObject({ version: 2, rule: { by: 'top', value: 1 } });
    expect(app.ctx.db.prepare('SELECT version FROM shortlists WHERE campaign_id = ? ORDER BY version').pluck().all(campaignId)).toEqual([1, 2]);
    expect(line(remade, comingIn.entryId)).toMatchObject({ in: true, why: 'added' });
    expect(line(remade, goingOut.entryId).in).toBe(false);

    // Audit rows: two makes and every adjustment.
    const audit = await ok<AuditPage>(app.dispatch('audit:list', { campaignId, offset: 0, limit: 200 }));
    const actions = audit.rows.map((r) => r.action);
    expect(actions.filter((a) => a === 'shortlist.make')).toHaveLength(2);
    expect(actions.filter((a) => a === 'shortlist.adjust')).toHaveLength(heldLine ? 3 : 2);
    expect(await ok(app.dispatch('audit:verify', {}))).toMatchObject({ intact: true });

    // Recorded rows are never changed.
    expect(() => app.ctx.db.prepare(`UPDATE shortlist_adjustments SET reason = 'x'`).run()).toThrow(/cannot be changed/);
    expect(() => app.ctx.db.prepare(`UPDATE shortlist_lines SET outcome = 'rule'`).run()).toThrow(/cannot be changed/);
  });

  it('defaults to the round rule of the definition per round number; a made shortlist stays what it was made from', async () => {
    const app = await openMergedSample();
    const campaignId = app.works.id;
    const def = app.ctx.campaigns.definition(campaignId);
    const next: CampaignDefinition = { ...def, lists: def.lists.map((l, i) => (i === 0 ? { ...l, rounds: [round('first', { by: 'top', value: 2 }), round('final', null)] } : l)) };
    await ok(app.dispatch('campaign:updateDefinition', { campaignId, definition: next, reason: 'two rounds' }));
    const key = { campaignId, listKey: 'influence', roundNo: 1 };
    const made = await ok<ShortlistView>(app.dispatch('shortlist:make', key));
    expect(made.definedRule).toEqual({ by: 'top', value: 2 });
    expect(made.made?.rule).toEqual({ by: 'top', value: 2 });
    for (const c of made.categories) expect(c.inCount).toBe(Math.min(2, c.ranked) + c.addedByTie);
    // A made shortlist is what it was made from: a later decision moves the ranking (and the
    // preview), not the made shortlist; the held entry can be removed by hand.
    const first = made.categories.find((c) => c.lines.some((l) => l.why === 'rule'))!.lines.find((l) => l.why === 'rule')!;
    await ok(app.dispatch('decision:set', { campaignId, entryId: first.entryId, kind: 'disqualify', reason: 'plagiarism' }));
    const after = await ok<ShortlistView>(app.dispatch('shortlist:get', key));
    expect(after.categories).toEqual(made.categories);
    const preview = await ok<ShortlistView>(app.dispatch('shortlist:preview', key));
    expect(preview.categories.flatMap((c) => c.lines).find((l) => l.entryId === first.entryId)).toMatchObject({ in: false, why: 'held', flags: ['disqualified'] });
    expect(shortlistedEntryIds(app.ctx.db, campaignId, 'influence', 1)?.has(first.entryId)).toBe(true);
    await ok(app.dispatch('shortlist:adjust', { ...key, entryId: first.entryId, action: 'remove', reason: 'disqualified after the shortlist was made' }));
    expect(shortlistedEntryIds(app.ctx.db, campaignId, 'influence', 1)?.has(first.entryId)).toBe(false);

    // The final round states no rule: a given one is needed there.
    expect(await app.dispatch('shortlist:make', { ...key, roundNo: 2 })).toMatchObject({ ok: false, error: { code: 'SHORTLIST_NO_RULE' } });
    expect(await app.dispatch('shortlist:get', { ...key, roundNo: 3 })).toMatchObject({ ok: false, error: { code: 'SHORTLIST_ROUND_UNKNOWN' } });
  });
});
