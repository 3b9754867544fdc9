import { describe, expect, it } from 'vitest';
import type { RubricDimension } from '../../../src-main/contract';
import { partialTotal, validateScore, weightedTotal } from '../../../src-main/core/review/scoring';

const dim = (key: string, weight: number, step = 0.5): RubricDimension => ({
  key,
  weight,
  label: { 'zh-CN': key, en: key },
  description: { 'zh-CN': key, en: key },
  scale: { min: 0, max: 10, step },
  anchors: [],
});
const rubric = [dim('content', 0.4), dim('creativity', 0.3), dim('communication', 0.3)];

describe('score validation', () => {
  it('accepts values on the scale and on the step grid, including both ends', () => {
    for (const v of [0, 0.5, 7.5, 10]) expect(() => validateScore(rubric[0], v)).not.toThrow();
  });

  it('refuses values off the grid or outside the scale with the scale in the error', () => {
    for (const v of [7.3, -0.5, 10.5, Number.NaN]) {
      expect(() => validateScore(rubric[0], v)).toThrow(expect.objectContaining({ code: 'SCORE_OUT_OF_RANGE', params: expect.objectContaining({ min: 0, max: 10, step: 0.5 }) }));
    }
    expect(() => validateScore(dim('x', 1, 1), 7.5)).toThrow(expect.objectContaining({ code: 'SCORE_OUT_OF_RANGE' }));
  });
});

describe('weighted totals', () => {
  it('are the weighted mean on the rubric scale', () => {
    // 0.4×8 + 0.3×6 + 0.3×9 = 3.2 + 1.8 + 2.7 = 7.7
    expect(weightedTotal(rubric, { content: 8, creativity: 6, communication: 9 })).toEqual({ total: 7.7, missing: [] });
  });

  it('do not depend on whether the weights add up to one', () => {
    const doubled = rubric.map((d) => ({ ...d, weight: d.weight * 2 }));
    expect(weightedTotal(doubled, { content: 8, creativity: 6, communication: 9 }).total).toBe(7.7);
  });

  it('name the dimensions still missing and give no final total until all are scored', () => {
    expect(weightedTotal(rubric, { content: 8 })).toEqual({ total: null, missing: ['creativity', 'communication'] });
  });

  it('give a running total over what is scored so far', () => {
    expect(partialTotal(rubric, {})).toBeNull();
    expect(partialTotal(rubric, { content: 8, creativity: 6 })).toBe(7.14); // (3.2 + 1.8) / 0.7
  });
});
