// Draft changes to a list's rounds (Setup › Lists & rubrics › Rounds), kept apart from the
// component so they are tested on their own. The rule that matters: a list left with no formal
// check and at most one round goes back to having no `rounds` key at all — the plain single
// scoring pass — so adding and then removing a formal check saves nothing new.
import type { ListDef, LocalizedText, RoundDef } from '../../../../src-main/contract';
import { roundsOf } from '../../../../src-main/contract/lists';
import { move, removeAt, replaceAt } from './draft-keys';

/** The list with these rounds; without its `rounds` key when they say no more than the single pass. */
export function withRounds(list: ListDef, rounds: RoundDef[]): ListDef {
  const { rounds: _dropped, ...rest } = list;
  return rounds.length === 0 || (rounds.length === 1 && rounds[0].kind === 'scoring') ? rest : { ...rest, rounds };
}

/** A formal check first, then the list's rounds (a scoring round named `scoringName` when it had none). */
export function addFormalRound(list: ListDef, formalName: LocalizedText, scoringName: LocalizedText): ListDef {
  const rounds = roundsOf(list);
  const scoring: RoundDef[] = rounds.length > 0 ? rounds : [{ key: 'scoring', name: scoringName, kind: 'scoring', panel: null, judgesPerEntry: null, rubric: null, dueAt: null, shortlist: null, carryOver: 0 }];
  let key = 'formal_check';
  for (let n = 2; scoring.some((r) => r.key === key); n++) key = `formal_check_${n}`;
  return withRounds(list, [{ key, name: formalName, kind: 'formal' }, ...scoring]);
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
