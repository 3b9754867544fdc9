// The progress board (issue 15) on the merged sample, a real SQLite file: every judge's counts
// agree with the assignments and reviews read straight from the tables; a package issued and the
// bundles merged show on the judge's row; a judge added late with two entries, one started and one
// declined for a conflict, is "in progress" with one missing; past the round's due date the judges
// who still owe are overdue and those done are not.
import { describe, expect, it } from 'vitest';
import type { CampaignDefinition, Judge, ProgressBoard } from '../../../src-main/contract';
import { ok, openMergedSample } from '../../helpers';
import { scoringRound } from '../../round-defs';

describe('the progress board', () => {
  it("counts each judge's work, package and bundle, conflicts and lateness", async () => {
    const app = await openMergedSample();
    const campaignId = app.works.id;
    const db = app.ctx.db;
    const board = await ok<ProgressBoard>(app.dispatch('progress:board', { campaignId }));
    expect(board.timeZone).toBe('Asia/Shanghai');
    expect(board.rounds).toHaveLength(1);
    const [round] = board.rounds;
    expect(round).toMatchObject({ list: null, roundNo: 1, roundName: null, dueAt: null, entries: 32 });

    // Straight from the tables: assignments and complete reviews per judge.
    const assigned = new Map(db.prepare<[string], [string, number]>('SELECT a.judge_id, count(*) FROM assignments a JOIN entries e ON e.id = a.entry_id WHERE e.campaign_id = ? GROUP BY a.judge_id').raw().all(campaignId));
    const complete = new Map(db.prepare<[string], [string, number]>(`SELECT r.judge_id, count(*) FROM reviews r JOIN entries e ON e.id = r.entry_id WHERE e.campaign_id = ? AND r.status = 'complete' GROUP BY r.judge_id`).raw().all(campaignId));
    expect(round.judges.map((j) => j.judgeId).sort()).toEqual([...assigned.keys()].sort());
    for (const j of round.judges) {
      expect(j.assigned).toBe(assigned.get(j.judgeId));
      expect(j.complete + j.conflicts).toBeLessThanOrEqual(j.assigned);
      expect(j.complete).toBe(complete.get(j.judgeId) ?? 0);
      expect(j.missing).toBe(j.assigned - j.complete - j.conflicts);
      expect(j.status).toBe(j.missing === 0 ? 'complete' : j.complete + j.inProgress > 0 ? 'in_progress' : 'not_started');
      expect(j.overdue).toBe(false); // no due date
    }
    // Every sample judge sent a bundle: its newest accepted revision shows.
    const bundles = new Map(db.prepare<[string], [string, number]>(`SELECT judge_id, max(revision) FROM bundles WHERE campaign_id = ? AND status = 'accepted' GROUP BY judge_id`).raw().all(campaignId));
    expect(bundles.size).toBeGreaterThan(0);
    for (const j of round.judges) expect(j.lastBundle?.revision ?? null).toBe(bundles.get(j.judgeId) ?? null);
    // The sample issued its judges' packages: each row shows the judge's newest.
    const issued = new Map(db.prepare<[string], [string, string]>('SELECT judge_id, max(created_at) FROM issued_packages WHERE campaign_id = ? GROUP BY judge_id').raw().all(campaignId));
    for (const j of round.judges) expect(j.package?.issuedAt ?? null).toBe(issued.get(j.judgeId) ?? null);

    // A package issued again to the first judge replaces the one shown, with the definition version it carries.
    const first = round.judges[0];
    await ok(app.dispatch('identity:create', { name: '组委会', passphrase: 'coordinator secret' }));
    await ok(app.dispatch('package:export', { campaignId, judgeId: first.judgeId, withMedia: false }));
    const withPackage = await ok<ProgressBoard>(app.dispatch('progress:board', { campaignId }));
    const newest = db.prepare<[string, string], string>('SELECT max(created_at) FROM issued_packages WHERE campaign_id = ? AND judge_id = ?').pluck().get(campaignId, first.judgeId);
    expect(newest).not.toBe(first.package?.issuedAt);
    expect(withPackage.rounds[0].judges.find((j) => j.judgeId === first.judgeId)?.package).toEqual({ issuedAt: newest, definitionVersion: 1, entries: first.assigned });

    // A judge added late: two entries, one started, one declined for a conflict.
    const late = await ok<Judge>(app.dispatch('judge:create', { campaignId, name: '迟到的评委', institution: '某医院' }));
    const [a, b] = db.prepare<[string], number>('SELECT id FROM entries WHERE campaign_id = ? ORDER BY id LIMIT 2').pluck().all(campaignId);
    for (const entryId of [a, b]) await ok(app.dispatch('assignment:set', { campaignId, entryId, judgeId: late.id, assigned: true }));
    const dimension = app.ctx.campaigns.definition(campaignId).lists[0].rubric[0].key;
    await ok(app.dispatch('review:score', { campaignId, judgeId: late.id, entryId: a, dimension, value: 7 }));
    await ok(app.dispatch('review:conflict', { campaignId, judgeId: late.id, entryId: b, declare: true, reason: '同一单位' }));
    const withLate = await ok<ProgressBoard>(app.dispatch('progress:board', { campaignId }));
    expect(withLate.rounds[0].judges.find((j) => j.judgeId === late.id)).toMatchObject({
      name: '迟到的评委', institution: '某医院', assigned: 2, complete: 0, inProgress: 1, conflicts: 1, missing: 1, status: 'in_progress', package: null, lastBundle: null, overdue: false,
    });

    // Rounds with a due date in the past: whoever still owes is overdue, whoever is done is not.
    const def = app.ctx.campaigns.definition(campaignId);
    const first1 = { ...scoringRound('first', 'First round', '初评'), dueAt: '2024-01-10T18:00:00+08:00' };
    const next: CampaignDefinition = { ...def, lists: def.lists.map((l) => ({ ...l, rounds: [first1] })) };
    // One scoring round alone is no rounds: add a formal check so the lists have rounds.
    const withFormal: CampaignDefinition = { ...next, lists: next.lists.map((l) => ({ ...l, rounds: [{ key: 'formal', name: { 'zh-CN': '形式审查', en: 'Formal check' }, kind: 'formal' as const }, first1] })) };
    await ok(app.dispatch('campaign:updateDefinition', { campaignId, definition: withFormal, reason: 'rounds with a due date' }));
    const due = await ok<ProgressBoard>(app.dispatch('progress:board', { campaignId }));
    expect(due.rounds.map((r) => [r.list, r.roundNo, r.dueAt])).toEqual(def.lists.map((l) => [l.key, 1, '2024-01-10T18:00:00+08:00']));
    const rows = due.rounds.flatMap((r) => r.judges);
    expect(rows.length).toBeGreaterThan(0);
    for (const j of rows) expect(j.overdue).toBe(j.missing > 0);
    expect(rows.some((j) => j.judgeId === late.id && j.overdue)).toBe(true);
    app.ctx.close();
  });

  it('refuses an unknown campaign with its code', async () => {
    const app = await openMergedSample();
    expect(await app.dispatch('progress:board', { campaignId: 'nope' })).toMatchObject({ ok: false, error: { code: 'CAMPAIGN_NOT_FOUND' } });
    app.ctx.close();
  });
});
