// Reach or public votes blended into a list's score (issue 16; ListDef.blend). Per category, for
// every ranking method, each entry with a judges' score gets
//   blended = (1 − w) × judges' score + w × reach part
// where the reach part puts the entry's figure on the span [lo, hi] of the judges' scores of the
// category's scored entries by that method — so the blend is on the method's own scale (a rubric's
// points, z, Borda points) and never lifts an entry above the best judged one by reach alone:
//   reach part = lo + share × (hi − lo)
// and `share` (0…1) is, for `percentile`, the entry's mid-rank among the category's scored entries
// by figure ((below + ½·equal others) / (n − 1); 1 when it is the only one), and for `log`,
// log(1 + figure) / log(1 + the category's largest figure) (0 when every figure is 0).
// An entry without the figure counts as 0. The population is the category's entries with a
// judges' score, held ones included (late, disqualified…): holding one entry for a reason of its
// own does not move the others' reach parts. Entries without a judges' score are not blended. Every number is rounded to 6 decimals (numbers.ts), like every published
// number. The judges' own scores stay on the aggregate (`blend.judges`) for the side-by-side view.
import type { ReachBlend } from '../../contract';
import type { EntryAggregate } from './aggregate';
import type { RankingMethod } from './config';
import { round6 } from './numbers';

/** What blending did to one entry (on EntryAggregate.blend). */
export interface EntryBlend {
  metric: ReachBlend['metric'];
  weight: number;
  method: ReachBlend['method'];
  /** The figure used (0 when the entry had none), and whether it had one. */
  value: number;
  hadFigure: boolean;
  /** The entry's place among the category's figures, 0…1. */
  share: number;
  /** The judges' scores and mean z before blending. */
  judges: { scores: EntryAggregate['scores']; zMean: number | null };
}

function shares(values: readonly number[], method: ReachBlend['method']): number[] {
  if (method === 'log') {
    const top = Math.log1p(Math.max(0, ...values));
    return values.map((v) => (top === 0 ? 0 : Math.log1p(v) / top));
  }
  const n = values.length;
  if (n === 1) return [1];
  return values.map((v) => {
    let below = 0;
    let equal = 0;
    for (const w of values) {
      if (w < v) below++;
      else if (w === v) equal++;
    }
    return (below + 0.5 * (equal - 1)) / (n - 1);
  });
}

/** One number blended over the span of `all` (the category's scored entries' numbers). */
function blendOne(weight: number, own: number, share: number, all: readonly number[]): number {
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  return round6((1 - weight) * own + weight * (lo + share * (hi - lo)));
}

/** The category's aggregates with the blend applied (new objects; entries without a score unchanged). */
export function blendCategory(aggregates: readonly EntryAggregate[], figures: ReadonlyMap<number, number>, blend: ReachBlend): EntryAggregate[] {
  const scored = aggregates.filter((a) => a.judges > 0 && (a.zMean !== null || Object.values(a.scores).some((v) => v !== null && v !== undefined)));
  if (scored.length === 0) return [...aggregates];
  const values = scored.map((a) => figures.get(a.entryId) ?? 0);
  const share = new Map(scored.map((a, i) => [a.entryId, shares(values, blend.method)[i]]));
  const methods = new Set(scored.flatMap((a) => Object.keys(a.scores) as RankingMethod[]));
  const span = (m: RankingMethod) => scored.map((a) => a.scores[m]).filter((v): v is number => v !== null && v !== undefined);
  const spans = new Map([...methods].map((m) => [m, span(m)]));
  const zs = scored.map((a) => a.zMean).filter((v): v is number => v !== null);
  return aggregates.map((a) => {
    const s = share.get(a.entryId);
    if (s === undefined) return a;
    const scores: EntryAggregate['scores'] = {};
    for (const m of Object.keys(a.scores) as RankingMethod[]) {
      const own = a.scores[m];
      scores[m] = own === null || own === undefined ? own : blendOne(blend.weight, own, s, spans.get(m) ?? [own]);
    }
    const value = figures.get(a.entryId);
    return {
      ...a,
      scores,
      zMean: a.zMean === null ? null : blendOne(blend.weight, a.zMean, s, zs),
      blend: { metric: blend.metric, weight: blend.weight, method: blend.method, value: value ?? 0, hadFigure: value !== undefined, share: round6(s), judges: { scores: { ...a.scores }, zMean: a.zMean } },
    };
  });
}
