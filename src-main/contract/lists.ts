// Which list an entry belongs to, and what that gives it: its rubric and eligibility items. Pure,
// shared by the core (review, merge, ranking, certificates) and the renderer (score panel, ranking
// view), so both sides always agree on an entry's list.
// An entry belongs to the first list with a feed naming its kind and its category (or every
// category of the kind). Validation (core/campaigns/validate-definition) makes that list unique and
// leaves no category unfed; for entries whose category the definition does not know (should not
// happen, but stored data outlives definitions) the first list fed by the kind answers, then the
// first list — so every entry always has a rubric.
import type { CampaignDefinition, EligibilityItem, EntryKind, FormalRoundDef, ListDef, RoundDef, RubricDimension, ScoringRoundDef } from './domain';
import type { RankingMethod, TierRule } from './ranking';

type Lists = Pick<CampaignDefinition, 'lists'>;

export function listFor(def: Lists, kind: EntryKind, category: string | null): ListDef {
  const exact = def.lists.find((l) => l.feeds.some((f) => f.kind === kind && (f.categories === null || (category !== null && f.categories.includes(category)))));
  return exact ?? def.lists.find((l) => l.feeds.some((f) => f.kind === kind)) ?? def.lists[0];
}

export function rubricFor(def: Lists, kind: EntryKind, category: string | null): RubricDimension[] {
  return listFor(def, kind, category).rubric;
}

export function eligibilityFor(def: Lists, kind: EntryKind, category: string | null): EligibilityItem[] {
  return listFor(def, kind, category).eligibility;
}

/** Every dimension of every list, in list order (keys are unique across lists). */
export function allDimensions(def: Lists): RubricDimension[] {
  return def.lists.flatMap((l) => l.rubric);
}

/** The dimensions of scoring rounds' own rubrics that no list rubric has, in list then round order. */
export function roundOnlyDimensions(def: Lists): RubricDimension[] {
  const seen = new Set(allDimensions(def).map((d) => d.key));
  const out: RubricDimension[] = [];
  for (const l of def.lists) {
    for (const r of roundsOf(l)) {
      if (r.kind !== 'scoring' || !r.rubric) continue;
      for (const d of r.rubric) {
        if (seen.has(d.key)) continue;
        seen.add(d.key);
        out.push(d);
      }
    }
  }
  return out;
}

export function allEligibility(def: Lists): EligibilityItem[] {
  return def.lists.flatMap((l) => l.eligibility);
}

/** A dimension by key: a list's first, then a round's own rubric (labels for exports and tie texts). */
export function findDimension(def: Lists, key: string): RubricDimension | undefined {
  for (const l of def.lists) {
    const d = l.rubric.find((x) => x.key === key);
    if (d) return d;
  }
  for (const l of def.lists) {
    for (const r of roundsOf(l)) {
      const d = r.kind === 'scoring' ? r.rubric?.find((x) => x.key === key) : undefined;
      if (d) return d;
    }
  }
  return undefined;
}

export function findEligibilityItem(def: Lists, key: string): EligibilityItem | undefined {
  for (const l of def.lists) {
    const d = l.eligibility.find((x) => x.key === key);
    if (d) return d;
  }
  return undefined;
}

/**
 * The method a list's published ranking is ordered by and the award tiers it gives: the list's own
 * when the programme states them, else the campaign's ranking settings (primary method, tiers).
 */
export function rankingRulesFor(list: Pick<ListDef, 'method' | 'tiers'>, settings: { primary: RankingMethod; tiers: readonly TierRule[] }): { method: RankingMethod; tiers: readonly TierRule[] } {
  return { method: list.method ?? settings.primary, tiers: list.tiers ?? settings.tiers };
}

/** Every method some list is ranked by (the ranking settings' methods first, in their order). */
export function methodsNeeded(def: Lists, settings: { methods: readonly RankingMethod[] }): RankingMethod[] {
  const out = [...settings.methods];
  for (const l of def.lists) if (l.method && !out.includes(l.method)) out.push(l.method);
  return out;
}

// ---- Rounds (issue 14) ------------------------------------------------------------------------
// A list without rounds (absent or empty) runs one scoring pass, as before rounds existed.

export function roundsOf(list: Pick<ListDef, 'rounds'>): RoundDef[] {
  return list.rounds ?? [];
}

/** The list's formal check round (at most one; validation keeps it before every scoring round). */
export function formalRoundOf(list: Pick<ListDef, 'rounds'>): FormalRoundDef | null {
  return roundsOf(list).find((r): r is FormalRoundDef => r.kind === 'formal') ?? null;
}

/** The formal round an entry goes through: its list's, or null when that list has none. */
export function formalRoundFor(def: Lists, kind: EntryKind, category: string | null): { list: ListDef; round: FormalRoundDef } | null {
  const list = listFor(def, kind, category);
  const round = formalRoundOf(list);
  return round ? { list, round } : null;
}

/** Whether any list of the campaign runs a formal check (the Formal check screen is shown then). */
export function hasFormalRound(def: Lists): boolean {
  return def.lists.some((l) => formalRoundOf(l) !== null);
}

/** The list's scoring rounds in order (formal rounds are not counted); empty for a list scored once. */
export function scoringRoundsOf(list: Pick<ListDef, 'rounds'>): ScoringRoundDef[] {
  return roundsOf(list).filter((r): r is ScoringRoundDef => r.kind === 'scoring');
}

/** The definition of scoring round `roundNo` (1-based among scoring rounds) of the list; null for a list without one. */
export function scoringRoundOf(list: Pick<ListDef, 'rounds'>, roundNo: number): ScoringRoundDef | null {
  return scoringRoundsOf(list)[roundNo - 1] ?? null;
}

/**
 * The rubric round `roundNo` of the list is scored on: the round's own when the programme states
 * one, else the list's. The one place packages, bundle checks, reviews and the ranking take a
 * round's rubric from, so they always agree.
 */
export function rubricOfRound(list: Pick<ListDef, 'rubric' | 'rounds'>, roundNo: number): RubricDimension[] {
  return scoringRoundOf(list, roundNo)?.rubric ?? list.rubric;
}

/** The carry-over weight of round `roundNo` of the list: 0 for round 1 or a list without rounds. */
export function carryOverOf(list: Pick<ListDef, 'rounds'>, roundNo: number): number {
  return roundNo < 2 ? 0 : (scoringRoundOf(list, roundNo)?.carryOver ?? 0);
}
