// A scoring round with a rubric of its own (issue 14), across two data folders with real keys and
// files: the final round scores on two dimensions of its own; the judge's workspace asks for those
// (not the list's), the bundle carries them, the merge checks them against the round's rubric (a
// list dimension in a round-2 bundle is refused), and the round-2 ranking aggregates on them while
// round 1 is ranked exactly as before. The round's due date reaches the judge's review state.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CampaignSummary, RubricDimension } from '../../../src-main/contract';
import { runAssignment } from '../../../src-main/core/assignment/run-assignment';
import { readBundle, writeBundle } from '../../../src-main/core/exchange/bundle';
import { openPackage } from '../../../src-main/core/exchange/package-open';
import { generateIdentity } from '../../../src-main/core/keys/identity';
import { createKeyCard } from '../../../src-main/core/keys/key-card';
import { exchangeBundleReader, mergeBundleFiles } from '../../../src-main/core/merge/merge-bundles';
import { exportBundle } from '../../../src-main/core/packages/export-bundle';
import { issuePackage } from '../../../src-main/core/packages/issue-package';
import { importOpenedPackage } from '../../../src-main/core/packages/open-package';
import { registerKeyCard } from '../../../src-main/core/packages/register-judge';
import { ok, openTestApp, tempDir } from '../../helpers';
import { scoringRound as scoring } from '../../round-defs';

const dim = (key: string, zh: string, en: string, weight: number): RubricDimension => ({ key, label: { 'zh-CN': zh, en }, description: { 'zh-CN': zh, en }, weight, scale: { min: 0, max: 100, step: 1 }, anchors: [] });
const finalRubric = [dim('final_science', '科学性', 'Science', 0.6), dim('final_reach', '传播力', 'Reach', 0.4)];

describe('a round with its own rubric', () => {
  it('round-trips package → judge scores → bundle → merge → ranking on the round’s rubric; round 1 unchanged', async () => {
    const coordinator = openTestApp();
    const works = await ok<CampaignSummary>(coordinator.dispatch('demo:load', {}));
    const campaignId = works.id;
    const coordinatorKey = generateIdentity();
    const judgeKey = generateIdentity();
    const registered = registerKeyCard(coordinator.ctx.db, campaignId, createKeyCard(judgeKey.privateKey, { name: '林晓', institution: '重庆医科大学' }));
    const def = coordinator.ctx.campaigns.definition(campaignId);
    const list = def.lists[0];
    // Round 1 scored on the list's rubric, as the sample is.
    const sampleEntry = coordinator.ctx.db.prepare('SELECT id FROM entries WHERE campaign_id = ? ORDER BY reg_no LIMIT 1').pluck().get(campaignId) as number;
    coordinator.ctx.db.prepare('DELETE FROM assignments').run();
    runAssignment(coordinator.ctx, campaignId, { seed: 'rt' });
    const r1Judge = coordinator.ctx.db.prepare('SELECT judge_id FROM assignments WHERE entry_id = ? AND round_no = 1 LIMIT 1').pluck().get(sampleEntry) as string;
    for (const d of list.rubric) coordinator.ctx.reviews.setScore({ campaignId, judgeId: r1Judge, entryId: sampleEntry }, d.key, d.scale.max);
    const roundOne = () => coordinator.ctx.ranking.compute(campaignId, true, { [list.key]: 1 }).outcome.aggregate.entries.map((a) => [a.entryId, a.scores, a.judges]);
    const before = roundOne();

    const final = scoring('final', 'Final round', '终评', { panel: [registered.judgeId], judgesPerEntry: 1, rubric: finalRubric, dueAt: '2024-01-20T18:00:00+08:00' });
    const next = { ...def, lists: def.lists.map((l, i) => (i === 0 ? { ...l, rounds: [scoring('first', 'First round', '初评'), final] } : l)) };
    await ok(coordinator.dispatch('campaign:updateDefinition', { campaignId, definition: next, reason: 'final round with its own rubric' }));
    expect(roundOne()).toEqual(before);
    await ok(coordinator.dispatch('round:close', { campaignId, listKey: list.key, roundNo: 1, reason: '初评结束' }));
    runAssignment(coordinator.ctx, campaignId, { seed: 'r2', roundEntries: { [list.key]: [sampleEntry] } });

    const out = path.join(tempDir(), 'linxiao.kepupkg');
    await issuePackage(coordinator.ctx, { campaignId, judgeId: registered.judgeId, withMedia: false, outPath: out, coordinator: { privateKey: coordinatorKey.privateKey, name: '组委会' } });
    const judge = openTestApp();
    const opened = await openPackage(out, { targetDir: path.join(judge.dataDir, 'packages', 'p1') });
    // The package carries the round's rubric (in the definition it holds, found by the package's round).
    const carried = opened.manifest.campaign.lists[0].rounds?.find((r) => r.key === 'final');
    expect(carried?.kind === 'scoring' && carried.rubric?.map((d) => d.key)).toEqual(['final_science', 'final_reach']);
    const local = importOpenedPackage(judge.ctx, opened);
    const regNo = opened.manifest.entries.find((e) => e.entryId === sampleEntry)!.regNo;
    const row = judge.ctx.reviews.queue(campaignId, local.judgeId).rows.find((r) => r.regNo === regNo)!;
    const ref = { campaignId: local.campaignId, judgeId: local.judgeId, entryId: row.entryId };
    // The judge is asked for the round's two dimensions; a list dimension is not one of them.
    expect(judge.ctx.reviews.state(ref).missing).toEqual(['final_science', 'final_reach']);
    // The round's due date reaches the judge's workspace (shown there in the campaign's time zone).
    expect(judge.ctx.reviews.state(ref).round).toEqual({ roundNo: 2, key: 'final', name: final.name, dueAt: '2024-01-20T18:00:00+08:00' });
    expect(() => judge.ctx.reviews.setScore(ref, list.rubric[0].key, 5)).toThrow(expect.objectContaining({ code: 'DIMENSION_UNKNOWN' }));
    judge.ctx.reviews.setScore(ref, 'final_science', 90);
    judge.ctx.reviews.setScore(ref, 'final_reach', 70);
    judge.ctx.reviews.setComplete(ref, true);
    expect(judge.ctx.reviews.state(ref)).toMatchObject({ total: 82, missing: [], status: 'complete' });
    expect(judge.ctx.reviews.queue(campaignId, local.judgeId).rows.find((r) => r.regNo === regNo)?.total).toBe(82);

    const bundle = exportBundle(judge.ctx.db, opened.manifest.packageId, judgeKey.privateKey);
    const payload = readBundle(bundle.bytes).payload;
    expect(payload.entries.find((e) => e.entryId === sampleEntry)?.scores).toEqual({ final_science: 90, final_reach: 70 });

    const merge = async (fileName: string, bytes: Buffer) => mergeBundleFiles({ ...coordinator.ctx, reader: exchangeBundleReader() }, campaignId, [{ fileName, bytes }]);
    // A round-2 bundle answering a list dimension is checked against the round's rubric: refused.
    const forged = writeBundle({ ...payload, entries: payload.entries.map((e) => (e.entryId === sampleEntry ? { ...e, scores: { ...e.scores, [list.rubric[0].key]: 5 } } : e)) }, judgeKey.privateKey);
    expect(await merge('forged.kepubundle', forged)).toEqual([expect.objectContaining({ status: 'rejected', code: 'DIMENSION_UNKNOWN' })]);
    expect(await merge('good.kepubundle', bundle.bytes)).toEqual([expect.objectContaining({ status: 'accepted' })]);
    expect(coordinator.ctx.db.prepare('SELECT dimension_key, value FROM scores WHERE entry_id = ? AND round_no = 2 ORDER BY dimension_key').all(sampleEntry)).toEqual([
      { dimension_key: 'final_reach', value: 70 },
      { dimension_key: 'final_science', value: 90 },
    ]);

    // The round-2 ranking aggregates on the round's rubric: 0.6 × 90 + 0.4 × 70 = 82; nothing set aside.
    const roundTwo = coordinator.ctx.ranking.compute(campaignId, true, { [list.key]: 2 });
    const a = roundTwo.outcome.aggregate.entries.find((x) => x.entryId === sampleEntry)!;
    expect(a).toMatchObject({ judges: 1, dimensionMeans: { final_science: 90, final_reach: 70 } });
    expect(a.scores.mean).toBe(82);
    expect(roundTwo.outcome.aggregate.counts.unknownDimensionRows).toBe(0);
    // The default tie-breaks know the round's dimensions too (after the lists').
    expect(roundTwo.outcome.config.tieBreaks.slice(-3)).toEqual([{ by: 'dimension', key: 'final_science' }, { by: 'dimension', key: 'final_reach' }, { by: 'submittedAt' }]);
    // Round 1 still ranks on the list's rubric, exactly as before.
    expect(roundOne()).toEqual(before);
    coordinator.ctx.close();
    judge.ctx.close();
  });
});
