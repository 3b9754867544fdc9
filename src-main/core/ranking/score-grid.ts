// The first two passes of aggregate(): the score rows laid out as one grid of (entry, judge) slots
// × rubric dimensions, in the canonical order that makes the result reproducible (entries by id,
// judges by id in code units), whatever order the rows came in. Pure; numbers only checked here.
// The rows come as columns (score-columns.ts; rows given as objects are turned into columns
// first). Slots are made without a hash map: the rows are bucketed by entry (a counting sort over
// the canonical entry index), and each entry's handful of rows sorted by judge, so slot s is
// simply the s-th (entry, judge) pair in canonical order.
import type { RubricDimension } from '../../contract';
import type { AggregateInput } from './aggregate';
import { compareCodeUnits } from './numbers';
import { columnsOf, isColumns } from './score-columns';

export interface ScoreGrid {
  /** Judge ids and entry ids in canonical order; a grid index is a position in these. */
  judgeSorted: string[];
  entrySorted: number[];
  /** Slot keys (entry-major: entry × J + judge, canonical indices), ascending: slot s is keys[s]. */
  keys: Float64Array;
  /** The slots of entry e: entrySlots[e] … entrySlots[e + 1] − 1. */
  entrySlots: Int32Array;
  /** values[slot × D + d]: the judge's score on dimension d, NaN when not scored. */
  values: Float64Array;
  /** 1 for a slot whose (entry, judge) pair has a declared conflict. */
  conflicted: Uint8Array;
  /** Slots with a declared conflict. */
  conflictedCount: number;
  rows: number;
  unknownDimensionRows: number;
}

export function scoreGrid(input: AggregateInput, rubric: readonly RubricDimension[]): ScoreGrid {
  const c = isColumns(input.scores) ? input.scores : columnsOf(input.scores);
  const D = rubric.length;
  const R = c.entryId.length;
  const dimIndex = new Map(rubric.map((d, i) => [d.key, i]));
  const dimOf = Int32Array.from(c.dimensionKeys, (key) => dimIndex.get(key) ?? -1);

  // Pass 1: intern entries and judges (provisional indices), check values.
  const judgeProv = new Map<string, number>();
  const judgeNames: string[] = [];
  const internJudge = (id: string) => {
    let j = judgeProv.get(id);
    if (j === undefined) judgeProv.set(id, (j = judgeNames.push(id) - 1));
    return j;
  };
  // The columns' judge table → provisional index (interned when first seen on a counted row).
  const judgeOfColumn = new Int32Array(c.judgeIds.length).fill(-1);
  const entryProv = new Map<number, number>();
  const entryIds: number[] = [];
  // Rows usually come grouped by entry (storage order), so the previous row's answer is checked
  // before the Map: most of 750,000 rows then cost no lookup at all.
  let lastEntry: number | undefined;
  let lastE = -1;
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
  const rowE = new Int32Array(R);
  const rowJ = new Int32Array(R);
  let unknownDimensionRows = 0;
  for (let i = 0; i < R; i++) {
    rowE[i] = internEntry(c.entryId[i]);
    if (dimOf[c.dimension[i]] < 0) {
      unknownDimensionRows++;
      continue;
    }
    const judge = c.judge[i];
    if (!Number.isFinite(c.value[i])) throw new Error(`ranking: score of #${c.entryId[i]} by ${c.judgeIds[judge]} on ${c.dimensionKeys[c.dimension[i]]} is not a number`);
    let j = judgeOfColumn[judge];
    if (j < 0) j = judgeOfColumn[judge] = internJudge(c.judgeIds[judge]);
    rowJ[i] = j;
  }
  const conflicts = input.conflicts ?? [];
  const C = conflicts.length;
  const conflictE = conflicts.map((x) => internEntry(x.entryId));
  const conflictJ = conflicts.map((x) => internJudge(x.judgeId));
  for (const id of input.entryIds ?? []) internEntry(id);

  // Canonical order: judges by id (code units), entries by id.
  const J = judgeNames.length;
  const E = entryIds.length;
  const judgeCanon = canonicalIndex(judgeNames, compareCodeUnits);
  const entryCanon = canonicalIndex(entryIds, (a, b) => a - b);

  // Pass 2: items (counted rows 0 … R − 1, conflicts R …) bucketed by canonical entry, then each
  // bucket sorted by (canonical judge, item): equal judges are adjacent, rows in input order.
  const M = R + C;
  const bucket = new Int32Array(E + 1);
  for (let i = 0; i < R; i++) if (dimOf[c.dimension[i]] >= 0) bucket[entryCanon[rowE[i]] + 1]++;
  for (let k = 0; k < C; k++) bucket[entryCanon[conflictE[k]] + 1]++;
  for (let e = 0; e < E; e++) bucket[e + 1] += bucket[e];
  const fill = bucket.slice(0, E);
  const sortKey = new Float64Array(bucket[E]);
  for (let i = 0; i < R; i++) if (dimOf[c.dimension[i]] >= 0) sortKey[fill[entryCanon[rowE[i]]]++] = judgeCanon[rowJ[i]] * M + i;
  for (let k = 0; k < C; k++) sortKey[fill[entryCanon[conflictE[k]]]++] = judgeCanon[conflictJ[k]] * M + R + k;

  const keys = new Float64Array(bucket[E]);
  const entrySlots = new Int32Array(E + 1);
  const values = new Float64Array(bucket[E] * D).fill(Number.NaN);
  const conflicted = new Uint8Array(bucket[E]);
  let conflictedCount = 0;
  let slots = 0;
  for (let e = 0; e < E; e++) {
    entrySlots[e] = slots;
    const from = bucket[e];
    const to = bucket[e + 1];
    sortRange(sortKey, from, to);
    let lastJudge = -1;
    for (let k = from; k < to; k++) {
      const item = sortKey[k] % M;
      const jc = (sortKey[k] - item) / M;
      if (jc !== lastJudge) {
        keys[slots++] = e * J + jc;
        lastJudge = jc;
      }
      const slot = slots - 1;
      if (item >= R) {
        if (!conflicted[slot]) conflictedCount++;
        conflicted[slot] = 1;
        continue;
      }
      const at = slot * D + dimOf[c.dimension[item]];
      if (!Number.isNaN(values[at])) throw new Error(`ranking: two scores of #${c.entryId[item]} by ${c.judgeIds[c.judge[item]]} on ${c.dimensionKeys[c.dimension[item]]}`);
      values[at] = c.value[item];
    }
  }
  entrySlots[E] = slots;

  return {
    judgeSorted: sortedBy(judgeNames, judgeCanon),
    entrySorted: sortedBy(entryIds, entryCanon),
    keys: keys.subarray(0, slots),
    entrySlots,
    values,
    conflicted,
    conflictedCount,
    rows: R,
    unknownDimensionRows,
  };
}

/** Sorts a[from, to) ascending: insertion sort for an entry's usual handful, else the native sort. */
function sortRange(a: Float64Array, from: number, to: number): void {
  if (to - from > 48) {
    a.subarray(from, to).sort();
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const v = a[i];
    let k = i - 1;
    while (k >= from && a[k] > v) {
      a[k + 1] = a[k];
      k--;
    }
    a[k + 1] = v;
  }
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
