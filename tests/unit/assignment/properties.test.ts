import { describe, expect, it } from 'vitest';
import { type AssignInput, assignJudges } from '../../../src-main/core/assignment/assign';
import { mulberry32 } from '../../../src-main/core/assignment/seeded';
import { improvingChain, optimalMaxLoad, violations } from './check';
import { generateInput, shuffled } from './generate';

/**
 * Many small random inputs: 1–12 judges, 0–40 entries, k 1–6, few institutions so rules bite.
 * "Hard" ones pile on conflicts and fixed pairs, which is where the greedy pass needs the repair.
 */
function smallCases(count: number, seed: number, hard = false): AssignInput[] {
  const random = mulberry32(seed);
  return Array.from({ length: count }, (_, i) => {
    const judges = 1 + Math.floor(random() * 12);
    const entries = Math.floor(random() * 41);
    const g = generateInput({
      entries,
      judges,
      seed: seed * 1000 + i,
      institutions: 1 + Math.floor(random() * (hard ? 3 : 6)),
      judgesWithoutInstitution: random() * 0.5,
      conflicts: Math.floor(random() * entries * (hard ? 3 : 0.3)),
      fixed: Math.floor(random() * entries * (hard ? 2 : 0.5)),
    });
    return { ...g, perEntry: 1 + Math.floor(random() * 6), categoryMatching: random() < 0.5, seed: `case-${i}` };
  });
}

const cases = smallCases(400, 11);
const hardCases = smallCases(300, 12, true);
const sortedPairs = (pairs: { entryId: number; judgeId: string }[]) => pairs.map((p) => `${p.entryId}|${p.judgeId}`).sort();

describe('assignment properties over random inputs', () => {
  it('never breaks a rule: no duplicate pair, institution, conflict or fixed judge, full coverage where possible', () => {
    for (const input of [...cases, ...hardCases]) expect(violations(input, assignJudges(input)), input.seed).toEqual([]);
  });

  it('leaves no chain of moves towards a judge lighter by 2 (3 with category matching)', () => {
    for (const input of [...cases, ...hardCases]) {
      const result = assignJudges(input);
      expect(improvingChain(input, result, input.categoryMatching ? 3 : 2), input.seed).toBeNull();
    }
  });

  it('reaches the lowest possible maximum load when category matching is off', () => {
    for (const input of [...cases, ...hardCases].filter((c) => !c.categoryMatching)) {
      const result = assignJudges(input);
      if (input.judges.length === 0) continue;
      expect(result.stats.maxLoad, input.seed).toBe(optimalMaxLoad(input));
    }
  });

  it('keeps loads within 1 (2 with category matching) when every judge may take every entry', () => {
    for (let i = 0; i < 100; i++) {
      const g = generateInput({ entries: 30 + i * 7, judges: 3 + (i % 25), seed: 500 + i, judgesWithoutInstitution: 1 });
      for (const categoryMatching of [false, true]) {
        const result = assignJudges({ ...g, perEntry: 1 + (i % 5), categoryMatching, seed: `free-${i}` });
        expect(result.stats.maxLoad - result.stats.minLoad).toBeLessThanOrEqual(categoryMatching ? 2 : 1);
        expect(result.stats.rebalanceMoves).toBe(0);
      }
    }
  });

  it('gives the same pairs whatever order entries, judges, conflicts and fixed pairs come in', () => {
    for (const [i, input] of [...cases.slice(0, 150), ...hardCases.slice(0, 150)].entries()) {
      const permuted: AssignInput = {
        ...input,
        entries: shuffled(input.entries, i),
        judges: shuffled(input.judges, i + 1),
        conflicts: shuffled(input.conflicts ?? [], i + 2),
        fixed: shuffled(input.fixed ?? [], i + 3),
      };
      expect(assignJudges(permuted)).toEqual(assignJudges(input));
    }
  });

  it('gives byte-identical output for the same inputs and seed', () => {
    for (const input of cases.slice(0, 100)) expect(JSON.stringify(assignJudges(input))).toBe(JSON.stringify(assignJudges({ ...input })));
  });

  it('gives a different but still valid assignment for a different seed', () => {
    const g = generateInput({ entries: 500, judges: 30, seed: 3, institutions: 10, conflicts: 50, fixed: 30 });
    for (const categoryMatching of [false, true]) {
      const a = assignJudges({ ...g, perEntry: 3, categoryMatching, seed: 'one' });
      const input = { ...g, perEntry: 3, categoryMatching, seed: 'two' };
      const b = assignJudges(input);
      expect(sortedPairs(b.pairs)).not.toEqual(sortedPairs(a.pairs));
      expect(violations(input, b)).toEqual([]);
      expect(b.pairs.length).toBe(a.pairs.length);
      // Without matching both are optimally balanced, so their spreads agree.
      if (!categoryMatching) expect(b.stats.maxLoad - b.stats.minLoad).toBe(a.stats.maxLoad - a.stats.minLoad);
    }
  });

  it('matches more entries to specialists with category matching on than off', () => {
    const g = generateInput({ entries: 2000, judges: 40, seed: 21 });
    const off = assignJudges({ ...g, perEntry: 3, seed: 's' });
    const on = assignJudges({ ...g, perEntry: 3, categoryMatching: true, seed: 's' });
    expect(on.stats.matchedBySpeciality).toBeGreaterThan(off.stats.matchedBySpeciality * 2);
  });
});

describe('assignment at national scale', () => {
  it('assigns 50,000 entries × 5 judges over 200 judges: 250,000 valid pairs, loads 1250 each', () => {
    const g = generateInput({ entries: 50_000, judges: 200, seed: 2023, judgesWithoutInstitution: 1 });
    const input: AssignInput = { ...g, perEntry: 5, seed: 'national' };
    const result = assignJudges(input);
    expect(result.pairs).toHaveLength(250_000);
    expect(result.shortfalls).toEqual([]);
    expect(result.stats).toMatchObject({ minLoad: 1250, maxLoad: 1250 });
    expect(new Set(result.pairs.map((p) => `${p.entryId}|${p.judgeId}`)).size).toBe(250_000);
  });

  it('keeps every rule at that scale with real institutions and category matching', () => {
    const g = generateInput({ entries: 50_000, judges: 200, seed: 2024, conflicts: 2000, fixed: 5000 });
    const input: AssignInput = { ...g, perEntry: 5, categoryMatching: true, seed: 'national' };
    const result = assignJudges(input);
    expect(violations(input, result)).toEqual([]);
    expect(result.stats.maxLoad - result.stats.minLoad).toBeLessThanOrEqual(2);
  });
});
