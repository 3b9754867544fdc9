// Changing a running campaign's definition (the Setup tab, issue 12). Policy:
// - Anything that leaves collected data valid may change at any time: names, organizers, window,
//   texts, judges per entry, blind review, new kinds, categories, fields, dimensions, items.
// - A change that would invalidate collected data is refused with a coded error naming what holds
//   the data: removing a rubric dimension that has scores or changing its scale, removing an entry
//   kind or category that entries use, removing an eligibility item that has answers, changing the
//   campaign's kind. (An explicit "new version that says what happens to the affected data" is the
//   next step; until then such changes are simply refused.)
// - A refused save changes nothing stored. A saved one is one transaction: the definition, the
//   columns that mirror it, the late flags (the deadline may have moved), a numbered version with
//   who, when and why, and an audit row.
import type { Database } from 'better-sqlite3';
import { allDimensions, allEligibility, CampaignDefinition, type ErrorCode } from '../../contract';
import { KepuError } from '../errors';
import { nowIso, toUtcIso } from '../time';
import { definitionProblems } from './validate-definition';

export interface DefinitionVersion {
  version: number;
  savedAt: string;
  actor: string;
  reason: string;
}

function fail(code: ErrorCode, path: string, params: Record<string, string | number>): never {
  throw new KepuError(code, `campaign definition: ${path}: ${code}`, { path, ...params });
}

/** Refusals for changes that would leave stored scores, answers or entries without their definition. */
function assertKeepsCollectedData(db: Database, campaignId: string, before: CampaignDefinition, after: CampaignDefinition): void {
  if (before.kind !== after.kind) fail('DEFINITION_KIND_FIXED', 'definition.kind', { kind: before.kind });
  const count = (sql: string, ...args: unknown[]) => db.prepare(sql).pluck().get(...args) as number;
  const afterDimensions = allDimensions(after);
  const dimensionPath = (key: string) => {
    const l = after.lists.findIndex((x) => x.rubric.some((d) => d.key === key));
    return `definition.lists.${l}.rubric.${after.lists[l].rubric.findIndex((d) => d.key === key)}`;
  };
  for (const dim of allDimensions(before)) {
    const now = afterDimensions.find((d) => d.key === dim.key);
    const scored = () => count('SELECT count(*) FROM scores s JOIN entries e ON e.id = s.entry_id WHERE e.campaign_id = ? AND s.dimension_key = ?', campaignId, dim.key);
    if (!now) {
      const n = scored();
      if (n > 0) fail('DEFINITION_DIMENSION_HAS_SCORES', 'definition.lists', { dimension: dim.key, count: n });
    } else if (now.scale.min !== dim.scale.min || now.scale.max !== dim.scale.max || now.scale.step !== dim.scale.step) {
      const n = scored();
      if (n > 0) fail('DEFINITION_SCALE_HAS_SCORES', `${dimensionPath(now.key)}.scale`, { dimension: dim.key, count: n });
    }
  }
  for (const kind of before.entryKinds) {
    const now = after.entryKinds.find((k) => k.kind === kind.kind);
    if (!now) {
      const n = count('SELECT count(*) FROM entries WHERE campaign_id = ? AND kind = ?', campaignId, kind.kind);
      if (n > 0) fail('DEFINITION_KIND_HAS_ENTRIES', 'definition.entryKinds', { kind: kind.kind, count: n });
      continue;
    }
    for (const category of kind.categories) {
      if (now.categories.some((c) => c.key === category.key)) continue;
      const n = count('SELECT count(*) FROM entries WHERE campaign_id = ? AND kind = ? AND category = ?', campaignId, kind.kind, category.key);
      if (n > 0) fail('DEFINITION_CATEGORY_HAS_ENTRIES', `definition.entryKinds.${after.entryKinds.indexOf(now)}.categories`, { category: category.key, count: n });
    }
  }
  const afterItems = allEligibility(after);
  for (const item of allEligibility(before)) {
    if (afterItems.some((e) => e.key === item.key)) continue;
    const n = count('SELECT count(*) FROM eligibility_answers a JOIN entries e ON e.id = a.entry_id WHERE e.campaign_id = ? AND a.item_key = ?', campaignId, item.key);
    if (n > 0) fail('DEFINITION_ITEM_HAS_ANSWERS', 'definition.lists', { item: item.key, count: n });
  }
}

/** Checks `input` against the schema, the definition rules and the data collected so far. */
export function checkDefinitionChange(db: Database, campaignId: string, before: CampaignDefinition, input: unknown): CampaignDefinition {
  const parsed = CampaignDefinition.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    fail('DEFINITION_INVALID', ['definition', ...issue.path].join('.'), { detail: issue.message.slice(0, 200) });
  }
  const after = parsed.data;
  const first = definitionProblems(after)[0];
  if (first) throw new KepuError(first.code as ErrorCode, `campaign definition: ${first.path}: ${first.code}`, { ...first.params, path: first.path });
  assertKeepsCollectedData(db, campaignId, before, after);
  return after;
}

/** Saves a checked definition as the next version; returns its number. */
export function saveDefinition(db: Database, campaignId: string, before: CampaignDefinition, after: CampaignDefinition, actor: string, reason: string): number {
  return db.transaction(() => {
    const now = nowIso();
    const latest = db.prepare('SELECT max(version) FROM definition_versions WHERE campaign_id = ?').pluck().get(campaignId) as number | null;
    const insertVersion = db.prepare('INSERT INTO definition_versions (campaign_id, version, definition_json, saved_at, actor, reason) VALUES (?, ?, ?, ?, ?, ?)');
    if (latest === null) {
      // Version 1 is the definition the campaign was created with.
      const created = db.prepare('SELECT created_at FROM campaigns WHERE id = ?').pluck().get(campaignId) as string;
      insertVersion.run(campaignId, 1, JSON.stringify(before), created, 'local', 'created');
    }
    const version = (latest ?? 1) + 1;
    insertVersion.run(campaignId, version, JSON.stringify(after), now, actor, reason);
    db.prepare(`UPDATE campaigns SET definition_json = ?, kind = ?, name_zh = ?, name_en = ?, time_zone = ?, deadline_at = ?, updated_at = ? WHERE id = ?`).run(
      JSON.stringify(after), after.kind, after.name['zh-CN'], after.name.en, after.timeZone, toUtcIso(after.deadline), now, campaignId,
    );
    db.prepare('DELETE FROM rubric_dimensions WHERE campaign_id = ?').run(campaignId);
    const insertDimension = db.prepare(`INSERT INTO rubric_dimensions (campaign_id, key, position, label_zh, label_en, weight, scale_min, scale_max, scale_step, anchors_json)
                                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    allDimensions(after).forEach((d, position) =>
      insertDimension.run(campaignId, d.key, position, d.label['zh-CN'], d.label.en, d.weight, d.scale.min, d.scale.max, d.scale.step, JSON.stringify(d.anchors)),
    );
    // Late is derived from the deadline: a moved deadline moves the flags (never drops an entry).
    db.prepare(`UPDATE entries SET is_late = (submitted_at IS NOT NULL AND julianday(submitted_at) > julianday(?)) WHERE campaign_id = ?`).run(toUtcIso(after.deadline), campaignId);
    db.prepare(`INSERT INTO audit_log (at, actor, action, subject, details_json) VALUES (?, ?, 'campaign.definition.update', ?, ?)`).run(
      now, actor, campaignId, JSON.stringify({ version, reason }),
    );
    return version;
  })();
}

export function definitionVersions(db: Database, campaignId: string): DefinitionVersion[] {
  return (db.prepare('SELECT version, saved_at, actor, reason FROM definition_versions WHERE campaign_id = ? ORDER BY version DESC').all(campaignId) as {
    version: number; saved_at: string; actor: string; reason: string;
  }[]).map((r) => ({ version: r.version, savedAt: r.saved_at, actor: r.actor, reason: r.reason }));
}
