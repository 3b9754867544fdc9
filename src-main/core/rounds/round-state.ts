// Where each list of a campaign stands in its scoring rounds (issue 14). Policy:
// - A stored round is round_no: the 1-based ordinal of the round among the list's SCORING rounds
//   (formal rounds are not counted). A list without scoring rounds has exactly one: round 1.
// - The current round of a list is the lowest-numbered scoring round not closed (round_closures);
//   when every round is closed there is none (null), and work still reads the last round.
// - On a judge's machine the rounds come from the package the judge opened (rounds_json of the
//   newest opened package): the judge works in the round the coordinator's package names.
import type { Database } from 'better-sqlite3';
import type { ListDef } from '../../contract';
import { CampaignDefinition } from '../../contract/domain';
import { listFor, scoringRoundsOf } from '../../contract/lists';

/** How many scoring rounds the list runs (at least one: a list without rounds has round 1). */
export function scoringRoundCount(list: Pick<ListDef, 'rounds'>): number {
  return Math.max(1, scoringRoundsOf(list).length);
}

/** The round number of a round key of the list (null when the list has no such scoring round). */
export function roundNoOfKey(list: Pick<ListDef, 'rounds'>, key: string): number | null {
  const i = scoringRoundsOf(list).findIndex((r) => r.key === key);
  return i < 0 ? null : i + 1;
}

/** The closed rounds of each list of the campaign. */
export function closedRounds(db: Database, campaignId: string): Map<string, Set<number>> {
  const rows = db.prepare<[string], { list_key: string; round_no: number }>('SELECT list_key, round_no FROM round_closures WHERE campaign_id = ?').all(campaignId);
  const out = new Map<string, Set<number>>();
  for (const r of rows) out.set(r.list_key, (out.get(r.list_key) ?? new Set<number>()).add(r.round_no));
  return out;
}

/** The list's current round: the lowest scoring round not closed, or null when all are closed. */
export function currentRoundNo(list: Pick<ListDef, 'key' | 'rounds'>, closed: Map<string, Set<number>>): number | null {
  const done = closed.get(list.key);
  for (let n = 1; n <= scoringRoundCount(list); n += 1) if (!done?.has(n)) return n;
  return null;
}

/** The scoring round of each list a judge's opened package names ({} before rounds: round 1). */
function packageRounds(db: Database, campaignId: string): Record<string, number> | null {
  const json = db.prepare('SELECT rounds_json FROM opened_packages WHERE campaign_id = ? ORDER BY issued_at DESC, rowid DESC LIMIT 1').pluck().get(campaignId) as string | undefined;
  return json === undefined ? null : (JSON.parse(json) as Record<string, number>);
}

/**
 * The round reviews of the list are read and written in on this machine: the package's round on a
 * judge's machine; else the current round, or the last one when every round is closed.
 */
export function workingRounds(db: Database, campaignId: string, def: CampaignDefinition): Map<string, number> {
  const fromPackage = packageRounds(db, campaignId);
  const closed = fromPackage ? new Map<string, Set<number>>() : closedRounds(db, campaignId);
  return new Map(def.lists.map((l) => [l.key, fromPackage ? (fromPackage[l.key] ?? 1) : (currentRoundNo(l, closed) ?? scoringRoundCount(l))]));
}

/** The working round of one entry (of its list). */
export function workingRoundOfEntry(db: Database, campaignId: string, def: CampaignDefinition, entry: { kind: Parameters<typeof listFor>[1]; category: string | null }): number {
  const list = listFor(def, entry.kind, entry.category);
  return workingRounds(db, campaignId, def).get(list.key) ?? 1;
}

/** The rounds that hold scores, per list ("list" → round numbers). */
function scoredRounds(db: Database, campaignId: string, def: CampaignDefinition): Map<string, Set<number>> {
  const rows = db
    .prepare<[string], { kind: Parameters<typeof listFor>[1]; category: string | null; round_no: number }>(`SELECT DISTINCT e.kind, e.category, s.round_no FROM scores s JOIN entries e ON e.id = s.entry_id WHERE e.campaign_id = ?`)
    .all(campaignId);
  const out = new Map<string, Set<number>>();
  for (const r of rows) {
    const key = listFor(def, r.kind, r.category).key;
    out.set(key, (out.get(key) ?? new Set<number>()).add(r.round_no));
  }
  return out;
}

/**
 * The round each list is ranked on when the caller names none: the current round once it holds
 * scores; before that (a round just opened) or when every round is closed, the last round that
 * holds scores, so closing round 1 does not empty the ranking. Lists without rounds: round 1.
 * Only lists whose round is not 1 are in the answer (a snapshot records exactly those).
 */
export function defaultRankingRounds(db: Database, campaignId: string, def: CampaignDefinition): Record<string, number> {
  if (!def.lists.some((l) => scoringRoundsOf(l).length > 1)) return {};
  const closed = closedRounds(db, campaignId);
  const scored = scoredRounds(db, campaignId, def);
  const out: Record<string, number> = {};
  for (const list of def.lists) {
    const current = currentRoundNo(list, closed);
    const has = scored.get(list.key) ?? new Set<number>();
    const earlier = [...has].filter((n) => current === null || n <= current);
    let round: number;
    if (current !== null && has.has(current)) round = current;
    else if (earlier.length > 0) round = Math.max(...earlier);
    else round = current ?? scoringRoundCount(list);
    if (round !== 1) out[list.key] = round;
  }
  return out;
}

/** The working round of one entry of the campaign, read from the database alone (1 when unknown). */
export function workingRoundOfEntryId(db: Database, campaignId: string, entryId: number): number {
  const row = db.prepare<[number, string], { kind: Parameters<typeof listFor>[1]; category: string | null; definition_json: string }>('SELECT e.kind, e.category, c.definition_json FROM entries e JOIN campaigns c ON c.id = e.campaign_id WHERE e.id = ? AND c.id = ?').get(entryId, campaignId);
  if (!row) return 1;
  const def = CampaignDefinition.parse(JSON.parse(row.definition_json));
  if (!def.lists.some((l) => scoringRoundsOf(l).length > 1)) return 1;
  return workingRoundOfEntry(db, campaignId, def, row);
}
