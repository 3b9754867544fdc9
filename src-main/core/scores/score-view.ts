// One (entry, round)'s judges as the coordinator reads them: each judge's scores in rubric order
// with the override in effect beside the signed score, the signed total and the total in effect,
// the state (a declared conflict first: such a review counts for nothing), and across the judges
// the spread of the totals with the disagreement flag.
// Disagreement rule: the spread (max − min) of the totals in effect of the judges who scored every
// dimension (a conflict is not counted) is flagged when it exceeds DISAGREEMENT_SHARE (20 %) of the
// total's scale (the weighted total's max − min, e.g. 2 points on a 0–10 rubric). It needs two
// totals. Pure.
import type { JudgeEntryScores, RoundEntryScores, RubricDimension } from '../../contract';
import { DISAGREEMENT_SHARE } from '../../contract/scores';
import { weightedTotal } from '../review/scoring';
import type { JudgeReview } from './judge-reviews';

/** The weighted total's range on the rubric (its scale is the dimensions' scales weighted). */
export function totalScale(rubric: readonly RubricDimension[]): { min: number; max: number } {
  const weights = rubric.reduce((s, d) => s + d.weight, 0);
  return {
    min: rubric.reduce((s, d) => s + d.weight * d.scale.min, 0) / weights,
    max: rubric.reduce((s, d) => s + d.weight * d.scale.max, 0) / weights,
  };
}

export function judgeEntryScores(rubric: readonly RubricDimension[], review: JudgeReview): JudgeEntryScores {
  const effective: Record<string, number> = { ...review.scores };
  for (const [d, o] of Object.entries(review.overrides)) effective[d] = o.value;
  const state: JudgeEntryScores['state'] = review.conflict ? 'conflict' : review.status === 'complete' ? 'complete' : review.status === null && Object.keys(review.scores).length === 0 ? 'not_started' : 'in_progress';
  return {
    judgeId: review.judgeId,
    name: review.judgeName,
    institution: review.institution,
    assigned: review.assigned,
    state,
    scores: rubric.map((d) => ({ dimension: d.key, signed: review.scores[d.key] ?? null, override: review.overrides[d.key] ?? null })),
    signedTotal: weightedTotal(rubric, review.scores).total,
    total: weightedTotal(rubric, effective).total,
    comment: review.comment,
    eligibility: review.eligibility,
    conflict: review.conflict,
  };
}

export function roundSpread(rubric: readonly RubricDimension[], judges: readonly JudgeEntryScores[]): Pick<RoundEntryScores, 'spread' | 'threshold' | 'disagreement'> {
  const scale = totalScale(rubric);
  const threshold = Math.round((scale.max - scale.min) * DISAGREEMENT_SHARE * 100) / 100;
  const totals = judges.filter((j) => j.state !== 'conflict' && j.total !== null).map((j) => j.total as number);
  if (totals.length < 2) return { spread: null, threshold, disagreement: false };
  const spread = Math.round((Math.max(...totals) - Math.min(...totals)) * 100) / 100;
  return { spread, threshold, disagreement: spread > threshold };
}
