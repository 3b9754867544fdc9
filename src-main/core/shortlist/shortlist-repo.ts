// The stored shortlists (migration 0020): made versions with their lines, and the manual
// adjustments. SQL lives here only. Each write adds its audit row in the same transaction.
import type { Database } from 'better-sqlite3';
import type { ShortlistAction, ShortlistAdjustment, ShortlistRule } from '../../contract';
import type { CategoryShortlist, ComputedOutcome } from './compute-shortlist';

export interface RoundKey {
  campaignId: string;
  listKey: string;
  roundNo: number;
}

export interface StoredLine {
  entryId: number;
  kind: string;
  category: string | null;
  place: number | null;
  total: number | null;
  outcome: ComputedOutcome;
  flags: string[];
}

export interface StoredShortlist {
  id: number;
  version: number;
  rule: ShortlistRule;
  by: string;
  at: string;
  lines: StoredLine[];
}

interface ShortlistRow {
  id: number;
  version: number;
  rule_json: string;
  made_by: string;
  made_at: string;
}

interface LineRow {
  entry_id: number;
  kind: string;
  category: string | null;
  place: number | null;
  total: number | null;
  outcome: ComputedOutcome;
  flags_json: string;
}

const KEY = 'campaign_id = @campaignId AND list_key = @listKey AND round_no = @roundNo';

/** The current (newest) version of the round's shortlist; null when none was made. */
export function latestShortlist(db: Database, key: RoundKey): StoredShortlist | null {
  const row = db.prepare(`SELECT id, version, rule_json, made_by, made_at FROM shortlists WHERE ${KEY} ORDER BY version DESC LIMIT 1`).get(key) as ShortlistRow | undefined;
  if (!row) return null;
  const lines = db.prepare('SELECT entry_id, kind, category, place, total, outcome, flags_json FROM shortlist_lines WHERE shortlist_id = ? ORDER BY rowid').all(row.id) as LineRow[];
  return {
    id: row.id,
    version: row.version,
    rule: JSON.parse(row.rule_json) as ShortlistRule,
    by: row.made_by,
    at: row.made_at,
    lines: lines.map((l) => ({ entryId: l.entry_id, kind: l.kind, category: l.category, place: l.place, total: l.total, outcome: l.outcome, flags: JSON.parse(l.flags_json) as string[] })),
  };
}

/** Stores a new version of the round's shortlist (the previous ones stay) with its audit row; returns the version. */
export function saveShortlist(db: Database, key: RoundKey, rule: ShortlistRule, categories: readonly CategoryShortlist[], actor: string, at: string): number {
  return db.transaction(() => {
    const previous = db.prepare(`SELECT MAX(version) FROM shortlists WHERE ${KEY}`).pluck().get(key) as number | null;
    const version = (previous ?? 0) + 1;
    const id = Number(
      db
        .prepare('INSERT INTO shortlists (campaign_id, list_key, round_no, version, rule_json, made_by, made_at) VALUES (@campaignId, @listKey, @roundNo, @version, @rule, @actor, @at)')
        .run({ ...key, version, rule: JSON.stringify(rule), actor, at }).lastInsertRowid,
    );
    const line = db.prepare('INSERT INTO shortlist_lines (shortlist_id, entry_id, kind, category, place, total, outcome, flags_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    let inCount = 0;
    let addedByTie = 0;
    for (const c of categories) {
      addedByTie += c.addedByTie;
      for (const l of c.lines) {
        line.run(id, l.entryId, c.kind, c.category, l.place, l.total, l.outcome, JSON.stringify(l.flags));
        if (l.outcome === 'rule' || l.outcome === 'tie') inCount += 1;
      }
    }
    db.prepare(`INSERT INTO audit_log (at, actor, action, subject, details_json) VALUES (?, ?, 'shortlist.make', ?, ?)`).run(
      at,
      actor,
      key.campaignId,
      JSON.stringify({ list: key.listKey, round: key.roundNo, version, rule, cut: `${rule.by} ${rule.value}`, shortlisted: inCount, tiedAtCut: addedByTie }),
    );
    return version;
  })();
}

/** The adjustment that applies per entry (the latest), for the round. */
export function latestAdjustments(db: Database, key: RoundKey): Map<number, ShortlistAdjustment> {
  const rows = db.prepare<[RoundKey], { entry_id: number; action: ShortlistAction; reason: string; actor: string; at: string }>(`SELECT entry_id, action, reason, actor, at FROM shortlist_adjustments WHERE ${KEY} ORDER BY id`).all(key);
  return new Map(rows.map((r) => [r.entry_id, { action: r.action, reason: r.reason, by: r.actor, at: r.at }]));
}

export function insertAdjustment(db: Database, key: RoundKey, entry: { entryId: number; regNo: string }, action: ShortlistAction, reason: string, actor: string, at: string): void {
  db.transaction(() => {
    db.prepare('INSERT INTO shortlist_adjustments (campaign_id, list_key, round_no, entry_id, action, reason, actor, at) VALUES (@campaignId, @listKey, @roundNo, @entryId, @action, @reason, @actor, @at)').run({
      ...key,
      entryId: entry.entryId,
      action,
      reason,
      actor,
      at,
    });
    db.prepare(`INSERT INTO audit_log (at, actor, action, subject, details_json) VALUES (?, ?, 'shortlist.adjust', ?, ?)`).run(
      at,
      actor,
      key.campaignId,
      JSON.stringify({ list: key.listKey, round: key.roundNo, entryId: entry.entryId, regNo: entry.regNo, action, reason }),
    );
  })();
}

/** Whether an entry is in: the latest adjustment when there is one, else what the rule gave. */
export function isIn(outcome: ComputedOutcome | undefined, adjustment: ShortlistAdjustment | undefined): boolean {
  if (adjustment) return adjustment.action === 'add';
  return outcome === 'rule' || outcome === 'tie';
}

/**
 * The entries of the round's shortlist, adjustments applied (null: no shortlist made). Round-2
 * assignment takes its entries from here.
 */
export function shortlistedEntryIds(db: Database, campaignId: string, listKey: string, roundNo: number): Set<number> | null {
  const key = { campaignId, listKey, roundNo };
  const made = latestShortlist(db, key);
  if (!made) return null;
  const adjustments = latestAdjustments(db, key);
  const out = new Set<number>();
  for (const l of made.lines) if (isIn(l.outcome, adjustments.get(l.entryId))) out.add(l.entryId);
  return out;
}

/** Registration number and title of the campaign's entries. */
export function entryTitles(db: Database, campaignId: string): Map<number, { regNo: string; title: string }> {
  const rows = db.prepare<[string], { id: number; reg_no: string; title: string }>('SELECT id, reg_no, title FROM entries WHERE campaign_id = ?').all(campaignId);
  return new Map(rows.map((r) => [r.id, { regNo: r.reg_no, title: r.title }]));
}
