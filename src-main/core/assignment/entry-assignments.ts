// One entry's judges (who is assigned, who started, who declared a conflict) and the
// coordinator's manual override of an assignment, plus the rows the coverage view counts.
import type { Database } from 'better-sqlite3';
import { declaredConflictPairs } from '../review/judge-declared-conflicts';
import type { ResponseOf } from '../../contract';
import { KepuError } from '../errors';
import { workingRoundOfEntryId } from '../rounds/round-state';
import type { JudgeRepo } from '../review/judge-repo';
import { nowIso } from '../time';

/** The 'assignment:entry' answer: every judge of the campaign for one entry. */
export type EntryJudges = ResponseOf<'assignment:entry'>;

export interface DbEntryJudgeRow {
  judgeId: string;
  name: string;
  institution: string | null;
  source: 'auto' | 'manual' | null;
  /** 1 when the judge has a review of the entry (SQLite's EXISTS). */
  started: number;
  conflict: number;
}

export interface DbEntryRegNoRow {
  id: number;
  reg_no: string;
}

export const toEntryJudge = (r: DbEntryJudgeRow): EntryJudges['judges'][number] => ({
  ...r,
  assigned: r.source !== null,
  started: r.started === 1,
  conflict: r.conflict === 1,
});

/** Every judge of the campaign for one entry, assigned ones first; ENTRY_NOT_FOUND outside it. */
export function entryJudges(db: Database, campaignId: string, entryId: number): EntryJudges {
  if (!db.prepare('SELECT 1 FROM entries WHERE id = ? AND campaign_id = ?').get(entryId, campaignId)) {
    throw new KepuError('ENTRY_NOT_FOUND', `assignment: no entry #${entryId} in ${campaignId}`, { id: entryId });
  }
  // The entry's judges in the round its list is in now (round 1 without rounds); a conflict
  // declared in any round still counts.
  const round = workingRoundOfEntryId(db, campaignId, entryId);
  const rows = db
    .prepare(`SELECT j.id AS judgeId, j.name, j.institution, a.source,
                EXISTS (SELECT 1 FROM reviews r WHERE r.entry_id = @entryId AND r.judge_id = j.id AND r.round_no = @round) AS started,
                EXISTS (SELECT 1 FROM conflicts c WHERE c.entry_id = @entryId AND c.judge_id = j.id) AS conflict
              FROM campaign_judges cj JOIN judges j ON j.id = cj.judge_id
              LEFT JOIN assignments a ON a.entry_id = @entryId AND a.judge_id = j.id AND a.round_no = @round
              WHERE cj.campaign_id = @campaignId ORDER BY a.source IS NULL, j.name`)
    .all({ entryId, campaignId, round }) as DbEntryJudgeRow[];
  // Conflicts the coordinator declared on the roster (an institution or this entry) count too.
  const declared = new Set(declaredConflictPairs(db, campaignId).filter((p) => p.entryId === entryId).map((p) => p.judgeId));
  return { entryId, judges: rows.map((r) => toEntryJudge(declared.has(r.judgeId) ? { ...r, conflict: 1 } : r)) };
}

/**
 * Adds (as a manual assignment) or removes one judge of one entry, with its audit row, in one
 * transaction. A judge who started the review cannot be removed (ASSIGNMENT_STARTED): the review
 * would otherwise vanish from the results.
 */
export function setManualAssignment(
  db: Database,
  judges: JudgeRepo,
  change: { campaignId: string; entryId: number; judgeId: string; assigned: boolean },
): void {
  const { campaignId, entryId, judgeId, assigned } = change;
  const current = entryJudges(db, campaignId, entryId).judges.find((j) => j.judgeId === judgeId)!;
  const round = workingRoundOfEntryId(db, campaignId, entryId);
  db.transaction(() => {
    if (assigned && !current.assigned) judges.assign([{ entryId, judgeId }], 'manual', round);
    if (!assigned && current.assigned) {
      if (current.started) throw new KepuError('ASSIGNMENT_STARTED', `assignment: ${current.name} already started #${entryId}`, { judge: current.name });
      db.prepare('DELETE FROM assignments WHERE entry_id = ? AND judge_id = ? AND round_no = ?').run(entryId, judgeId, round);
    }
    db.prepare(`INSERT INTO audit_log (at, actor, action, subject, details_json) VALUES (?, 'local', 'assignment.set', ?, ?)`).run(
      nowIso(), campaignId, JSON.stringify({ entryId, judgeId, assigned }),
    );
  })();
}

/** The campaign's entries with their registration numbers (for the coverage view). */
export function entryRegNos(db: Database, campaignId: string): DbEntryRegNoRow[] {
  return db.prepare('SELECT id, reg_no FROM entries WHERE campaign_id = ?').all(campaignId) as DbEntryRegNoRow[];
}
