// Draft changes to a list's rounds (Setup › Lists & rubrics › Rounds), kept apart from the
// component so they are tested on their own. The rule that matters: a list left with no formal
// check and at most one round goes back to having no `rounds` key at all — the plain single
// scoring pass — so adding and then removing a formal check saves nothing new.
import type { ListDef, LocalizedText, RoundDef, RubricDimension, ScoringRoundDef, ShortlistRule } from '../../../../src-main/contract';
import { roundsOf } from '../../../../src-main/contract/lists';
import { move, removeAt, replaceAt } from './draft-keys';
import { fromWallTime, toWallTime } from './zoned-time';

/** The list with these rounds; without its `rounds` key when they say no more than the single pass. */
export function withRounds(list: ListDef, rounds: RoundDef[]): ListDef {
  const { rounds: _dropped, ...rest } = list;
  return rounds.length === 0 || (rounds.length === 1 && rounds[0].kind === 'scoring') ? rest : { ...rest, rounds };
}

/** A scoring round with every setting left to the list and the campaign (its panel, rubric, judges per entry). */
export function plainScoringRound(key: string, name: LocalizedText): ScoringRoundDef {
  return { key, name, kind: 'scoring', panel: null, judgesPerEntry: null, rubric: null, dueAt: null, shortlist: null, carryOver: 0 };
}

/** `base`, or `base_2`, `base_3`… : the first key no round of the list has. */
function freeKey(rounds: readonly RoundDef[], base: string): string {
  let key = base;
  for (let n = 2; rounds.some((r) => r.key === key); n++) key = `${base}_${n}`;
  return key;
}

/** A formal check first, then the list's rounds (a scoring round named `scoringName` when it had none). */
export function addFormalRound(list: ListDef, formalName: LocalizedText, scoringName: LocalizedText): ListDef {
  const rounds = roundsOf(list);
  const scoring: RoundDef[] = rounds.length > 0 ? rounds : [plainScoringRound('scoring', scoringName)];
  return withRounds(list, [{ key: freeKey(scoring, 'formal_check'), name: formalName, kind: 'formal' }, ...scoring]);
}

/**
 * A scoring round after the list's last one (a final round, 复评). A list scored once gets its
 * single pass written out first (named `firstName`), so the new round has a round to follow. The
 * round before it keeps no shortlist rule of its own: the coordinator states it (top N, top %, a
 * threshold) or makes the shortlist by hand in the Ranking tab.
 */
export function addScoringRound(list: ListDef, name: LocalizedText, firstName: LocalizedText): ListDef {
  const rounds = roundsOf(list);
  const before: RoundDef[] = rounds.some((r) => r.kind === 'scoring') ? rounds : [...rounds, plainScoringRound(freeKey(rounds, 'scoring'), firstName)];
  return withRounds(list, [...before, plainScoringRound(freeKey(before, 'final_round'), name)]);
}

export function renameRound(list: ListDef, index: number, name: LocalizedText): ListDef {
  const rounds = roundsOf(list);
  return withRounds(list, replaceAt(rounds, index, { ...rounds[index], name }));
}

export function moveRound(list: ListDef, index: number, delta: number): ListDef {
  return withRounds(list, move(roundsOf(list), index, delta));
}

export function removeRound(list: ListDef, index: number): ListDef {
  return withRounds(list, removeAt(roundsOf(list), index));
}

/**
 * The carry-over weight of scoring round `index` (final = w × previous round + (1 − w) × this
 * round). Kept as typed even out of range (0 ≤ w < 1): the definition check names the problem,
 * as it does for every other number in Setup.
 */
export function setCarryOver(list: ListDef, index: number, weight: number): ListDef {
  const rounds = roundsOf(list);
  const round = rounds[index];
  if (round?.kind !== 'scoring') return list;
  return withRounds(list, replaceAt(rounds, index, { ...round, carryOver: weight }));
}

/** One setting of scoring round `index` (its panel, judges per entry, rubric, due date, shortlist rule). */
export function setScoringRound<K extends 'panel' | 'judgesPerEntry' | 'rubric' | 'dueAt' | 'shortlist'>(list: ListDef, index: number, field: K, value: ScoringRoundDef[K]): ListDef {
  const rounds = roundsOf(list);
  const round = rounds[index];
  if (round?.kind !== 'scoring') return list;
  return withRounds(list, replaceAt(rounds, index, { ...round, [field]: value }));
}

/** The round's own rubric starts as a copy of the list's: same keys, so its scores still read by dimension. */
export function ownRubric(list: ListDef): RubricDimension[] {
  return structuredClone(list.rubric);
}

/**
 * The shortlist rule as the editor changes it: '' is none; a new kind starts at a usual number (top
 * 10, top 30 %, a threshold at 80 % of the highest total `scaleMax`), the same kind keeps its number.
 */
export function shortlistRule(by: ShortlistRule['by'] | '', previous: ShortlistRule | null, scaleMax: number): ShortlistRule | null {
  if (by === '') return null;
  const fallback = by === 'top' ? 10 : by === 'percent' ? 30 : Math.round(scaleMax * 0.8 * 100) / 100 || 1;
  const kept = previous && previous.by === by ? previous.value : fallback;
  return { by, value: kept };
}

/** A list's scoring rounds after the first: the ones that may name the previous round's shortlist and a carry-over. */
export function isLaterScoringRound(list: ListDef, index: number): boolean {
  const rounds = roundsOf(list);
  return rounds[index]?.kind === 'scoring' && rounds.slice(0, index).some((r) => r.kind === 'scoring');
}

/** True when a scoring round follows round `index`: only then does a shortlist rule mean something. */
export function hasLaterScoringRound(list: ListDef, index: number): boolean {
  return roundsOf(list).slice(index + 1).some((r) => r.kind === 'scoring');
}

/**
 * The lists with every round's due date kept at the same wall-clock time when the campaign's time
 * zone changes (as the opening and the deadline are): "18:00 on the 10th" stays 18:00 on the 10th.
 */
export function moveDueDates(lists: ListDef[], fromZone: string, toZone: string): ListDef[] {
  return lists.map((list) => {
    if (!roundsOf(list).some((r) => r.kind === 'scoring' && r.dueAt)) return list;
    return withRounds(list, roundsOf(list).map((r) => (r.kind === 'scoring' && r.dueAt ? { ...r, dueAt: fromWallTime(toWallTime(r.dueAt, fromZone), toZone) ?? r.dueAt } : r)));
  });
}
