// The ranking configuration's schemas live in the contract (contract/ranking-config.ts); this module
// re-exports them for the core and adds the parsing that turns a zod issue into a KepuError.
import { RankingConfig } from '../../contract/ranking-config';
import { KepuError } from '../errors';

export {
  rankingMethods, RankingMethod, TieBreak, TierRule, eligibilityRules, EligibilityRule, CommitteeConfig, RankingConfig,
  flagCodes, EntryFlag,
} from '../../contract/ranking-config';
export type { RankingConfigInput } from '../../contract/ranking-config';

/** Parses a configuration (unknown input) and fills every default; INVALID_REQUEST names the path. */
export function parseRankingConfig(input: unknown): RankingConfig {
  const parsed = RankingConfig.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = ['config', ...issue.path.map(String)].join('.');
  throw new KepuError('INVALID_REQUEST', `ranking: ${path}: ${issue.message}`, { path });
}
