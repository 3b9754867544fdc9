// The rows the ranking service reads besides the scores (load-scores.ts): the campaign's stored
// ranking configuration, the entries' titles and entrants, and the judges' names.
import type { Database } from 'better-sqlite3';

export interface DbRankingSettingsRow {
  config_json: string;
}

export interface DbEntryInfoRow {
  id: number;
  title: string;
  entrant_name: string;
  entrant_unit: string | null;
}

export interface DbJudgeNameRow {
  id: string;
  name: string;
}

export interface EntryInfo {
  title: string;
  entrantName: string;
  entrantUnit: string | null;
}

/** The stored configuration as saved (JSON), undefined when the campaign has none yet. */
export function rankingConfigJson(db: Database, campaignId: string): string | undefined {
  const row = db.prepare('SELECT config_json FROM ranking_settings WHERE campaign_id = ?').get(campaignId) as DbRankingSettingsRow | undefined;
  return row?.config_json;
}

export function saveRankingConfigJson(db: Database, campaignId: string, configJson: string, updatedAt: string): void {
  db.prepare(
    `INSERT INTO ranking_settings (campaign_id, config_json, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (campaign_id) DO UPDATE SET config_json = excluded.config_json, updated_at = excluded.updated_at`,
  ).run(campaignId, configJson, updatedAt);
}

export const toEntryInfo = (row: DbEntryInfoRow): EntryInfo => ({ title: row.title, entrantName: row.entrant_name, entrantUnit: row.entrant_unit });

/** Title and entrant of every entry of the campaign, by entry id. */
export function entryInfos(db: Database, campaignId: string): Map<number, EntryInfo> {
  const rows = db.prepare('SELECT id, title, entrant_name, entrant_unit FROM entries WHERE campaign_id = ?').all(campaignId) as DbEntryInfoRow[];
  return new Map(rows.map((row) => [row.id, toEntryInfo(row)]));
}

/** Title and entrant of the given entries of the campaign (a few: the summary's movers), by entry id. */
export function entryInfosOf(db: Database, campaignId: string, entryIds: readonly number[]): Map<number, EntryInfo> {
  const rows = db
    .prepare('SELECT id, title, entrant_name, entrant_unit FROM entries WHERE campaign_id = ? AND id IN (SELECT value FROM json_each(?))')
    .all(campaignId, JSON.stringify(entryIds)) as DbEntryInfoRow[];
  return new Map(rows.map((row) => [row.id, toEntryInfo(row)]));
}

/** Every judge's name by id (judges are shared between campaigns). */
export function judgeNames(db: Database): Map<string, string> {
  const rows = db.prepare('SELECT id, name FROM judges').all() as DbJudgeNameRow[];
  return new Map(rows.map((row) => [row.id, row.name]));
}
