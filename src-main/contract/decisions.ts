// Per-entry decisions (issue 14): the coordinator disqualifies, withdraws, accepts a late (or
// early) submission, waives a media fault, or reinstates, each with a reason. The history is kept
// (every decision ever taken); `current` is what applies now and what the ranking honours.
import { z } from 'zod';
import type { ChannelMap } from './channel-def';
import { decisionKinds } from './decision-kinds';

export { decisionKinds };

const Id = z.string().min(1).max(100);

export const DecisionKind = z.enum(decisionKinds);
export type DecisionKind = z.infer<typeof DecisionKind>;

/** The kinds that can be in effect (reinstate only cancels). */
export const effectiveDecisionKinds = ['disqualify', 'withdraw', 'accept-late', 'waive-media'] as const;
export type EffectiveDecisionKind = (typeof effectiveDecisionKinds)[number];

export const EntryDecision = z.object({
  id: z.number().int(),
  entryId: z.number().int(),
  regNo: z.string(),
  kind: DecisionKind,
  reason: z.string(),
  /** The coordinator's identity name when it was taken ('local' without an identity). */
  actor: z.string(),
  /** ISO-8601 UTC. */
  at: z.string(),
});
export type EntryDecision = z.infer<typeof EntryDecision>;

export const EntryDecisionState = z.object({
  entryId: z.number().int(),
  regNo: z.string(),
  /** The decisions in effect, oldest first (at most one of each kind). */
  current: z.array(EntryDecision),
  /** Every decision on the entry, oldest first. */
  history: z.array(EntryDecision),
  /** The kinds that may be taken now (the others would be refused). */
  allowed: z.array(DecisionKind),
});
export type EntryDecisionState = z.infer<typeof EntryDecisionState>;

/** A decision's reason: required, one paragraph at most. */
export const DecisionReason = z.string().trim().min(1).max(2000);

export const decisionChannels = {
  /** Every entry with a decision (or the one entry asked for, even without any). */
  'decision:list': {
    request: z.object({ campaignId: Id, entryId: z.number().int().optional() }).strict(),
    response: z.array(EntryDecisionState),
  },
  'decision:set': {
    request: z.object({ campaignId: Id, entryId: z.number().int(), kind: DecisionKind, reason: DecisionReason }).strict(),
    response: EntryDecisionState,
  },
} as const satisfies ChannelMap;
