// Why an entry has fewer judges than wanted, in the terms the coordinator can act on: judges of the
// campaign who are not on it because they work at the entrant's institution, declared a conflict
// (themselves, or the coordinator for them on the roster: an institution or the entry),
// or were taken off it by hand; and whether the campaign has enough eligible judges at all. The
// same rules as the assignment (problem.ts: normalised institution names, the programme's
// excludeOwnInstitution, conflicts in any round), so the coverage view explains what a run did.
import type { Database } from 'better-sqlite3';
import { declaredConflictPairs } from '../review/judge-declared-conflicts';
import { normalizeName } from './normalize';

export type ShortReasonKind = 'same_institution' | 'declared_conflict' | 'judge_removed' | 'too_few_judges' | 'not_assigned_yet';

export interface ShortReason {
  reason: ShortReasonKind;
  /** The judges the reason is about (names), empty for too_few_judges / not_assigned_yet. */
  judges: string[];
}

export interface ShortEntryExplained {
  /** Judges of the campaign who may review the entry (not excluded by a rule). */
  eligible: number;
  reasons: ShortReason[];
}

interface EntryRow {
  id: number;
  unit: string | null;
  name: string;
}

/**
 * Reasons for each of `entryIds` (short entries). `assignedOf` gives each entry's assigned judge
 * ids; `wanted` is the judges per entry. An entry short with enough eligible judges and nobody
 * excluded or removed was simply not assigned since it arrived: run the assignment again.
 */
export function explainShortEntries(
  db: Database,
  campaignId: string,
  options: { entryIds: readonly number[]; wanted: number; excludeOwnInstitution: boolean; assignedOf: (entryId: number) => ReadonlySet<string> },
): Map<number, ShortEntryExplained> {
  const out = new Map<number, ShortEntryExplained>();
  if (options.entryIds.length === 0) return out;
  const judges = db
    .prepare<unknown[], { id: string; name: string; institution: string | null }>('SELECT j.id, j.name, j.institution FROM judges j JOIN campaign_judges cj ON cj.judge_id = j.id WHERE cj.campaign_id = ? ORDER BY j.name, j.id')
    .all(campaignId);
  const wantedIds = new Set(options.entryIds);
  const entries = (db.prepare('SELECT id, entrant_unit AS unit, entrant_name AS name FROM entries WHERE campaign_id = ?').all(campaignId) as EntryRow[]).filter((e) =>
    wantedIds.has(e.id),
  );
  // The judges' own declarations and the coordinator's (roster institutions and entries) alike.
  const conflicts = new Set(
    [
      ...db.prepare<unknown[], { entryId: number; judgeId: string }>('SELECT DISTINCT c.entry_id AS entryId, c.judge_id AS judgeId FROM conflicts c JOIN entries e ON e.id = c.entry_id WHERE e.campaign_id = ?').all(campaignId),
      ...declaredConflictPairs(db, campaignId),
    ].map((c) => `${c.entryId}\u0000${c.judgeId}`),
  );
  // Manual removals are in the audit log (assignment.set, assigned false); the latest change per
  // pair decides, so a judge removed and added back again is not "removed".
  const removed = new Set<string>();
  const changes = db
    .prepare(`SELECT details_json FROM audit_log WHERE action = 'assignment.set' AND subject = ? ORDER BY id`)
    .pluck()
    .all(campaignId) as string[];
  for (const json of changes) {
    const d = JSON.parse(json) as { entryId?: number; judgeId?: string; assigned?: boolean };
    if (typeof d.entryId !== 'number' || typeof d.judgeId !== 'string') continue;
    const key = `${d.entryId}\u0000${d.judgeId}`;
    if (d.assigned === false) removed.add(key);
    else removed.delete(key);
  }

  for (const entry of entries) {
    const assigned = options.assignedOf(entry.id);
    const entrantKeys = new Set([normalizeName(entry.unit), normalizeName(entry.name)].filter((k): k is string => k !== null));
    const sameInstitution: string[] = [];
    const conflicted: string[] = [];
    const takenOff: string[] = [];
    let eligible = 0;
    for (const j of judges) {
      const key = `${entry.id}\u0000${j.id}`;
      const institution = normalizeName(j.institution);
      const excludedByInstitution = options.excludeOwnInstitution && institution !== null && entrantKeys.has(institution);
      const excludedByConflict = conflicts.has(key);
      if (!excludedByInstitution && !excludedByConflict) eligible++;
      if (assigned.has(j.id)) continue;
      if (excludedByInstitution) sameInstitution.push(j.name);
      else if (excludedByConflict) conflicted.push(j.name);
      else if (removed.has(key)) takenOff.push(j.name);
    }
    const reasons: ShortReason[] = [];
    if (sameInstitution.length) reasons.push({ reason: 'same_institution', judges: sameInstitution });
    if (conflicted.length) reasons.push({ reason: 'declared_conflict', judges: conflicted });
    if (takenOff.length) reasons.push({ reason: 'judge_removed', judges: takenOff });
    if (eligible < options.wanted) reasons.push({ reason: 'too_few_judges', judges: [] });
    if (reasons.length === 0) reasons.push({ reason: 'not_assigned_yet', judges: [] });
    out.set(entry.id, { eligible, reasons });
  }
  return out;
}
