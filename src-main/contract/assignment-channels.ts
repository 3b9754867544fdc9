// Who reviews which entry (handler group `assignment`; the matrix's channels are in assignment-matrix.ts).
import { z } from 'zod';
import type { ChannelMap } from './channel-def';
import { AssignmentRunResult, CoverageView, EntryJudges } from './assignment';

const Id = z.string().min(1).max(100);

export const assignmentChannels = {
  'assignment:run': {
    // The rules default to the programme's (definition.assignment); given here, they apply to this run only.
    request: z
      .object({
        campaignId: Id,
        seed: z.string().max(100).optional(),
        categoryMatching: z.boolean().optional(),
        excludeOwnInstitution: z.boolean().optional(),
        /** A list in round 2 or later: the entries (ids) its round takes, per list key (the shortlist). */
        roundEntries: z.record(z.string(), z.array(z.number().int().positive())).optional(),
        /** Only these entries get new judges (one-click reassignment); every stored pair still counts in the loads. */
        entryIds: z.array(z.number().int().positive()).max(50_000).optional(),
      })
      .strict(),
    response: AssignmentRunResult,
  },
  'assignment:coverage': { request: z.object({ campaignId: Id }).strict(), response: CoverageView },
  'assignment:entry': { request: z.object({ campaignId: Id, entryId: z.number().int().positive() }).strict(), response: EntryJudges },
  'assignment:set': {
    request: z.object({ campaignId: Id, entryId: z.number().int().positive(), judgeId: Id, assigned: z.boolean() }).strict(),
    response: EntryJudges,
  },
} as const satisfies ChannelMap;
