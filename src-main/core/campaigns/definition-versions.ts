// Reading a campaign's numbered definition versions (issue 12). Version 1 is the definition the
// campaign was created with; it is written to definition_versions only when the campaign is first
// changed, so a campaign never edited is at version 1 with no rows. An explicit new version
// carries a statement and a summary of the data it set aside (removed dimensions with their
// scores, removed eligibility items with their answers); those rows stay in the database.
import type { Database } from 'better-sqlite3';
import type { AffectedData, DefinitionVersionView, LocalizedText, MembershipStepDef, RubricDimension } from '../../contract';
import { CampaignDefinition } from '../../contract/domain';
import { findDimension } from '../../contract/lists';

/** A row of definition_versions without the definition itself. */
interface DbDefinitionVersion {
  version: number;
  saved_at: string;
  actor: string;
  reason: string;
  statement: string | null;
  affected_json: string | null;
}

export function currentDefinitionVersion(db: Database, campaignId: string): number {
  return (db.prepare('SELECT max(version) FROM definition_versions WHERE campaign_id = ?').pluck().get(campaignId) as number | null) ?? 1;
}

/**
 * The definition as it was at `version`; `current` (the campaign's definition now) answers for the
 * current version and for a version without a stored row (version 1 of a campaign never edited).
 */
export function definitionAtVersion(db: Database, campaignId: string, version: number, current: CampaignDefinition): CampaignDefinition {
  if (version >= currentDefinitionVersion(db, campaignId)) return current;
  const json = db.prepare('SELECT definition_json FROM definition_versions WHERE campaign_id = ? AND version = ?').pluck().get(campaignId, version) as string | undefined;
  // Stored versions may predate lists: parsing upgrades them like the campaign's own definition.
  return json === undefined ? current : CampaignDefinition.parse(JSON.parse(json));
}

export function definitionVersions(db: Database, campaignId: string): DefinitionVersionView[] {
  return db
    .prepare<[string], DbDefinitionVersion>('SELECT version, saved_at, actor, reason, statement, affected_json FROM definition_versions WHERE campaign_id = ? ORDER BY version DESC')
    .all(campaignId)
    .map((r) => ({
      version: r.version,
      savedAt: r.saved_at,
      actor: r.actor,
      reason: r.reason,
      statement: r.statement,
      affected: r.affected_json === null ? null : (JSON.parse(r.affected_json) as AffectedData),
    }));
}

export interface SetAsideReason {
  label: LocalizedText;
  version: number;
  statement: string;
}

/**
 * For each dimension and item an explicit new version set aside: its label and the newest version
 * that did (a key removed, added back and removed again names the last removal).
 */
export function setAsideReasons(db: Database, campaignId: string): { dimensions: Map<string, SetAsideReason>; items: Map<string, SetAsideReason> } {
  const dimensions = new Map<string, SetAsideReason>();
  const items = new Map<string, SetAsideReason>();
  for (const v of definitionVersions(db, campaignId)) {
    if (!v.affected || v.statement === null) continue;
    for (const d of v.affected.removedDimensions) if (!dimensions.has(d.key)) dimensions.set(d.key, { label: d.label, version: v.version, statement: v.statement });
    for (const i of v.affected.removedItems) if (!items.has(i.key)) items.set(i.key, { label: i.label, version: v.version, statement: v.statement });
  }
  return { dimensions, items };
}

/** The dimension `key` as the newest stored version that had it defined it; null when none did. */
export function lastDefinedDimension(db: Database, campaignId: string, key: string): RubricDimension | null {
  const rows = db.prepare('SELECT definition_json FROM definition_versions WHERE campaign_id = ? ORDER BY version DESC').pluck().all(campaignId) as string[];
  for (const json of rows) {
    const found = findDimension(CampaignDefinition.parse(JSON.parse(json)), key);
    if (found) return found;
  }
  return null;
}

/**
 * The membership step `key` as the newest stored version that listed it (a step the coordinator
 * removed since: its records are kept and shown under the name it had); null when none did.
 */
export function lastDefinedStep(db: Database, campaignId: string, key: string): MembershipStepDef | null {
  const rows = db.prepare('SELECT definition_json FROM definition_versions WHERE campaign_id = ? ORDER BY version DESC').pluck().all(campaignId) as string[];
  for (const json of rows) {
    const found = CampaignDefinition.parse(JSON.parse(json)).certificates.flatMap((c) => c.steps ?? []).find((s) => s.key === key);
    if (found) return found;
  }
  return null;
}
