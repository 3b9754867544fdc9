// Rows of a merge waiting to be written in primary-key order (merge-write.ts PendingRows): one
// table's rows kept flat (no array per row: 1,000,000 small arrays were a good part of a merge's
// garbage collection) and put in key order without a comparison sort over all of them. Issue 18:
// sorting 750,000 tuples with a comparator that compared judge ids as strings took ~0.4 s.
//
// The order is the tables' primary key: (entry_id, judge_id, round_no[, dimension_key]), strings
// in code-unit order. Entry ids are bucketed (a counting sort over the distinct ids, in numeric
// order); the few rows of one entry (a judge or five, a dimension or three each) are then ordered by
// the rank of their judge, round and dimension among the distinct ones.

export class FlatRows {
  private data: unknown[] = [];
  /** Rows held. */
  count = 0;

  /**
   * @param width values per row
   * @param keyWidth leading values that form the key: entry id (number), judge id (string), round
   * (number), and for 4 a string sub-key (the dimension)
   */
  constructor(
    readonly width: number,
    private readonly keyWidth: 3 | 4,
  ) {}

  /** Appends one row: exactly `width` values, key first. */
  push(values: readonly unknown[]): void {
    for (let i = 0; i < this.width; i++) this.data.push(values[i]);
    this.count++;
  }

  clear(): void {
    this.data = [];
    this.count = 0;
  }

  /** Value `column` of row `row`. */
  at(row: number, column: number): unknown {
    return this.data[row * this.width + column];
  }

  /** Copies row `row`'s values into `into` from index `at`; returns the index after them. */
  copyRow(row: number, into: unknown[], at: number): number {
    const { data, width } = this;
    for (let c = 0, from = row * width; c < width; c++) into[at++] = data[from + c];
    return at;
  }

  /** The row numbers in key order. */
  keyOrder(): Uint32Array {
    const { data, width, count } = this;
    const entryOf = (r: number) => data[r * width] as number;
    // Ranks of the distinct judges, rounds and sub-keys, in the order the key compares them.
    const rank = <T>(column: number, order: (a: T, b: T) => number) => {
      const distinct = new Set<T>();
      for (let r = 0; r < count; r++) distinct.add(data[r * width + column] as T);
      const sorted = [...distinct].sort(order);
      return { size: sorted.length, of: new Map(sorted.map((v, i) => [v, i])) };
    };
    const judges = rank<string>(1, compareText);
    const rounds = rank<number>(2, (a, b) => a - b);
    const subs = this.keyWidth === 4 ? rank<string>(3, compareText) : { size: 1, of: new Map<string, number>() };
    const within = new Float64Array(count);
    for (let r = 0; r < count; r++) {
      const sub = this.keyWidth === 4 ? subs.of.get(data[r * width + 3] as string)! : 0;
      within[r] = (judges.of.get(data[r * width + 1] as string)! * rounds.size + rounds.of.get(data[r * width + 2] as number)!) * subs.size + sub;
    }
    // Counting sort by entry id (stable): slots per distinct id, in numeric order. Ids within a
    // small range (the usual: a campaign's ids are dense) index an array; others go through a Map.
    let min = Infinity;
    let max = -Infinity;
    for (let r = 0; r < count; r++) {
      const id = entryOf(r);
      if (id < min) min = id;
      if (id > max) max = id;
    }
    const dense = count > 0 && Number.isSafeInteger(min) && Number.isSafeInteger(max) && max - min <= 4 * count + 1024;
    let slotOf: (id: number) => number;
    let slots: number;
    if (dense) {
      const present = new Int32Array(max - min + 1).fill(-1);
      for (let r = 0; r < count; r++) present[entryOf(r) - min] = 0;
      slots = 0;
      for (let i = 0; i < present.length; i++) if (present[i] === 0) present[i] = slots++;
      slotOf = (id) => present[id - min];
    } else {
      const sortedIds = Float64Array.from(new Set(Array.from({ length: count }, (_, r) => entryOf(r)))).sort();
      const slot = new Map<number, number>();
      sortedIds.forEach((id, i) => slot.set(id, i));
      slots = sortedIds.length;
      slotOf = (id) => slot.get(id)!;
    }
    const slotOfRow = new Uint32Array(count);
    const bucketStart = new Uint32Array(slots + 1);
    for (let r = 0; r < count; r++) {
      const slot = slotOf(entryOf(r));
      slotOfRow[r] = slot;
      bucketStart[slot + 1]++;
    }
    for (let i = 0; i < slots; i++) bucketStart[i + 1] += bucketStart[i];
    const next = bucketStart.slice(0, slots);
    const order = new Uint32Array(count);
    for (let r = 0; r < count; r++) order[next[slotOfRow[r]]++] = r;
    // Within one entry: insertion sort by the judge/round/sub-key rank (a handful of rows).
    for (let slot = 0; slot < slots; slot++) {
      const from = bucketStart[slot];
      const to = bucketStart[slot + 1];
      for (let i = from + 1; i < to; i++) {
        const row = order[i];
        const key = within[row];
        let j = i - 1;
        while (j >= from && within[order[j]] > key) {
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
