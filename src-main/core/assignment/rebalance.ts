// Load repair after the greedy pass. The greedy pass is exact when every judge may take every
// entry, but exclusions (institutions, conflicts) and fixed pairs can leave a judge with work that
// only a chain of moves can hand to a lighter judge: entry e1 moves from A to B, so B can give e2
// to C… This module looks for such chains (breadth-first search over judges, one step = move one
// new pair to a judge allowed on that entry) from the heaviest judges down and applies any chain
// that ends at a judge lighter by at least `threshold`. Each applied chain lowers Σ load², so the
// loop ends; when it ends no such chain exists anywhere, which for threshold 2 is the optimality
// condition of load balancing on this bipartite flow: no valid assignment giving every entry the
// same number of judges has a lower maximum or a higher minimum load.
//
// Fixed pairs never move; only pairs made by this run do. With category matching a move prefers
// an entry whose specialist match it does not lose.

export interface Placement {
  judges: number;
  perEntry: number;
  /** Per judge: current load (fixed + new). Mutated. */
  load: Int32Array;
  /** entry * perEntry + slot → judge index, or -1. Mutated. */
  slots: Int32Array;
  excluded: readonly (readonly number[])[];
  fixed: readonly (readonly number[])[];
  /** Whether judge j is a specialist for entry e, or null when matching is off. */
  isSpecialist: ((e: number, j: number) => boolean) | null;
}

export interface RebalanceStats {
  moves: number;
  chains: number;
}

export function rebalance(p: Placement, threshold: number): RebalanceStats {
  const { judges: J, perEntry: k, load, slots, excluded, fixed, isSpecialist } = p;
  const stats: RebalanceStats = { moves: 0, chains: 0 };
  if (J < 2) return stats;
  let lightest = load[0];
  let heaviest = load[0];
  for (const l of load) {
    lightest = Math.min(lightest, l);
    heaviest = Math.max(heaviest, l);
  }
  if (heaviest - lightest < threshold) return stats; // the common case: nothing to repair

  // Per judge: the slots it holds, with each slot's position for O(1) removal.
  const lists: number[][] = Array.from({ length: J }, () => []);
  const position = new Int32Array(slots.length);
  for (let s = 0; s < slots.length; s++) {
    const j = slots[s];
    if (j >= 0) position[s] = lists[j].push(s) - 1;
  }

  // One bit per (entry, judge): set when the judge may not be added to the entry (excluded, fixed
  // or already on it). 1.25 MB at 50,000 × 200; kept up to date by every move.
  const E = (slots.length / k) | 0;
  const blocked = new Uint32Array(Math.ceil((E * J) / 32));
  const setBit = (e: number, j: number) => {
    const i = e * J + j;
    blocked[i >>> 5] |= 1 << (i & 31);
  };
  const clearBit = (e: number, j: number) => {
    const i = e * J + j;
    blocked[i >>> 5] &= ~(1 << (i & 31));
  };
  for (let e = 0; e < E; e++) {
    for (const j of excluded[e]) setBit(e, j);
    for (const j of fixed[e]) setBit(e, j);
    for (let s = e * k; s < e * k + k; s++) if (slots[s] >= 0) setBit(e, slots[s]);
  }
  const allowed = (e: number, c: number): boolean => {
    const i = e * J + c;
    return (blocked[i >>> 5] & (1 << (i & 31))) === 0;
  };

  /** A slot of judge a whose entry judge c may take; −1 when none. */
  const slotToMove = (a: number, c: number): number => {
    let fallback = -1;
    for (const s of lists[a]) {
      const e = (s / k) | 0;
      if (!allowed(e, c)) continue;
      if (isSpecialist === null || !isSpecialist(e, a) || isSpecialist(e, c)) return s;
      if (fallback < 0) fallback = s;
    }
    return fallback;
  };

  const move = (s: number, from: number, to: number) => {
    const list = lists[from];
    const last = list.pop()!;
    if (last !== s) {
      list[position[s]] = last;
      position[last] = position[s];
    }
    position[s] = lists[to].push(s) - 1;
    slots[s] = to;
    const e = (s / k) | 0;
    clearBit(e, from);
    setBit(e, to);
    load[from]--;
    load[to]++;
    stats.moves++;
  };

  const visited = new Int32Array(J).fill(-1);
  const settled = new Int32Array(J).fill(-1);
  // (a, c) pairs known to have no move in the current epoch (no pair moved since): a judge that
  // cannot hand anything to c now still cannot until the next chain is applied.
  const noMove = new Int32Array(J * J).fill(-1);
  const parent = new Int32Array(J);
  const via = new Int32Array(J);
  const queue = new Int32Array(J);
  let search = 0;
  let epoch = 0;

  /** Breadth-first from src; returns the first judge reached with load ≤ limit, or −1. */
  const findChainEnd = (src: number, limit: number, byLoad: readonly number[]): number => {
    search++;
    visited[src] = search;
    let head = 0;
    let tail = 0;
    queue[tail++] = src;
    while (head < tail) {
      const a = queue[head++];
      for (const c of byLoad) {
        if (visited[c] === search || noMove[a * J + c] === epoch) continue;
        const s = slotToMove(a, c);
        if (s < 0) {
          noMove[a * J + c] = epoch;
          continue;
        }
        visited[c] = search;
        parent[c] = a;
        via[c] = s;
        queue[tail++] = c;
        if (load[c] <= limit) return c;
      }
    }
    return -1;
  };

  for (;;) {
    epoch++;
    // Ties broken by index (canonical judge order) so the repair is deterministic.
    const byLoad = Array.from({ length: J }, (_, j) => j).sort((a, b) => load[a] - load[b] || a - b);
    const minLoad = load[byLoad[0]];
    let applied = false;
    for (let i = J - 1; i >= 0 && !applied; i--) {
      const src = byLoad[i];
      if (load[src] - minLoad < threshold) break;
      if (settled[src] === epoch) continue;
      const end = findChainEnd(src, load[src] - threshold, byLoad);
      if (end < 0) {
        // Nothing reachable from src is light enough; the same holds for every judge src reaches
        // whose load is not above src's (it reaches a subset and needs a lighter target).
        for (let t = 0; t < J; t++) if (visited[t] === search && load[t] <= load[src]) settled[t] = epoch;
        continue;
      }
      // Apply the chain from its end back to src; the moves are valid together because each
      // judge on the chain is new to the entry it receives.
      for (let c = end; c !== src; c = parent[c]) move(via[c], parent[c], c);
      stats.chains++;
      applied = true;
    }
    if (!applied) return stats;
  }
}
