import { describe, expect, it } from 'vitest';
import { computeShortlist, cutSize, type RankedCategory, shortlistCategory } from '../../../src-main/core/shortlist/compute-shortlist';

/** A category whose ranked entries have these totals, in the order given (places 1, 2, …). */
function category(totals: number[], held: { total: number | null; flags: string[] }[] = []): RankedCategory {
  return {
    kind: 'video',
    category: 'short',
    ranked: totals.map((total, i) => ({ entryId: i + 1, regNo: `R-${String(i + 1).padStart(3, '0')}`, place: i + 1, total })),
    held: held.map((h, i) => ({ entryId: 100 + i, regNo: `H-${i}`, total: h.total, flags: h.flags })),
  };
}

const outcomes = (c: ReturnType<typeof shortlistCategory>) => c.lines.map((l) => l.outcome);

describe('computeShortlist: top N', () => {
  it('takes the first N and nobody else when there is no tie at the cut', () => {
    const r = shortlistCategory(category([9, 8, 7, 6, 5]), { by: 'top', value: 3 });
    expect(outcomes(r)).toEqual(['rule', 'rule', 'rule', 'out', 'out']);
    expect(r).toMatchObject({ cut: 3, cutTotal: 7, addedByTie: 0 });
  });

  it('takes every entry tied with the last one inside the cut, and says how many', () => {
    const r = shortlistCategory(category([9, 8, 7, 7, 7, 6]), { by: 'top', value: 3 });
    expect(outcomes(r)).toEqual(['rule', 'rule', 'rule', 'tie', 'tie', 'out']);
    expect(r).toMatchObject({ cut: 3, cutTotal: 7, addedByTie: 2 });
  });

  it('a tie above the cut adds nobody', () => {
    const r = shortlistCategory(category([9, 9, 8, 7]), { by: 'top', value: 3 });
    expect(outcomes(r)).toEqual(['rule', 'rule', 'rule', 'out']);
    expect(r.addedByTie).toBe(0);
  });

  it('N above the number ranked takes everyone; an empty category gives an empty shortlist', () => {
    expect(outcomes(shortlistCategory(category([5, 4]), { by: 'top', value: 10 }))).toEqual(['rule', 'rule']);
    const empty = shortlistCategory(category([]), { by: 'top', value: 3 });
    expect(empty).toMatchObject({ cut: 0, cutTotal: null, addedByTie: 0, lines: [] });
  });

  it('compares totals at the ranking precision: float noise is still a tie', () => {
    const r = shortlistCategory(category([9, 0.1 + 0.2, 0.3]), { by: 'top', value: 2 });
    expect(outcomes(r)).toEqual(['rule', 'rule', 'tie']);
    // a difference the ranking keeps (7th decimal rounds away, 6th does not)
    const s = shortlistCategory(category([9, 8.000001, 8]), { by: 'top', value: 2 });
    expect(outcomes(s)).toEqual(['rule', 'rule', 'out']);
  });
});

describe('computeShortlist: top percent', () => {
  it('N = ceil(P/100 × ranked): 30 % of 7 is 3, of 10 is 3 (not 4 by float noise), of 1 is 1', () => {
    expect(cutSize({ by: 'percent', value: 30 }, 7)).toBe(3);
    expect(cutSize({ by: 'percent', value: 30 }, 10)).toBe(3);
    expect(cutSize({ by: 'percent', value: 30 }, 1)).toBe(1);
    expect(cutSize({ by: 'percent', value: 10 }, 30)).toBe(3);
    expect(cutSize({ by: 'percent', value: 33.3 }, 3)).toBe(1);
  });

  it('0 % takes nobody (no last entry, so no tie either); 100 % and more take everyone', () => {
    const zero = shortlistCategory(category([9, 9, 8]), { by: 'percent', value: 0 });
    expect(outcomes(zero)).toEqual(['out', 'out', 'out']);
    expect(zero).toMatchObject({ cut: 0, cutTotal: null, addedByTie: 0 });
    expect(outcomes(shortlistCategory(category([9, 9, 8]), { by: 'percent', value: 100 }))).toEqual(['rule', 'rule', 'rule']);
    expect(outcomes(shortlistCategory(category([9, 9, 8]), { by: 'percent', value: 150 }))).toEqual(['rule', 'rule', 'rule']);
  });

  it('ties at a percent cut go through', () => {
    const r = shortlistCategory(category([10, 9, 8, 8, 8, 7, 6, 5, 4, 3]), { by: 'percent', value: 30 });
    expect(outcomes(r).filter((o) => o !== 'out')).toEqual(['rule', 'rule', 'rule', 'tie', 'tie']);
    expect(r).toMatchObject({ cut: 3, addedByTie: 2, cutTotal: 8 });
  });

  it('each category is cut on its own count', () => {
    const a = category([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    const b = { ...category([5, 4, 3]), category: 'long' };
    const [ra, rb] = computeShortlist([a, b], { by: 'percent', value: 30 });
    expect(ra.cut).toBe(3);
    expect(rb.cut).toBe(1);
  });
});

describe('computeShortlist: threshold', () => {
  it('takes every total ≥ T, a total equal to T included, never by tie', () => {
    const r = shortlistCategory(category([9, 8.5, 8.25, 8.25, 8.2]), { by: 'threshold', value: 8.25 });
    expect(outcomes(r)).toEqual(['rule', 'rule', 'rule', 'rule', 'out']);
    expect(r).toMatchObject({ cut: null, cutTotal: 8.25, addedByTie: 0 });
  });

  it('a float total equal to T at 6 decimals meets it', () => {
    const r = shortlistCategory(category([0.1 + 0.2, 0.29]), { by: 'threshold', value: 0.3 });
    expect(outcomes(r)).toEqual(['rule', 'out']);
  });

  it('nobody above: no cut total', () => {
    expect(shortlistCategory(category([5, 4]), { by: 'threshold', value: 9 })).toMatchObject({ cutTotal: null, lines: [{ outcome: 'out' }, { outcome: 'out' }] });
  });
});

describe('computeShortlist: held entries', () => {
  it('are never taken by any rule, even with a total above the cut', () => {
    const c = category([7, 6], [
      { total: 9.9, flags: ['disqualified'] },
      { total: null, flags: ['no_score'] },
    ]);
    for (const rule of [{ by: 'top', value: 5 }, { by: 'percent', value: 100 }, { by: 'threshold', value: 1 }] as const) {
      const r = shortlistCategory(c, rule);
      expect(outcomes(r)).toEqual(['rule', 'rule', 'held', 'held']);
      expect(r.lines[2]).toMatchObject({ place: null, total: 9.9, flags: ['disqualified'] });
    }
  });

  it('a category with only held entries has nobody in', () => {
    const r = shortlistCategory(category([], [{ total: 8, flags: ['withdrawn'] }]), { by: 'top', value: 1 });
    expect(r).toMatchObject({ cut: 0, addedByTie: 0, lines: [{ outcome: 'held' }] });
  });
});
