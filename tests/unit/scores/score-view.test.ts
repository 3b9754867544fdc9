// The disagreement rule of the entry view (core/scores/score-view.ts): the spread of the totals in
// effect of the judges who scored every dimension, flagged above 20 % of the total's scale; a
// conflict and an incomplete review are not counted; an override moves the total in effect only.
import { describe, expect, it } from 'vitest';
import type { RubricDimension } from '../../../src-main/contract';
import type { JudgeReview } from '../../../src-main/core/scores/judge-reviews';
import { judgeEntryScores, roundSpread, totalScale } from '../../../src-main/core/scores/score-view';

const dim = (key: string, weight: number, min = 0, max = 10): RubricDimension => ({
  key,
  label: { 'zh-CN': key, en: key },
  description: { 'zh-CN': '', en: '' },
  weight,
  scale: { min, max, step: 1 },
  anchors: [],
});
const rubric = [dim('a', 0.5), dim('b', 0.3), dim('c', 0.2)];

function review(judgeId: string, scores: Record<string, number>, extra: Partial<JudgeReview> = {}): JudgeReview {
  return { entryId: 1, roundNo: 1, judgeId, judgeName: judgeId.toUpperCase(), institution: null, assigned: true, status: 'complete', scores, overrides: {}, comment: null, eligibility: [], conflict: null, ...extra };
}

describe('entry view scores', () => {
  it('weighted totals, signed beside in effect, states', () => {
    const j = judgeEntryScores(rubric, review('x', { a: 8, b: 6, c: 4 }, { overrides: { a: { id: 1, value: 10, reason: 'typo', actor: 'local', at: '2026-01-01T00:00:00Z' } } }));
    expect(j.signedTotal).toBe(6.6);
    expect(j.total).toBe(7.6);
    expect(j.scores[0]).toMatchObject({ dimension: 'a', signed: 8, override: { value: 10 } });
    expect(judgeEntryScores(rubric, review('y', {}, { status: null })).state).toBe('not_started');
    expect(judgeEntryScores(rubric, review('y', { a: 1 }, { status: 'in_progress' })).total).toBeNull();
    expect(judgeEntryScores(rubric, review('y', { a: 1, b: 1, c: 1 }, { conflict: { reason: 'r', declaredAt: 'd' } })).state).toBe('conflict');
  });

  it('spread and the 20 % rule', () => {
    expect(totalScale([dim('a', 1, 1, 5), dim('b', 3, 0, 100)])).toEqual({ min: 0.25, max: 76.25 });
    const a = judgeEntryScores(rubric, review('a', { a: 8, b: 8, c: 8 }));
    const b = judgeEntryScores(rubric, review('b', { a: 6, b: 6, c: 6 }));
    const c = judgeEntryScores(rubric, review('c', { a: 5, b: 5, c: 5 }));
    const conflicted = judgeEntryScores(rubric, review('d', { a: 0, b: 0, c: 0 }, { conflict: { reason: 'r', declaredAt: 'd' } }));
    const partial = judgeEntryScores(rubric, review('e', { a: 0 }, { status: 'in_progress' }));
    // 8 − 6 = 2 is not above 20 % of 10.
    expect(roundSpread(rubric, [a, b, conflicted, partial])).toEqual({ spread: 2, threshold: 2, disagreement: false });
    expect(roundSpread(rubric, [a, b, c])).toEqual({ spread: 3, threshold: 2, disagreement: true });
    expect(roundSpread(rubric, [a, conflicted])).toEqual({ spread: null, threshold: 2, disagreement: false });
  });
});
