// Several lists in one campaign (Sichuan: the influence list and the brand value list): each list
// is scored on its own rubric and ranked apart from the other, a score on another list's dimension
// is never counted, and a campaign with one list ranks exactly as before lists existed.
import { describe, expect, it } from 'vitest';
import { listFor, type EntryKind } from '../../../src-main/contract';
import { parseRankingConfig } from '../../../src-main/core/ranking/config';
import type { CampaignScores, LoadedEntry } from '../../../src-main/core/ranking/load-scores';
import { runRanking } from '../../../src-main/core/ranking/run-ranking';
import type { ScoreRow } from '../../../src-main/core/ranking/aggregate';
import { canonicalJson } from '../../../src-main/core/files/canonical-json';
import { sichuanTemplate } from './fixtures';
import { buildSnapshot } from '../../../src-main/core/ranking/snapshot';

const entry = (entryId: number, kind: EntryKind, category: string | null): LoadedEntry => ({
  entryId, regNo: `R-${entryId}`, kind, category, submittedAt: '2023-12-20T02:00:00.000Z', isLate: false, assigned: 1,
});
const rows = (entryId: number, judgeId: string, values: Record<string, number>): ScoreRow[] =>
  Object.entries(values).map(([dimension, value]) => ({ entryId, judgeId, dimension, value }));

function campaign(): CampaignScores {
  const definition = { ...sichuanTemplate().definition, judgesPerEntry: 1 };
  return {
    campaignId: 'c',
    definition,
    storedDefinition: definition,
    entries: [entry(1, 'work', 'video'), entry(2, 'work', 'video'), entry(3, 'brand', null), entry(4, 'brand', null)],
    scores: [
      ...rows(1, 'j1', { content: 8, creativity: 8, communication: 8 }),
      ...rows(2, 'j1', { content: 6, creativity: 6, communication: 6 }),
      // Brand 3 is strong on reputation (30 %), brand 4 on communication (20 %): only the brand
      // rubric's weights decide; the influence rubric would rank them the other way round.
      ...rows(3, 'j2', { brand_reputation: 10, brand_innovation: 5, brand_responsibility: 5, brand_communication: 5 }),
      ...rows(4, 'j2', { brand_reputation: 5, brand_innovation: 5, brand_responsibility: 5, brand_communication: 10 }),
      // A stray score on the influence rubric for a brand entry is not counted.
      ...rows(4, 'j2', { content: 10 }),
    ],
    conflicts: [],
    eligibility: [],
    bundles: [],
  };
}

describe('a campaign with several lists', () => {
  it('finds each entry its list from kind and category', () => {
    const def = sichuanTemplate().definition;
    expect(listFor(def, 'work', 'video').key).toBe('influence');
    expect(listFor(def, 'account', null).key).toBe('influence');
    expect(listFor(def, 'brand', null).key).toBe('brand_value');
  });

  it('ranks the brand list on its own rubric, apart from the influence list', () => {
    const outcome = runRanking(campaign(), parseRankingConfig({ methods: ['mean'], primary: 'mean' }));
    expect(outcome.categories.map((c) => [c.list, c.kind, c.category])).toEqual([
      ['influence', 'work', 'video'],
      ['brand_value', 'brand', null],
    ]);
    const brand = outcome.categories[1].lists.mean!;
    expect(brand.ranked.map((r) => [r.regNo, r.score])).toEqual([
      ['R-3', 10 * 0.3 + 5 * 0.25 + 5 * 0.25 + 5 * 0.2],
      ['R-4', 5 * 0.3 + 5 * 0.25 + 5 * 0.25 + 10 * 0.2],
    ]);
    const influence = outcome.categories[0].lists.mean!;
    expect(influence.ranked.map((r) => [r.regNo, r.score])).toEqual([['R-1', 8], ['R-2', 6]]);
    // The stray influence-rubric score on a brand entry is set aside, not counted.
    const four = outcome.aggregate.entries.find((a) => a.entryId === 4)!;
    expect(Object.keys(four.dimensionMeans).sort()).toEqual(['brand_communication', 'brand_innovation', 'brand_reputation', 'brand_responsibility']);
    expect(outcome.aggregate.counts.unknownDimensionRows).toBe(1);
  });

  it('ranks a one-list campaign exactly as before: the same bytes whatever other lists the definition could have had', () => {
    const data = campaign();
    const one = { ...data.definition, lists: [data.definition.lists[0]], entryKinds: data.definition.entryKinds.filter((k) => k.kind !== 'brand') };
    const works = { ...data, definition: one, entries: data.entries.filter((e) => e.kind !== 'brand'), scores: data.scores.filter((s) => s.entryId < 3) };
    const config = parseRankingConfig({ methods: ['mean', 'zscore', 'borda'], primary: 'mean' });
    const alone = runRanking(works, config);
    const together = runRanking(data, config);
    // The influence list's figures do not move when a brand list ranks beside it.
    expect(canonicalJson(together.categories[0].lists)).toBe(canonicalJson(alone.categories[0].lists));
  });
});

describe('a list ranked by its own method and award tiers', () => {
  const tiered = (): CampaignScores => {
    const data = campaign();
    const lists = data.definition.lists.map((l) =>
      l.key === 'brand_value' ? { ...l, method: 'median' as const, tiers: [{ key: 'gold', label: { 'zh-CN': '金牌品牌', en: 'Gold brand' }, by: 'rank' as const, count: 1 }] } : l,
    );
    const definition = { ...data.definition, lists };
    return { ...data, definition, storedDefinition: definition };
  };
  const settings = parseRankingConfig({ methods: ['mean'], primary: 'mean', tiers: [{ key: 'first', label: { 'zh-CN': '一等奖', en: 'First prize' }, by: 'rank', count: 1 }] });

  it('publishes the brand list by its median with its gold tier, the influence list by the settings', () => {
    const outcome = runRanking(tiered(), settings);
    // The list's method is computed although the settings do not show it.
    expect(outcome.config.methods).toEqual(['mean', 'median']);
    const [influence, brand] = outcome.categories;
    expect([influence.method, brand.method]).toEqual(['mean', 'median']);
    expect(influence.lists.mean!.ranked.map((r) => [r.regNo, r.tier])).toEqual([['R-1', 'first'], ['R-2', null]]);
    expect(brand.lists.median!.ranked.map((r) => [r.regNo, r.tier])).toEqual([['R-3', 'gold'], ['R-4', null]]);
    expect(brand.lists.median!.tiers).toEqual([{ key: 'gold', count: 1 }]);
    const snapshot = buildSnapshot(tiered(), outcome);
    const outputs = snapshot.outputs.categories as { method: string; tiers: unknown[] }[];
    expect(outputs.map((c) => [c.method, c.tiers])).toEqual([['mean', [{ key: 'first', count: 1 }]], ['median', [{ key: 'gold', count: 1 }]]]);
  });

  it('leaves the configuration as the settings when no list states a method, so locked results keep their configuration hash', () => {
    const outcome = runRanking(campaign(), settings);
    expect(outcome.config.methods).toEqual(['mean']);
    expect(outcome.categories.map((c) => c.method)).toEqual(['mean', 'mean']);
    // Apart from the resolved defaults, the applied configuration is the settings, member for member.
    const { tieBreaks: _applied, bias: _bias, ...rest } = outcome.config;
    const { tieBreaks: _given, bias: _givenBias, ...given } = settings;
    expect(rest).toEqual(given);
    expect(outcome.categories[1].lists.mean!.ranked[0].tier).toBe('first');
  });
});
