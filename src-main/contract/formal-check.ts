// The formal check (形式审查, issue 14): staff mark each entry of a list that has a formal round
// pass, fail or fix needed, with a reason for the last two. What the app found is offered as a
// suggestion (media that failed its rules, unmet completeness rules, empty required fields); the
// verdict is always a person's. History is kept: the newest verdict applies.
import { z } from 'zod';
import type { ChannelMap } from './channel-def';
import { LocalizedText } from './basics';
import { EntryRuleOption } from './compliance';

const Id = z.string().min(1).max(100);

export const formalVerdicts = ['pass', 'fail', 'fix_needed'] as const;
export const FormalVerdict = z.enum(formalVerdicts);
export type FormalVerdict = z.infer<typeof FormalVerdict>;

/**
 * Something the app found that argues against passing: media that failed its rules (`files`),
 * a completeness rule not met (`rule`, its options), a required field left
 * empty (`field`, its label).
 */
export const FormalSuggestionItem = z.discriminatedUnion('code', [
  z.object({ code: z.literal('media'), files: z.array(z.string()) }),
  z.object({ code: z.literal('entry_rule'), rule: z.string(), options: z.array(EntryRuleOption) }),
  z.object({ code: z.literal('required_field'), field: z.string(), label: LocalizedText }),
]);
export type FormalSuggestionItem = z.infer<typeof FormalSuggestionItem>;

export const FormalCheckRecord = z.object({ verdict: FormalVerdict, reason: z.string(), by: z.string(), at: z.string() });
export type FormalCheckRecord = z.infer<typeof FormalCheckRecord>;

export const FormalCheckEntry = z.object({
  entryId: z.number().int(),
  regNo: z.string(),
  title: z.string(),
  kind: z.string(),
  category: z.string().nullable(),
  /** The list (lists[].key) and its formal round. */
  list: z.string(),
  round: z.string(),
  /** pass when nothing was found, else fix_needed with what was found. */
  suggestion: z.object({ verdict: FormalVerdict, items: z.array(FormalSuggestionItem) }),
  /** The verdict that applies (the newest); null: not checked yet. */
  current: FormalCheckRecord.nullable(),
  /** Every verdict recorded, newest first. */
  history: z.array(FormalCheckRecord),
});
export type FormalCheckEntry = z.infer<typeof FormalCheckEntry>;

export const FormalCheckCounts = z.object({ unchecked: z.number().int(), pass: z.number().int(), fail: z.number().int(), fix_needed: z.number().int() });
export type FormalCheckCounts = z.infer<typeof FormalCheckCounts>;

export const FormalCheckView = z.object({
  /** The formal rounds of the campaign's lists (empty: no list has one). */
  rounds: z.array(z.object({ list: z.string(), listName: LocalizedText, round: z.string(), name: LocalizedText })),
  entries: z.array(FormalCheckEntry),
  counts: FormalCheckCounts,
});
export type FormalCheckView = z.infer<typeof FormalCheckView>;

export const formalCheckChannels = {
  /** Entries of every list with a formal round, with the app's suggestion and the verdict that applies. */
  'formalCheck:list': { request: z.object({ campaignId: Id }).strict(), response: FormalCheckView },
  /** Records a verdict (a reason is required for fail and fix needed); returns the entry. */
  'formalCheck:set': {
    request: z.object({ campaignId: Id, entryId: z.number().int().positive(), verdict: FormalVerdict, reason: z.string().trim().max(2000).default('') }).strict(),
    response: FormalCheckEntry,
  },
  /** Passes every entry not yet checked whose suggestion is pass (nothing found). */
  'formalCheck:acceptSuggestions': { request: z.object({ campaignId: Id }).strict(), response: z.object({ passed: z.number().int() }) },
} as const satisfies ChannelMap;
