// Needs reassignment (issue 15), on the merged sample's real SQLite file: a judge's bundle declares a
// conflict on an entry the judge was assigned. The judge stays on record but no longer counts as one
// of its judges: coverage lists the entry as short, naming the judge and the reason; one click
// (assignment:run with the entry) adds exactly one judge to that entry and no other, never the
// conflicted judge nor one of the entrant's institution, and picks the least loaded judge allowed.
import { describe, expect, it } from 'vitest';
import type { ResponseOf } from '../../../src-main/contract';

type CoverageView = ResponseOf<'assignment:coverage'>;
import { ok, openMergedSample } from '../../helpers';

describe('reassigning an entry whose judge declared a conflict', () => {
  it('shows it short with the reason, and one click gives it one more judge, balanced', async () => {
    const app = await openMergedSample();
    const campaignId = app.works.id;
    const db = app.ctx.db;
    const before = await ok<CoverageView>(app.dispatch('assignment:coverage', { campaignId }));
    const pairs = () => db.prepare<[string], { entryId: number; judgeId: string }>('SELECT a.entry_id AS entryId, a.judge_id AS judgeId FROM assignments a JOIN entries e ON e.id = a.entry_id WHERE e.campaign_id = ? ORDER BY 1, 2').all(campaignId);
    const stored = pairs();
    // An entry fully covered; one of its judges declares a conflict in a bundle (as merge writes it).
    const covered = [...new Set(stored.map((p) => p.entryId))].find((id) => !before.short.some((s) => s.entryId === id))!;
    const judge = stored.find((p) => p.entryId === covered)!.judgeId;
    const judgeName = db.prepare<[string], string>('SELECT name FROM judges WHERE id = ?').pluck().get(judge)!;
    db.prepare('INSERT INTO conflicts (entry_id, judge_id, round_no, reason, declared_at) VALUES (?, ?, 1, ?, ?)').run(covered, judge, '我是作者的导师', '2024-01-05T02:00:00.000Z');

    const after = await ok<CoverageView>(app.dispatch('assignment:coverage', { campaignId }));
    const short = after.short.find((s) => s.entryId === covered);
    expect(short).toMatchObject({ assigned: before.perEntry - 1, wanted: before.perEntry });
    expect(short?.reasons).toContainEqual({ reason: 'declared_conflict', judges: [judgeName] });
    expect(after.totals.covered).toBe(before.totals.covered - 1);

    // Loads before the click, of the judges allowed on the entry (not on it, not conflicted, not of the entrant's unit).
    const load = new Map<string, number>();
    for (const p of stored) if (!(p.entryId === covered && p.judgeId === judge)) load.set(p.judgeId, (load.get(p.judgeId) ?? 0) + 1);
    const onEntry = new Set(stored.filter((p) => p.entryId === covered).map((p) => p.judgeId));

    const run = await ok<{ added: number }>(app.dispatch('assignment:run', { campaignId, entryIds: [covered] }));
    expect(run.added).toBe(1);
    const now = pairs();
    const added = now.filter((p) => !stored.some((s) => s.entryId === p.entryId && s.judgeId === p.judgeId));
    expect(added).toHaveLength(1);
    expect(added[0].entryId).toBe(covered);
    expect(onEntry.has(added[0].judgeId)).toBe(false);
    // The conflicted judge's pair stays on record.
    expect(now).toContainEqual({ entryId: covered, judgeId: judge });
    // Balanced: no allowed judge carried less work than the one chosen.
    const unit = db.prepare<[number], string | null>('SELECT entrant_unit FROM entries WHERE id = ?').pluck().get(covered) ?? null;
    const allowed = db
      .prepare<[string], { id: string; institution: string | null }>('SELECT j.id, j.institution FROM judges j JOIN campaign_judges cj ON cj.judge_id = j.id WHERE cj.campaign_id = ?')
      .all(campaignId)
      .filter((j) => !onEntry.has(j.id) && (unit === null || j.institution?.trim() !== unit.trim()));
    expect(allowed.map((j) => j.id)).toContain(added[0].judgeId);
    expect(load.get(added[0].judgeId) ?? 0).toBe(Math.min(...allowed.map((j) => load.get(j.id) ?? 0)));

    const fixed = await ok<CoverageView>(app.dispatch('assignment:coverage', { campaignId }));
    expect(fixed.short.some((s) => s.entryId === covered)).toBe(false);
    expect(fixed.totals.covered).toBe(before.totals.covered);
    // The run is on record with the entry it was limited to.
    const audit = db.prepare<[], string>(`SELECT details_json FROM audit_log WHERE action = 'assignment.run' ORDER BY id DESC LIMIT 1`).pluck().get()!;
    expect(JSON.parse(audit)).toMatchObject({ added: 1, entries: [covered] });
    app.ctx.close();
  });
});
