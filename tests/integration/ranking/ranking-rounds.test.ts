// Ranking by scoring round (issue 14): once round 2 holds scores the list is ranked on round 2
// alone (round-1 scores are not mixed in); round 1 can still be asked for and is what it was; a
// lock records the round (only when not 1) and verifies exactly. The exports follow the round asked
// for (the one on screen): round 1 asked for after round 2 exists is the export made before.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { CampaignDefinition, ExportFile, Job, RankingExportJob, RankingRow, RankingSummary, SnapshotInfo, SnapshotVerification } from '../../../src-main/contract';
import { parseSnapshot } from '../../../src-main/core/ranking/snapshot';
import { ok, openMergedSample } from '../../helpers';
import { scoringRound as scoring } from '../../round-defs';


describe('ranking by round', () => {
  it('ranks round 2 on round-2 scores only, round 1 on request as before, and locks the round', async () => {
    const app = await openMergedSample();
    const campaignId = app.works.id;
    const def = app.ctx.campaigns.definition(campaignId);
    const list = def.lists[0];
    const categoryRows = async (rounds?: Record<string, number>) => {
      const summary = await ok<RankingSummary>(app.dispatch('ranking:summary', { campaignId, refresh: true, ...(rounds ? { rounds } : {}) }));
      const c = summary.categories.find((x) => x.list === list.key)!;
      const ranked = await ok<{ rows: RankingRow[] }>(app.dispatch('ranking:list', { campaignId, kind: c.kind, category: c.category, section: 'ranked', offset: 0, limit: 500, ...(rounds ? { rounds } : {}) }));
      return { summary, c, ranked: ranked.rows.map((r): [string, number | null] => [r.regNo, r.score]) };
    };
    const roundOneBefore = await categoryRows();
    const csvBefore = await ok<ExportFile>(app.dispatch('ranking:export', { campaignId, format: 'csv' }));

    const next: CampaignDefinition = { ...def, lists: def.lists.map((l, i) => (i === 0 ? { ...l, rounds: [scoring('first', 'First round', '初评'), scoring('final', 'Final round', '终评')] } : l)) };
    await ok(app.dispatch('campaign:updateDefinition', { campaignId, definition: next, reason: 'rounds' }));
    // Round 1 is current and holds the scores: nothing moves.
    const withRounds = await categoryRows();
    expect(withRounds.summary.rounds).toBeUndefined();
    expect(withRounds.ranked).toEqual(roundOneBefore.ranked);

    await ok(app.dispatch('round:close', { campaignId, listKey: list.key, roundNo: 1, reason: '初评结束' }));
    // Round 2 is current but holds no score yet: the ranking stays on round 1.
    expect((await categoryRows()).ranked).toEqual(roundOneBefore.ranked);

    const entryIds = (app.ctx.db.prepare('SELECT id FROM entries WHERE campaign_id = ? AND kind = ? AND coalesce(category, \'\') = ? ORDER BY reg_no').pluck().all(campaignId, withRounds.c.kind, withRounds.c.category ?? '') as number[]).slice(0, 3);
    await ok(app.dispatch('assignment:run', { campaignId, roundEntries: { [list.key]: entryIds } }));
    const pairs = app.ctx.db.prepare('SELECT entry_id, judge_id FROM assignments WHERE round_no = 2 ORDER BY entry_id, judge_id').all() as { entry_id: number; judge_id: string }[];
    expect(new Set(pairs.map((p) => p.entry_id))).toEqual(new Set(entryIds));
    // Every round-2 judge gives the first entry the top of each scale, the others the bottom.
    for (const p of pairs) {
      const ref = { campaignId, judgeId: p.judge_id, entryId: p.entry_id };
      for (const d of list.rubric) app.ctx.reviews.setScore(ref, d.key, p.entry_id === entryIds[0] ? d.scale.max : d.scale.min);
      app.ctx.reviews.setComplete(ref, true);
    }
    expect(app.ctx.db.prepare('SELECT count(*) FROM scores WHERE round_no = 2').pluck().get()).toBe(pairs.length * list.rubric.length);

    const roundTwo = await categoryRows();
    expect(roundTwo.summary.rounds).toEqual({ [list.key]: 2 });
    const regNos = app.ctx.db.prepare(`SELECT reg_no FROM entries WHERE id IN (${entryIds.join(', ')}) ORDER BY reg_no`).pluck().all() as string[];
    // Only the three round-2 entries are ranked, on their round-2 scores alone.
    expect(roundTwo.ranked.map(([r]) => r).sort()).toEqual(regNos);
    const first = app.ctx.db.prepare('SELECT reg_no FROM entries WHERE id = ?').pluck().get(entryIds[0]);
    expect(roundTwo.ranked[0][0]).toBe(first);
    expect(roundTwo.ranked[0][1]).toBeGreaterThan(roundTwo.ranked[1][1] as number);
    // Round 1 on request: exactly the ranking before round 2 existed.
    expect((await categoryRows({ [list.key]: 1 })).ranked).toEqual(roundOneBefore.ranked);

    // The exports: by default round 2 (named in the file name and in the report), round 1 on request
    // exactly the export made before round 2 existed, in process and as a job on a worker.
    const csvRoundTwo = await ok<ExportFile>(app.dispatch('ranking:export', { campaignId, format: 'csv' }));
    expect(csvRoundTwo.fileName).toContain(`-${list.key}-r2`);
    const csvRoundOne = await ok<ExportFile>(app.dispatch('ranking:export', { campaignId, format: 'csv', rounds: { [list.key]: 1 } }));
    expect(csvRoundOne.fileName).toBe(csvBefore.fileName);
    expect(csvRoundOne.contentBase64).toBe(csvBefore.contentBase64);
    expect(csvRoundTwo.contentBase64).not.toBe(csvBefore.contentBase64);
    const started = await ok<RankingExportJob>(app.dispatch('ranking:exportJob', { campaignId, format: 'csv', rounds: { [list.key]: 1 } }));
    let job: Job;
    while ((job = await ok<Job>(app.dispatch('job:status', { jobId: started.jobId }))).state === 'running') await new Promise((resolve) => setTimeout(resolve, 20));
    expect((job as RankingExportJob).result?.file?.contentBase64).toBe(csvBefore.contentBase64);
    const pdfText = async (rounds?: Record<string, number>) => {
      const pdf = await ok<ExportFile>(app.dispatch('ranking:export', { campaignId, format: 'pdf', ...(rounds ? { rounds } : {}) }));
      return execFileSync('pdftotext', [pdf.savedTo, '-'], { encoding: 'utf8' });
    };
    const reportTwo = await pdfText();
    expect(reportTwo).toContain('排名所用评分轮次');
    expect(reportTwo).toContain('第 2 轮 / Round 2');
    expect(await pdfText({ [list.key]: 1 })).not.toContain('Scoring round ranked');

    await ok(app.dispatch('identity:create', { name: '王协调', passphrase: 'correct horse battery' }));
    const lock = await ok<SnapshotInfo>(app.dispatch('ranking:lock', { campaignId }));
    const snapshot = parseSnapshot(JSON.parse(app.ctx.db.prepare('SELECT snapshot_json FROM ranking_snapshots WHERE id = ?').pluck().get(lock.id) as string));
    expect(snapshot.inputs.rounds).toEqual({ [list.key]: 2 });
    expect(await ok<SnapshotVerification>(app.dispatch('ranking:verify', { campaignId, snapshotId: lock.id }))).toMatchObject({ equal: true, signatureValid: true });
    app.ctx.close();
  });
});
