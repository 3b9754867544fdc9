import { describe, expect, it } from 'vitest';
import { assignJudges } from '../../../src-main/core/assignment/assign';
import { summarizeCoverage } from '../../../src-main/core/assignment/coverage';
import { generateInput } from './generate';

describe('coverage summary', () => {
  it('gives the load per judge and the coverage per entry, sorted by id', () => {
    const summary = summarizeCoverage({
      entryIds: [3, 1, 2],
      judgeIds: ['b', 'a', 'c'],
      perEntry: 2,
      pairs: [
        { entryId: 1, judgeId: 'a' },
        { entryId: 1, judgeId: 'b' },
        { entryId: 2, judgeId: 'a' },
      ],
    });
    expect(summary.judges).toEqual([{ judgeId: 'a', assigned: 2 }, { judgeId: 'b', assigned: 1 }, { judgeId: 'c', assigned: 0 }]);
    expect(summary.entries).toEqual([
      { entryId: 1, assigned: 2, wanted: 2, missing: 0 },
      { entryId: 2, assigned: 1, wanted: 2, missing: 1 },
      { entryId: 3, assigned: 0, wanted: 2, missing: 2 },
    ]);
    expect(summary.totals).toEqual({ pairs: 3, entries: 3, judges: 3, covered: 1, partial: 1, unassigned: 1, missing: 3, minLoad: 0, maxLoad: 2, strays: 0, duplicates: 0 });
  });

  it('counts a repeated pair once and a pair naming an unknown entry or judge as a stray', () => {
    const summary = summarizeCoverage({
      entryIds: [1],
      judgeIds: ['a'],
      perEntry: 1,
      pairs: [
        { entryId: 1, judgeId: 'a' },
        { entryId: 1, judgeId: 'a' },
        { entryId: 9, judgeId: 'a' },
        { entryId: 1, judgeId: 'zz' },
      ],
    });
    expect(summary.totals).toMatchObject({ pairs: 1, covered: 1, strays: 2, duplicates: 1, maxLoad: 1 });
  });

  it('agrees with the assignment it summarises, fixed pairs included', () => {
    const g = generateInput({ entries: 300, judges: 12, seed: 5, institutions: 6, fixed: 40, conflicts: 40 });
    const result = assignJudges({ ...g, perEntry: 3, seed: 'cover' });
    const summary = summarizeCoverage({ entryIds: g.entries.map((e) => e.id), judgeIds: g.judges.map((j) => j.id), perEntry: 3, pairs: [...g.fixed, ...result.pairs] });
    expect(summary.judges).toEqual(result.load);
    expect(summary.totals.partial + summary.totals.unassigned).toBe(result.shortfalls.length);
    expect(summary.entries.filter((e) => e.missing > 0).map((e) => ({ entryId: e.entryId, assigned: e.assigned }))).toEqual(
      result.shortfalls.map((s) => ({ entryId: s.entryId, assigned: s.assigned })),
    );
  });
});
