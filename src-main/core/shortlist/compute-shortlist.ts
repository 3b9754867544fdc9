// Who goes on from a scoring round to the next (issue 14, "Shortlist between rounds"), pure. Policy:
// - Per category (the ranking's unit): `top` N takes the first N ranked entries; `percent` P takes
//   N = ceil(P/100 × the category's ranked entries) (7 ranked at 30 %: ceil(2.1) = 3), the product
//   rounded to 6 decimals first so 30 % of 10 is 3, not ceil(3.0000000000000004) = 4; `threshold`
//   T takes every ranked entry whose total is ≥ T. More than 100 % or N above the count: everyone.
// - Totals are compared as the ranking orders them: rounded to 6 decimals (ranking/numbers.ts
//   round6), so a total shown as 8.25 meets a threshold of 8.25 whatever its floating-point noise.
// - Ties at the cut: every entry whose total equals that of the last entry inside the cut goes
//   through too (the ranking broke the tie only to print an order, not to decide who goes on), so
//   a shortlist may hold more than N; `addedByTie` says how many. A threshold has no such case.
// - Held entries (disqualified, withdrawn, formal check not passed, scores missing…) are never
//   taken by the rule; a coordinator may still add one by hand, with a reason (shortlist-repo).
import { round6 } from '../ranking/numbers';
import type { ShortlistRule } from '../../contract';

export interface RankedLine {
  entryId: number;
  regNo: string;
  /** The place in the category's ranked list (1 = first). */
  place: number;
  total: number;
}

export interface HeldLine {
  entryId: number;
  regNo: string;
  /** The provisional total, when the entry has scores. */
  total: number | null;
  /** Why it is held (the ranking's flag codes). */
  flags: string[];
}

export interface RankedCategory {
  kind: string;
  category: string | null;
  /** In ranked order (place ascending). */
  ranked: RankedLine[];
  held: HeldLine[];
}

/** rule: inside the cut; tie: tied with the last entry inside the cut; out: below it; held: not ranked. */
export type ComputedOutcome = 'rule' | 'tie' | 'out' | 'held';

export interface CategoryShortlist {
  kind: string;
  category: string | null;
  /** How many the rule asks for (null for a threshold). */
  cut: number | null;
  /** The total of the last entry inside the cut (null: nobody inside it). */
  cutTotal: number | null;
  /** Entries taken beyond the cut because they tie with its last entry. */
  addedByTie: number;
  /** Every entry of the category, ranked ones in order, then held ones. */
  lines: { entryId: number; regNo: string; place: number | null; total: number | null; outcome: ComputedOutcome; flags: string[] }[];
}

/** How many entries of a category of `ranked` entries the rule's cut asks for (null: a threshold). */
export function cutSize(rule: ShortlistRule, ranked: number): number | null {
  if (rule.by === 'threshold') return null;
  if (rule.by === 'top') return Math.min(ranked, Math.max(0, Math.floor(rule.value)));
  return Math.min(ranked, Math.max(0, Math.ceil(round6((rule.value * ranked) / 100))));
}

export function shortlistCategory(c: RankedCategory, rule: ShortlistRule): CategoryShortlist {
  const cut = cutSize(rule, c.ranked.length);
  const inside = new Map<number, ComputedOutcome>();
  let cutTotal: number | null = null;
  let addedByTie = 0;
  if (cut === null) {
    const min = round6(rule.value);
    for (const r of c.ranked) if (round6(r.total) >= min) inside.set(r.entryId, 'rule');
    const last = c.ranked.filter((r) => inside.has(r.entryId)).at(-1);
    cutTotal = last ? last.total : null;
  } else if (cut > 0) {
    c.ranked.slice(0, cut).forEach((r) => inside.set(r.entryId, 'rule'));
    cutTotal = c.ranked[cut - 1].total;
    const key = round6(cutTotal);
    for (const r of c.ranked.slice(cut)) {
      if (round6(r.total) !== key) break; // ranked order: ties are adjacent
      inside.set(r.entryId, 'tie');
      addedByTie += 1;
    }
  }
  return {
    kind: c.kind,
    category: c.category,
    cut,
    cutTotal,
    addedByTie,
    lines: [
      ...c.ranked.map((r) => ({ entryId: r.entryId, regNo: r.regNo, place: r.place, total: r.total, outcome: inside.get(r.entryId) ?? ('out' as const), flags: [] })),
      ...c.held.map((h) => ({ entryId: h.entryId, regNo: h.regNo, place: null, total: h.total, outcome: 'held' as const, flags: [...h.flags] })),
    ],
  };
}

/** The shortlist of every category of a list, by one rule. */
export function computeShortlist(categories: readonly RankedCategory[], rule: ShortlistRule): CategoryShortlist[] {
  return categories.map((c) => shortlistCategory(c, rule));
}
