// The ranking settings a campaign starts with, before the coordinator saves any (issue 15: defaults
// that contradicted each other). Policy:
// - The published method defaults to the trimmed mean (去掉一个最高分和一个最低分) only when every
//   list that has no method of its own is scored by panels of at least trimMinJudges (5) judges.
//   With fewer — the works template assigns 3 — dropping the highest and lowest total leaves one
//   judge (or none), so the trimmed mean silently became the plain mean for every entry. A real
//   association with a 3-judge panel publishes the average of its judges, so that is the default:
//   the settings then say what is actually published. A coordinator may still choose the trimmed
//   mean; the ranking then says, per category, how many entries fell back to the plain mean.
// - The committee list is ordered by the same method as the published list beside it, so the two
//   tables never disagree about who comes first (it used to default to the mean under a trimmed
//   list).
// Only the defaults change: a locked snapshot records the configuration it applied, so
// verification recomputes old snapshots with their own settings, byte for byte.
import type { CampaignDefinition } from '../../contract';
import { roundsOf } from '../../contract/lists';
import { parseRankingConfig, type RankingConfig, type RankingMethod } from './config';

/** The smallest panel (judges per entry) any round of a list without its own method is scored by; null: every list states its method. */
export function smallestDefaultPanel(def: Pick<CampaignDefinition, 'lists' | 'judgesPerEntry'>): number | null {
  const panels = def.lists
    .filter((l) => l.method === null || l.method === undefined)
    .flatMap((l) => {
      const scoring = roundsOf(l).filter((r) => r.kind === 'scoring');
      return scoring.length === 0 ? [def.judgesPerEntry] : scoring.map((r) => r.judgesPerEntry ?? def.judgesPerEntry);
    });
  return panels.length === 0 ? null : Math.min(...panels);
}

/** The configuration of a campaign with no saved ranking settings. */
export function defaultRankingConfig(def: Pick<CampaignDefinition, 'lists' | 'judgesPerEntry'>): RankingConfig {
  const base = parseRankingConfig({});
  const primary: RankingMethod = meanByDefaultBecause(def) ? 'mean' : base.primary;
  return parseRankingConfig({ ...base, primary, committee: { ...base.committee, method: primary } });
}

/**
 * Why the default publishes the mean, for the ranking page to say: the smallest panel and the
 * judges the trimmed mean needs; null when the default is the schema's own (no panel too small).
 */
export function meanByDefaultBecause(def: Pick<CampaignDefinition, 'lists' | 'judgesPerEntry'>): { panel: number; needed: number } | null {
  const base = parseRankingConfig({});
  const panel = smallestDefaultPanel(def);
  return base.primary === 'trimmed' && panel !== null && panel < base.trimMinJudges ? { panel, needed: base.trimMinJudges } : null;
}
