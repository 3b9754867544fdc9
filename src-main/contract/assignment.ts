// Assigning judges to entries: what a run reports and what the load/coverage view shows.
import { z } from 'zod';

export const AssignmentRunResult = z.object({
  seed: z.string(),
  /** The rules the run applied (the programme's, or the request's overrides). */
  categoryMatching: z.boolean(),
  excludeOwnInstitution: z.boolean(),
  added: z.number().int(),
  shortfalls: z.array(z.object({ entryId: z.number().int(), assigned: z.number().int(), wanted: z.number().int(), reason: z.string() })),
  stats: z.object({ entries: z.number().int(), judges: z.number().int(), minLoad: z.number().int(), maxLoad: z.number().int(), matchedBySpeciality: z.number().int() }),
  /**
   * Only when some list has scoring rounds: each list's round the run assigned (null: every round
   * is closed), how many entries it took, or why none (a later round needs its entry set).
   */
  rounds: z.array(z.object({ list: z.string(), roundNo: z.number().int().nullable(), entries: z.number().int(), skipped: z.enum(['all_closed', 'no_entry_set']).nullable() })).optional(),
  /** Only with rounds: entries whose formal check failed, left out of every scoring round. */
  formalFailed: z.array(z.object({ entryId: z.number().int(), regNo: z.string() })).optional(),
});

export const CoverageView = z.object({
  perEntry: z.number().int(),
  judges: z.array(z.object({ judgeId: z.string(), name: z.string(), institution: z.string().nullable(), assigned: z.number().int() })),
  totals: z.object({
    entries: z.number().int(),
    covered: z.number().int(),
    partial: z.number().int(),
    unassigned: z.number().int(),
    missing: z.number().int(),
    minLoad: z.number().int(),
    maxLoad: z.number().int(),
  }),
  /** Entries below k judges, worst first (at most 200). */
  short: z.array(
    z.object({
      entryId: z.number().int(),
      regNo: z.string(),
      assigned: z.number().int(),
      wanted: z.number().int(),
      /** Judges of the campaign no rule keeps off this entry. */
      eligible: z.number().int(),
      /**
       * Why it is short (core/assignment/short-reasons.ts), each with the judges it is about:
       * same institution as the entrant, conflict declared, taken off by hand; too few eligible
       * judges in the campaign; or none of these (not assigned since it arrived: run it again).
       */
      reasons: z.array(
        z.object({
          reason: z.enum(['same_institution', 'declared_conflict', 'judge_removed', 'too_few_judges', 'not_assigned_yet']),
          judges: z.array(z.string()),
        }),
      ),
    }),
  ),
});

export const EntryJudges = z.object({
  entryId: z.number().int(),
  judges: z.array(
    z.object({
      judgeId: z.string(),
      name: z.string(),
      institution: z.string().nullable(),
      assigned: z.boolean(),
      source: z.enum(['auto', 'manual']).nullable(),
      /** The judge has started (or finished) this review: the assignment can no longer be removed. */
      started: z.boolean(),
      conflict: z.boolean(),
    }),
  ),
});
