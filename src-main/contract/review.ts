// The judge's workspace: judges, the review queue, the state of one review and the acknowledgement
// of every autosaved change. A change is acknowledged only after its transaction committed; the
// acknowledgement carries the entry's new revision, which the UI shows as "saved".
import { z } from 'zod';
import { ReachFigure } from './reach';
import { AssetInfo } from './assets';
import { ShownViolation, ReportVerdict } from './compliance';
import { EntryKind, LocalizedText } from './basics';

/** An entry the coordinator declared a judge must not review, by registration number, and why. */
export const JudgeConflictEntry = z.object({ regNo: z.string(), reason: z.string() });
export type JudgeConflictEntry = z.infer<typeof JudgeConflictEntry>;

/**
 * Conflicts the coordinator declared for a judge (besides the judge's own institution and the
 * conflicts the judge declares in the workspace): institutions and single entries never assigned.
 */
export const JudgeConflicts = z.object({ institutions: z.array(z.string()), entries: z.array(JudgeConflictEntry) });
export type JudgeConflicts = z.infer<typeof JudgeConflicts>;

export const Judge = z.object({
  id: z.string(),
  name: z.string(),
  institution: z.string().nullable(),
  /** Fingerprint of the registered signing key; null until a key card is imported. */
  fingerprint: z.string().nullable(),
  /** Entry kinds or categories the judge is expert in (assignment may prefer them). */
  specialities: z.array(z.string()),
  assigned: z.number().int(),
  /** The newest signed result bundle merged from this judge; null for judges scoring on this machine. */
  signedBundle: z.object({ revision: z.number().int(), receivedAt: z.string() }).nullable(),
  /** Phone, WeChat or e-mail as the coordinator typed it; null when not given. */
  contact: z.string().nullable().default(null),
  conflicts: JudgeConflicts.default({ institutions: [], entries: [] }),
});
export type Judge = z.infer<typeof Judge>;

/**
 * Where a review's values come from when they are not this machine's to change: a signed result
 * bundle from the judge (changed only by a newer bundle from that judge).
 */
export const SignedSource = z.object({ revision: z.number().int(), receivedAt: z.string() });
export type SignedSource = z.infer<typeof SignedSource>;

export const reviewStatuses = ['not_started', 'in_progress', 'complete', 'conflict'] as const;
export const ReviewStatus = z.enum(reviewStatuses);
export type ReviewStatus = z.infer<typeof ReviewStatus>;

export const QueueRow = z.object({
  entryId: z.number().int(),
  regNo: z.string(),
  title: z.string(),
  kind: EntryKind,
  category: z.string().nullable(),
  status: ReviewStatus,
  /** Weighted total so far, on the rubric's scale; null before any score. */
  total: z.number().nullable(),
});
export type QueueRow = z.infer<typeof QueueRow>;

export const QueueProgress = z.object({
  assigned: z.number().int(),
  /** Marked complete. A declared conflict is not "done": it is counted under `conflicts`. */
  finished: z.number().int(),
  /** Entries this judge declared a conflict of interest on (to be reassigned, never scored). */
  conflicts: z.number().int(),
  byGroup: z.array(
    z.object({ kind: EntryKind, category: z.string().nullable(), assigned: z.number().int(), finished: z.number().int(), conflicts: z.number().int() }),
  ),
});
export type QueueProgress = z.infer<typeof QueueProgress>;

export const QueueFilter = z.object({
  status: ReviewStatus.optional(),
  kind: EntryKind.optional(),
  query: z.string().trim().max(200).optional(),
});

export const Queue = z.object({ rows: z.array(QueueRow), progress: QueueProgress });
export type Queue = z.infer<typeof Queue>;

export const ReviewAsset = AssetInfo.extend({
  verdict: ReportVerdict,
  violations: z.array(ShownViolation),
  durationSeconds: z.number().nullable(),
  /** Frames per second, for frame-accurate stepping; null for stills or when unknown. */
  frameRate: z.number().nullable(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
});
export type ReviewAsset = z.infer<typeof ReviewAsset>;

export const eligibilityAnswers = ['yes', 'no', 'unsure'] as const;
export const EligibilityAnswer = z.enum(eligibilityAnswers);

export const ReviewState = z.object({
  entryId: z.number().int(),
  judgeId: z.string(),
  regNo: z.string(),
  title: z.string(),
  kind: EntryKind,
  category: z.string().nullable(),
  /** Hidden (null) in blind review. */
  entrantName: z.string().nullable(),
  entrantUnit: z.string().nullable(),
  reason: z.string().nullable(),
  fields: z.record(z.string(), z.string()),
  blind: z.boolean(),
  assets: z.array(ReviewAsset),
  /** Reach figures and public votes (issue 16): shown beside the dimension that asks for them (RubricDimension.showsReach). */
  reach: z.array(ReachFigure),
  scores: z.record(z.string(), z.object({ value: z.number(), updatedAt: z.string() })),
  /** The committee comment: internal, never shown to the entrant. */
  comment: z.string(),
  /** The optional comment for the entrant (feedback); reaches a letter only if the coordinator shares it. */
  entrantComment: z.string().default(''),
  eligibility: z.record(z.string(), z.object({ answer: EligibilityAnswer, note: z.string() })),
  conflict: z.object({ reason: z.string(), declaredAt: z.string() }).nullable(),
  status: ReviewStatus,
  revision: z.number().int(),
  updatedAt: z.string().nullable(),
  total: z.number().nullable(),
  missing: z.array(z.string()),
  /** Set when the values came from the judge's signed bundle: read-only everywhere they are shown. */
  signed: SignedSource.nullable(),
  /** The scoring round this review belongs to, when the entry's list has rounds (issue 14); absent otherwise. */
  round: z
    .object({
      roundNo: z.number().int(),
      key: z.string(),
      name: LocalizedText,
      /** When the round's scores are due (the round's dueAt, from the package's definition); absent: not stated. */
      dueAt: z.string().optional(),
    })
    .optional(),
});
export type ReviewState = z.infer<typeof ReviewState>;

export const SaveAck = z.object({
  entryId: z.number().int(),
  revision: z.number().int(),
  updatedAt: z.string(),
  status: ReviewStatus,
  total: z.number().nullable(),
  missing: z.array(z.string()),
});
export type SaveAck = z.infer<typeof SaveAck>;

const Ref = { campaignId: z.string().min(1).max(100), judgeId: z.string().min(1).max(100), entryId: z.number().int().positive() };

export const reviewRequests = {
  score: z.object({ ...Ref, dimension: z.string().min(1).max(60), value: z.number().finite().nullable() }).strict(),
  comment: z.object({ ...Ref, body: z.string().max(20_000) }).strict(),
  entrantComment: z.object({ ...Ref, body: z.string().max(20_000) }).strict(),
  eligibility: z.object({ ...Ref, item: z.string().min(1).max(60), answer: EligibilityAnswer.nullable(), note: z.string().max(5_000).default('') }).strict(),
  conflict: z.object({ ...Ref, declare: z.boolean(), reason: z.string().trim().max(2_000).default('') }).strict(),
  complete: z.object({ ...Ref, complete: z.boolean() }).strict(),
};
