// The shortlist between scoring rounds (issue 14): who of a list's round goes on to the next, per
// category, by the round's rule (top N, top %, score threshold; contract/domain.ts ShortlistRule)
// plus manual additions and removals, each with a reason. A shortlist is made from the ranking of
// the round (a stored version, kept when it is remade); adjustments are appended and the latest
// one per entry applies, across remakes.
import type { ChannelMap } from './channel-def';
import { z } from 'zod';
import { LocalizedText } from './basics';
import { ShortlistRule } from './domain';

const Id = z.string().min(1).max(100);
const ListKey = z.string().min(1).max(100);
const RoundNo = z.number().int().min(1).max(50);

export const shortlistActions = ['add', 'remove'] as const;
export const ShortlistAction = z.enum(shortlistActions);
export type ShortlistAction = z.infer<typeof ShortlistAction>;

/**
 * Why an entry is in or out: rule (inside the cut), tie (tied with the last entry inside the cut),
 * out (below the cut), held (not ranked: its flags say why), added / removed by hand (the reason).
 */
export const shortlistWhys = ['rule', 'tie', 'out', 'held', 'added', 'removed'] as const;
export const ShortlistWhy = z.enum(shortlistWhys);
export type ShortlistWhy = z.infer<typeof ShortlistWhy>;

export const ShortlistAdjustment = z.object({ action: ShortlistAction, reason: z.string(), by: z.string(), at: z.string() });
export type ShortlistAdjustment = z.infer<typeof ShortlistAdjustment>;

export const ShortlistLine = z.object({
  entryId: z.number().int(),
  regNo: z.string(),
  title: z.string(),
  /** The place in the category's ranked list when the shortlist was made (null: held). */
  place: z.number().int().nullable(),
  total: z.number().nullable(),
  in: z.boolean(),
  why: ShortlistWhy,
  /** The ranking's flag codes that held the entry (held only). */
  flags: z.array(z.string()),
  /** The adjustment that applies (the latest for the entry), if any. */
  adjustment: ShortlistAdjustment.nullable(),
});
export type ShortlistLine = z.infer<typeof ShortlistLine>;

export const ShortlistCategoryView = z.object({
  kind: z.string(),
  category: z.string().nullable(),
  label: LocalizedText,
  /** How many the rule asks for (null: a threshold). */
  cut: z.number().int().nullable(),
  /** The total of the last entry inside the cut (null: nobody). */
  cutTotal: z.number().nullable(),
  addedByTie: z.number().int(),
  ranked: z.number().int(),
  held: z.number().int(),
  /** Entries in after adjustments. */
  inCount: z.number().int(),
  added: z.number().int(),
  removed: z.number().int(),
  lines: z.array(ShortlistLine),
});
export type ShortlistCategoryView = z.infer<typeof ShortlistCategoryView>;

export const ShortlistMade = z.object({ version: z.number().int(), rule: ShortlistRule, by: z.string(), at: z.string() });
export type ShortlistMade = z.infer<typeof ShortlistMade>;

export const ShortlistView = z.object({
  campaignId: z.string(),
  listKey: z.string(),
  roundNo: z.number().int(),
  /** The round's rule in the definition (null: the round states none). */
  definedRule: ShortlistRule.nullable(),
  /**
   * The shortlist as made (null: not made yet) — or, for `shortlist:preview`, what making it now
   * would give (version 0, nothing stored).
   */
  made: ShortlistMade.nullable(),
  categories: z.array(ShortlistCategoryView),
  counts: z.object({ in: z.number().int(), addedByTie: z.number().int(), added: z.number().int(), removed: z.number().int() }),
});
export type ShortlistView = z.infer<typeof ShortlistView>;

const Target = { campaignId: Id, listKey: ListKey, roundNo: RoundNo };

export const shortlistChannels = {
  /** The shortlist as made, with adjustments applied (made: null when none was made yet). */
  'shortlist:get': { request: z.object(Target).strict(), response: ShortlistView },
  /** What making the shortlist now by `rule` (default: the round's) would give; nothing is stored. */
  'shortlist:preview': { request: z.object({ ...Target, rule: ShortlistRule.optional() }).strict(), response: ShortlistView },
  /** Makes (or remakes, as a new version) the shortlist from the current ranking; audit row. */
  'shortlist:make': { request: z.object({ ...Target, rule: ShortlistRule.optional() }).strict(), response: ShortlistView },
  /** Adds or removes one entry by hand, with a reason; audit row. */
  'shortlist:adjust': {
    request: z.object({ ...Target, entryId: z.number().int().positive(), action: ShortlistAction, reason: z.string().trim().max(2000) }).strict(),
    response: ShortlistView,
  },
} as const satisfies ChannelMap;
