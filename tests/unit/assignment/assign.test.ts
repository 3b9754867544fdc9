import { describe, expect, it } from 'vitest';
import { type AssignEntry, type AssignInput, type AssignJudge, assignJudges } from '../../../src-main/core/assignment/assign';
import { violations } from './check';

const entry = (id: number, over: Partial<AssignEntry> = {}): AssignEntry => ({
  id,
  kind: 'work',
  category: 'graphic',
  entrantName: `作者${id}`,
  entrantUnit: null,
  ...over,
});
const judge = (id: string, institution: string | null = null, specialities: string[] = []): AssignJudge => ({ id, institution, specialities });
const judgesOf = (result: { pairs: { entryId: number; judgeId: string }[] }, entryId: number) => result.pairs.filter((p) => p.entryId === entryId).map((p) => p.judgeId);

describe('institution exclusion', () => {
  const judges = [judge('a', '四川大学华西医院'), judge('b', '四川省人民医院'), judge('c', 'WCH Hospital'), judge('d', null)];

  it('never gives an entrant a judge from their unit, however the unit is spelled', () => {
    const input: AssignInput = {
      entries: [entry(1, { entrantUnit: ' 四川大学 华西医院 ' }), entry(2, { entrantUnit: '四川省人民医院。' }), entry(3, { entrantUnit: 'ｗｃｈ－ｈｏｓｐｉｔａｌ' })],
      judges,
      perEntry: 3,
      seed: 's',
    };
    const result = assignJudges(input);
    expect(judgesOf(result, 1)).toEqual(['b', 'c', 'd']);
    expect(judgesOf(result, 2)).toEqual(['a', 'c', 'd']);
    expect(judgesOf(result, 3)).toEqual(['a', 'b', 'd']);
    expect(violations(input, result)).toEqual([]);
  });

  it('treats a unit that enters under its own name like the judge institution of that name', () => {
    const input: AssignInput = { entries: [entry(7, { entrantName: '四川大学（华西医院）', entrantUnit: null })], judges, perEntry: 3, seed: 's' };
    expect(judgesOf(assignJudges(input), 7)).toEqual(['b', 'c', 'd']);
  });

  it('does not exclude anybody because of an empty or punctuation-only unit', () => {
    const input: AssignInput = { entries: [entry(1, { entrantUnit: '—', entrantName: ' ' })], judges: [judge('x', '、'), judge('y', null)], perEntry: 2, seed: 's' };
    expect(judgesOf(assignJudges(input), 1)).toEqual(['x', 'y']);
  });
});

describe('conflicts, fixed pairs and shortfalls', () => {
  const judges = ['a', 'b', 'c', 'd'].map((id) => judge(id));

  it('never assigns a declared conflict', () => {
    const input: AssignInput = { entries: [entry(1), entry(2)], judges, perEntry: 3, conflicts: [{ entryId: 1, judgeId: 'a' }, { entryId: 1, judgeId: 'b' }], seed: 's' };
    const result = assignJudges(input);
    expect(judgesOf(result, 1)).toEqual(['c', 'd']);
    expect(result.shortfalls).toEqual([{ entryId: 1, assigned: 2, wanted: 3, reason: 'not_enough_eligible_judges' }]);
  });

  it('keeps fixed pairs out of the new pairs but counts them towards k and the load', () => {
    const input: AssignInput = { entries: [entry(1), entry(2)], judges, perEntry: 3, fixed: [{ entryId: 1, judgeId: 'a' }, { entryId: 1, judgeId: 'b' }], seed: 's' };
    const result = assignJudges(input);
    expect(judgesOf(result, 1)).toHaveLength(1);
    expect(judgesOf(result, 1)).not.toContain('a');
    expect(judgesOf(result, 1)).not.toContain('b');
    expect(result.pairs).toHaveLength(4);
    // 2 fixed + 4 new over 4 judges: every judge ends with load 1 or 2, and the totals add up.
    expect(result.load.reduce((s, l) => s + l.assigned, 0)).toBe(6);
    expect(result.stats.maxLoad - result.stats.minLoad).toBeLessThanOrEqual(1);
    expect(violations(input, result)).toEqual([]);
  });

  it('counts a fixed pair of an entry outside the run towards the judge load only', () => {
    const input: AssignInput = { entries: [entry(1)], judges: [judge('a'), judge('b')], perEntry: 1, fixed: [{ entryId: 99, judgeId: 'a' }], seed: 's' };
    const result = assignJudges(input);
    expect(result.pairs).toEqual([{ entryId: 1, judgeId: 'b' }]);
    expect(result.load).toEqual([{ judgeId: 'a', assigned: 1 }, { judgeId: 'b', assigned: 1 }]);
  });

  it('keeps a fixed pair that breaks a rule, as the coordinator decided, and reports it', () => {
    const input: AssignInput = {
      entries: [entry(1, { entrantUnit: '成都市第一人民医院' }), entry(2)],
      judges: [judge('a', '成都市第一人民医院'), judge('b')],
      perEntry: 1,
      fixed: [{ entryId: 1, judgeId: 'a' }, { entryId: 2, judgeId: 'b' }],
      conflicts: [{ entryId: 2, judgeId: 'b' }],
      seed: 's',
    };
    const result = assignJudges(input);
    expect(result.pairs).toEqual([]);
    expect(result.fixedViolations).toEqual([
      { entryId: 1, judgeId: 'a', reason: 'same_institution' },
      { entryId: 2, judgeId: 'b', reason: 'declared_conflict' },
    ]);
  });

  it('reports a shortfall with its reason when k exceeds the eligible judges', () => {
    const input: AssignInput = { entries: [entry(1), entry(2, { entrantUnit: 'X' })], judges: [judge('a', 'X'), judge('b'), judge('c')], perEntry: 5, seed: 's' };
    const result = assignJudges(input);
    expect(judgesOf(result, 1)).toEqual(['a', 'b', 'c']);
    expect(judgesOf(result, 2)).toEqual(['b', 'c']);
    expect(result.shortfalls).toEqual([
      { entryId: 1, assigned: 3, wanted: 5, reason: 'not_enough_eligible_judges' },
      { entryId: 2, assigned: 2, wanted: 5, reason: 'not_enough_eligible_judges' },
    ]);
  });

  it('with no judges at all, reports every entry short and loads of zero', () => {
    const result = assignJudges({ entries: [entry(1), entry(2)], judges: [], perEntry: 3, seed: 's' });
    expect(result.pairs).toEqual([]);
    expect(result.shortfalls.map((s) => s.assigned)).toEqual([0, 0]);
    expect(result.stats).toMatchObject({ entries: 2, judges: 0, minLoad: 0, maxLoad: 0 });
  });
});

describe('category matching', () => {
  // Two video specialists, two graphic specialists; two videos and two graphics, k = 2.
  const judges = [judge('v1', null, ['video']), judge('v2', null, ['VIDEO ']), judge('g1', null, ['graphic']), judge('g2', null, ['graphic'])];
  const entries = [entry(1, { category: 'video' }), entry(2, { category: 'video' }), entry(3, { category: 'graphic' }), entry(4, { category: 'graphic' })];

  it('gives videos to video experts and graphics to graphic experts when loads allow', () => {
    const result = assignJudges({ entries, judges, perEntry: 2, categoryMatching: true, seed: 's' });
    expect(judgesOf(result, 1)).toEqual(['v1', 'v2']);
    expect(judgesOf(result, 2)).toEqual(['v1', 'v2']);
    expect(judgesOf(result, 3)).toEqual(['g1', 'g2']);
    expect(judgesOf(result, 4)).toEqual(['g1', 'g2']);
    expect(result.stats.matchedBySpeciality).toBe(8);
  });

  it('matches on the entry kind as well as its category', () => {
    const input: AssignInput = { entries: [entry(1, { kind: 'account', category: null })], judges: [judge('a'), judge('b', null, ['account'])], perEntry: 1, categoryMatching: true, seed: 's' };
    expect(assignJudges(input).pairs).toEqual([{ entryId: 1, judgeId: 'b' }]);
  });

  it('stops preferring a specialist whose load exceeds the lightest other judge by more than 1', () => {
    // Six videos, one video expert among three judges, k = 1: the expert takes videos until it is
    // two ahead, then the others get them; loads end 3, 2 and 1 at worst, never 4-1-1.
    const input: AssignInput = {
      entries: [1, 2, 3, 4, 5, 6].map((id) => entry(id, { category: 'video' })),
      judges: [judge('v', null, ['video']), judge('x'), judge('y')],
      perEntry: 1,
      categoryMatching: true,
      seed: 's',
    };
    const result = assignJudges(input);
    const load = Object.fromEntries(result.load.map((l) => [l.judgeId, l.assigned]));
    expect(load.v).toBe(3);
    expect(result.stats.maxLoad - result.stats.minLoad).toBeLessThanOrEqual(2);
    expect(result.stats.matchedBySpeciality).toBe(3);
  });

  it('ignores specialities when matching is off, keeping loads within 1', () => {
    const result = assignJudges({ entries, judges, perEntry: 2, categoryMatching: false, seed: 's' });
    expect(result.stats.maxLoad - result.stats.minLoad).toBeLessThanOrEqual(1);
    expect(result.load.every((l) => l.assigned === 2)).toBe(true);
  });
});

describe('input errors', () => {
  it('refuses a judges-per-entry that is not a whole number of at least 1', () => {
    for (const perEntry of [0, -1, 2.5, Number.NaN]) {
      expect(() => assignJudges({ entries: [], judges: [], perEntry, seed: 's' })).toThrow(expect.objectContaining({ code: 'INVALID_REQUEST' }));
    }
  });

  it('refuses an entry or a judge listed twice', () => {
    expect(() => assignJudges({ entries: [entry(1), entry(1)], judges: [], perEntry: 1, seed: 's' })).toThrow(expect.objectContaining({ code: 'INVALID_REQUEST', params: { entryId: 1 } }));
    expect(() => assignJudges({ entries: [], judges: [judge('a'), judge('a')], perEntry: 1, seed: 's' })).toThrow(expect.objectContaining({ code: 'INVALID_REQUEST', params: { judgeId: 'a' } }));
  });

  it('refuses a fixed pair naming a judge outside the pool, and ignores such a conflict', () => {
    const base = { entries: [entry(1)], judges: [judge('a')], perEntry: 1, seed: 's' };
    expect(() => assignJudges({ ...base, fixed: [{ entryId: 1, judgeId: 'ghost' }] })).toThrow(expect.objectContaining({ code: 'JUDGE_NOT_FOUND' }));
    expect(assignJudges({ ...base, conflicts: [{ entryId: 1, judgeId: 'ghost' }] }).pairs).toEqual([{ entryId: 1, judgeId: 'a' }]);
  });
});
