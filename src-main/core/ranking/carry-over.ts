// Carry-over between scoring rounds (issue 14): a round may state a weight w (0 ≤ w < 1); in the
// ranking of that round each entry's score by every method is
//   final = w × its score in the previous scoring round + (1 − w) × its score in this round.
// Policy:
// - "Its score" is what the ranking already computes for the entry in each round: the method's
//   aggregate of the judges' weighted totals, each round on its own rubric (rubricOfRound) — a
//   weighted mean Σ(w·score)/Σw, so both are on the rubric's scale. When the two rounds' rubrics
//   use different scales the numbers are combined as they are (no rescaling): the programme chose
//   the scales; the "why this place" view shows both totals so nothing is hidden. For the z-score,
//   the mean z (what it ranks by) and the rescaled score are each blended the same way; Borda
//   points are blended as the points each round gave.
// - An entry without a previous-round total (added to the shortlist by hand, or all its round-1
//   reviews incomplete) keeps this round's score alone; its carry record says so (previous null).
// - An entry without a score this round has nothing to carry into: it stays unscored (held).
// - Every blended number is rounded to 6 decimals (numbers.ts), like every published number.
import { rubricOfRound } from '../../contract/lists';
import type { CampaignDefinition, CarryView } from '../../contract';
import { aggregate, type AggregateOptions, type EntryAggregate } from './aggregate';
import type { RankingMethod } from './config';
import type { CampaignScores, CarrySource } from './load-scores';
import { round6 } from './numbers';

/** An entry's scores in one round, by method, and its mean z. */
export interface RoundScores {
  scores: Partial<Record<RankingMethod, number | null>>;
  zMean: number | null;
}

/** What carry-over did to one entry (on EntryAggregate.carry). */
export interface EntryCarry {
  weight: number;
  /** The round carried from. */
  round: number;
  /** The previous round's scores; null when the entry has none (this round's alone counts). */
  previous: RoundScores | null;
  /** This round's own scores, before blending. */
  current: RoundScores;
}

/** The previous-round scores of one carried list, per entry id (entries with a total only). */
export interface ListCarry {
  list: string;
  round: number;
  weight: number;
  previous: Map<number, RoundScores>;
}

const hasScore = (s: RoundScores) => s.zMean !== null || Object.values(s.scores).some((v) => v !== null && v !== undefined);

/**
 * Aggregates each carried list's previous round on that round's rubric, over the list's entries
 * (z-scores and Borda points are over each judge's whole previous queue, as that round's ranking
 * computed them), and keeps the totals of the entries scored in this round (`inRound`): only they
 * are ranked, so only theirs are blended and recorded in a lock.
 */
export function previousRoundScores(data: CampaignScores, listOf: ReadonlyMap<number, string>, options: Partial<AggregateOptions>, inRound: ReadonlySet<number>): ListCarry[] {
  return (data.carry ?? []).map((source) => {
    const all = aggregateSource(data.definition, data, listOf, source, options);
    return { list: source.list, round: source.round, weight: source.weight, previous: new Map([...all].filter(([entryId]) => inRound.has(entryId))) };
  });
}

function aggregateSource(def: CampaignDefinition, data: CampaignScores, listOf: ReadonlyMap<number, string>, source: CarrySource, options: Partial<AggregateOptions>): Map<number, RoundScores> {
  const list = def.lists.find((l) => l.key === source.list) ?? def.lists[0];
  const entryIds = data.entries.filter((e) => listOf.get(e.entryId) === source.list).map((e) => e.entryId);
  const result = aggregate({ rubric: rubricOfRound(list, source.round), scores: source.scores, conflicts: source.conflicts, entryIds }, options);
  const out = new Map<number, RoundScores>();
  for (const a of result.entries) {
    const s: RoundScores = { scores: { ...a.scores }, zMean: a.zMean };
    if (hasScore(s)) out.set(a.entryId, s);
  }
  return out;
}

function blend(weight: number, previous: number | null | undefined, current: number | null | undefined): number | null {
  if (current === null || current === undefined) return null;
  if (previous === null || previous === undefined) return current;
  return round6(weight * previous + (1 - weight) * current);
}

/** The entry's aggregate with carry-over applied (a new object; the input is not changed). */
export function carryInto(a: EntryAggregate, carry: ListCarry): EntryAggregate {
  const previous = carry.previous.get(a.entryId) ?? null;
  const current: RoundScores = { scores: { ...a.scores }, zMean: a.zMean };
  const scores: EntryAggregate['scores'] = {};
  for (const m of Object.keys(a.scores) as RankingMethod[]) scores[m] = blend(carry.weight, previous?.scores[m], a.scores[m]);
  return { ...a, scores, zMean: blend(carry.weight, previous?.zMean, a.zMean), carry: { weight: carry.weight, round: carry.round, previous, current } };
}

/** What the "why this place" view and the exports show of an entry's carry-over, by one method. */
export function carryView(a: EntryAggregate, method: RankingMethod): CarryView | null {
  if (!a.carry) return null;
  const pick = (s: RoundScores | null) => (s === null ? null : (s.scores[method] ?? null));
  return { weight: a.carry.weight, round: a.carry.round, method, previous: pick(a.carry.previous), current: pick(a.carry.current), final: a.scores[method] ?? null };
}
