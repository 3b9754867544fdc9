import { describe, expect, it } from 'vitest';
import { differenceLines, snapshotPart } from '../../../src-main/contract/verify-text';

describe('what a failed verification names', () => {
  it('maps a snapshot path to the part of the result, never showing the path', () => {
    expect(snapshotPart('inputs.scores')).toBe('scores');
    expect(snapshotPart('inputs.counts.overrides')).toBe('overrides');
    expect(snapshotPart('inputs.counts.scores')).toBe('scores');
    expect(snapshotPart('inputs.decisions[0].reason')).toBe('decisions');
    expect(snapshotPart('inputs.flags[3].flags[0].code')).toBe('flags');
    expect(snapshotPart('config.tiers[0]')).toBe('config');
    expect(snapshotPart('outputs.categories[1]')).toBe('outputs');
    expect(snapshotPart('inputs.somethingNew')).toBe('other');
    expect(snapshotPart('(root)')).toBe('other');
    expect(snapshotPart('')).toBe('other');
  });

  it('says which part changed when no score, override or entry did', () => {
    const t = (key: string, params?: Record<string, unknown>) => `${key}${params ? JSON.stringify(params) : ''}`;
    const none = { scores: [], scoreCount: 0, overrides: [], overrideCount: 0, entriesAdded: [], entriesRemoved: [], judgesAdded: [], judgesRemoved: [] };
    expect(differenceLines(t, 'inputs.decisions', 'named', none, (k) => k)).toEqual(['ranking.verifyDiff.otherInputs{"part":"ranking.snapshotPart.decisions"}']);
    expect(differenceLines(t, 'inputs.scores', 'hash_only', null, (k) => k)).toEqual(['ranking.verifyDiff.hashOnly{"part":"ranking.snapshotPart.scores"}']);
    const changed = { ...none, scores: [{ regNo: 'SC-1', judgeName: '王立新', dimension: 'content', old: 8, new: null }], scoreCount: 1 };
    expect(differenceLines(t, 'inputs.scores', 'named', changed, () => '内容')).toEqual([
      'ranking.verifyDiff.intro',
      'ranking.verifyDiff.score{"regNo":"SC-1","judge":"王立新","dimension":"内容","old":"8","new":"ranking.verifyDiff.noValue"}',
    ]);
  });
});
