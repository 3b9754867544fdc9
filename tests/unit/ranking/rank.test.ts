import { describe, expect, it } from 'vitest';
import { aggregate } from '../../../src-main/core/ranking/aggregate';
import type { EntryFlag, TieBreak, TierRule } from '../../../src-main/core/ranking/config';
import { describeTie, type RankCandidate, rankCategory, rankOrder, rankOrders, tieBreakOrder } from '../../../src-main/core/ranking/rank';
import { flat, review, rubric } from './fixtures';

interface Spec {
  id: number;
  scores: ReturnType<typeof review>;
  submittedAt?: string | null;
  flags?: EntryFlag[];
  wanted?: number;
}

function candidates(specs: Spec[]): RankCandidate[] {
  const result = aggregate({ rubric, scores: specs.flatMap((s) => s.scores), entryIds: specs.map((s) => s.id) });
  return specs.map((s) => ({
    entryId: s.id,
    regNo: `SC-${String(s.id).padStart(4, '0')}`,
    submittedAt: s.submittedAt === undefined ? '2023-12-10T02:00:00.000Z' : s.submittedAt,
    aggregate: result.entries.find((e) => e.entryId === s.id) ?? null,
    wantedJudges: s.wanted ?? 1,
    flags: s.flags ?? [],
  }));
}

const contentThenCreativity: TieBreak[] = [{ by: 'dimension', key: 'content' }, { by: 'dimension', key: 'creativity' }, { by: 'submittedAt' }];

describe('tie-breaks', () => {
  // One judge per entry; weights 0.4 / 0.3 / 0.3. Five entries total 8.25:
  //   [7.5, 9, 8.5] → 3 + 2.7 + 2.55 = 8.25 (SC-0001)      [9, 7.5, 8] → 3.6 + 2.25 + 2.4 = 8.25 (SC-0002, 0004, 0005)
  //   [7.5, 8.5, 9] → 3 + 2.55 + 2.7 = 8.25 (SC-0003)
  // SC-0006 scores 9 and is first without a tie.
  const specs: Spec[] = [
    { id: 1, scores: review(1, 'a', [7.5, 9, 8.5]) },
    { id: 2, scores: review(2, 'a', [9, 7.5, 8]) },
    { id: 3, scores: review(3, 'a', [7.5, 8.5, 9]) },
    { id: 4, scores: review(4, 'a', [9, 7.5, 8]), submittedAt: '2023-12-01T02:00:00.000Z' },
    { id: 5, scores: review(5, 'a', [9, 7.5, 8]) },
    { id: 6, scores: flat(6, 'a', 9) },
  ];

  it('apply in order: content, creativity, earlier submission, then registration number', () => {
    const list = rankCategory(candidates(specs), { method: 'mean', tieBreaks: contentThenCreativity, tiers: [] });
    expect(list.ranked.map((r) => [r.rank, r.regNo, r.score])).toEqual([
      [1, 'SC-0006', 9],
      [2, 'SC-0004', 8.25],
      [3, 'SC-0002', 8.25],
      [4, 'SC-0005', 8.25],
      [5, 'SC-0001', 8.25],
      [6, 'SC-0003', 8.25],
    ]);
    expect(list.held).toEqual([]);
  });

  it('explain every tie they break, between neighbours', () => {
    const list = rankCategory(candidates(specs), { method: 'mean', tieBreaks: contentThenCreativity, tiers: [] });
    const sentences = [...new Set(list.ranked.flatMap((r) => r.ties.map(describeTie)))];
    expect(sentences).toEqual([
      'SC-0004 tied with SC-0002 on 8.25; ranked ahead by earlier submission 2023-12-01T02:00:00.000Z vs 2023-12-10T02:00:00.000Z',
      'SC-0002 tied with SC-0005 on 8.25; ranked ahead by registration number',
      'SC-0005 tied with SC-0001 on 8.25; ranked ahead by content 9 vs 7.5',
      'SC-0001 tied with SC-0003 on 8.25; ranked ahead by creativity 9 vs 8.5',
    ]);
    expect(list.ranked[0].ties).toEqual([]);
    expect(list.ranked[4].ties.map((t) => [t.ahead, t.behind])).toEqual([['SC-0005', 'SC-0001'], ['SC-0001', 'SC-0003']]);
    expect(list.ranked[5].ties[0]).toEqual({ ahead: 'SC-0001', behind: 'SC-0003', score: 8.25, rule: { by: 'dimension', key: 'creativity' }, aheadValue: 9, behindValue: 8.5 });
  });

  it('fall back to the registration number alone when no rule is configured', () => {
    const list = rankCategory(candidates(specs), { method: 'mean', tieBreaks: [], tiers: [] });
    expect(list.ranked.map((r) => r.regNo)).toEqual(['SC-0006', 'SC-0001', 'SC-0002', 'SC-0003', 'SC-0004', 'SC-0005']);
  });

  it('put an entry without a submission time after one with a time', () => {
    const list = rankCategory(candidates([{ id: 1, scores: flat(1, 'a', 8), submittedAt: null }, { id: 2, scores: flat(2, 'a', 8) }]), {
      method: 'mean',
      tieBreaks: [{ by: 'submittedAt' }],
      tiers: [],
    });
    expect(list.ranked.map((r) => r.regNo)).toEqual(['SC-0002', 'SC-0001']);
    expect(describeTie(list.ranked[0].ties[0])).toBe('SC-0002 tied with SC-0001 on 8; ranked ahead by earlier submission 2023-12-10T02:00:00.000Z vs none');
  });

  it('can break a tie by another method', () => {
    // Both mean 7: totals [6, 7, 8] (median 7) and [5, 8, 8] (median 8).
    const list = rankCategory(
      candidates([
        { id: 1, scores: [...flat(1, 'a', 6), ...flat(1, 'b', 7), ...flat(1, 'c', 8)], wanted: 3 },
        { id: 2, scores: [...flat(2, 'a', 5), ...flat(2, 'b', 8), ...flat(2, 'c', 8)], wanted: 3 },
      ]),
      { method: 'mean', tieBreaks: [{ by: 'method', method: 'median' }], tiers: [] },
    );
    expect(describeTie(list.ranked[0].ties[0])).toBe('SC-0002 tied with SC-0001 on 7; ranked ahead by median 8 vs 7');
  });
});

describe('held entries', () => {
  it('are listed separately with their reasons, never ranked: too few judges, flagged media, no score', () => {
    const list = rankCategory(
      candidates([
        { id: 1, scores: [...flat(1, 'a', 9), ...flat(1, 'b', 9)], wanted: 2 },
        { id: 2, scores: flat(2, 'a', 9.5), wanted: 2 },
        { id: 3, scores: [...flat(3, 'a', 6), ...flat(3, 'b', 6)], wanted: 2, flags: [{ code: 'non_compliant_media', params: { violations: 'MEDIA_TOO_LONG' } }] },
        { id: 4, scores: [], wanted: 2 },
      ]),
      { method: 'mean', tieBreaks: [], tiers: [{ key: 'gold', by: 'rank', count: 10 }] },
    );
    expect(list.ranked.map((r) => [r.rank, r.regNo, r.tier])).toEqual([[1, 'SC-0001', 'gold']]);
    expect(list.held).toEqual([
      { entryId: 2, regNo: 'SC-0002', score: 9.5, judges: 1, flags: [{ code: 'incomplete_coverage', params: { judges: 1, wanted: 2 } }] },
      { entryId: 3, regNo: 'SC-0003', score: 6, judges: 2, flags: [{ code: 'non_compliant_media', params: { violations: 'MEDIA_TOO_LONG' } }] },
      {
        entryId: 4,
        regNo: 'SC-0004',
        score: null,
        judges: 0,
        flags: [
          { code: 'no_score', params: { method: 'mean' } },
          { code: 'incomplete_coverage', params: { judges: 0, wanted: 2 } },
        ],
      },
    ]);
  });
});

describe('award tiers', () => {
  // Ten entries scoring 10, 9, …, 1.
  const ten = candidates(Array.from({ length: 10 }, (_, i) => ({ id: i + 1, scores: flat(i + 1, 'a', 10 - i) })));
  const tiersOf = (tiers: TierRule[]) => rankCategory(ten, { method: 'mean', tieBreaks: [], tiers });

  it('are filled from the top, each from where the previous one ended: rank, percentile, threshold', () => {
    const list = tiersOf([
      { key: 'influence', by: 'rank', count: 3 },
      { key: 'excellent', by: 'percentile', percent: 30 },
      { key: 'merit', by: 'threshold', minScore: 3 },
    ]);
    // ranks 1–3 influence; next floor(30 × 10 / 100) = 3 → ranks 4–6; scores ≥ 3 after that: 4 and 3.
    expect(list.ranked.map((r) => r.tier)).toEqual(['influence', 'influence', 'influence', 'excellent', 'excellent', 'excellent', 'merit', 'merit', null, null]);
    expect(list.tiers).toEqual([{ key: 'influence', count: 3 }, { key: 'excellent', count: 3 }, { key: 'merit', count: 2 }]);
  });

  it('round a percentile down, so a tier never exceeds its share', () => {
    // 25 % of 10 = 2.5 → 2 entries.
    expect(tiersOf([{ key: 'top', by: 'percentile', percent: 25 }]).tiers).toEqual([{ key: 'top', count: 2 }]);
    // 10 % of 10 = 1 (no floating-point shortfall).
    expect(tiersOf([{ key: 'top', by: 'percentile', percent: 10 }]).tiers).toEqual([{ key: 'top', count: 1 }]);
  });

  it('stop a rank tier at its minimum score', () => {
    const list = tiersOf([{ key: 'gold', by: 'rank', count: 5, minScore: 8 }]);
    expect(list.ranked.filter((r) => r.tier === 'gold').map((r) => r.score)).toEqual([10, 9, 8]);
  });
});

describe('z-score ranking', () => {
  it('ranks by the mean z, which the rescaled score follows', () => {
    const scores = [...flat(1, 'A', 6), ...flat(2, 'A', 8), ...flat(3, 'A', 10), ...flat(1, 'B', 4), ...flat(2, 'B', 6)];
    const list = rankCategory(candidates([{ id: 1, scores: [] }, { id: 2, scores: [] }, { id: 3, scores }]), { method: 'zscore', tieBreaks: [], tiers: [] });
    expect(list.ranked.map((r) => [r.regNo, r.score])).toEqual([
      ['SC-0003', 8.532051],
      ['SC-0002', 7.507107],
      ['SC-0001', 5.226868],
    ]);
  });
});

describe('orders of several methods at once', () => {
  it('are each method’s own order (held entries, missing scores and too few judges alike)', () => {
    const specs: Spec[] = [
      { id: 1, scores: [...flat(1, 'a', 8), ...flat(1, 'b', 6)] },
      { id: 2, scores: [...flat(2, 'a', 7), ...flat(2, 'b', 7)] },
      { id: 3, scores: flat(3, 'a', 9), wanted: 2 },
      { id: 4, scores: [...flat(4, 'a', 5), ...flat(4, 'b', 9)], flags: [{ code: 'late', params: {} }] },
      { id: 5, scores: [] },
      { id: 6, scores: [...flat(6, 'a', 8), ...flat(6, 'b', 6)] },
    ];
    const list = candidates(specs);
    const methods = ['mean', 'median', 'borda', 'zscore', 'trimmed'] as const;
    const tieRanks = tieBreakOrder(list, contentThenCreativity);
    const together = rankOrders(list, methods, tieRanks);
    methods.forEach((m, i) => {
      const alone = rankOrder(list, m, tieRanks);
      expect([...together[i].sorted]).toEqual([...alone.sorted]);
      expect([...together[i].keys]).toEqual([...alone.keys]);
    });
    expect(together[0].sorted.length).toBe(3);
  });
});
