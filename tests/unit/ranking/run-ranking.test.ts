import { describe, expect, it } from 'vitest';
import { isKepuError } from '../../../src-main/core/errors';
import { parseRankingConfig } from '../../../src-main/core/ranking/config';
import type { CampaignScores } from '../../../src-main/core/ranking/load-scores';
import { resolveConfig, runRanking } from '../../../src-main/core/ranking/run-ranking';
import { flat, sichuanTemplate } from './fixtures';

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('the ranking configuration', () => {
  it('fills every default from an empty object', () => {
    expect(parseRankingConfig({})).toEqual({
      methods: ['mean', 'trimmed', 'median', 'zscore', 'borda'],
      primary: 'trimmed',
      trimMinJudges: 5,
      zscoreFallback: 'exclude',
      tieBreaks: null,
      tiers: [],
      holdLate: true,
      committee: { rule: 'majority', minScore: null, method: 'mean' },
      bias: { threshold: null, minEntries: 5 },
      topMovers: 10,
    });
    expect(parseRankingConfig({ committee: { minScore: 7.5 } }).committee).toEqual({ rule: 'majority', minScore: 7.5, method: 'mean' });
  });

  it('refuses bad input with INVALID_REQUEST naming the path', () => {
    const error = caught(() => parseRankingConfig({ trimMinJudges: 2 }));
    expect(isKepuError(error) && error.code === 'INVALID_REQUEST' && error.params.path).toBe('config.trimMinJudges');
    const primary = caught(() => parseRankingConfig({ methods: ['mean'], primary: 'median' }));
    expect(isKepuError(primary) && primary.params.path).toBe('config.primary');
  });

  it('resolves the default tie-breaks (every list’s rubric order, then earlier submission) and bias threshold (10 % of the range)', () => {
    const resolved = resolveConfig(sichuanTemplate().definition, parseRankingConfig({}));
    // Every list's dimensions in list order (influence, then brand value), then earlier submission.
    const dims = ['content', 'creativity', 'communication', 'brand_reputation', 'brand_innovation', 'brand_responsibility', 'brand_communication'];
    expect(resolved.tieBreaks).toEqual([...dims.map((key) => ({ by: 'dimension', key })), { by: 'submittedAt' }]);
    expect(resolved.bias).toEqual({ threshold: 1, minEntries: 5 });
  });

  it('refuses a tie-break on a dimension the rubric does not have', () => {
    const error = caught(() => resolveConfig(sichuanTemplate().definition, parseRankingConfig({ tieBreaks: [{ by: 'dimension', key: 'beauty' }] })));
    expect(isKepuError(error) && error.code).toBe('DIMENSION_UNKNOWN');
  });
});

describe('running the ranking of a campaign', () => {
  const entry = (entryId: number, kind: 'work' | 'account', category: string | null, isLate = false) => ({
    entryId,
    regNo: `SC-${entryId}`,
    kind,
    category,
    submittedAt: '2023-12-20T02:00:00.000Z',
    isLate,
    assigned: 1,
  });
  const data: CampaignScores = {
    campaignId: 'c',
    definition: { ...sichuanTemplate().definition, judgesPerEntry: 1 },
    storedDefinition: null,
    entries: [entry(1, 'account', null), entry(2, 'work', 'video'), entry(3, 'work', 'graphic'), entry(4, 'work', 'graphic', true)],
    scores: [...flat(1, 'a', 7), ...flat(2, 'a', 8), ...flat(3, 'a', 6), ...flat(4, 'a', 9)],
    conflicts: [],
    eligibility: [],
    bundles: [],
  };

  it('lists categories in the order the campaign defines them', () => {
    const outcome = runRanking(data, parseRankingConfig({}));
    expect(outcome.categories.map((c) => `${c.kind}/${c.category}`)).toEqual(['work/graphic', 'work/video', 'account/null']);
    expect(outcome.committee).toBeNull();
  });

  it('holds a late entry until holdLate is turned off', () => {
    const held = runRanking(data, parseRankingConfig({})).categories[0].lists.trimmed;
    expect(held?.ranked.map((r) => r.regNo)).toEqual(['SC-3']);
    expect(held?.held).toEqual([{ entryId: 4, regNo: 'SC-4', score: 9, judges: 1, flags: [{ code: 'late', params: { submittedAt: '2023-12-20T02:00:00.000Z' } }] }]);
    const accepted = runRanking(data, parseRankingConfig({ holdLate: false })).categories[0].lists.trimmed;
    expect(accepted?.ranked.map((r) => r.regNo)).toEqual(['SC-4', 'SC-3']);
  });

  it("adds the caller's flags (e.g. media compliance) to the entry", () => {
    const flags = new Map([[3, [{ code: 'non_compliant_media' as const, params: { violations: 'MEDIA_NOT_MP4' } }]]]);
    const list = runRanking(data, parseRankingConfig({ holdLate: false }), flags).categories[0].lists.trimmed;
    expect(list?.ranked.map((r) => r.regNo)).toEqual(['SC-4']);
    expect(list?.held.map((h) => [h.regNo, h.flags.map((f) => f.code)])).toEqual([['SC-3', ['non_compliant_media']]]);
  });
});
