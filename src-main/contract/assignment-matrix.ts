// The assignment matrix (issue 15): one category's entries × the campaign's judges in the entries'
// working round — who is assigned, who started, who declared a conflict — a page at a time; and
// moving several entries from one judge to another in one step (a judge who drops out), each
// entry refused with its reason when the move would lose or break something.
import type { ChannelMap } from './channel-def';
import { z } from 'zod';
import { EntryKind } from './basics';

const Id = z.string().min(1).max(100);

export const MatrixCell = z.enum(['assigned', 'started', 'conflict']);
export type MatrixCell = z.infer<typeof MatrixCell>;

export const AssignmentMatrix = z.object({
  roundNo: z.number().int(),
  /** Every judge of the campaign, with the entries assigned in this category (the column's count). */
  judges: z.array(z.object({ judgeId: z.string(), name: z.string(), institution: z.string().nullable(), assigned: z.number().int() })),
  total: z.number().int(),
  rows: z.array(
    z.object({
      entryId: z.number().int(),
      regNo: z.string(),
      title: z.string(),
      unit: z.string().nullable(),
      /** Judge id → the cell's state; a judge absent here is not on the entry. */
      cells: z.record(z.string(), MatrixCell),
    }),
  ),
});
export type AssignmentMatrix = z.infer<typeof AssignmentMatrix>;

export const moveSkipReasons = ['not_assigned', 'started', 'already_assigned', 'conflict', 'same_institution'] as const;

export const AssignmentMoveResult = z.object({
  moved: z.number().int(),
  skipped: z.array(z.object({ entryId: z.number().int(), regNo: z.string(), reason: z.enum(moveSkipReasons) })),
});
export type AssignmentMoveResult = z.infer<typeof AssignmentMoveResult>;

export const assignmentMatrixChannels = {
  'assignment:matrix': {
    request: z.object({ campaignId: Id, kind: EntryKind, category: z.string().max(200).nullable(), offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) }).strict(),
    response: AssignmentMatrix,
  },
  /** Hands the entries from one judge to another (manual assignments, one audit row). */
  'assignment:move': {
    request: z.object({ campaignId: Id, entryIds: z.array(z.number().int().positive()).min(1).max(5_000), fromJudgeId: Id, toJudgeId: Id }).strict(),
    response: AssignmentMoveResult,
  },
} as const satisfies ChannelMap;
