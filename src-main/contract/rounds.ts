// Rounds of a list (issue 14), read the same way by the core (formal checks, ranking holds, the
// CLI) and the renderer (Setup, the Formal check screen, the overview). Pure: no zod, no node.
// A list without rounds (absent or empty) runs one scoring pass, as before rounds existed.
import type { CampaignDefinition, EntryKind, FormalRoundDef, ListDef, RoundDef } from './domain';
import { listFor } from './lists';

type Lists = Pick<CampaignDefinition, 'lists'>;

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
