// The shortlist of a list's scoring round as the channels serve it: previewing (the rule applied to
// the ranking now, nothing stored), making (a new stored version), adjusting (an entry added or
// removed by hand, reason required) and the view with adjustments applied. Policy:
// - The rule defaults to the round's rule in the definition; with none there, one must be given.
//   A given rule is checked like the definition's (top: a whole number; percent: at most 100).
// - Adjustments belong to the round, not to a version: remaking keeps them, and the latest per
//   entry still applies. Adding an entry that is in, or removing one that is out, is refused.
// - An entry's `why`: added / removed when an adjustment changed what the rule gave; otherwise
//   what the rule gave (rule, tie, out, held).
import type { Database } from 'better-sqlite3';
import type { CampaignDefinition, LocalizedText, ShortlistAction, ShortlistAdjustment, ShortlistCategoryView, ShortlistLine, ShortlistRule, ShortlistView } from '../../contract';
import type { CampaignRepo } from '../campaigns/campaign-repo';
import { KepuError } from '../errors';
import type { RankingService } from '../ranking/ranking-service';
import { nowIso } from '../time';
import { type CategoryShortlist, computeShortlist } from './compute-shortlist';
import { rankedForShortlist, scoringRound } from './shortlist-input';
import { entryTitles, insertAdjustment, isIn, latestAdjustments, latestShortlist, type RoundKey, saveShortlist } from './shortlist-repo';

type Deps = { db: Database; campaigns: CampaignRepo; ranking: RankingService };

function categoryLabel(def: CampaignDefinition, kind: string, category: string | null): LocalizedText {
  const k = def.entryKinds.find((x) => x.kind === kind);
  const c = category === null ? undefined : k?.categories.find((x) => x.key === category);
  if (c) return c.label;
  if (k) return category === null ? k.label : { 'zh-CN': `${k.label['zh-CN']} · ${category}`, en: `${k.label.en} · ${category}` };
  return { 'zh-CN': category ?? kind, en: category ?? kind };
}

function checkRule(rule: ShortlistRule): ShortlistRule {
  if ((rule.by === 'top' && !Number.isInteger(rule.value)) || (rule.by === 'percent' && rule.value > 100)) {
    throw new KepuError('SHORTLIST_RULE_INVALID', `shortlist: ${rule.by} ${rule.value} is not a valid rule`, { by: rule.by, value: rule.value });
  }
  return rule;
}

/** The rule to apply: the one given, else the round's; refused when neither exists. */
function ruleFor(deps: Deps, key: RoundKey, given: ShortlistRule | undefined): { rule: ShortlistRule; defined: ShortlistRule | null } {
  const { round } = scoringRound(deps.campaigns.definition(key.campaignId), key.listKey, key.roundNo);
  const defined = round?.shortlist ?? null;
  const rule = given ?? defined;
  if (!rule) throw new KepuError('SHORTLIST_NO_RULE', `shortlist: round ${key.roundNo} of ${key.listKey} states no shortlist rule; give one`, { list: key.listKey, round: key.roundNo });
  return { rule: checkRule(rule), defined };
}

function compute(deps: Deps, key: RoundKey, rule: ShortlistRule): CategoryShortlist[] {
  return computeShortlist(rankedForShortlist(deps.ranking, key.campaignId, key.listKey, key.roundNo), rule);
}

function buildView(deps: Deps, key: RoundKey, defined: ShortlistRule | null, made: ShortlistView['made'], categories: readonly CategoryShortlist[], adjustments: Map<number, ShortlistAdjustment>): ShortlistView {
  const def = deps.campaigns.definition(key.campaignId);
  const titles = entryTitles(deps.db, key.campaignId);
  const counts = { in: 0, addedByTie: 0, added: 0, removed: 0 };
  const views: ShortlistCategoryView[] = categories.map((c) => {
    const lines: ShortlistLine[] = c.lines.map((l) => {
      const adjustment = adjustments.get(l.entryId) ?? null;
      const computedIn = l.outcome === 'rule' || l.outcome === 'tie';
      const inNow = isIn(l.outcome, adjustment ?? undefined);
      const why = inNow === computedIn ? l.outcome : inNow ? 'added' : 'removed';
      return { entryId: l.entryId, regNo: l.regNo, title: titles.get(l.entryId)?.title ?? '', place: l.place, total: l.total, in: inNow, why, flags: l.flags, adjustment };
    });
    const view: ShortlistCategoryView = {
      kind: c.kind,
      category: c.category,
      label: categoryLabel(def, c.kind, c.category),
      cut: c.cut,
      cutTotal: c.cutTotal,
      addedByTie: c.addedByTie,
      ranked: c.lines.filter((l) => l.outcome !== 'held').length,
      held: c.lines.filter((l) => l.outcome === 'held').length,
      inCount: lines.filter((l) => l.in).length,
      added: lines.filter((l) => l.why === 'added').length,
      removed: lines.filter((l) => l.why === 'removed').length,
      lines,
    };
    counts.in += view.inCount;
    counts.addedByTie += view.addedByTie;
    counts.added += view.added;
    counts.removed += view.removed;
    return view;
  });
  return { campaignId: key.campaignId, listKey: key.listKey, roundNo: key.roundNo, definedRule: defined, made, categories: views, counts };
}

/** The stored shortlist regrouped per category, in the order it was stored. */
function storedCategories(deps: Deps, key: RoundKey): { made: NonNullable<ShortlistView['made']>; categories: CategoryShortlist[] } | null {
  const stored = latestShortlist(deps.db, key);
  if (!stored) return null;
  const titles = entryTitles(deps.db, key.campaignId);
  // Cut, cut total and ties are re-derived from the stored lines by the same rule, so the view of
  // a made shortlist never depends on today's ranking.
  const byCategory = new Map<string, CategoryShortlist>();
  for (const l of stored.lines) {
    const id = `${l.kind}\u0000${l.category ?? ''}`;
    const c = byCategory.get(id) ?? { kind: l.kind, category: l.category, cut: null, cutTotal: null, addedByTie: 0, lines: [] };
    c.lines.push({ entryId: l.entryId, regNo: titles.get(l.entryId)?.regNo ?? `#${l.entryId}`, place: l.place, total: l.total, outcome: l.outcome, flags: l.flags });
    byCategory.set(id, c);
  }
  const categories = [...byCategory.values()].map((c) => {
    const recomputed = computeShortlist(
      [{ kind: c.kind, category: c.category, ranked: c.lines.filter((l) => l.place !== null).map((l) => ({ entryId: l.entryId, regNo: l.regNo, place: l.place as number, total: l.total as number })), held: [] }],
      stored.rule,
    )[0];
    return { ...c, cut: recomputed.cut, cutTotal: recomputed.cutTotal, addedByTie: c.lines.filter((l) => l.outcome === 'tie').length };
  });
  return { made: { version: stored.version, rule: stored.rule, by: stored.by, at: stored.at }, categories };
}

function definedRule(deps: Deps, key: RoundKey): ShortlistRule | null {
  return scoringRound(deps.campaigns.definition(key.campaignId), key.listKey, key.roundNo).round?.shortlist ?? null;
}

export function shortlistView(deps: Deps, key: RoundKey): ShortlistView {
  deps.campaigns.summary(key.campaignId); // CAMPAIGN_NOT_FOUND
  const defined = definedRule(deps, key);
  const stored = storedCategories(deps, key);
  if (!stored) return buildView(deps, key, defined, null, [], new Map());
  return buildView(deps, key, defined, stored.made, stored.categories, latestAdjustments(deps.db, key));
}

/** What making the shortlist now would give (made.version 0); nothing is stored. Adjustments recorded so far are shown applied. */
export function previewShortlist(deps: Deps, key: RoundKey, given?: ShortlistRule): ShortlistView {
  deps.campaigns.summary(key.campaignId);
  const { rule, defined } = ruleFor(deps, key, given);
  return buildView(deps, key, defined, { version: 0, rule, by: '', at: nowIso() }, compute(deps, key, rule), latestAdjustments(deps.db, key));
}

export function makeShortlist(deps: Deps, key: RoundKey, given: ShortlistRule | undefined, actor: string): ShortlistView {
  deps.campaigns.summary(key.campaignId);
  const { rule } = ruleFor(deps, key, given);
  saveShortlist(deps.db, key, rule, compute(deps, key, rule), actor, nowIso());
  return shortlistView(deps, key);
}

export function adjustShortlist(deps: Deps, key: RoundKey, input: { entryId: number; action: ShortlistAction; reason: string }, actor: string): ShortlistView {
  const view = shortlistView(deps, key);
  if (!view.made) throw new KepuError('SHORTLIST_NOT_MADE', `shortlist: round ${key.roundNo} of ${key.listKey} has no shortlist yet; make it first`, { list: key.listKey, round: key.roundNo });
  const line = view.categories.flatMap((c) => c.lines).find((l) => l.entryId === input.entryId);
  if (!line) throw new KepuError('SHORTLIST_ENTRY_UNKNOWN', `shortlist: entry #${input.entryId} is not in list ${key.listKey}'s shortlist`, { entryId: input.entryId, list: key.listKey });
  const reason = input.reason.trim();
  if (reason === '') throw new KepuError('SHORTLIST_REASON_REQUIRED', `shortlist: ${input.action} ${line.regNo} needs a reason`, { regNo: line.regNo });
  if (input.action === 'add' && line.in) throw new KepuError('SHORTLIST_ALREADY_IN', `shortlist: ${line.regNo} is already on the shortlist`, { regNo: line.regNo });
  if (input.action === 'remove' && !line.in) throw new KepuError('SHORTLIST_NOT_IN', `shortlist: ${line.regNo} is not on the shortlist`, { regNo: line.regNo });
  insertAdjustment(deps.db, key, { entryId: line.entryId, regNo: line.regNo }, input.action, reason, actor, nowIso());
  return shortlistView(deps, key);
}
