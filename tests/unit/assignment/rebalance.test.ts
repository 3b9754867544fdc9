import { describe, expect, it } from 'vitest';
import { type Placement, rebalance } from '../../../src-main/core/assignment/rebalance';

const A = 0;
const B = 1;
const C = 2;

/** k = 1 placements: slots[e] is the judge of entry e. */
function placement(slots: number[], excluded: number[][], isSpecialist: Placement['isSpecialist'] = null): Placement {
  const load = new Int32Array(3);
  for (const j of slots) load[j]++;
  return { judges: 3, perEntry: 1, load, slots: Int32Array.from(slots), excluded, fixed: slots.map(() => []), isSpecialist };
}

describe('load repair', () => {
  it('moves work along a chain when no direct move helps: A → B → C', () => {
    // A holds e0–e2, which C may not take; B holds e3, e4; C holds e5. Loads 3, 2, 1: A cannot
    // give to B (2 would not be lighter by 2), but B can give e3 to C while A gives e0 to B.
    const p = placement([A, A, A, B, B, C], [[C], [C], [C], [], [], []]);
    const stats = rebalance(p, 2);
    expect([...p.load]).toEqual([2, 2, 2]);
    expect(stats).toEqual({ moves: 2, chains: 1 });
    expect([...p.slots]).toEqual([B, A, A, C, B, C]);
  });

  it('stops when no chain reaches a judge light enough, leaving the placement as it was', () => {
    // Only A may take e0–e3; C is idle but excluded everywhere: nothing can move.
    const p = placement([A, A, A, A], [[B, C], [B, C], [B, C], [B, C]]);
    expect(rebalance(p, 2)).toEqual({ moves: 0, chains: 0 });
    expect([...p.slots]).toEqual([A, A, A, A]);
  });

  it('moves a pair whose specialist match it keeps before one it would lose', () => {
    // A is a specialist for e0 and e1 only, B for none, C may take nothing. Threshold 3 (matching
    // on): one move, and it is e2, not e0 or e1.
    const specialist = (e: number, j: number) => j === A && e < 2;
    const p = placement([A, A, A, A], [[C], [C], [C], [C]], specialist);
    rebalance(p, 3);
    expect([...p.load]).toEqual([3, 1, 0]);
    expect([...p.slots]).toEqual([A, A, B, A]);
  });
});
