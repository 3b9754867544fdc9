// Rows of a merge waiting to be written in primary-key order (merge-write.ts PendingRows), kept
// as columns of numbers: per row its entry id, its group and one or two numbers. A group holds what
// many rows share: the judge, the round, the sub-key (a score's dimension; a review's status) and
// the time stamp of the bundle. Issue 18: a merge of 200 bundles holds 1,000,000 rows; as rows of
// seven values (strings among them) copied into each INSERT's parameters they cost a second of JS
// and of binding; as numbers in typed arrays, joined to their group in SQL, far less.
//
// The order is the tables' primary key: (entry_id, judge_id, round_no[, dimension_key]), strings
// in code-unit order. Entry ids are bucketed (a counting sort over the distinct ids, in numeric
// order); the few rows of one entry (a judge or five, a dimension or three each) are then ordered by
// the rank of their group, groups sorted by judge, round and (for scores) sub-key. Issue 18:
// sorting 750,000 tuples with a comparator that compared judge ids as strings took ~0.4 s.

export interface RowGroup {
  judgeId: string;
  round: number;
  /** The dimension key (scores) or the status (reviews). */
  sub: string;
  at: string;
}

export class GroupedRows {
  /** Rows held. */
  count = 0;
  readonly groups: RowGroup[] = [];
  private entryIds = new Float64Array(1024);
  private groupOfRow = new Uint32Array(1024);
  private first = new Float64Array(1024);
  private second = new Float64Array(1024);
  /** judge → time stamp → round → sub-key → group number. */
  private known = new Map<string, Map<string, Map<number, Map<string, number>>>>();

  /** @param subInKey whether the sub-key is part of the primary key (scores: yes; reviews: no) */
  constructor(private readonly subInKey: boolean) {}

  /** The number of the group of these values (made on first use). */
  groupOf(judgeId: string, at: string, round: number, sub: string): number {
    let byAt = this.known.get(judgeId);
    if (!byAt) this.known.set(judgeId, (byAt = new Map()));
    let byRound = byAt.get(at);
    if (!byRound) byAt.set(at, (byRound = new Map()));
    let bySub = byRound.get(round);
    if (!bySub) byRound.set(round, (bySub = new Map()));
    let group = bySub.get(sub);
    if (group === undefined) {
      group = this.groups.length;
      this.groups.push({ judgeId, round, sub, at });
      bySub.set(sub, group);
    }
    return group;
  }

  /** Appends one row. */
  push(entryId: number, group: number, first: number, second = 0): void {
    if (this.count === this.entryIds.length) this.grow();
    const r = this.count++;
    this.entryIds[r] = entryId;
    this.groupOfRow[r] = group;
    this.first[r] = first;
    this.second[r] = second;
  }

  clear(): void {
    this.count = 0;
    this.groups.length = 0;
    this.known.clear();
  }

  entryId(row: number): number {
    return this.entryIds[row];
  }

  group(row: number): number {
    return this.groupOfRow[row];
  }

  /** The row's first (`0`) or second (`1`) number. */
  number(row: number, which: 0 | 1): number {
    return which === 0 ? this.first[row] : this.second[row];
  }

  private grow(): void {
    const size = this.entryIds.length * 2;
    const widen = <T extends Float64Array | Uint32Array>(from: T, to: T): T => {
      to.set(from);
      return to;
    };
    this.entryIds = widen(this.entryIds, new Float64Array(size));
    this.groupOfRow = widen(this.groupOfRow, new Uint32Array(size));
    this.first = widen(this.first, new Float64Array(size));
    this.second = widen(this.second, new Float64Array(size));
  }

  /** The row numbers in key order. */
  keyOrder(): Uint32Array {
    const { count, entryIds, groupOfRow, groups } = this;
    // Groups ranked as the key compares them (ties, which no two rows of one entry share, by number).
    const ranked = groups.map((_, i) => i);
    ranked.sort((a, b) => {
      const x = groups[a];
      const y = groups[b];
      return compareText(x.judgeId, y.judgeId) || x.round - y.round || (this.subInKey ? compareText(x.sub, y.sub) : 0) || a - b;
    });
    const rankOf = new Uint32Array(groups.length);
    ranked.forEach((group, rank) => (rankOf[group] = rank));
    // Counting sort by entry id (stable): slots per distinct id, in numeric order. Ids within a
    // small range (the usual: a campaign's ids are dense) index an array; others go through a Map.
    let min = Infinity;
    let max = -Infinity;
    for (let r = 0; r < count; r++) {
      const id = entryIds[r];
      if (id < min) min = id;
      if (id > max) max = id;
    }
    const dense = count > 0 && Number.isSafeInteger(min) && Number.isSafeInteger(max) && max - min <= 4 * count + 1024;
    let slotOf: (id: number) => number;
    let slots: number;
    if (dense) {
      const present = new Int32Array(max - min + 1).fill(-1);
      for (let r = 0; r < count; r++) present[entryIds[r] - min] = 0;
      slots = 0;
      for (let i = 0; i < present.length; i++) if (present[i] === 0) present[i] = slots++;
      slotOf = (id) => present[id - min];
    } else {
      const sortedIds = Float64Array.from(new Set(entryIds.subarray(0, count))).sort();
      const slot = new Map<number, number>();
      sortedIds.forEach((id, i) => slot.set(id, i));
      slots = sortedIds.length;
      slotOf = (id) => slot.get(id)!;
    }
    const slotOfRow = new Uint32Array(count);
    const bucketStart = new Uint32Array(slots + 1);
    for (let r = 0; r < count; r++) {
      const slot = slotOf(entryIds[r]);
      slotOfRow[r] = slot;
      bucketStart[slot + 1]++;
    }
    for (let i = 0; i < slots; i++) bucketStart[i + 1] += bucketStart[i];
    const next = bucketStart.slice(0, slots);
    const order = new Uint32Array(count);
    for (let r = 0; r < count; r++) order[next[slotOfRow[r]]++] = r;
    // Within one entry: insertion sort by the group's rank (a handful of rows).
    for (let slot = 0; slot < slots; slot++) {
      const from = bucketStart[slot];
      const to = bucketStart[slot + 1];
      for (let i = from + 1; i < to; i++) {
        const row = order[i];
        const key = rankOf[groupOfRow[row]];
        let j = i - 1;
        while (j >= from && rankOf[groupOfRow[order[j]]] > key) {
          order[j + 1] = order[j];
          j--;
        }
        order[j + 1] = row;
      }
    }
    return order;
  }
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
