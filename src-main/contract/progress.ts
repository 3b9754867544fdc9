// The progress board (issue 15): per list and working round, every judge with work in it — how
// many entries assigned, scored complete, in progress, declined for a conflict, the newest package
// issued to them (when, which definition version), their newest accepted bundle (revision, when),
// whether they are done, and whether they are late against the round's due date. Reminder texts
// are written from it by the renderer, in the language the coordinator picks.
import type { ChannelMap } from './channel-def';
import { z } from 'zod';
import { LocalizedText } from './basics';

const Id = z.string().min(1).max(100);

export const judgeProgressStatuses = ['complete', 'in_progress', 'not_started'] as const;
export const JudgeProgressStatus = z.enum(judgeProgressStatuses);
export type JudgeProgressStatus = z.infer<typeof JudgeProgressStatus>;

export const JudgeProgress = z.object({
  judgeId: z.string(),
  name: z.string(),
  institution: z.string().nullable(),
  /** Entries of this round assigned to the judge. */
  assigned: z.number().int(),
  /** Reviews marked complete (conflicts not counted). */
  complete: z.number().int(),
  /** Reviews started, not complete. */
  inProgress: z.number().int(),
  /** Entries the judge declared a conflict on: neither done nor owed. */
  conflicts: z.number().int(),
  /** Assigned entries neither complete nor declined for a conflict. */
  missing: z.number().int(),
  status: JudgeProgressStatus,
  /** The newest package issued to the judge for this round; null: none issued yet. */
  package: z.object({ issuedAt: z.string(), definitionVersion: z.number().int(), entries: z.number().int() }).nullable(),
  /** The judge's newest accepted result bundle; null: none received (or the judge scores on this machine). */
  lastBundle: z.object({ revision: z.number().int(), receivedAt: z.string() }).nullable(),
  /** The round's due date has passed and the judge still owes reviews. */
  overdue: z.boolean(),
});
export type JudgeProgress = z.infer<typeof JudgeProgress>;

export const RoundProgress = z.object({
  /** The list's key; null for a campaign without rounds (one board over every entry). */
  list: z.string().nullable(),
  listName: LocalizedText.nullable(),
  roundNo: z.number().int(),
  /** The round's name; null for a list scored once. */
  roundName: LocalizedText.nullable(),
  dueAt: z.string().nullable(),
  entries: z.number().int(),
  judges: z.array(JudgeProgress),
});
export type RoundProgress = z.infer<typeof RoundProgress>;

export const ProgressBoard = z.object({
  /** When the board was read (overdue is judged against it). */
  at: z.string(),
  timeZone: z.string(),
  rounds: z.array(RoundProgress),
});
export type ProgressBoard = z.infer<typeof ProgressBoard>;

export const progressChannels = {
  /** The progress board of every list's working round. */
  'progress:board': { request: z.object({ campaignId: Id }).strict(), response: ProgressBoard },
} as const satisfies ChannelMap;
