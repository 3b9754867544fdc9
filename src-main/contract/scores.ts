// Every judge's scores seen and exported (issue 15, "Coordinator: scores and comments"): the entry
// view of each judge's dimension scores, total, comment, eligibility answers and declared conflict
// per scoring round, with the spread of the totals and a disagreement flag; the score matrix as
// CSV/XLSX; the per-judge score sheet (评审打分表) as PDF. Core: core/scores/*; exports:
// app/score-matrix-export.ts, app/score-sheet-pdf.ts.
import { z } from 'zod';
import { TypedPath } from './typed-path';
import { LocalizedText } from './basics';
import type { ChannelMap } from './channel-def';
import { ExportFile } from './compliance';
import { NoticeLanguage } from './notices';
import { jobStatus } from './job-status';

const Id = z.string().min(1).max(100);
const RoundNo = z.number().int().min(1).max(100);
const TargetPath = TypedPath;

/** Share of the total's scale (max − min) the spread of the judges' totals must exceed to be flagged. */
export const DISAGREEMENT_SHARE = 0.2;

export const judgeReviewStates = ['complete', 'in_progress', 'not_started', 'conflict'] as const;
export const JudgeReviewState = z.enum(judgeReviewStates);
export type JudgeReviewState = z.infer<typeof JudgeReviewState>;

export const JudgeEntryScores = z.object({
  judgeId: z.string(),
  name: z.string(),
  institution: z.string().nullable(),
  assigned: z.boolean(),
  state: JudgeReviewState,
  /** One per rubric dimension in rubric order: the signed score and the override in effect beside it. */
  scores: z.array(
    z.object({
      dimension: z.string(),
      signed: z.number().nullable(),
      override: z.object({ id: z.number().int(), value: z.number(), reason: z.string(), actor: z.string(), at: z.string() }).nullable(),
    }),
  ),
  /** Weighted total of the signed scores (2 decimals); null until every dimension is scored. */
  signedTotal: z.number().nullable(),
  /** Weighted total with the overrides in effect (what ranks); equals signedTotal without overrides. */
  total: z.number().nullable(),
  comment: z.string().nullable(),
  eligibility: z.array(z.object({ item: z.string(), answer: z.enum(['yes', 'no', 'unsure']), note: z.string().nullable() })),
  conflict: z.object({ reason: z.string(), declaredAt: z.string() }).nullable(),
});
export type JudgeEntryScores = z.infer<typeof JudgeEntryScores>;

export const RoundEntryScores = z.object({
  roundNo: z.number().int(),
  /** The round's name when the list defines rounds; null for a list without rounds. */
  roundName: LocalizedText.nullable(),
  judges: z.array(JudgeEntryScores),
  /** max − min of the totals in effect of the judges who scored every dimension (null below two). */
  spread: z.number().nullable(),
  /** DISAGREEMENT_SHARE × the total's scale: a spread above it is flagged. */
  threshold: z.number(),
  disagreement: z.boolean(),
});
export type RoundEntryScores = z.infer<typeof RoundEntryScores>;

export const EntryScores = z.object({
  entryId: z.number().int(),
  regNo: z.string(),
  listKey: z.string(),
  /** Rounds with an assigned judge or any review, oldest first. */
  rounds: z.array(RoundEntryScores),
});
export type EntryScores = z.infer<typeof EntryScores>;

/** The score matrix (csv, xlsx) or the score sheets (pdf) as a job: scores:exportJob. */
export const ScoresExportRequest = z
  .object({ campaignId: Id, format: z.enum(['csv', 'xlsx', 'pdf']), roundNo: RoundNo.optional(), listKey: Id.optional(), judgeId: Id.optional(), language: NoticeLanguage.optional() })
  .strict();
export type ScoresExportRequest = z.infer<typeof ScoresExportRequest>;

/** Progress in steps (the file made, then written); the file when done, null when cancelled. */
export const ScoresExportJob = jobStatus('scores.export', z.object({ done: z.number().int(), total: z.number().int() }), z.object({ cancelled: z.boolean(), file: ExportFile.nullable() }));
export type ScoresExportJob = z.infer<typeof ScoresExportJob>;

export const scoresChannels = {
  'scores:entry': { request: z.object({ campaignId: Id, entryId: z.number().int().positive() }).strict(), response: EntryScores },
  /** scores:export and scores:sheet as a background job on a worker thread (job:status, job:cancel). */
  'scores:exportJob': { request: ScoresExportRequest, response: ScoresExportJob },
  /** The score matrix (judge × entry × dimension) of one round (default: each list's working round). */
  'scores:export': {
    request: z.object({ campaignId: Id, format: z.enum(['csv', 'xlsx']), roundNo: RoundNo.optional(), listKey: Id.optional(), targetPath: TargetPath.optional() }).strict(),
    response: ExportFile,
  },
  /** 评审打分表: one judge's sheet, or every judge's in one PDF (each from a new page). */
  'scores:sheet': {
    request: z
      .object({ campaignId: Id, judgeId: Id.optional(), roundNo: RoundNo.optional(), listKey: Id.optional(), language: NoticeLanguage.default('zh'), targetPath: TargetPath.optional() })
      .strict(),
    response: ExportFile,
  },
} as const satisfies ChannelMap;
