// Judges and their reviews (handler group `review`).
import { z } from 'zod';
import type { ChannelMap } from './channel-def';
import { withoutBidiControls } from './identifiers';
import { Judge, Queue, QueueFilter, ReviewState, reviewRequests, SaveAck } from './review';

const Id = z.string().min(1).max(100);

// A judge's roster details (issue 15): contact and the conflicts the coordinator declares.
const judgeConflictInstitutions = z.array(withoutBidiControls(z.string().trim().min(1).max(200))).max(20);
const judgeConflictEntries = z
  .array(z.object({ regNo: z.string().trim().min(1).max(60), reason: withoutBidiControls(z.string().trim().max(500)).default('') }).strict())
  .max(500);
const judgeRosterFields = {
  contact: withoutBidiControls(z.string().trim().max(200)).optional(),
  conflictInstitutions: judgeConflictInstitutions.default([]),
  conflictEntries: judgeConflictEntries.default([]),
};

export const reviewChannels = {
  'judge:list': {
    request: z.object({ campaignId: Id }).strict(),
    response: z.object({ judges: z.array(Judge), activeJudgeId: z.string().nullable() }),
  },
  'judge:create': {
    request: z
      .object({
        campaignId: Id,
        name: withoutBidiControls(z.string().trim().min(1).max(100)),
        institution: withoutBidiControls(z.string().trim().max(200).optional()),
        specialities: z.array(z.string().min(1).max(40)).max(20).default([]),
        /** Single-machine review: the new judge gets every entry of the campaign. */
        assignAll: z.boolean().default(false),
        ...judgeRosterFields,
      })
      .strict(),
    response: Judge,
  },
  /** Edits a judge of the campaign; a field left out stays as it is; conflicts given replace the old ones. */
  'judge:update': {
    request: z
      .object({
        campaignId: Id,
        judgeId: Id,
        name: withoutBidiControls(z.string().trim().min(1).max(100)).optional(),
        institution: withoutBidiControls(z.string().trim().max(200)).optional(),
        specialities: z.array(z.string().min(1).max(40)).max(20).optional(),
        contact: judgeRosterFields.contact,
        conflictInstitutions: judgeConflictInstitutions.optional(),
        conflictEntries: judgeConflictEntries.optional(),
      })
      .strict(),
    response: Judge,
  },
  'judge:activate': { request: z.object({ campaignId: Id, judgeId: Id }).strict(), response: z.object({ activeJudgeId: z.string() }) },
  'review:queue': {
    request: z.object({ campaignId: Id, judgeId: Id, filter: QueueFilter.default({}) }).strict(),
    response: Queue,
  },
  'review:get': {
    request: z.object({ campaignId: Id, judgeId: Id, entryId: z.number().int().positive() }).strict(),
    response: ReviewState,
  },
  'review:score': { request: reviewRequests.score, response: SaveAck },
  'review:comment': { request: reviewRequests.comment, response: SaveAck },
  'review:entrantComment': { request: reviewRequests.entrantComment, response: SaveAck },
  'review:eligibility': { request: reviewRequests.eligibility, response: SaveAck },
  'review:conflict': { request: reviewRequests.conflict, response: SaveAck },
  'review:complete': { request: reviewRequests.complete, response: SaveAck },
} as const satisfies ChannelMap;
