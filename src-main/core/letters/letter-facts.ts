// What one entrant's result letter says (issue 19), gathered from the database: the campaign and
// its organizers, the entry, the outcome and the feedback the coordinator shared. Policy:
// - Outcomes come from the published result only: the newest locked ranking of the final rounds
//   (certificates/lists.ts latestSnapshot, hash and signature checked). Without one there are no
//   letters (LETTERS_NO_PUBLISHED_RANKING), so a letter never states an unpublished result.
// - Order of precedence: a disqualification or withdrawal recorded in the locked result (with its
//   reason), an award tier, committee membership, a place on a shortlist of an earlier round
//   ("shortlisted"), else "not selected". Entries the result holds back count as not selected.
// - The score band (optional) is the entry's place among the ranked entries of its category:
//   top 10 %, 25 %, 50 %, or none printed below that (a letter does not rub it in).
// - Feedback is sharedFeedback(): never a judge's committee comment, never unreviewed text.
import type { Database } from 'better-sqlite3';
import type { CampaignDefinition, LocalizedText, Organizer } from '../../contract';
import { listFor, rankingRulesFor } from '../../contract/lists';
import { KepuError } from '../errors';
import { campaignFacts, latestSnapshot } from '../certificates/lists';
import { sharedFeedback, type SharedFeedback } from '../feedback/feedback-review';
import { scoringRoundCount } from '../rounds/round-state';
import { shortlistedEntryIds } from '../shortlist/shortlist-repo';

export type LetterOutcome =
  | { kind: 'award'; tier: LocalizedText }
  | { kind: 'selected' }
  | { kind: 'shortlisted' }
  | { kind: 'not_selected' }
  | { kind: 'disqualified'; reason: string }
  | { kind: 'withdrawn'; reason: string };

export type ScoreBand = 'top10' | 'top25' | 'top50';

export interface LetterFacts {
  campaignName: LocalizedText;
  organizers: Organizer[];
  contact: CampaignDefinition['contact'];
  timeZone: string;
  entryId: number;
  regNo: string;
  title: string;
  entrantName: string;
  entrantUnit: string | null;
  email: string | null;
  category: LocalizedText;
  /** The entrant's language when the registration names one; null: not stated. */
  language: 'zh-CN' | 'en' | null;
  outcome: LetterOutcome;
  scoreBand: ScoreBand | null;
  feedback: SharedFeedback[];
}

interface EntryRow {
  id: number;
  reg_no: string;
  kind: LetterFactsKind;
  category: string | null;
  title: string;
  entrant_name: string;
  entrant_unit: string | null;
  contact_email: string | null;
  fields_json: string;
}
type LetterFactsKind = Parameters<typeof listFor>[1];

interface SnapshotOutputs {
  categories?: { kind: string; category: string | null; ranked: { rank: number; regNo: string; tier: string | null }[] }[];
  committee?: { members: { regNo: string }[] } | null;
}
interface SnapshotInputs {
  decisions?: { regNo: string; kind: string; reason: string }[];
}

/** A registration field naming the entrant's language ('language', '语言', 'lang'), read leniently. */
function entrantLanguage(fields: Record<string, string>): 'zh-CN' | 'en' | null {
  const value = (fields.language ?? fields.lang ?? fields['语言'] ?? '').trim().toLowerCase();
  if (!value) return null;
  if (/^(en|english|英文|英语)/.test(value)) return 'en';
  if (/^(zh|chinese|中文|汉语)/.test(value)) return 'zh-CN';
  return null;
}

function band(rank: number, of: number): ScoreBand | null {
  const share = rank / of;
  return share <= 0.1 ? 'top10' : share <= 0.25 ? 'top25' : share <= 0.5 ? 'top50' : null;
}

/** The letters of one programme list, in registration-number order. */
export function letterFactsOfList(db: Database, campaignId: string, listKey: string, options: { scoreBand: boolean }): LetterFacts[] {
  const facts = campaignFacts(db, campaignId);
  const def = facts.definition;
  const list = def.lists.find((l) => l.key === listKey);
  if (!list) throw new KepuError('LETTERS_LIST_UNKNOWN', `letters: no list "${listKey}" in ${campaignId}`, { list: listKey, lists: def.lists.map((l) => l.key).join(', ') });
  const locked = latestSnapshot(db, campaignId, def);
  if (!locked) throw new KepuError('LETTERS_NO_PUBLISHED_RANKING', `letters: campaign ${campaignId} has no published ranking`, { campaignId });
  const outputs = locked.snapshot.outputs as SnapshotOutputs;
  const inputs = locked.snapshot.inputs as SnapshotInputs;
  const tiers = new Map(rankingRulesFor(list, locked.snapshot.config).tiers.map((t) => [t.key, t.label ?? { 'zh-CN': t.key, en: t.key }]));
  const ranked = new Map<string, { rank: number; of: number; tier: string | null }>();
  for (const c of outputs.categories ?? []) for (const r of c.ranked) ranked.set(r.regNo, { rank: r.rank, of: c.ranked.length, tier: r.tier });
  const members = new Set((outputs.committee?.members ?? []).map((m) => m.regNo));
  const removed = new Map<string, { kind: 'disqualified' | 'withdrawn'; reason: string }>();
  for (const d of inputs.decisions ?? []) {
    if (d.kind === 'disqualify') removed.set(d.regNo, { kind: 'disqualified', reason: d.reason });
    else if (d.kind === 'withdraw' && !removed.has(d.regNo)) removed.set(d.regNo, { kind: 'withdrawn', reason: d.reason });
  }
  const shortlisted = new Set<number>();
  for (let round = 1; round < scoringRoundCount(list); round++) for (const id of shortlistedEntryIds(db, campaignId, listKey, round) ?? []) shortlisted.add(id);

  const rows = db
    .prepare<[string], EntryRow>(`SELECT id, reg_no, kind, category, title, entrant_name, entrant_unit, contact_email, fields_json FROM entries WHERE campaign_id = ? ORDER BY reg_no`)
    .all(campaignId)
    .filter((e) => listFor(def, e.kind, e.category).key === listKey);
  return rows.map((e): LetterFacts => {
    const place = ranked.get(e.reg_no);
    const tier = place?.tier ? tiers.get(place.tier) : undefined;
    const gone = removed.get(e.reg_no);
    const outcome: LetterOutcome = gone
      ? gone
      : tier
        ? { kind: 'award', tier }
        : members.has(e.reg_no)
          ? { kind: 'selected' }
          : shortlisted.has(e.id)
            ? { kind: 'shortlisted' }
            : { kind: 'not_selected' };
    const kindDef = def.entryKinds.find((k) => k.kind === e.kind);
    const category = (e.category && kindDef?.categories.find((x) => x.key === e.category)?.label) || kindDef?.label || { 'zh-CN': e.category ?? e.kind, en: e.category ?? e.kind };
    return {
      campaignName: def.name,
      organizers: def.organizers,
      contact: def.contact,
      timeZone: facts.timeZone,
      entryId: e.id,
      regNo: e.reg_no,
      title: e.title,
      entrantName: e.entrant_name,
      entrantUnit: e.entrant_unit,
      email: e.contact_email?.trim() || null,
      category,
      language: entrantLanguage(JSON.parse(e.fields_json) as Record<string, string>),
      outcome,
      scoreBand: options.scoreBand && place && !gone ? band(place.rank, place.of) : null,
      feedback: sharedFeedback(db, campaignId, e.id),
    };
  });
}
