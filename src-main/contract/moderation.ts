// Moderation (issue 14, "Moderation, not editing"): a coordinator's override of one judge's score on
// one dimension, kept beside the signed score, and the differences a verification names.
import { z } from 'zod';
import type { ChannelMap } from './channel-def';

const Id = z.string().min(1).max(100);
const Reason = z.string().trim().min(1).max(2000);

export const ScoreOverride = z.object({
  id: z.number().int(),
  entryId: z.number().int(),
  regNo: z.string(),
  judgeId: z.string(),
  judgeName: z.string(),
  dimension: z.string(),
  /** The override's value; null on a row that withdraws one. */
  value: z.number().nullable(),
  /** The override a withdraw row ends. */
  withdraws: z.number().int().nullable(),
  reason: z.string(),
  /** Who recorded it (the coordinator's name, or "local"). */
  actor: z.string(),
  at: z.string(),
  /** The judge's signed score on that dimension, unchanged. */
  signed: z.number().nullable(),
  inEffect: z.boolean(),
});
export type ScoreOverride = z.infer<typeof ScoreOverride>;

/** One judge × dimension cell of an entry: the signed score and the override in effect, side by side. */
export const ScoreCell = z.object({
  judgeId: z.string(),
  name: z.string(),
  dimension: z.string(),
  signed: z.number(),
  override: z.object({ id: z.number().int(), value: z.number(), reason: z.string(), actor: z.string(), at: z.string() }).nullable(),
});
export type ScoreCell = z.infer<typeof ScoreCell>;

const CellDifference = z.object({
  regNo: z.string(),
  judgeName: z.string(),
  dimension: z.string(),
  old: z.number().nullable(),
  new: z.number().nullable(),
});

/** What changed since a result was locked, named from the lines kept at lock time. */
export const InputDifferencesView = z.object({
  scores: z.array(CellDifference),
  scoreCount: z.number().int(),
  overrides: z.array(CellDifference),
  overrideCount: z.number().int(),
  entriesAdded: z.array(z.string()),
  entriesRemoved: z.array(z.string()),
  judgesAdded: z.array(z.string()),
  judgesRemoved: z.array(z.string()),
});
export type InputDifferencesView = z.infer<typeof InputDifferencesView>;

export const moderationChannels = {
  /** The campaign's override history (or one entry's), oldest first. */
  'moderation:list': { request: z.object({ campaignId: Id, entryId: z.number().int().optional() }).strict(), response: z.array(ScoreOverride) },
  'moderation:set': {
    request: z.object({ campaignId: Id, entryId: z.number().int(), judgeId: Id, dimension: z.string().min(1).max(100), value: z.number(), reason: Reason }).strict(),
    response: ScoreOverride,
  },
  'moderation:withdraw': { request: z.object({ campaignId: Id, overrideId: z.number().int(), reason: Reason }).strict(), response: ScoreOverride },
} as const satisfies ChannelMap;
