// The assignment matrix of one category and moving entries between judges (issue 15). Policy:
// - The matrix shows the category's entries in their list's working round (round 1 without
//   rounds): a judge's cell is "assigned", "started" (a review exists) or "conflict" (declared, in
//   any round: it is about the person). Entries are ordered by registration number, paged.
// - A move hands each entry from one judge to another as a manual assignment, all in one
//   transaction with one audit row. An entry is left as it is, with its reason, when the first
//   judge is not on it, already started it (the review would vanish), the second judge is already
//   on it, declared a conflict on it, or — when the programme keeps judges off their own
//   institution — works at the entrant's institution.
import type { Database } from 'better-sqlite3';
import type { AssignmentMatrix, AssignmentMoveResult, CampaignDefinition, EntryKind, MatrixCell } from '../../contract';
import { listFor } from '../../contract/lists';
import { KepuError } from '../errors';
import type { JudgeRepo } from '../review/judge-repo';
import { workingRounds } from '../rounds/round-state';
import { nowIso } from '../time';
import { normalizeName } from './normalize';

interface EntryRow {
  entryId: number;
  regNo: string;
  title: string;
  unit: string | null;
  entrantName: string;
  kind: EntryKind;
  category: string | null;
}

function roundOf(db: Database, campaignId: string, def: CampaignDefinition, kind: EntryKind, category: string | null): number {
  return workingRounds(db, campaignId, def).get(listFor(def, kind, category).key) ?? 1;
}

export function assignmentMatrix(
  db: Database,
  campaignId: string,
  def: CampaignDefinition,
  page: { kind: EntryKind; category: string | null; offset: number; limit: number },
): AssignmentMatrix {
  const roundNo = roundOf(db, campaignId, def, page.kind, page.category);
  const where = 'campaign_id = @campaignId AND kind = @kind AND category IS @category';
  const params = { campaignId, kind: page.kind, category: page.category, roundNo };
  const total = db.prepare<[typeof params], number>(`SELECT count(*) FROM entries WHERE ${where}`).pluck().get(params) ?? 0;
  const rows = db
    .prepare<[typeof params & { limit: number; offset: number }], EntryRow>(
      `SELECT id AS entryId, reg_no AS regNo, title, entrant_unit AS unit, entrant_name AS entrantName, kind, category FROM entries WHERE ${where} ORDER BY reg_no LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: page.limit, offset: page.offset });
  const ids = JSON.stringify(rows.map((r) => r.entryId));
  const cells = new Map<number, Record<string, MatrixCell>>(rows.map((r) => [r.entryId, {}]));
  const set = (entryId: number, judgeId: string, cell: MatrixCell) => {
    const row = cells.get(entryId);
    if (row) row[judgeId] = cell;
  };
  const pairs = db
    .prepare<[string, number], { entryId: number; judgeId: string; started: number }>(
      `SELECT a.entry_id AS entryId, a.judge_id AS judgeId, EXISTS (SELECT 1 FROM reviews r WHERE r.entry_id = a.entry_id AND r.judge_id = a.judge_id AND r.round_no = a.round_no) AS started
       FROM assignments a WHERE a.entry_id IN (SELECT value FROM json_each(?)) AND a.round_no = ?`,
    )
    .all(ids, roundNo);
  for (const p of pairs) set(p.entryId, p.judgeId, p.started === 1 ? 'started' : 'assigned');
  const conflicts = db.prepare<[string], { entryId: number; judgeId: string }>('SELECT DISTINCT entry_id AS entryId, judge_id AS judgeId FROM conflicts WHERE entry_id IN (SELECT value FROM json_each(?))').all(ids);
  for (const c of conflicts) set(c.entryId, c.judgeId, 'conflict');
  // The column counts: the judge's assignments in this category and round, over every page.
  const load = new Map(
    db
      .prepare<[typeof params], [string, number]>(`SELECT a.judge_id, count(*) FROM assignments a WHERE a.round_no = @roundNo AND a.entry_id IN (SELECT id FROM entries WHERE ${where}) GROUP BY a.judge_id`)
      .raw()
      .all(params),
  );
  const judges = db
    .prepare<[string], { judgeId: string; name: string; institution: string | null }>('SELECT j.id AS judgeId, j.name, j.institution FROM judges j JOIN campaign_judges cj ON cj.judge_id = j.id WHERE cj.campaign_id = ? ORDER BY j.rowid')
    .all(campaignId);
  return {
    roundNo,
    judges: judges.map((j) => ({ ...j, assigned: load.get(j.judgeId) ?? 0 })),
    total,
    rows: rows.map((r) => ({ entryId: r.entryId, regNo: r.regNo, title: r.title, unit: r.unit, cells: cells.get(r.entryId) ?? {} })),
  };
}

export function moveAssignments(
  db: Database,
  judges: JudgeRepo,
  def: CampaignDefinition,
  move: { campaignId: string; entryIds: readonly number[]; fromJudgeId: string; toJudgeId: string },
): AssignmentMoveResult {
  const { campaignId, fromJudgeId, toJudgeId } = move;
  const to = db.prepare<[string], { institution: string | null }>('SELECT institution FROM judges WHERE id = ?').get(toJudgeId);
  const toInstitution = normalizeName(to?.institution ?? null);
  const entry = db.prepare<[number, string], EntryRow>('SELECT id AS entryId, reg_no AS regNo, title, entrant_unit AS unit, entrant_name AS entrantName, kind, category FROM entries WHERE id = ? AND campaign_id = ?');
  const assigned = db.prepare<[number, string, number], 1>('SELECT 1 FROM assignments WHERE entry_id = ? AND judge_id = ? AND round_no = ?').pluck();
  const started = db.prepare<[number, string, number], 1>('SELECT 1 FROM reviews WHERE entry_id = ? AND judge_id = ? AND round_no = ?').pluck();
  const conflict = db.prepare<[number, string], 1>('SELECT 1 FROM conflicts WHERE entry_id = ? AND judge_id = ?').pluck();
  const remove = db.prepare('DELETE FROM assignments WHERE entry_id = ? AND judge_id = ? AND round_no = ?');
  const skipped: AssignmentMoveResult['skipped'] = [];
  const moved: number[] = [];
  db.transaction(() => {
    for (const entryId of new Set(move.entryIds)) {
      const e = entry.get(entryId, campaignId);
      if (!e) throw new KepuError('ENTRY_NOT_FOUND', `assignment: no entry #${entryId} in ${campaignId}`, { id: entryId });
      const round = roundOf(db, campaignId, def, e.kind, e.category);
      const skip = (reason: AssignmentMoveResult['skipped'][number]['reason']) => skipped.push({ entryId, regNo: e.regNo, reason });
      const own = def.assignment.excludeOwnInstitution && toInstitution !== null && [normalizeName(e.unit), normalizeName(e.entrantName)].includes(toInstitution);
      if (!assigned.get(entryId, fromJudgeId, round)) skip('not_assigned');
      else if (started.get(entryId, fromJudgeId, round)) skip('started');
      else if (assigned.get(entryId, toJudgeId, round)) skip('already_assigned');
      else if (conflict.get(entryId, toJudgeId)) skip('conflict');
      else if (own) skip('same_institution');
      else {
        remove.run(entryId, fromJudgeId, round);
        judges.assign([{ entryId, judgeId: toJudgeId }], 'manual', round);
        moved.push(entryId);
      }
    }
    db.prepare(`INSERT INTO audit_log (at, actor, action, subject, details_json) VALUES (?, 'local', 'assignment.move', ?, ?)`).run(
      nowIso(),
      campaignId,
      JSON.stringify({ from: fromJudgeId, to: toJudgeId, moved, skipped: skipped.map((s) => [s.entryId, s.reason]) }),
    );
  })();
  return { moved: moved.length, skipped };
}
