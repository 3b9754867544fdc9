// Scoring rounds as they stand (issue 14): per list, its scoring rounds in order with their number
// (round_no: the ordinal among the list's scoring rounds; a list without rounds has one, round 1,
// with no key or name), whether each is closed, the current one (the lowest not closed) and how
// far its reviews are; and closing the current round with a reason.
import type { ChannelMap } from './channel-def';
import { z } from 'zod';
import { LocalizedText } from './basics';

const Id = z.string().min(1).max(100);

export const roundStatuses = ['closed', 'current', 'open'] as const;
export const RoundStatus = z.enum(roundStatuses);
export type RoundStatus = z.infer<typeof RoundStatus>;

export const RoundClosure = z.object({ at: z.string(), by: z.string(), reason: z.string() });
export type RoundClosure = z.infer<typeof RoundClosure>;

export const ScoringRoundState = z.object({
  roundNo: z.number().int().min(1),
  /** The round's key and name in the definition; null for the one round of a list without rounds. */
  key: z.string().nullable(),
  name: LocalizedText.nullable(),
  kind: z.literal('scoring'),
  status: RoundStatus,
  closed: RoundClosure.nullable(),
  /** Assignments of the round, and those whose review the judge marked complete. */
  counts: z.object({ assigned: z.number().int(), complete: z.number().int() }),
});
export type ScoringRoundState = z.infer<typeof ScoringRoundState>;

export const ListRounds = z.object({
  key: z.string(),
  name: LocalizedText,
  /** Whether the definition gives the list rounds (else it runs one implicit scoring round). */
  hasRounds: z.boolean(),
  /** The current round's number; null when every round is closed. */
  current: z.number().int().nullable(),
  rounds: z.array(ScoringRoundState),
});
export type ListRounds = z.infer<typeof ListRounds>;

export const RoundListView = z.object({ lists: z.array(ListRounds) });
export type RoundListView = z.infer<typeof RoundListView>;

export const scoringRoundChannels = {
  /** Every list's scoring rounds with their status and review counts. */
  'round:list': { request: z.object({ campaignId: Id }).strict(), response: RoundListView },
  /** Closes the list's current round (rounds close in order), with a reason; returns the list as it now is. */
  'round:close': {
    request: z.object({ campaignId: Id, listKey: z.string().min(1).max(100), roundNo: z.number().int().min(1), reason: z.string().trim().max(2000) }).strict(),
    response: ListRounds,
  },
} as const satisfies ChannelMap;
