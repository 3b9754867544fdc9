// The ranking's configuration (methods, tie-breaks, tiers, committee rule) and the flags that hold
// an entry out of a list: the terms a campaign's definition uses (domain.ts), apart from the ranking
// channels' views in ranking.ts so that reading a definition does not build those (issue 18). The
// configuration arrives from the UI, the CLI and locked snapshots, so it is parsed at that
// boundary; defaults live here so a snapshot stores the resolved configuration and a
// recomputation cannot pick up different ones.
import { z } from 'zod';
import { LocalizedText } from './basics';
import { rankingMethods } from './definition-terms';

export { rankingMethods };
export const RankingMethod = z.enum(rankingMethods);
export type RankingMethod = z.infer<typeof RankingMethod>;

const Key = z.string().regex(/^[a-z][a-z0-9_]*$/);

/** Applied in order after the method score; the registration number is always the final key. */
export const TieBreak = z.discriminatedUnion('by', [
  /** Higher mean of this rubric dimension (over the judges counted for the entry) first. */
  z.object({ by: z.literal('dimension'), key: Key }),
  /** Higher score by another method first (e.g. the median behind a trimmed mean). */
  z.object({ by: z.literal('method'), method: RankingMethod }),
  /** Earlier submission first; an entry without a submission time goes after those with one. */
  z.object({ by: z.literal('submittedAt') }),
]);
export type TieBreak = z.infer<typeof TieBreak>;

/**
 * An award tier (label: what certificates and reports print; the key when absent). Tiers are filled in order from the top of the ranked list, each from where the
 * previous one ended: `rank` takes the next `count` entries, `percentile` the next
 * floor(percent × ranked / 100) entries, `threshold` every following entry scoring ≥ minScore.
 * `minScore` on a rank or percentile tier additionally stops the tier at the first entry below it.
 */
export const TierRule = z.discriminatedUnion('by', [
  z.object({ key: Key, label: LocalizedText.optional(), by: z.literal('rank'), count: z.number().int().positive(), minScore: z.number().optional() }),
  z.object({ key: Key, label: LocalizedText.optional(), by: z.literal('percentile'), percent: z.number().positive().max(100), minScore: z.number().optional() }),
  z.object({ key: Key, label: LocalizedText.optional(), by: z.literal('threshold'), minScore: z.number() }),
]);
export type TierRule = z.infer<typeof TierRule>;

export const eligibilityRules = ['majority', 'unanimous', 'any'] as const;
export const EligibilityRule = z.enum(eligibilityRules);
export type EligibilityRule = z.infer<typeof EligibilityRule>;

export const CommitteeConfig = z.object({
  rule: EligibilityRule.default('majority'),
  /** The works score an applicant needs (on `method`); null: no score requirement. */
  minScore: z.number().nullable().default(null),
  method: RankingMethod.default('mean'),
});
export type CommitteeConfig = z.infer<typeof CommitteeConfig>;

export const RankingConfig = z
  .object({
    /** Methods computed and shown side by side. */
    methods: z.array(RankingMethod).min(1).default([...rankingMethods]),
    /** The method the published list is ranked by. */
    primary: RankingMethod.default('trimmed'),
    /** Trimmed mean: drop the highest and lowest total when at least this many judges scored. */
    trimMinJudges: z.number().int().min(3).default(5),
    /** Z-scores: a judge with one entry or identical totals cannot be normalised. */
    zscoreFallback: z.enum(['exclude', 'raw']).default('exclude'),
    /** null: the rubric dimensions in rubric order, then earlier submission. */
    tieBreaks: z.array(TieBreak).nullable().default(null),
    tiers: z.array(TierRule).default([]),
    /** Late entries (and early ones, submitted before the opening) are held out of the ranked list until the coordinator accepts them. */
    holdLate: z.boolean().default(true),
    committee: CommitteeConfig.default({ rule: 'majority', minScore: null, method: 'mean' }),
    bias: z
      .object({
        /** |mean deviation| that flags a judge; null: 10 % of the rubric's total range. */
        threshold: z.number().positive().nullable().default(null),
        minEntries: z.number().int().positive().default(5),
      })
      .default({ threshold: null, minEntries: 5 }),
    /** How many of the entries whose rank moves most between methods to list per category. */
    topMovers: z.number().int().nonnegative().default(10),
  })
  .refine((c) => c.methods.includes(c.primary), { message: 'primary must be one of methods', path: ['primary'] })
  .refine((c) => c.methods.includes(c.committee.method), { message: 'committee.method must be one of methods', path: ['committee', 'method'] });
export type RankingConfig = z.infer<typeof RankingConfig>;
export type RankingConfigInput = z.input<typeof RankingConfig>;

/**
 * early: submitted before the registration opened (held like late, under holdLate).
 * entry_rule: a completeness rule of the entry's kind is not met (e.g. an account with neither a
 * link nor a screenshot), made by the app next to the media flags.
 * formal_check: the entry's list has a formal check round and the entry failed it, needs fixing,
 * or was not checked yet (params: verdict, reason, and `outcome@<language>` for the message).
 */
export const flagCodes = ['incomplete_coverage', 'no_score', 'non_compliant_media', 'late', 'early', 'entry_rule', 'formal_check', 'disqualified', 'withdrawn'] as const;
/** Why an entry is held out of the ranked list; `params` are for the translated message. */
export const EntryFlag = z.object({
  code: z.enum(flagCodes),
  params: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
});
export type EntryFlag = z.infer<typeof EntryFlag>;
