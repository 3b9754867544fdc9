// The tie-break order without a comparator (tie-order.ts) against the comparator it replaced,
// written out here as the policy states it: every rule in turn (higher dimension mean / method
// score first, earlier submission first, a missing value last, === for equality), then the
// registration number in code units, then the input order (a stable sort).
import { describe, expect, it } from 'vitest';
import type { EntryAggregate } from '../../../src-main/core/ranking/aggregate';
import { mulberry32 } from '../../../src-main/core/assignment/seeded';
import type { TieBreak } from '../../../src-main/core/ranking/config';
import { type RankCandidate, tieBreakOrder } from '../../../src-main/core/ranking/rank';
import { tieRanksByRules } from '../../../src-main/core/ranking/tie-order';

const higherFirst = (a: number | null, b: number | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : b - a);
const ms = (c: RankCandidate) => (c.submittedAt === null ? null : Date.parse(c.submittedAt));

function reference(candidates: readonly RankCandidate[], rules: readonly TieBreak[]): Int32Array {
  const value = (c: RankCandidate, rule: TieBreak): number | null => {
    if (rule.by === 'dimension') return c.aggregate?.dimensionMeans[rule.key] ?? null;
    if (rule.by === 'method') return c.aggregate?.scores[rule.method] ?? null;
    return ms(c);
  };
  const order = candidates.map((_, i) => i).sort((x, y) => {
    for (const rule of rules) {
      const [a, b] = [value(candidates[x], rule), value(candidates[y], rule)];
      const o = rule.by === 'submittedAt' ? (a === b ? 0 : a === null ? 1 : b === null ? -1 : a - b) : higherFirst(a, b);
      if (o !== 0) return o;
    }
    const [p, q] = [candidates[x].regNo, candidates[y].regNo];
    return p < q ? -1 : p > q ? 1 : 0;
  });
  const ranks = new Int32Array(candidates.length);
  order.forEach((i, k) => (ranks[i] = k));
  return ranks;
}

function generate(seed: number, n: number): RankCandidate[] {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  return Array.from({ length: n }, (_, i): RankCandidate => {
    // Few distinct values so that ties run through several rules; -0 beside 0; some missing.
    const mean = () => pick([null, 0, -0, 7.5, 8, 8, 8.25, 9, -1.5]);
    const hasAggregate = random() > 0.1;
    const dimensionMeans: Record<string, number> = {};
    for (const key of ['content', 'creativity']) {
      const v = mean();
      if (v !== null) dimensionMeans[key] = v;
    }
    const aggregate = hasAggregate ? ({ dimensionMeans, scores: { mean: mean(), median: pick([undefined, 8, 9]) } } as unknown as EntryAggregate) : null;
    return {
      entryId: i,
      // Duplicates too: equal on every rule, the input order decides.
      regNo: pick(['SC-0001', 'SC-0002', 'SC-010', 'SC-1', 'sc-0001', 'SC-0003', `SC-${String(i).padStart(4, '0')}`]),
      submittedAt: pick([null, '2023-12-01T02:00:00.000Z', '2023-12-10T02:00:00.000Z', '2023-12-10T02:00:00.001Z']),
      aggregate,
      wantedJudges: 1,
      flags: [],
    };
  });
}

const ruleSets: TieBreak[][] = [
  [],
  [{ by: 'dimension', key: 'content' }, { by: 'dimension', key: 'creativity' }, { by: 'submittedAt' }],
  [{ by: 'submittedAt' }, { by: 'method', method: 'median' }, { by: 'dimension', key: 'missing' }],
  [{ by: 'method', method: 'mean' }, { by: 'dimension', key: 'creativity' }],
];

describe('tie-break order without a comparator', () => {
  it.each([1, 2, 3, 4, 5, 6])('is the comparator order (seed %i)', (seed) => {
    for (const n of [0, 1, 2, 7, 300]) {
      const candidates = generate(seed * 100 + n, n);
      for (const rules of ruleSets) {
        const fast = tieRanksByRules(candidates, rules);
        expect(fast).not.toBeNull();
        expect([...(fast as Int32Array)]).toEqual([...reference(candidates, rules)]);
        expect([...tieBreakOrder(candidates, rules)]).toEqual([...reference(candidates, rules)]);
      }
    }
  });

  it('leaves an unparsable submission time to the comparator', () => {
    const candidates = generate(9, 20).map((c, i) => (i === 3 ? { ...c, submittedAt: 'not a time' } : c));
    expect(tieRanksByRules(candidates, [{ by: 'submittedAt' }])).toBeNull();
    expect(tieBreakOrder(candidates, [{ by: 'submittedAt' }])).toHaveLength(20);
  });

  it('leaves a dimension key that names an inherited property to the comparator', () => {
    expect(tieRanksByRules(generate(10, 5), [{ by: 'dimension', key: 'constructor' }])).toBeNull();
  });
});
