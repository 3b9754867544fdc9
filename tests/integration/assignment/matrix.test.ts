// The assignment matrix and moving entries between judges (issue 15), on the merged sample's real
// SQLite file: the matrix of a category agrees cell by cell with the assignments, reviews and
// conflicts tables; a move hands over only what can be handed over — an entry the first judge
// started, one the second judge is already on, one of the second judge's own institution stay,
// each with its reason — and records one audit row.
import { describe, expect, it } from 'vitest';
import type { AssignmentMatrix, AssignmentMoveResult } from '../../../src-main/contract';
import { ok, openMergedSample } from '../../helpers';

describe('the assignment matrix', () => {
  it('shows a category cell by cell and moves entries from one judge to another with reasons', async () => {
    const app = await openMergedSample();
    const campaignId = app.works.id;
    const db = app.ctx.db;
    const { kind, category } = db.prepare<[string], { kind: 'work'; category: string | null }>(`SELECT kind, category FROM entries WHERE campaign_id = ? GROUP BY kind, category ORDER BY count(*) DESC LIMIT 1`).get(campaignId)!;
    const matrix = await ok<AssignmentMatrix>(app.dispatch('assignment:matrix', { campaignId, kind, category, offset: 0, limit: 500 }));
    const entries = db.prepare<[string, string, string | null], { id: number; reg_no: string }>('SELECT id, reg_no FROM entries WHERE campaign_id = ? AND kind = ? AND category IS ? ORDER BY reg_no').all(campaignId, kind, category);
    expect(matrix.total).toBe(entries.length);
    expect(matrix.rows.map((r) => r.regNo)).toEqual(entries.map((e) => e.reg_no));
    expect(matrix.roundNo).toBe(1);
    for (const row of matrix.rows) {
      const assigned = db.prepare<[number], string>('SELECT judge_id FROM assignments WHERE entry_id = ? ORDER BY judge_id').pluck().all(row.entryId);
      const started = new Set(db.prepare<[number], string>('SELECT judge_id FROM reviews WHERE entry_id = ?').pluck().all(row.entryId));
      const conflicted = new Set(db.prepare<[number], string>('SELECT judge_id FROM conflicts WHERE entry_id = ?').pluck().all(row.entryId));
      const expected: Record<string, string> = {};
      for (const j of assigned) expected[j] = started.has(j) ? 'started' : 'assigned';
      for (const j of conflicted) expected[j] = 'conflict';
      expect(row.cells).toEqual(expected);
    }
    for (const j of matrix.judges) expect(j.assigned).toBe(matrix.rows.filter((r) => r.cells[j.judgeId] === 'assigned' || r.cells[j.judgeId] === 'started').length);
    // A page of 2 from the third entry.
    const page = await ok<AssignmentMatrix>(app.dispatch('assignment:matrix', { campaignId, kind, category, offset: 2, limit: 2 }));
    expect(page.rows.map((r) => r.regNo)).toEqual(entries.slice(2, 4).map((e) => e.reg_no));

    // A judge added late; one sample judge's entries of the category are handed to them.
    const late = await ok<{ id: string }>(app.dispatch('judge:create', { campaignId, name: '接替评委', institution: '其他医院' }));
    const from = matrix.judges.find((j) => j.assigned > 0)!.judgeId;
    const mine = matrix.rows.filter((r) => r.cells[from]);
    // One entry not started yet by `from` (its review removed as if never opened) moves; the started ones stay.
    const free = mine[0];
    db.prepare('DELETE FROM reviews WHERE entry_id = ? AND judge_id = ?').run(free.entryId, from);
    db.prepare('DELETE FROM scores WHERE entry_id = ? AND judge_id = ?').run(free.entryId, from);
    const notMine = matrix.rows.find((r) => !r.cells[from])!;
    const result = await ok<AssignmentMoveResult>(app.dispatch('assignment:move', { campaignId, entryIds: [...mine.map((r) => r.entryId), notMine.entryId], fromJudgeId: from, toJudgeId: late.id }));
    const startedOnes = mine.filter((r) => r !== free);
    expect(result.moved).toBe(1);
    expect(result.skipped).toEqual(
      [...startedOnes.map((r) => ({ entryId: r.entryId, regNo: r.regNo, reason: 'started' })), { entryId: notMine.entryId, regNo: notMine.regNo, reason: 'not_assigned' }],
    );
    const after = await ok<AssignmentMatrix>(app.dispatch('assignment:matrix', { campaignId, kind, category, offset: 0, limit: 500 }));
    const moved = after.rows.find((r) => r.entryId === free.entryId)!;
    expect(moved.cells[from]).toBeUndefined();
    expect(moved.cells[late.id]).toBe('assigned');
    expect(db.prepare('SELECT source FROM assignments WHERE entry_id = ? AND judge_id = ?').pluck().get(free.entryId, late.id)).toBe('manual');
    // Moving it again: the late judge is already on it.
    const again = await ok<AssignmentMoveResult>(app.dispatch('assignment:move', { campaignId, entryIds: [free.entryId], fromJudgeId: late.id, toJudgeId: late.id }));
    expect(again.skipped.map((s) => s.reason)).toEqual(['already_assigned']);
    // A judge of the entrant's own institution is refused when the programme keeps them off it.
    const unit = db.prepare<[number], string | null>('SELECT entrant_unit FROM entries WHERE id = ?').pluck().get(free.entryId);
    expect(unit).toBeTruthy();
    const insider = await ok<{ id: string }>(app.dispatch('judge:create', { campaignId, name: '本单位评委', institution: ` ${unit!} ` }));
    const own = await ok<AssignmentMoveResult>(app.dispatch('assignment:move', { campaignId, entryIds: [free.entryId], fromJudgeId: late.id, toJudgeId: insider.id }));
    expect(own).toEqual({ moved: 0, skipped: [{ entryId: free.entryId, regNo: free.regNo, reason: 'same_institution' }] });
    const audit = db.prepare<[], string>(`SELECT details_json FROM audit_log WHERE action = 'assignment.move' ORDER BY id`).pluck().all();
    expect(audit).toHaveLength(3);
    expect(JSON.parse(audit[0])).toMatchObject({ from, to: late.id, moved: [free.entryId] });
    // An entry of another campaign is refused with its code, nothing moved.
    expect(await app.dispatch('assignment:move', { campaignId, entryIds: [999_999], fromJudgeId: from, toJudgeId: late.id })).toMatchObject({ ok: false, error: { code: 'ENTRY_NOT_FOUND' } });
    app.ctx.close();
  });
});
