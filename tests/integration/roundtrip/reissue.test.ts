// The ordinary re-issue across two data folders (issue 11): the coordinator assigns one more entry,
// takes one back and sends the judge a new package; the judge opens it over the first one, and the
// next bundle is accepted by the coordinator's merge — it answers the new package, its revision
// continues, and it holds no entry the new package does not list.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CampaignSummary } from '../../../src-main/contract';
import { runAssignment } from '../../../src-main/core/assignment/run-assignment';
import { readBundle } from '../../../src-main/core/exchange/bundle';
import { generateIdentity } from '../../../src-main/core/keys/identity';
import { createKeyCard } from '../../../src-main/core/keys/key-card';
import { exchangeBundleReader, mergeBundleFiles } from '../../../src-main/core/merge/merge-bundles';
import { exportBundle } from '../../../src-main/core/packages/export-bundle';
import { issuePackage } from '../../../src-main/core/packages/issue-package';
import { openPackageFile } from '../../../src-main/core/packages/open-package';
import { currentOpenedPackage } from '../../../src-main/core/packages/package-pin';
import { registerKeyCard } from '../../../src-main/core/packages/register-judge';
import { openTestApp, tempDir } from '../../helpers';

describe('a re-issued review package', () => {
  it('updates the judge’s campaign and the next bundle merges on the coordinator’s side', async () => {
    const coordinator = openTestApp();
    const works = ((await coordinator.dispatch('demo:load', {})) as { value: CampaignSummary }).value;
    const coordinatorKey = generateIdentity();
    const judgeKey = generateIdentity();
    const { judgeId } = registerKeyCard(coordinator.ctx.db, works.id, createKeyCard(judgeKey.privateKey, { name: '林晓', institution: '重庆医科大学' }));
    coordinator.ctx.db.prepare('DELETE FROM assignments').run();
    runAssignment(coordinator.ctx, works.id, { seed: 'reissue' });
    const issue = (name: string) =>
      issuePackage(coordinator.ctx, {
        campaignId: works.id,
        judgeId,
        withMedia: false,
        outPath: path.join(tempDir(), name),
        coordinator: { privateKey: coordinatorKey.privateKey, name: '组委会' },
      });
    const merge = async (bytes: Buffer) => (await mergeBundleFiles({ ...coordinator.ctx, reader: exchangeBundleReader() }, works.id, [{ fileName: 'b.kepubundle', bytes }]))[0];

    const first = await issue('first.kepupkg');
    const judge = openTestApp();
    const open = (file: string) => openPackageFile(judge.ctx, file, { packagesRoot: path.join(judge.dataDir, 'packages') });
    const opened = await open(first.file);
    const queue = judge.ctx.reviews.queue(works.id, opened.judgeId).rows;
    const [kept, dropped] = queue;
    const ref = (entryId: number) => ({ campaignId: works.id, judgeId: opened.judgeId, entryId });
    for (const [dimension, value] of [['content', 8], ['creativity', 7], ['communication', 9]] as const) judge.ctx.reviews.setScore(ref(kept.entryId), dimension, value);
    judge.ctx.reviews.setScore(ref(dropped.entryId), 'content', 4);
    const bundle = () => exportBundle(judge.ctx.db, currentOpenedPackage(judge.ctx.db, works.id)!.id, judgeKey.privateKey);
    expect(await merge(bundle().bytes)).toMatchObject({ status: 'accepted', revision: 1 });

    // The coordinator takes `dropped` back and assigns one more entry, then issues again.
    const remoteOf = (regNo: string) => coordinator.ctx.db.prepare('SELECT id FROM entries WHERE campaign_id = ? AND reg_no = ?').pluck().get(works.id, regNo) as number;
    coordinator.ctx.db.prepare('DELETE FROM assignments WHERE entry_id = ? AND judge_id = ?').run(remoteOf(dropped.regNo), judgeId);
    const extra = coordinator.ctx.db
      // Not the entry just taken back (the judge ids are random, so the assignment varies per run).
      .prepare('SELECT id, reg_no FROM entries WHERE campaign_id = ? AND reg_no <> ? AND id NOT IN (SELECT entry_id FROM assignments WHERE judge_id = ?) ORDER BY reg_no LIMIT 1')
      .get(works.id, dropped.regNo, judgeId) as { id: number; reg_no: string };
    coordinator.ctx.judges.assign([{ entryId: extra.id, judgeId }], 'manual');
    const second = await issue('second.kepupkg');
    expect(second.entries).toBe(first.entries);

    const updated = await open(second.file);
    expect(updated).toMatchObject({ outcome: 'updated', added: 1, withdrawn: [{ regNo: dropped.regNo }] });
    const next = bundle();
    expect(next.revision).toBe(2);
    const payload = readBundle(next.bytes).payload;
    expect(payload.packageId).toBe(second.packageId);
    expect(payload.entries.map((e) => e.regNo)).toContain(extra.reg_no);
    expect(payload.entries.map((e) => e.regNo)).not.toContain(dropped.regNo);

    expect(await merge(next.bytes)).toMatchObject({ status: 'accepted', revision: 2, entries: second.entries });
    const score = coordinator.ctx.db.prepare('SELECT value FROM scores WHERE entry_id = ? AND judge_id = ? AND dimension_key = ?').pluck();
    expect(score.get(remoteOf(kept.regNo), judgeId, 'content')).toBe(8);
    judge.ctx.close();
    coordinator.ctx.close();
  });
});
