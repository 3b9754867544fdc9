import { describe, expect, it } from 'vitest';
import { aggregate } from '../../../src-main/core/ranking/aggregate';
import { type Answer, type Applicant, describeRejection, type EligibilityAnswer, itemPasses, selectCommittee } from '../../../src-main/core/ranking/committee';
import type { CommitteeConfig } from '../../../src-main/core/ranking/config';
import { flat, rubric } from './fixtures';

const items = ['doctor', 'attending', 'oncology'];

/** answers[item] = one answer per judge j1, j2, j3… in order; null: that judge did not answer. */
function answersFor(entryId: number, answers: Record<string, (Answer | null)[]>): EligibilityAnswer[] {
  return Object.entries(answers).flatMap(([item, list]) =>
    list.flatMap((answer, j) => (answer === null ? [] : [{ entryId, judgeId: `j${j + 1}`, item, answer }])),
  );
}

const scores = [
  ...flat(1, 'j1', 8), ...flat(1, 'j2', 9), ...flat(1, 'j3', 7),
  ...flat(2, 'j1', 6), ...flat(2, 'j2', 6), ...flat(2, 'j3', 7.5),
  ...flat(3, 'j1', 9), ...flat(3, 'j2', 9), ...flat(3, 'j3', 9),
];
const result = aggregate({ rubric, scores });
const applicants: Applicant[] = result.entries.map((a) => ({ entryId: a.entryId, regNo: `CACA21-000${a.entryId}`, aggregate: a, flags: [] }));
const answers = [
  // P1: doctor 3 × yes; attending yes / no / unsure (1 of 3); oncology yes / yes / unsure (2 of 3).
  ...answersFor(1, { doctor: ['yes', 'yes', 'yes'], attending: ['yes', 'no', 'unsure'], oncology: ['yes', 'yes', 'unsure'] }),
  // P2: all yes except oncology: yes / unsure (2 answering, 1 yes: half is not a majority).
  ...answersFor(2, { doctor: ['yes', 'yes', 'yes'], attending: ['yes', 'yes', 'yes'], oncology: ['yes', 'unsure', null] }),
  // P3: every item yes / yes / yes.
  ...answersFor(3, { doctor: ['yes', 'yes', 'yes'], attending: ['yes', 'yes', 'yes'], oncology: ['yes', 'yes', 'yes'] }),
];
const config = (over: Partial<CommitteeConfig> = {}): CommitteeConfig => ({ rule: 'majority', minScore: null, method: 'mean', ...over });

describe('the eligibility rule', () => {
  it("counts 'unsure' as an answer that is not a yes", () => {
    expect(itemPasses('majority', 2, 3)).toBe(true);
    expect(itemPasses('majority', 2, 4)).toBe(false);
    expect(itemPasses('unanimous', 2, 3)).toBe(false);
    expect(itemPasses('unanimous', 3, 3)).toBe(true);
    expect(itemPasses('any', 1, 5)).toBe(true);
    expect(itemPasses('any', 0, 0)).toBe(false);
  });
});

describe('committee selection', () => {
  it('by majority: an item passes with more than half of the answering judges saying yes', () => {
    const c = selectCommittee(applicants, items, answers, [], config());
    expect(c.members.map((m) => m.regNo)).toEqual(['CACA21-0003']);
    expect(c.rejected.map((r) => [r.regNo, r.reasons])).toEqual([
      ['CACA21-0001', [{ code: 'item_failed', item: 'attending', rule: 'majority', yes: 1, no: 1, unsure: 1 }]],
      ['CACA21-0002', [{ code: 'item_failed', item: 'oncology', rule: 'majority', yes: 1, no: 0, unsure: 1 }]],
    ]);
    expect(c.rejected[0].items.map((i) => [i.item, i.passed])).toEqual([['doctor', true], ['attending', false], ['oncology', true]]);
  });

  it('unanimously: every answer must be yes, so an unsure fails the item', () => {
    const c = selectCommittee(applicants, items, answers, [], config({ rule: 'unanimous' }));
    expect(c.rejected.find((r) => r.regNo === 'CACA21-0001')?.reasons.map((r) => describeRejection(r))).toEqual([
      'attending: 1 yes, 1 no, 1 unsure — not a unanimous yes',
      'oncology: 2 yes, 0 no, 1 unsure — not a unanimous yes',
    ]);
    expect(c.members.map((m) => m.regNo)).toEqual(['CACA21-0003']);
  });

  it("with 'any': one yes is enough", () => {
    const c = selectCommittee(applicants, items, answers, [], config({ rule: 'any' }));
    expect(c.members.map((m) => [m.regNo, m.score])).toEqual([['CACA21-0003', 9], ['CACA21-0001', 8], ['CACA21-0002', 6.5]]);
  });

  it("leaves out a conflicted judge's answers", () => {
    // Without j2, P1's oncology is yes / unsure: 1 of 2, no longer a majority.
    const c = selectCommittee(applicants, items, answers, [{ entryId: 1, judgeId: 'j2' }], config({ rule: 'majority' }));
    expect(c.rejected[0].reasons).toContainEqual({ code: 'item_failed', item: 'oncology', rule: 'majority', yes: 1, no: 0, unsure: 1 });
  });

  it('rejects below the works score threshold, with the values, and lists every reason', () => {
    // Means: P1 (8 + 9 + 7)/3 = 8, P2 (6 + 6 + 7.5)/3 = 6.5, P3 9.
    const c = selectCommittee(applicants, items, answers, [], config({ rule: 'any', minScore: 7 }));
    expect(c.members.map((m) => m.regNo)).toEqual(['CACA21-0003', 'CACA21-0001']);
    expect(c.rejected).toMatchObject([{ regNo: 'CACA21-0002', score: 6.5, reasons: [{ code: 'score_below', method: 'mean', score: 6.5, minScore: 7 }] }]);
    expect(describeRejection(c.rejected[0].reasons[0])).toBe('mean score 6.5 below 7');
    const strict = selectCommittee(applicants, items, answers, [], config({ rule: 'majority', minScore: 7 }));
    expect(strict.rejected.find((r) => r.regNo === 'CACA21-0002')?.reasons.map((r) => r.code)).toEqual(['item_failed', 'score_below']);
  });

  it('fails an item nobody answered, and an applicant without a score when a score is required', () => {
    const c = selectCommittee([{ entryId: 9, regNo: 'CACA21-0009', aggregate: null, flags: [] }], ['doctor'], [], [], config({ minScore: 6 }));
    expect(c.rejected[0].reasons).toEqual([{ code: 'no_answers', item: 'doctor' }, { code: 'no_score', method: 'mean' }]);
  });

  it('holds a flagged applicant: neither member nor rejected', () => {
    const flagged = applicants.map((a) => (a.entryId === 3 ? { ...a, flags: [{ code: 'incomplete_coverage' as const, params: { judges: 3, wanted: 5 } }] } : a));
    const c = selectCommittee(flagged, items, answers, [], config());
    expect(c.members).toEqual([]);
    expect(c.held.map((h) => [h.regNo, h.flags[0].code])).toEqual([['CACA21-0003', 'incomplete_coverage']]);
  });
});

describe('committee selection with several lists', () => {
  it("checks each applicant against its own list's items, not every list's", () => {
    // P2 applies to a second list that asks only 'doctor' and 'attending': its oncology votes do
    // not count against it (without its own items it fails oncology, as above).
    const own = applicants.map((a) => (a.entryId === 2 ? { ...a, items: ['doctor', 'attending'] } : a));
    const c = selectCommittee(own, items, answers, [], config());
    expect(c.members.map((m) => m.regNo)).toEqual(['CACA21-0003', 'CACA21-0002']);
    expect(c.members.find((m) => m.regNo === 'CACA21-0002')?.items.map((i) => i.item)).toEqual(['doctor', 'attending']);
    expect(c.rejected.map((r) => r.regNo)).toEqual(['CACA21-0001']);
  });
});
