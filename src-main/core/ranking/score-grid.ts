// The first two passes of aggregate(): the score rows laid out as one grid of (entry, judge) slots
// × rubric dimensions, in the canonical order that makes the result reproducible (entries by id,
// judges by id in code units), whatever order the rows came in. Pure; numbers only checked here.
import type { RubricDimension } from '../../contract';
import type { AggregateInput } from './aggregate';
import { compareCodeUnits } from './numbers';

export interface ScoreGrid {
  /** Judge ids and entry ids in canonical order; a grid index is a position in these. */
  judgeSorted: string[];
  entrySorted: number[];
  /** Slot keys (entry-major: entry × J + judge, canonical indices), sorted ascending. */
  keys: Float64Array;
  /** Slot key → its row in `values`. */
  slotOf: Map<number, number>;
  /** values[slot × D + d]: the judge's score on dimension d, NaN when not scored. */
  values: Float64Array;
  /** Slot keys of (entry, judge) pairs with a declared conflict. */
  conflicted: Set<number>;
  rows: number;
  unknownDimensionRows: number;
}

export function scoreGrid(input: AggregateInput, rubric: readonly RubricDimension[]): ScoreGrid {
  const { scores } = input;
  const D = rubric.length;
  const dimIndex = new Map(rubric.map((d, i) => [d.key, i]));

  // Pass 1: intern entries and judges (provisional indices), check values.
  const judgeProv = new Map<string, number>();
  const judgeNames: string[] = [];
  const entryProv = new Map<number, number>();
  const entryIds: number[] = [];
  // Rows usually come grouped by entry and judge (storage order), so the previous row's answer
  // is checked before the Map: most of 750,000 rows then cost no lookup at all.
  let lastJudge: string | undefined;
  let lastJ = -1;
  let lastEntry: number | undefined;
  let lastE = -1;
  const internJudge = (id: string) => {
    if (id === lastJudge) return lastJ;
    let j = judgeProv.get(id);
    if (j === undefined) judgeProv.set(id, (j = judgeNames.push(id) - 1));
    lastJudge = id;
    return (lastJ = j);
  };
  const internEntry = (id: number) => {
    if (id === lastEntry) return lastE;
    let e = entryProv.get(id);
    if (e === undefined) {
      if (!Number.isSafeInteger(id)) throw new Error(`ranking: entry id ${id} is not an integer`);
      entryProv.set(id, (e = entryIds.push(id) - 1));
    }
    lastEntry = id;
    return (lastE = e);
  };
  const R = scores.length;
  const rowE = new Int32Array(R);
  const rowJ = new Int32Array(R);
  const rowD = new Int32Array(R);
  let unknownDimensionRows = 0;
  for (let i = 0; i < R; i++) {
    const row = scores[i];
    rowE[i] = internEntry(row.entryId);
    const d = dimIndex.get(row.dimension);
    if (d === undefined) {
      rowD[i] = -1;
      unknownDimensionRows++;
      continue;
    }
    if (!Number.isFinite(row.value)) throw new Error(`ranking: score of #${row.entryId} by ${row.judgeId} on ${row.dimension} is not a number`);
    rowJ[i] = internJudge(row.judgeId);
    rowD[i] = d;
  }
  const conflicts = input.conflicts ?? [];
  const conflictE = conflicts.map((c) => internEntry(c.entryId));
  const conflictJ = conflicts.map((c) => internJudge(c.judgeId));
  for (const id of input.entryIds ?? []) internEntry(id);

  // Canonical order: judges by id (code units), entries by id.
  const J = judgeNames.length;
  const judgeCanon = canonicalIndex(judgeNames, compareCodeUnits);
  const entryCanon = canonicalIndex(entryIds, (a, b) => a - b);

  // Pass 2: one slot per (entry, judge), keyed entry-major so sorted keys are the canonical order.
  const slotOf = new Map<number, number>();
  const values = new Float64Array((R + conflicts.length) * D).fill(Number.NaN);
  const slotKey = (e: number, j: number) => entryCanon[e] * J + judgeCanon[j];
  let lastKey = -1;
  let lastSlot = -1;
  const slotFor = (key: number) => {
    if (key === lastKey) return lastSlot;
    let s = slotOf.get(key);
    if (s === undefined) slotOf.set(key, (s = slotOf.size));
    lastKey = key;
    return (lastSlot = s);
  };
  for (let i = 0; i < R; i++) {
    if (rowD[i] < 0) continue;
    const at = slotFor(slotKey(rowE[i], rowJ[i])) * D + rowD[i];
    if (!Number.isNaN(values[at])) {
      const row = scores[i];
      throw new Error(`ranking: two scores of #${row.entryId} by ${row.judgeId} on ${row.dimension}`);
    }
    values[at] = scores[i].value;
  }
  const conflicted = new Set<number>();
  for (let i = 0; i < conflicts.length; i++) {
    const key = slotKey(conflictE[i], conflictJ[i]);
    slotFor(key);
    conflicted.add(key);
  }
  const keys = new Float64Array(slotOf.size);
  let filled = 0;
  for (const key of slotOf.keys()) keys[filled++] = key;
  keys.sort();

  return {
    judgeSorted: sortedBy(judgeNames, judgeCanon),
    entrySorted: sortedBy(entryIds, entryCanon),
    keys,
    slotOf,
    values,
    conflicted,
    rows: R,
    unknownDimensionRows,
  };
}

/** canon[i] = position of items[i] in the sorted order. */
function canonicalIndex<T>(items: readonly T[], compare: (a: T, b: T) => number): Int32Array {
  const order = items.map((_, i) => i).sort((a, b) => compare(items[a], items[b]));
  const canon = new Int32Array(items.length);
  order.forEach((prov, position) => (canon[prov] = position));
  return canon;
}

function sortedBy<T>(items: readonly T[], canon: Int32Array): T[] {
  const out: T[] = new Array(items.length);
  items.forEach((item, i) => (out[canon[i]] = item));
  return out;
}
