// Ranking: what the ranking channels return, and (re-exported from ranking-config.ts) the
// configuration a coordinator chooses and the per-entry flags that hold an entry out of a list.
import { EntryDecision } from './decisions';
import { z } from 'zod';
import type { ChannelMap } from './channel-def';
import { ExportFile } from './compliance';
import { LocalizedText } from './basics';
import { InputDifferencesView, ScoreCell, ScoreOverride } from './moderation';
import { jobStatus } from './job-status';
import { EligibilityRule, EntryFlag, RankingConfig, RankingMethod, TieBreak } from './ranking-config';

export * from './ranking-config';


// ---- What the ranking channels return --------------------------------------------------------

const Id = z.string().min(1).max(100);
const Num = z.number();
const NullableNum = z.number().nullable();
const ByMethod = <T extends z.ZodType>(value: T) => z.partialRecord(RankingMethod, value);

export const TieExplanation = z.object({
  ahead: z.string(),
  behind: z.string(),
  score: Num,
  rule: z.union([TieBreak, z.object({ by: z.literal('regNo') })]),
  aheadValue: z.union([z.number(), z.string()]).nullable(),
  behindValue: z.union([z.number(), z.string()]).nullable(),
});
export type TieExplanation = z.infer<typeof TieExplanation>;

export const SnapshotInfo = z.object({
  id: z.string(),
  lockedAt: z.string(),
  sha256: z.string(),
  method: RankingMethod,
  /** Every method the locked lists are ordered by (one, unless lists rank by methods of their own). */
  methods: z.array(RankingMethod),
  rankedCount: z.number().int(),
  heldCount: z.number().int(),
  signerName: z.string(),
  signerFingerprint: z.string(),
});
export type SnapshotInfo = z.infer<typeof SnapshotInfo>;

export const CategoryStabilityView = z.object({
  tau: z.array(z.object({ a: RankingMethod, b: RankingMethod, tau: NullableNum, entries: z.number().int() })),
  movers: z.array(z.object({ entryId: z.number().int(), regNo: z.string(), title: z.string(), ranks: ByMethod(z.number().int()), move: z.number().int() })),
  icc: z.object({ icc1: Num, icc1k: NullableNum, k0: Num, entries: z.number().int(), ratings: z.number().int() }).nullable(),
  w: z.object({ value: NullableNum, reason: z.enum(['no_complete_block', 'undefined']).optional(), judges: z.number().int(), entries: z.number().int() }),
});

export const CategorySummary = z.object({
  /** The definition's list (lists[].key) the category feeds. */
  list: z.string(),
  /** The method its published list is ordered by (the list's own, else the primary method). */
  method: RankingMethod,
  kind: z.string(),
  category: z.string().nullable(),
  label: LocalizedText,
  ranked: z.number().int(),
  held: z.number().int(),
  tiers: z.array(z.object({ key: z.string(), label: LocalizedText.nullable(), count: z.number().int() })),
  stability: CategoryStabilityView,
  /**
   * Published by the trimmed mean, but some ranked entries had fewer judges than it needs
   * (trimMinJudges): their score is the plain mean. Null when nothing fell back (issue 15: the
   * fallback used to be silent).
   */
  fallback: z.object({ entries: z.number().int(), needed: z.number().int() }).nullable().default(null),
  /** Histogram of the primary method's scores of ranked entries: 20 equal bins over the rubric scale. */
  histogram: z.object({ min: Num, max: Num, counts: z.array(z.number().int()) }),
});
export type CategorySummary = z.infer<typeof CategorySummary>;

export const JudgeProfileView = z.object({
  judgeId: z.string(),
  name: z.string(),
  scored: z.number().int(),
  min: NullableNum,
  q1: NullableNum,
  median: NullableNum,
  q3: NullableNum,
  max: NullableNum,
  entries: z.number().int(),
  bias: NullableNum,
  sd: NullableNum,
  flag: z.enum(['high', 'low']).nullable(),
});
export type JudgeProfileView = z.infer<typeof JudgeProfileView>;

/** Where a new definition version set collected data aside: when and why (null: not recorded). */
const SetAsideSince = z.object({ version: z.number().int(), statement: z.string() }).nullable();

/**
 * Scores on dimensions and eligibility answers on items that the entry's list no longer has: kept
 * in the database, not counted. Each names the version that removed it (the newest one that did).
 */
export const SetAside = z.object({
  scores: z.number().int(),
  answers: z.number().int(),
  dimensions: z.array(z.object({ key: z.string(), label: LocalizedText.nullable(), scores: z.number().int(), since: SetAsideSince })),
  items: z.array(z.object({ key: z.string(), label: LocalizedText.nullable(), answers: z.number().int(), since: SetAsideSince })),
  /** The newest version among those that set data aside. */
  since: SetAsideSince,
});
export type SetAside = z.infer<typeof SetAside>;

export const RankingSummary = z.object({
  campaignId: z.string(),
  computedAt: z.string(),
  config: RankingConfig,
  /** The tie-breaks and bias threshold as applied (defaults resolved from the rubric). */
  applied: z.object({ tieBreaks: z.array(TieBreak), biasThreshold: Num }),
  scale: z.object({ min: Num, max: Num }),
  counts: z.object({ entries: z.number().int(), ranked: z.number().int(), held: z.number().int(), counted: z.number().int(), incomplete: z.number().int(), conflicted: z.number().int() }),
  categories: z.array(CategorySummary),
  judges: z.array(JudgeProfileView),
  committee: z.object({ members: z.number().int(), rejected: z.number().int(), held: z.number().int() }).nullable(),
  latestLock: SnapshotInfo.nullable(),
  /** The scoring round ranked per list whose round is not 1 (issue 14); absent when all are round 1. */
  rounds: z.record(z.string(), z.number().int()).optional(),
  /** Null when every score and answer is on the current definition. */
  setAside: SetAside.nullable(),
  /**
   * Settings never saved and the mean published by default because a panel is smaller than the
   * trimmed mean needs (core/ranking/default-config.ts): the page says why. Null otherwise.
   */
  meanByDefault: z.object({ panel: z.number().int(), needed: z.number().int() }).nullable().default(null),
});
export type RankingSummary = z.infer<typeof RankingSummary>;

export const RankingRow = z.object({
  entryId: z.number().int(),
  regNo: z.string(),
  title: z.string(),
  entrantName: z.string(),
  entrantUnit: z.string().nullable(),
  /** By the method the list is ordered by; null for held entries. */
  rank: z.number().int().nullable(),
  score: NullableNum,
  tier: z.string().nullable(),
  judges: z.number().int(),
  /** Every computed method's rank (null when held) and score, side by side. */
  methods: ByMethod(z.object({ rank: z.number().int().nullable(), score: NullableNum })),
  /** The judges' weighted totals: lowest, highest, sd (per-entry spread). */
  low: NullableNum,
  high: NullableNum,
  sd: NullableNum,
  ties: z.array(TieExplanation),
  flags: z.array(EntryFlag),
  /**
   * When the list blends reach into its score (ListDef.blend, issue 16): the judges' score alone
   * by the list's method and the rank it alone would give among the ranked entries, beside the
   * figure used (value 0 and hadFigure false when the entry had none) and its share (0…1). Null otherwise.
   */
  judgesOnly: z
    .object({ rank: z.number().int().nullable(), score: NullableNum, metric: z.string(), value: z.number(), hadFigure: z.boolean(), share: z.number() })
    .nullable()
    .default(null),
});
export type RankingRow = z.infer<typeof RankingRow>;

export const RankingList = z.object({ total: z.number().int(), rows: z.array(RankingRow) });

export const CarryView = z.object({
  weight: Num,
  /** The round carried from (the ranked round is the next one). */
  round: z.number().int(),
  method: RankingMethod,
  previous: NullableNum,
  current: NullableNum,
  final: NullableNum,
});
export type CarryView = z.infer<typeof CarryView>;

export const RankingEntryDetail = z.object({
  row: RankingRow,
  /** The definition's list the entry belongs to (its rubric is the one shown). */
  list: z.string(),
  /** The scoring round ranked (1 for a list without rounds): a round's own rubric is the one shown then. */
  roundNo: z.number().int().default(1),
  totals: z.array(z.object({ judgeId: z.string(), name: z.string(), total: Num, z: NullableNum, borda: NullableNum })),
  excluded: z.array(z.object({ judgeId: z.string(), name: z.string(), reason: z.enum(['conflict', 'incomplete']), missing: z.array(z.string()) })),
  dimensionMeans: z.record(z.string(), Num),
  trimmed: z.enum(['applied', 'plain_mean']).nullable(),
  /** The method the entry's list is published by, and the judges the trimmed mean needs (for the fallback sentence). */
  publishedMethod: RankingMethod.optional(),
  trimMinJudges: z.number().int().optional(),
  /** Every judge × dimension signed score, with the moderation override in effect beside it. */
  cells: z.array(ScoreCell),
  /** The entry's override history (set and withdrawn), oldest first. */
  overrides: z.array(ScoreOverride),
  /** The decisions in effect on the entry (who, when, why), held or ranked. */
  decisions: z.array(EntryDecision).default([]),
  /** Whether the entry was submitted late or before the opening (null: on time). */
  timing: z.enum(['late', 'early']).nullable().default(null),
  /**
   * Carry-over (issue 14), by the list's method: final = weight × previous + (1 − weight) ×
   * current; previous null: the entry has no total in that round and ranks on this round's alone.
   * Null when the entry's round carries nothing over.
   */
  carry: CarryView.nullable().default(null),
});
export type RankingEntryDetail = z.infer<typeof RankingEntryDetail>;

const ItemVotes = z.object({ item: z.string(), yes: z.number().int(), no: z.number().int(), unsure: z.number().int(), passed: z.boolean() });
const RejectionReason = z.object({ code: z.enum(['item_failed', 'no_answers', 'score_below', 'no_score']), params: z.record(z.string(), z.union([z.string(), z.number()])) });
const CommitteeApplicant = z.object({
  entryId: z.number().int(),
  regNo: z.string(),
  name: z.string(),
  unit: z.string().nullable(),
  score: NullableNum,
  items: z.array(ItemVotes),
  reasons: z.array(RejectionReason),
  flags: z.array(EntryFlag),
});
export type CommitteeApplicant = z.infer<typeof CommitteeApplicant>;

export const CommitteeView = z.object({
  rule: EligibilityRule,
  minScore: NullableNum,
  method: RankingMethod,
  members: z.array(CommitteeApplicant),
  rejected: z.array(CommitteeApplicant),
  held: z.array(CommitteeApplicant),
});
export type CommitteeView = z.infer<typeof CommitteeView>;

export const SnapshotVerification = z.object({
  snapshot: SnapshotInfo,
  signatureValid: z.boolean(),
  equal: z.boolean(),
  /** The first difference, when not equal: a path into the snapshot and both values as JSON. */
  difference: z.object({ path: z.string(), locked: z.string(), recomputed: z.string() }).nullable(),
  /** When not equal: 'named' with each difference from the lock-time lines, or 'hash_only' (none kept). */
  detail: z.enum(['named', 'hash_only']).nullable(),
  differences: InputDifferencesView.nullable(),
});
export type SnapshotVerification = z.infer<typeof SnapshotVerification>;

const CampaignRequest = z.object({ campaignId: Id }).strict();

/** The scoring round to rank per list key (issue 14); lists not named: their default round. */
const RoundsRequest = z.record(z.string().max(100), z.number().int().min(1)).optional();

/**
 * A ranking export written on a worker thread (CSV, XLSX, the PDF report): progress in rows
 * written, the file when done (null when cancelled: nothing is left in exports/).
 */
export const RankingExportJob = jobStatus(
  'ranking.export',
  z.object({ done: z.number().int(), total: z.number().int() }),
  z.object({ cancelled: z.boolean(), file: ExportFile.nullable() }),
);
export type RankingExportJob = z.infer<typeof RankingExportJob>;

export const rankingChannels = {
  'ranking:config': { request: CampaignRequest, response: z.object({ config: RankingConfig, saved: z.boolean() }) },
  'ranking:configure': { request: z.object({ campaignId: Id, config: z.unknown() }).strict(), response: z.object({ config: RankingConfig, saved: z.boolean() }) },
  'ranking:summary': { request: z.object({ campaignId: Id, refresh: z.boolean().optional(), rounds: RoundsRequest }).strict(), response: RankingSummary },
  /**
   * A campaign was opened: its ranking may be computed now, in the background, so the Ranking tab
   * opened a moment later answers from it. Answers at once; nothing is computed where the ranking
   * is read in process (the CLI).
   */
  'ranking:warm': { request: CampaignRequest, response: z.null() },
  'ranking:list': {
    request: z
      .object({
        campaignId: Id,
        kind: z.string().max(40),
        category: z.string().max(100).nullable(),
        section: z.enum(['ranked', 'held']),
        /** The method the list is ordered by; the primary method when absent. */
        method: RankingMethod.optional(),
        offset: z.number().int().nonnegative(),
        limit: z.number().int().min(1).max(500),
        rounds: RoundsRequest,
      })
      .strict(),
    response: RankingList,
  },
  'ranking:entry': { request: z.object({ campaignId: Id, entryId: z.number().int(), rounds: RoundsRequest }).strict(), response: RankingEntryDetail },
  'ranking:committee': { request: CampaignRequest, response: CommitteeView.nullable() },
  /**
   * Locks (publishes) the ranking. While a 公示 period runs, or objections are open, the final lock
   * is refused (NOTICE_PERIOD_OPEN / NOTICE_OBJECTIONS_OPEN) unless `override.reason` says why;
   * the reason is recorded in the audit log and in the lock's record.
   */
  'ranking:lock': {
    request: z.object({ campaignId: Id, override: z.object({ reason: z.string().trim().min(1).max(2000) }).strict().optional() }).strict(),
    response: SnapshotInfo,
  },
  /** The coordinator agrees that changes may move the live ranking away from the published result. */
  'ranking:allowChanges': { request: CampaignRequest, response: z.object({ snapshotId: z.string(), lockedAt: z.string() }).nullable() },
  'ranking:snapshots': { request: CampaignRequest, response: z.array(SnapshotInfo) },
  'ranking:verify': { request: z.object({ campaignId: Id, snapshotId: Id }).strict(), response: SnapshotVerification },
  'ranking:export': {
    // rounds: the scoring round per list, as the Ranking tab shows it (lists not named: their default round).
    request: z.object({ campaignId: Id, format: z.enum(['csv', 'xlsx', 'pdf', 'snapshot']), snapshotId: Id.optional(), rounds: RoundsRequest }).strict(),
    response: ExportFile,
  },
  /** The same exports as a background job (job:status, job:cancel): the main process stays answered. */
  'ranking:exportJob': {
    request: z.object({ campaignId: Id, format: z.enum(['csv', 'xlsx', 'pdf']), rounds: RoundsRequest }).strict(),
    response: RankingExportJob,
  },
} as const satisfies ChannelMap;
