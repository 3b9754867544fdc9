// A list with award tiers of its own (stated in the programme, Setup → Lists) gives its award
// certificates by those tiers, not by the ranking settings' ones; the lock records the list's method.
import { describe, expect, it } from 'vitest';
import type { CampaignDefinition, CertificateList, SnapshotInfo } from '../../../src-main/contract';
import { lockRanking } from '../../../src-main/core/certificates/locked-ranking';
import { latestSnapshotInfo } from '../../../src-main/core/ranking/snapshot-store';
import { ok } from '../../helpers';
import { rankedApp, TIERS } from './fixture';

describe('award certificates of a list with its own tiers', () => {
  it('uses the list tiers and names them, and the lock says which method each list was ranked by', async () => {
    const app = await rankedApp({ lock: false });
    const { dispatch, works, ctx } = app;
    const def = ctx.campaigns.definition(works);
    const gold = { key: 'gold', label: { 'zh-CN': '金奖', en: 'Gold award' }, by: 'rank' as const, count: 1 };
    const next: CampaignDefinition = { ...def, lists: def.lists.map((l, i) => (i === 0 ? { ...l, method: 'median', tiers: [gold] } : l)) };
    await ok(dispatch('campaign:updateDefinition', { campaignId: works, definition: next, reason: 'the notice fixes one gold award per category' }));

    // The settings still name two tiers and the mean; the influence list follows its own.
    lockRanking(ctx.db, works, { primary: 'mean', methods: ['mean'], tiers: TIERS }, app.issuer);
    const lists = await ok<CertificateList[]>(dispatch('certificates:lists', { campaignId: works }));
    expect(lists.map((l) => l.name)).toEqual(['gold', 'judges']);
    const goldList = lists[0];
    // The campaign has two lists (no brand registered), so the list's name comes first.
    expect(goldList.label).toEqual({ 'zh-CN': `${def.lists[0].name['zh-CN']} · 金奖`, en: `${def.lists[0].name.en} · Gold award` });
    // One gold award per category that ranked anyone.
    const summary = await ok<{ categories: { list: string; method: string; ranked: number }[] }>(dispatch('ranking:summary', { campaignId: works }));
    const influence = summary.categories.filter((c) => c.list === def.lists[0].key);
    expect(influence.every((c) => c.method === 'median')).toBe(true);
    expect(goldList.holders).toBe(influence.filter((c) => c.ranked > 0).length);
    const locked = latestSnapshotInfo(ctx.db, works) as SnapshotInfo;
    expect(locked.methods).toEqual(['median']);
    ctx.close();
  });
});
