// Score rules, pure: a value must lie on the dimension's scale and on its step grid (a 0–10 scale
// with step 0.5 accepts 7.5, not 7.3); the weighted total is Σ(weight × score) / Σ(weight), so it
// stays on the rubric's scale whatever the weights add up to. A total needs every dimension.
import type { RubricDimension } from '../../contract';
import { KepuError } from '../errors';

const EPSILON = 1e-9;

export function validateScore(dimension: RubricDimension, value: number): void {
  const { min, max, step } = dimension.scale;
  const steps = (value - min) / step;
  if (!Number.isFinite(value) || value < min - EPSILON || value > max + EPSILON || Math.abs(steps - Math.round(steps)) > 1e-6) {
    throw new KepuError('SCORE_OUT_OF_RANGE', `review: ${dimension.key} = ${value} is not on ${min}–${max} step ${step}`, {
      dimension: dimension.key,
      value,
      min,
      max,
      step,
    });
  }
}

export interface TotalResult {
  /** Weighted mean on the rubric scale, rounded to 2 decimals; null until every dimension has a score. */
  total: number | null;
  /** Dimensions without a score, in rubric order. */
  missing: string[];
}

export function weightedTotal(rubric: readonly RubricDimension[], scores: Readonly<Record<string, number>>): TotalResult {
  const missing = rubric.filter((d) => scores[d.key] === undefined).map((d) => d.key);
  if (missing.length > 0 || rubric.length === 0) return { total: null, missing };
  const weightSum = rubric.reduce((sum, d) => sum + d.weight, 0);
  const total = rubric.reduce((sum, d) => sum + d.weight * scores[d.key], 0) / weightSum;
  return { total: Math.round(total * 100) / 100, missing };
}

/** A partial total for the queue and the live display: weighted mean over what is scored so far. */
export function partialTotal(rubric: readonly RubricDimension[], scores: Readonly<Record<string, number>>): number | null {
  const scored = rubric.filter((d) => scores[d.key] !== undefined);
  if (scored.length === 0) return null;
  const weightSum = scored.reduce((sum, d) => sum + d.weight, 0);
  return Math.round((scored.reduce((sum, d) => sum + d.weight * scores[d.key], 0) / weightSum) * 100) / 100;
}
