// Edits of the ranking settings draft that touch more than one field, pure (tested without a DOM).
import type { RankingConfig, RankingMethod } from '../../../../src-main/contract';
import { rankingMethods } from '../../../../src-main/contract/definition-terms';

/**
 * A new published method: it is computed (added to the methods shown, in their usual order), and
 * the committee list follows it when it was ordered by the same method as before, so the committee
 * list and the ranking table beside it keep agreeing (issue 15). A committee method the
 * coordinator chose apart from the published one is left as chosen.
 */
export function withPrimary(draft: Pick<RankingConfig, 'primary' | 'methods' | 'committee'>, primary: RankingMethod): Pick<RankingConfig, 'primary' | 'methods' | 'committee'> {
  const committee = draft.committee.method === draft.primary ? { ...draft.committee, method: primary } : draft.committee;
  return { primary, methods: rankingMethods.filter((x) => x === primary || draft.methods.includes(x)), committee };
}
