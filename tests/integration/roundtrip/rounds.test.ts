// Packages and bundles carry the scoring round (issue 14), across two data folders with real keys
// and files: a round-2 package names its round per list, the judge's work is stored and exported
// under it, the coordinator stores it as round 2; a bundle claiming another round, or answering a
// round closed since, is refused with its code and nothing stored changes.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CampaignSummary } from '../../../src-main/contract';
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


describe('rounds in packages and bundles', () => {
  it('carry round 2 from the package to the judge and back; another round or a closed one is refused', async () => {
    const coordinator = openTestApp();
    const works = await ok<CampaignSummary>(coordinator.dispatch('demo:load', {}));
    const campaignId = works.id;
    const coordinatorKey = generateIdentity();
    const judgeKey = generateIdentity();
    const registered = registerKeyCard(coordinator.ctx.db, campaignId, createKeyCard(judgeKey.privateKey, { name: '林晓', institution: '重庆医科大学' }));
    coordinator.ctx.db.prepare('DELETE FROM assignments').run();
    runAssignment(coordinator.ctx, campaignId, { seed: 'rt' });
    const def = coordinator.ctx.campaigns.definition(campaignId);
    const list = def.lists[0];
    const final = scoring('final', 'Final round', '终评', { panel: [registered.judgeId], judgesPerEntry: 1 });
    const next = { ...def, lists: def.lists.map((l, i) => (i === 0 ? { ...l, rounds: [scoring('first', 'First round', '初评'), final] } : l)) };
    await ok(coordinator.dispatch('campaign:updateDefinition', { campaignId, definition: next, reason: 'two rounds' }));
    await ok(coordinator.dispatch('round:close', { campaignId, listKey: list.key, roundNo: 1, reason: '初评结束' }));
    const ofList = (coordinator.ctx.db.prepare('SELECT id, kind, category FROM entries WHERE campaign_id = ? ORDER BY reg_no').all(campaignId) as { id: number; kind: string; category: string | null }[])
      .filter((e) => list.feeds.some((f) => f.kind === e.kind && (f.categories === null || f.categories.includes(e.category ?? ''))))
      .map((e) => e.id);
    const shortlist = ofList.slice(0, 3);
    runAssignment(coordinator.ctx, campaignId, { seed: 'r2', roundEntries: { [list.key]: shortlist } });
    expect(coordinator.ctx.db.prepare('SELECT entry_id FROM assignments WHERE round_no = 2 ORDER BY entry_id').pluck().all()).toEqual([...shortlist].sort((a, b) => a - b));

    const out = path.join(tempDir(), 'linxiao.kepupkg');
    const issued = await issuePackage(coordinator.ctx, { campaignId, judgeId: registered.judgeId, withMedia: false, outPath: out, coordinator: { privateKey: coordinatorKey.privateKey, name: '组委会' } });
    expect(coordinator.ctx.db.prepare('SELECT rounds_json FROM issued_packages WHERE id = ?').pluck().get(issued.packageId)).toBe(JSON.stringify({ [list.key]: 2 }));

    const judge = openTestApp();
    const opened = await openPackage(out, { targetDir: path.join(judge.dataDir, 'packages', 'p1') });
    expect(opened.manifest.rounds).toEqual([{ list: list.key, roundNo: 2, key: 'final', name: final.name }]);
    const fromList = opened.manifest.entries.filter((e) => shortlist.includes(e.entryId));
    expect(fromList.map((e) => e.entryId).sort((a, b) => a - b)).toEqual([...shortlist].sort((a, b) => a - b));
    const local = importOpenedPackage(judge.ctx, opened);
    const queue = judge.ctx.reviews.queue(campaignId, local.judgeId);
    const target = queue.rows.find((r) => r.regNo === fromList[0].regNo)!;
    const ref = { campaignId: local.campaignId, judgeId: local.judgeId, entryId: target.entryId };
    for (const d of list.rubric) judge.ctx.reviews.setScore(ref, d.key, d.scale.max);
    judge.ctx.reviews.setComplete(ref, true);
    expect(judge.ctx.db.prepare('SELECT DISTINCT round_no FROM scores').pluck().all()).toEqual([2]);
    const bundle = exportBundle(judge.ctx.db, opened.manifest.packageId, judgeKey.privateKey);
    const payload = readBundle(bundle.bytes).payload;
    expect(payload.rounds).toEqual([{ list: list.key, roundNo: 2 }]);

    const merge = async (fileName: string, bytes: Buffer) => mergeBundleFiles({ ...coordinator.ctx, reader: exchangeBundleReader() }, campaignId, [{ fileName, bytes }]);
    const stored = () => ({
      bundles: coordinator.ctx.db.prepare('SELECT id, status FROM bundles ORDER BY id').all(),
      scores: coordinator.ctx.db.prepare('SELECT * FROM scores ORDER BY entry_id, judge_id, round_no, dimension_key').all(),
    });

    // Another round than the package's, and a round the list does not have: refused, nothing changes.
    const before = stored();
    for (const [rounds, fileName] of [[[{ list: list.key, roundNo: 1 }], 'r1.kepubundle'], [[{ list: list.key, roundNo: 2 }, { list: def.lists[1].key, roundNo: 3 }], 'r3.kepubundle']] as const) {
      const forged = writeBundle({ ...payload, rounds: [...rounds] }, judgeKey.privateKey);
      expect(await merge(fileName, forged)).toEqual([expect.objectContaining({ status: 'rejected', code: 'ROUND_MISMATCH', params: expect.objectContaining({ file: fileName }) })]);
    }
    expect(stored()).toEqual(before);

    expect(await merge('good.kepubundle', bundle.bytes)).toEqual([expect.objectContaining({ status: 'accepted' })]);
    const remote = fromList[0].entryId;
    expect(coordinator.ctx.db.prepare('SELECT round_no, count(*) AS n FROM scores WHERE entry_id = ? AND judge_id = ? GROUP BY round_no').all(remote, registered.judgeId)).toEqual([
      { round_no: 2, n: list.rubric.length },
    ]);
    expect(coordinator.ctx.db.prepare('SELECT status FROM reviews WHERE entry_id = ? AND judge_id = ? AND round_no = 2').pluck().get(remote, registered.judgeId)).toBe('complete');

    // Moderation in round 2: the override sits beside the round-2 signed score and belongs to round
    // 2; a round-1 score of the same judge and dimension (put here directly) is left alone.
    const d0 = list.rubric[0];
    coordinator.ctx.db
      .prepare('INSERT INTO scores (entry_id, judge_id, dimension_key, value, revision, updated_at, round_no) VALUES (?, ?, ?, ?, 1, ?, 1)')
      .run(remote, registered.judgeId, d0.key, d0.scale.min, new Date().toISOString());
    const moderated = d0.scale.max - d0.scale.step;
    const set = await ok<{ id: number; signed: number | null; value: number | null; inEffect: boolean }>(
      coordinator.dispatch('moderation:set', { campaignId, entryId: remote, judgeId: registered.judgeId, dimension: d0.key, value: moderated, reason: '电话确认：录入错误' }),
    );
    expect(set).toMatchObject({ signed: d0.scale.max, value: moderated, inEffect: true });
    expect(coordinator.ctx.db.prepare('SELECT round_no FROM score_overrides WHERE id = ?').pluck().get(set.id)).toBe(2);
    const cell = (roundNo: number) => coordinator.ctx.ranking.compute(campaignId, true, { [list.key]: roundNo }).data.overrides ?? [];
    expect(cell(2).map((o) => [o.entryId, o.judgeId, o.dimension, o.signed])).toEqual([[remote, registered.judgeId, d0.key, d0.scale.max]]);
    expect(cell(1)).toEqual([]);
    const withdrawn = await ok<{ value: number | null }>(coordinator.dispatch('moderation:withdraw', { campaignId, overrideId: set.id, reason: '撤回' }));
    expect(withdrawn.value).toBeNull();
    expect(coordinator.ctx.db.prepare('SELECT DISTINCT round_no FROM score_overrides').pluck().all()).toEqual([2]);

    // The round closes; the judge's next bundle for it is refused naming the file and the round.
    await ok(coordinator.dispatch('round:close', { campaignId, listKey: list.key, roundNo: 2, reason: '终评结束' }));
    judge.ctx.reviews.setComplete(ref, false);
    const late = exportBundle(judge.ctx.db, opened.manifest.packageId, judgeKey.privateKey);
    const afterClose = stored();
    expect(await merge('late.kepubundle', late.bytes)).toEqual([
      expect.objectContaining({ status: 'rejected', code: 'ROUND_CLOSED', params: expect.objectContaining({ file: 'late.kepubundle', list: list.key, roundNo: 2 }) }),
    ]);
    expect(stored()).toEqual(afterClose);
    coordinator.ctx.close();
    judge.ctx.close();
  });
});
