// The campaign's scores as columns (issue 18 aim 4): at 50,000 entries there are 750,000 score
// rows, and one object per row — plus a string per judge id and dimension key — was much of the
// first summary's time in allocation and garbage collection. Here a row is a position in typed
// arrays; judge ids and dimension keys are small integers into one table each, mapped once.
// The aggregate (score-grid.ts) and the set-aside counts read the columns directly; the rows as
// objects (ScoreRow, what snapshots, input lines and the entry details read) are built from them
// only when something asks (load-scores.ts: the `scores` getter of a loaded CampaignScores).
import type { ScoreRow } from './aggregate';
import type { EffectiveOverride } from '../moderation/overrides';

export interface ScoreColumns {
  /** Entry id per row. */
  entryId: Float64Array;
  /** Index into judgeIds per row. */
  judge: Int32Array;
  /** Index into dimensionKeys per row. */
  dimension: Int32Array;
  value: Float64Array;
  judgeIds: readonly string[];
  dimensionKeys: readonly string[];
}

/** Whether an aggregate's input holds columns rather than rows. */
export function isColumns(scores: readonly ScoreRow[] | ScoreColumns): scores is ScoreColumns {
  return !Array.isArray(scores);
}

/** Interns strings to small integers, checking the previous string first (rows come grouped). */
export class Interner {
  readonly items: string[] = [];
  private readonly index = new Map<string, number>();
  private last: string | undefined;
  private lastIndex = -1;

  of(item: string): number {
    if (item === this.last) return this.lastIndex;
    let i = this.index.get(item);
    if (i === undefined) this.index.set(item, (i = this.items.push(item) - 1));
    this.last = item;
    return (this.lastIndex = i);
  }
}

/** Growable columns, filled row by row (load-scores.ts); `done()` gives them at their length. */
export class ColumnsBuilder {
  private entryId: Float64Array;
  private judge: Int32Array;
  private dimension: Int32Array;
  private value: Float64Array;
  length = 0;

  constructor(
    capacity: number,
    private readonly judges: Interner,
    private readonly dimensions: Interner,
  ) {
    this.entryId = new Float64Array(capacity);
    this.judge = new Int32Array(capacity);
    this.dimension = new Int32Array(capacity);
    this.value = new Float64Array(capacity);
  }

  push(entryId: number, judge: number, dimension: number, value: number): void {
    if (this.length === this.entryId.length) this.grow();
    const i = this.length++;
    this.entryId[i] = entryId;
    this.judge[i] = judge;
    this.dimension[i] = dimension;
    this.value[i] = value;
  }

  done(): ScoreColumns {
    const n = this.length;
    return {
      entryId: this.entryId.subarray(0, n),
      judge: this.judge.subarray(0, n),
      dimension: this.dimension.subarray(0, n),
      value: this.value.subarray(0, n),
      judgeIds: this.judges.items,
      dimensionKeys: this.dimensions.items,
    };
  }

  private grow(): void {
    const size = Math.max(16, this.entryId.length * 2);
    const grown = <T extends Float64Array | Int32Array>(a: T, make: (n: number) => T) => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.entryId = grown(this.entryId, (n) => new Float64Array(n));
    this.judge = grown(this.judge, (n) => new Int32Array(n));
    this.dimension = grown(this.dimension, (n) => new Int32Array(n));
    this.value = grown(this.value, (n) => new Float64Array(n));
  }
}

/** Rows as columns (for inputs given as rows: tests, the bench's in-memory data, carry-over). */
export function columnsOf(rows: readonly ScoreRow[]): ScoreColumns {
  const judges = new Interner();
  const dimensions = new Interner();
  const out = new ColumnsBuilder(rows.length, judges, dimensions);
  for (const r of rows) out.push(r.entryId, judges.of(r.judgeId), dimensions.of(r.dimension), r.value);
  return out.done();
}

/** Columns as rows, in column order. */
export function rowsOf(c: ScoreColumns): ScoreRow[] {
  const n = c.entryId.length;
  const rows: ScoreRow[] = new Array(n);
  for (let i = 0; i < n; i++) rows[i] = { entryId: c.entryId[i], judgeId: c.judgeIds[c.judge[i]], dimension: c.dimensionKeys[c.dimension[i]], value: c.value[i] };
  return rows;
}

/** The rows at `picked` (ascending positions), as columns over the same tables. */
export function pickRows(c: ScoreColumns, picked: Int32Array): ScoreColumns {
  const n = picked.length;
  const out: ScoreColumns = { entryId: new Float64Array(n), judge: new Int32Array(n), dimension: new Int32Array(n), value: new Float64Array(n), judgeIds: c.judgeIds, dimensionKeys: c.dimensionKeys };
  for (let k = 0; k < n; k++) {
    const i = picked[k];
    out.entryId[k] = c.entryId[i];
    out.judge[k] = c.judge[i];
    out.dimension[k] = c.dimension[i];
    out.value[k] = c.value[i];
  }
  return out;
}

export interface OverrideHit<O extends EffectiveOverride> {
  override: O;
  /** The judge's signed score the override replaces. */
  signed: number;
}

/**
 * Puts each override in place of the judge's score in the columns (in place), as applyOverrides
 * does on rows: the same matching (entry, judge, dimension; the last override of a key wins), the
 * hits in row order.
 */
export function overrideColumns<O extends EffectiveOverride>(c: ScoreColumns, overrides: readonly O[]): OverrideHit<O>[] {
  if (overrides.length === 0) return [];
  const key = (judgeId: string, dimension: string) => `${judgeId}\u0000${dimension}`;
  const byEntry = new Map<number, Map<string, O>>();
  for (const o of overrides) {
    let wanted = byEntry.get(o.entryId);
    if (!wanted) byEntry.set(o.entryId, (wanted = new Map()));
    wanted.set(key(o.judgeId, o.dimension), o);
  }
  const hits: OverrideHit<O>[] = [];
  for (let i = 0; i < c.entryId.length; i++) {
    const wanted = byEntry.get(c.entryId[i]);
    if (!wanted) continue;
    const o = wanted.get(key(c.judgeIds[c.judge[i]], c.dimensionKeys[c.dimension[i]]));
    if (!o) continue;
    hits.push({ override: o, signed: c.value[i] });
    c.value[i] = o.value;
  }
  return hits;
}
