// Entrant feedback (issue 19): judges' comments for the entrant, as the coordinator reviews them
// before any result letter goes out. Judges are anonymised as "Judge A / B / C" in a stable order;
// the judge's signed text is shown beside the coordinator's edited copy and never changed.
import { z } from 'zod';
import type { ChannelMap } from './channel-def';

const Id = z.string().min(1).max(100);

export const FeedbackComment = z.object({
  /** "A", "B", ...: the judge's anonymous letter on this entry (the same judge keeps it across rounds). */
  label: z.string(),
  judgeId: z.string(),
  roundNo: z.number().int(),
  /** The judge's words as signed (or saved on this machine): never edited. */
  signedText: z.string(),
  /** The coordinator's edited copy; null: the letter prints the judge's words. */
  editedText: z.string().nullable(),
  shared: z.boolean(),
  /** Who last chose (null: never reviewed, so not shared) and when (ISO-8601 UTC). */
  changedBy: z.string().nullable(),
  changedAt: z.string().nullable(),
});
export type FeedbackComment = z.infer<typeof FeedbackComment>;

export const EntryFeedback = z.object({
  entryId: z.number().int(),
  regNo: z.string(),
  /** Set when the entry's feedback is held back: no feedback at all goes in its letter. */
  held: z.object({ reason: z.string(), actor: z.string(), at: z.string() }).nullable(),
  comments: z.array(FeedbackComment),
});
export type EntryFeedback = z.infer<typeof EntryFeedback>;

/** Why the coordinator edited a copy or held feedback back: required, one paragraph at most. */
export const FeedbackReason = z.string().trim().min(1).max(2000);

export const feedbackChannels = {
  'feedback:get': {
    request: z.object({ campaignId: Id, entryId: z.number().int().positive() }).strict(),
    response: EntryFeedback,
  },
  /**
   * Shares or withholds one judge's comment and sets or clears the edited copy. `reason` is needed
   * when the copy changes (the audit says why the words differ from what the judge signed).
   */
  'feedback:choose': {
    request: z
      .object({
        campaignId: Id,
        entryId: z.number().int().positive(),
        judgeId: Id,
        roundNo: z.number().int().min(1),
        shared: z.boolean(),
        editedText: z.string().trim().min(1).max(20_000).nullable(),
        reason: z.string().trim().max(2000).default(''),
      })
      .strict(),
    response: EntryFeedback,
  },
  'feedback:hold': {
    request: z.object({ campaignId: Id, entryId: z.number().int().positive(), hold: z.boolean(), reason: FeedbackReason }).strict(),
    response: EntryFeedback,
  },
} as const satisfies ChannelMap;
