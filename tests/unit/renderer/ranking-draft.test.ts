// Choosing the published method in the ranking settings: the committee list follows it when it
// was ordered by the same method (issue 15: committee by the mean beside a trimmed-mean table).
import { describe, expect, it } from 'vitest';
import { parseRankingConfig } from '../../../src-main/core/ranking/config';
import { withPrimary } from '../../../src-renderer/src/components/ranking/rankingDraft';

describe('withPrimary', () => {
  it('moves the committee method along when it matched the published one, and computes the new method', () => {
    const draft = parseRankingConfig({ primary: 'mean', methods: ['mean', 'median'], committee: { method: 'mean' } });
    const next = withPrimary(draft, 'trimmed');
    expect(next).toEqual({ primary: 'trimmed', methods: ['mean', 'trimmed', 'median'], committee: { ...draft.committee, method: 'trimmed' } });
    // Still a valid configuration (the committee's method is one of the methods).
    expect(parseRankingConfig({ ...draft, ...next }).committee.method).toBe('trimmed');
  });

  it('leaves a committee method chosen apart from the published one as it was', () => {
    const draft = parseRankingConfig({ primary: 'trimmed', committee: { method: 'median' } });
    expect(withPrimary(draft, 'mean').committee.method).toBe('median');
  });
});
