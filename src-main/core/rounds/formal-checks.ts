// Formal checks (形式审查, issue 14): the entries of every list with a formal round, what the app
// found about each (the suggestion), and the verdicts staff recorded. Policy:
// - Verdicts are appended (formal_checks is append-only); the newest of an entry and round applies.
// - The suggestion is pass when nothing was found, else fix_needed naming what was found: media
//   that failed its rules or could not be read, completeness rules not met, required fields left
//   empty. It is never applied by itself: "accept suggestions" passes only the entries with
//   nothing found that nobody checked yet.
// - Each recorded verdict writes one audit row (subject: the campaign) in the same transaction.
// - An entry whose list has a formal round is held from the ranking until it passes (holds()).
import type { Database } from 'better-sqlite3';
import type { CampaignDefinition, FormalCheckCounts, FormalCheckEntry, FormalCheckRecord, FormalCheckView, FormalSuggestionItem, FormalVerdict } from '../../contract';
import { formalRoundFor, formalRoundOf } from '../../contract/lists';
import type { CampaignRepo } from '../campaigns/campaign-repo';
import { KepuError } from '../errors';
import { complianceRows } from '../media/compliance';
import { entryRuleProblems, type DbEntryRuleRow } from '../media/entry-rules';
import { nowIso } from '../time';

type EntryRow = Omit<DbEntryRuleRow, 'roles'>;

interface CheckRow {
  entry_id: number;
  round_key: string;
  verdict: FormalVerdict;
  reason: string;
  actor: string;
  at: string;
}

type Deps = { db: Database; campaigns: CampaignRepo };

/** Entries that go through a formal round, with their list and round, in registration-number order. */
function formalEntries(db: Database, def: CampaignDefinition, campaignId: string, entryId?: number) {
  const rows = db
    .prepare(`SELECT id, reg_no, title, kind, category, reason, fields_json FROM entries WHERE campaign_id = @campaignId ${entryId === undefined ? '' : 'AND id = @entryId'} ORDER BY reg_no`)
    .all({ campaignId, entryId }) as EntryRow[];
  return rows.flatMap((row) => {
    const found = formalRoundFor(def, row.kind, row.category);
    return found ? [{ row, list: found.list.key, round: found.round.key }] : [];
  });
}

/** Every verdict of the campaign, newest first, per entry and round ("id\u0000round"). */
function verdictHistory(db: Database, campaignId: string): Map<string, FormalCheckRecord[]> {
  const rows = db.prepare('SELECT entry_id, round_key, verdict, reason, actor, at FROM formal_checks WHERE campaign_id = ? ORDER BY id DESC').all(campaignId) as CheckRow[];
  const out = new Map<string, FormalCheckRecord[]>();
  for (const r of rows) {
    const key = `${r.entry_id}\u0000${r.round_key}`;
    out.set(key, [...(out.get(key) ?? []), { verdict: r.verdict, reason: r.reason, by: r.actor, at: r.at }]);
  }
  return out;
}

/** What the app found about each entry (only entries with something found are in the map). */
function suggestionItems(deps: Deps, def: CampaignDefinition, campaignId: string, entries: readonly EntryRow[], entryId?: number): Map<number, FormalSuggestionItem[]> {
  const items = new Map<number, FormalSuggestionItem[]>();
  const add = (id: number, item: FormalSuggestionItem) => items.set(id, [...(items.get(id) ?? []), item]);
  const failing = new Map<number, string[]>();
  for (const row of complianceRows(deps, campaignId, entryId)) {
    if (row.verdict === 'fail' || row.verdict === 'unreadable') failing.set(row.entryId, [...(failing.get(row.entryId) ?? []), row.fileName]);
  }
  for (const [id, files] of failing) add(id, { code: 'media', files });
  for (const p of entryRuleProblems(deps.db, campaignId, def, entryId)) add(p.entryId, { code: 'entry_rule', rule: p.rule, options: p.options });
  for (const e of entries) {
    const kind = def.entryKinds.find((k) => k.kind === e.kind);
    if (!kind) continue;
    const fields = JSON.parse(e.fields_json) as Record<string, unknown>;
    for (const f of kind.fields) {
      if (!f.required || f.retired) continue;
      const value = f.key === 'title' ? e.title : f.key === 'reason' ? e.reason : fields[f.key];
      if (value === undefined || value === null || String(value).trim() === '') add(e.id, { code: 'required_field', field: f.key, label: f.label });
    }
  }
  return items;
}

function entryView(e: { row: EntryRow; list: string; round: string }, items: readonly FormalSuggestionItem[], history: readonly FormalCheckRecord[]): FormalCheckEntry {
  return {
    entryId: e.row.id,
    regNo: e.row.reg_no,
    title: e.row.title,
    kind: e.row.kind,
    category: e.row.category,
    list: e.list,
    round: e.round,
    suggestion: { verdict: items.length > 0 ? 'fix_needed' : 'pass', items: [...items] },
    current: history[0] ?? null,
    history: [...history],
  };
}

export function formalCheckView(deps: Deps, campaignId: string): FormalCheckView {
  const def = deps.campaigns.definition(campaignId);
  const entries = formalEntries(deps.db, def, campaignId);
  const items = entries.length > 0 ? suggestionItems(deps, def, campaignId, entries.map((e) => e.row)) : new Map<number, FormalSuggestionItem[]>();
  const history = verdictHistory(deps.db, campaignId);
  const views = entries.map((e) => entryView(e, items.get(e.row.id) ?? [], history.get(`${e.row.id}\u0000${e.round}`) ?? []));
  const counts: FormalCheckCounts = { unchecked: 0, pass: 0, fail: 0, fix_needed: 0 };
  for (const v of views) counts[v.current?.verdict ?? 'unchecked'] += 1;
  const rounds = def.lists.flatMap((l) => {
    const round = formalRoundOf(l);
    return round ? [{ list: l.key, listName: l.name, round: round.key, name: round.name }] : [];
  });
  return { rounds, entries: views, counts };
}

function oneEntry(deps: Deps, campaignId: string, entryId: number): FormalCheckEntry {
  const def = deps.campaigns.definition(campaignId);
  const [entry] = formalEntries(deps.db, def, campaignId, entryId);
  if (!entry) {
    const known = deps.db.prepare('SELECT reg_no FROM entries WHERE id = ? AND campaign_id = ?').pluck().get(entryId, campaignId) as string | undefined;
    if (known === undefined) throw new KepuError('ENTRY_NOT_FOUND', `formal check: entry #${entryId} is not in campaign ${campaignId}`, { entryId });
    throw new KepuError('FORMAL_CHECK_NO_ROUND', `formal check: the list of ${known} has no formal round`, { regNo: known });
  }
  const items = suggestionItems(deps, def, campaignId, [entry.row], entryId).get(entryId) ?? [];
  return entryView(entry, items, verdictHistory(deps.db, campaignId).get(`${entryId}\u0000${entry.round}`) ?? []);
}

/** Records a verdict (fail and fix needed need a reason) with its audit row; returns the entry as it now is. */
export function recordFormalCheck(deps: Deps, input: { campaignId: string; entryId: number; verdict: FormalVerdict; reason: string; actor: string }): FormalCheckEntry {
  const entry = oneEntry(deps, input.campaignId, input.entryId);
  const reason = input.reason.trim();
  if (input.verdict !== 'pass' && reason === '') {
    throw new KepuError('FORMAL_CHECK_REASON_REQUIRED', `formal check: a ${input.verdict} verdict for ${entry.regNo} needs a reason`, { regNo: entry.regNo });
  }
  deps.db.transaction(() => insertVerdict(deps.db, input.campaignId, entry, input.verdict, reason, input.actor, nowIso()))();
  return oneEntry(deps, input.campaignId, input.entryId);
}

/** Passes every entry not yet checked with nothing found; one audit row per entry. */
export function acceptSuggestedPasses(deps: Deps, campaignId: string, actor: string): { passed: number } {
  const open = formalCheckView(deps, campaignId).entries.filter((e) => e.current === null && e.suggestion.verdict === 'pass');
  const at = nowIso();
  deps.db.transaction(() => {
    for (const e of open) insertVerdict(deps.db, campaignId, e, 'pass', '', actor, at);
  })();
  return { passed: open.length };
}

function insertVerdict(db: Database, campaignId: string, entry: Pick<FormalCheckEntry, 'entryId' | 'regNo' | 'round'>, verdict: FormalVerdict, reason: string, actor: string, at: string): void {
  db.prepare('INSERT INTO formal_checks (campaign_id, entry_id, round_key, verdict, reason, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(campaignId, entry.entryId, entry.round, verdict, reason, actor, at);
  db.prepare(`INSERT INTO audit_log (at, actor, action, subject, details_json) VALUES (?, ?, 'formalCheck.set', ?, ?)`).run(
    at,
    actor,
    campaignId,
    JSON.stringify({ entryId: entry.entryId, regNo: entry.regNo, round: entry.round, verdict, reason }),
  );
}

/**
 * Entries held from the ranking by their formal check: those of a list with a formal round whose
 * newest verdict is fail or fix needed, or that nobody checked yet. With no formal round anywhere
 * the map is empty and nothing is read beyond the definition.
 */
export type FormalHold = { verdict: 'fail' | 'fix_needed' | 'unchecked'; reason: string };

export function formalCheckHolds(db: Database, def: CampaignDefinition, campaignId: string): Map<number, FormalHold> {
  const out = new Map<number, FormalHold>();
  if (!def.lists.some((l) => formalRoundOf(l))) return out;
  const history = verdictHistory(db, campaignId);
  for (const e of formalEntries(db, def, campaignId)) {
    const current = history.get(`${e.row.id}\u0000${e.round}`)?.[0];
    if (!current) out.set(e.row.id, { verdict: 'unchecked', reason: '' });
    else if (current.verdict === 'fail' || current.verdict === 'fix_needed') out.set(e.row.id, { verdict: current.verdict, reason: current.reason });
  }
  return out;
}
