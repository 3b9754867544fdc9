// Changing a running campaign's definition (the Setup tab, issue 12). Policy:
// - Anything that leaves collected data valid may change at any time: names, organizers, window,
//   texts, judges per entry, blind review, new kinds, categories, fields, dimensions, items.
// - A change that would invalidate collected data is refused with a coded error naming what holds
//   the data: removing a rubric dimension that has scores or changing its scale, removing an entry
//   kind or category that entries use, removing an eligibility item that has answers, changing the
//   campaign's kind.
// - An explicit new version (with a statement of what happens to the affected data) may remove a
//   scored dimension or an answered eligibility item: the scores and answers are kept, never
//   deleted, and simply no longer counted (the ranking counts only rows on the entry's current
//   list; see core/ranking/set-aside.ts). The version records the statement and what it set aside.
//   A scale change with scores, a used kind or category, or the campaign's kind stay refused even
//   then: no statement makes scores on another scale or entries without a kind meaningful.
// - A refused save changes nothing stored. A saved one is one transaction: the definition, the
//   columns that mirror it, the late and early flags (the window may have moved), a numbered version with
//   who, when and why, and an audit row.
import { scoringRoundsOf } from '../../contract/lists';
import type { Database } from 'better-sqlite3';
import type { AffectedData, EntryKind, ErrorCode } from '../../contract';
import { CampaignDefinition } from '../../contract/domain';
import { allDimensions, allEligibility, listFor } from '../../contract/lists';
import { KepuError } from '../errors';
import { nowIso, toUtcIso } from '../time';
import { lastDefinedDimension } from './definition-versions';
import { definitionProblems } from './validate-definition';

export { definitionVersions } from './definition-versions';

function fail(code: ErrorCode, path: string, params: Record<string, string | number>): never {
  throw new KepuError(code, `campaign definition: ${path}: ${code}`, { path, ...params });
}

/**
 * Refusals for changes that would leave stored scores, answers or entries without their definition;
 * with `asNewVersion`, removed scored dimensions and answered items are listed instead of refused.
 */
function collectedDataChanges(db: Database, campaignId: string, before: CampaignDefinition, after: CampaignDefinition, asNewVersion: boolean): AffectedData {
  const affected: AffectedData = { removedDimensions: [], removedItems: [] };
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
      if (n > 0 && asNewVersion) affected.removedDimensions.push({ key: dim.key, label: dim.label, scores: n });
      else if (n > 0) fail('DEFINITION_DIMENSION_HAS_SCORES', 'definition.lists', { dimension: dim.key, count: n });
    } else if (now.scale.min !== dim.scale.min || now.scale.max !== dim.scale.max || now.scale.step !== dim.scale.step) {
      const n = scored();
      if (n > 0) fail('DEFINITION_SCALE_HAS_SCORES', `${dimensionPath(now.key)}.scale`, { dimension: dim.key, count: n });
    }
  }
  // A dimension added back under the key of one a new version set aside counts its kept scores
  // again: only on the scale they were given on.
  for (const dim of afterDimensions) {
    if (allDimensions(before).some((d) => d.key === dim.key)) continue;
    const n = count('SELECT count(*) FROM scores s JOIN entries e ON e.id = s.entry_id WHERE e.campaign_id = ? AND s.dimension_key = ?', campaignId, dim.key);
    const was = n > 0 ? lastDefinedDimension(db, campaignId, dim.key) : null;
    if (was && (was.scale.min !== dim.scale.min || was.scale.max !== dim.scale.max || was.scale.step !== dim.scale.step)) {
      fail('DEFINITION_SCALE_HAS_SCORES', `${dimensionPath(dim.key)}.scale`, { dimension: dim.key, count: n });
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
  scoringRoundChanges(db, campaignId, before, after);
  const afterItems = allEligibility(after);
  for (const item of allEligibility(before)) {
    if (afterItems.some((e) => e.key === item.key)) continue;
    const n = count('SELECT count(*) FROM eligibility_answers a JOIN entries e ON e.id = a.entry_id WHERE e.campaign_id = ? AND a.item_key = ?', campaignId, item.key);
    if (n > 0 && asNewVersion) affected.removedItems.push({ key: item.key, label: item.label, answers: n });
    else if (n > 0) fail('DEFINITION_ITEM_HAS_ANSWERS', 'definition.lists', { item: item.key, count: n });
  }
  return affected;
}

/**
 * A scoring round that holds scores keeps its place: its scores are stored under its number
 * (round_no, the ordinal among the list's scoring rounds), so removing it, or moving another
 * round before it, would hand them to another round. A list without rounds holds round 1 with
 * no key: giving it rounds is fine (its first scoring round is round 1).
 */
function scoringRoundChanges(db: Database, campaignId: string, before: CampaignDefinition, after: CampaignDefinition): void {
  if (!before.lists.some((l) => scoringRoundsOf(l).length > 0)) return;
  const rows = db
    .prepare<[string], { kind: EntryKind; category: string | null; round_no: number; n: number }>(`SELECT e.kind, e.category, s.round_no, count(*) AS n FROM scores s JOIN entries e ON e.id = s.entry_id
              WHERE e.campaign_id = ? GROUP BY e.kind, e.category, s.round_no`)
    .all(campaignId);
  const held = new Map<string, number>(); // "list\u0000round_no" → scores
  for (const r of rows) {
    const key = `${listFor(before, r.kind, r.category).key}\u0000${r.round_no}`;
    held.set(key, (held.get(key) ?? 0) + r.n);
  }
  for (const list of before.lists) {
    const rounds = scoringRoundsOf(list);
    rounds.forEach((round, i) => {
      const count = held.get(`${list.key}\u0000${i + 1}`) ?? 0;
      if (count === 0) return;
      const now = after.lists.find((l) => l.key === list.key);
      if (now && scoringRoundsOf(now)[i]?.key === round.key) return;
      fail('DEFINITION_ROUND_HAS_SCORES', 'definition.lists', { list: list.key, round: round.key, roundNo: i + 1, count });
    });
  }
}

export interface CheckedChange {
  definition: CampaignDefinition;
  /** What the change sets aside (empty unless checked as a new version). */
  affected: AffectedData;
}

/**
 * Checks `input` against the schema, the definition rules and the data collected so far; as a new
 * version, removing scored dimensions and answered items passes and is listed in `affected`.
 */
export function checkDefinitionChange(db: Database, campaignId: string, before: CampaignDefinition, input: unknown, options: { asNewVersion?: boolean } = {}): CheckedChange {
  const parsed = CampaignDefinition.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    fail('DEFINITION_INVALID', ['definition', ...issue.path].join('.'), { detail: issue.message.slice(0, 200) });
  }
  const after = parsed.data;
  const first = definitionProblems(after)[0];
  if (first) throw new KepuError(first.code as ErrorCode, `campaign definition: ${first.path}: ${first.code}`, { ...first.params, path: first.path });
  const affected = collectedDataChanges(db, campaignId, before, after, options.asNewVersion ?? false);
  return { definition: after, affected };
}

/**
 * Stores `def` as the campaign's definition with the columns that mirror it, and moves the late
 * and early flags with the deadline and the opening (never dropping an entry). The caller holds the transaction. Also used
 * on the judge's side when a newer package brings a changed definition.
 */
export function writeDefinition(db: Database, campaignId: string, def: CampaignDefinition, now: string): void {
  db.prepare(`UPDATE campaigns SET definition_json = ?, kind = ?, name_zh = ?, name_en = ?, time_zone = ?, deadline_at = ?, updated_at = ? WHERE id = ?`).run(
    JSON.stringify(def), def.kind, def.name['zh-CN'], def.name.en, def.timeZone, toUtcIso(def.deadline), now, campaignId,
  );
  db.prepare('DELETE FROM rubric_dimensions WHERE campaign_id = ?').run(campaignId);
  const insertDimension = db.prepare(`INSERT INTO rubric_dimensions (campaign_id, key, position, label_zh, label_en, weight, scale_min, scale_max, scale_step, anchors_json)
                                      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  allDimensions(def).forEach((d, position) =>
    insertDimension.run(campaignId, d.key, position, d.label['zh-CN'], d.label.en, d.weight, d.scale.min, d.scale.max, d.scale.step, JSON.stringify(d.anchors)),
  );
  // Late and early are derived from the window: a moved deadline or opening moves the flags
  // (never drops an entry). No opening: nothing is early.
  db.prepare(`UPDATE entries SET is_late = (submitted_at IS NOT NULL AND julianday(submitted_at) > julianday(@deadline)),
                is_early = (submitted_at IS NOT NULL AND @opens IS NOT NULL AND julianday(submitted_at) < julianday(@opens))
              WHERE campaign_id = @campaignId`).run({ deadline: toUtcIso(def.deadline), opens: def.opensAt === null ? null : toUtcIso(def.opensAt), campaignId });
}

/** An explicit new version: the coordinator's statement and what the change set aside. */
export interface NewVersion {
  statement: string;
  affected: AffectedData;
}

/** Saves a checked definition as the next version; returns its number. */
export function saveDefinition(
  db: Database,
  campaignId: string,
  before: CampaignDefinition,
  after: CampaignDefinition,
  actor: string,
  reason: string,
  newVersion?: NewVersion,
): number {
  return db.transaction(() => {
    const now = nowIso();
    const latest = db.prepare('SELECT max(version) FROM definition_versions WHERE campaign_id = ?').pluck().get(campaignId) as number | null;
    const insertVersion = db.prepare(
      'INSERT INTO definition_versions (campaign_id, version, definition_json, saved_at, actor, reason, statement, affected_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    if (latest === null) {
      // Version 1 is the definition the campaign was created with.
      const created = db.prepare('SELECT created_at FROM campaigns WHERE id = ?').pluck().get(campaignId) as string;
      insertVersion.run(campaignId, 1, JSON.stringify(before), created, 'local', 'created', null, null);
    }
    const version = (latest ?? 1) + 1;
    insertVersion.run(campaignId, version, JSON.stringify(after), now, actor, reason, newVersion?.statement ?? null, newVersion ? JSON.stringify(newVersion.affected) : null);
    writeDefinition(db, campaignId, after, now);
    db.prepare(`INSERT INTO audit_log (at, actor, action, subject, details_json) VALUES (?, ?, 'campaign.definition.update', ?, ?)`).run(
      now, actor, campaignId, JSON.stringify(newVersion ? { version, reason, statement: newVersion.statement, affected: newVersion.affected } : { version, reason }),
    );
    return version;
  })();
}
