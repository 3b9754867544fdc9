// Coordinator → judge → coordinator across two data folders, with real keys, a real package file
// (media included) and real signed bundles.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CampaignSummary } from '../../../src-main/contract';
import { readBundle, writeBundle } from '../../../src-main/core/exchange/bundle';
import { openPackage } from '../../../src-main/core/exchange/package-open';
import { generateIdentity } from '../../../src-main/core/keys/identity';
import { createKeyCard } from '../../../src-main/core/keys/key-card';
import { exchangeBundleReader, mergeBundleFiles } from '../../../src-main/core/merge/merge-bundles';
import { exportBundle } from '../../../src-main/core/packages/export-bundle';
import { importOpenedPackage } from '../../../src-main/core/packages/open-package';
import { issuePackage } from '../../../src-main/core/packages/issue-package';
import { registerKeyCard } from '../../../src-main/core/packages/register-judge';
import { runAssignment } from '../../../src-main/core/assignment/run-assignment';
import { openTestApp, tempDir } from '../../helpers';

async function coordinatorWithJudge() {
  const coordinator = openTestApp();
  const works = ((await coordinator.dispatch('demo:load', {})) as { value: CampaignSummary }).value;
  const coordinatorKey = generateIdentity();
  const judgeKey = generateIdentity();
  const card = createKeyCard(judgeKey.privateKey, { name: '林晓', institution: '重庆医科大学' });
  const registered = registerKeyCard(coordinator.ctx.db, works.id, card);
  // A fresh assignment over all six judges, the newly registered one included.
  coordinator.ctx.db.prepare('DELETE FROM assignments').run();
  runAssignment(coordinator.ctx, works.id, { seed: 'rt' });
  const out = path.join(tempDir(), 'linxiao.kepupkg');
  const issued = await issuePackage(coordinator.ctx, {
    campaignId: works.id,
    judgeId: registered.judgeId,
    withMedia: true,
    outPath: out,
    coordinator: { privateKey: coordinatorKey.privateKey, name: '组委会' },
  });
  return { coordinator, works, coordinatorKey, judgeKey, registered, issued, out };
}

async function judgeOpens(file: string) {
  const judge = openTestApp();
  const opened = await openPackage(file, { targetDir: path.join(judge.dataDir, 'packages', 'p1') });
  const local = importOpenedPackage(judge.ctx, opened);
  return { judge, opened, local };
}

describe('the exchange round trip', () => {
  it('carries a judge’s scores from the judge’s machine into the coordinator’s database, newest revision winning', async () => {
    const { coordinator, works, judgeKey, registered, issued, out } = await coordinatorWithJudge();
    const assigned = coordinator.ctx.db.prepare('SELECT entry_id FROM assignments WHERE judge_id = ?').pluck().all(registered.judgeId) as number[];
    expect(assigned.length).toBeGreaterThan(0);
    expect(issued.entries).toBe(assigned.length);
    const { judge, opened, local } = await judgeOpens(out);
    expect(local).toMatchObject({ campaignId: works.id, judgeId: registered.judgeId, alreadyOpen: false });
    expect(importOpenedPackage(judge.ctx, opened).alreadyOpen).toBe(true);

    const queue = judge.ctx.reviews.queue(works.id, local.judgeId);
    expect(queue.rows).toHaveLength(issued.entries);
    // Media came inside the package and are linked to the judge's local entries.
    const withMedia = judge.ctx.db.prepare('SELECT count(*) FROM assets').pluck().get() as number;
    const coordinatorMedia = coordinator.ctx.db.prepare(`SELECT count(*) FROM assets WHERE entry_id IN (${assigned.map(() => '?').join(', ')})`).pluck().get(...assigned);
    expect(withMedia).toBe(coordinatorMedia);
    const [first, second] = queue.rows;
    const ref = (entryId: number) => ({ campaignId: works.id, judgeId: local.judgeId, entryId });
    for (const [dim, v] of [['content', 8], ['creativity', 7], ['communication', 9]] as const) judge.ctx.reviews.setScore(ref(first.entryId), dim, v);
    judge.ctx.reviews.setComment(ref(first.entryId), '选题好');
    judge.ctx.reviews.setComplete(ref(first.entryId), true);
    judge.ctx.reviews.setConflict(ref(second.entryId), true, '同事作品');
    const rev1 = exportBundle(judge.ctx.db, opened.manifest.packageId, judgeKey.privateKey);
    expect(rev1.revision).toBe(1);

    const merge = async (files: { fileName: string; bytes: Buffer }[]) =>
      mergeBundleFiles({ ...coordinator.ctx, reader: exchangeBundleReader() }, works.id, files);
    expect(await merge([{ fileName: 'r1.kepubundle', bytes: rev1.bytes }])).toEqual([
      expect.objectContaining({ status: 'accepted', revision: 1, judgeName: '林晓', entries: issued.entries }),
    ]);
    const firstRemote = opened.manifest.entries.find((e) => e.regNo === first.regNo)!.entryId;
    const secondRemote = opened.manifest.entries.find((e) => e.regNo === second.regNo)!.entryId;
    const scoreOf = (entryId: number, dim: string) =>
      coordinator.ctx.db.prepare('SELECT value FROM scores WHERE entry_id = ? AND judge_id = ? AND dimension_key = ?').pluck().get(entryId, registered.judgeId, dim);
    expect(scoreOf(firstRemote, 'content')).toBe(8);
    expect(coordinator.ctx.db.prepare('SELECT status FROM reviews WHERE entry_id = ? AND judge_id = ?').pluck().get(firstRemote, registered.judgeId)).toBe('complete');
    expect(coordinator.ctx.db.prepare('SELECT reason FROM conflicts WHERE entry_id = ? AND judge_id = ?').pluck().get(secondRemote, registered.judgeId)).toBe('同事作品');

    // The same file again changes nothing.
    expect((await merge([{ fileName: 'r1-again.kepubundle', bytes: rev1.bytes }]))[0].status).toBe('duplicate');

    // The judge revises; revision 3 arrives before revision 2: 3 wins, 2 is superseded.
    judge.ctx.reviews.setComplete(ref(first.entryId), false);
    judge.ctx.reviews.setScore(ref(first.entryId), 'content', 6);
    const rev2 = exportBundle(judge.ctx.db, opened.manifest.packageId, judgeKey.privateKey);
    judge.ctx.reviews.setScore(ref(first.entryId), 'content', 5);
    const rev3 = exportBundle(judge.ctx.db, opened.manifest.packageId, judgeKey.privateKey);
    expect((await merge([{ fileName: 'r3', bytes: rev3.bytes }, { fileName: 'r2', bytes: rev2.bytes }])).map((o) => o.status)).toEqual(['accepted', 'superseded']);
    expect(scoreOf(firstRemote, 'content')).toBe(5);
    expect(coordinator.ctx.db.prepare(`SELECT revision, status FROM bundles ORDER BY revision`).all()).toEqual([
      { revision: 1, status: 'superseded' },
      { revision: 2, status: 'superseded' },
      { revision: 3, status: 'accepted' },
    ]);
    judge.ctx.close();
    coordinator.ctx.close();
  });

  it('rejects tampered, foreign and misaddressed bundles without changing anything', async () => {
    const { coordinator, works, judgeKey, out } = await coordinatorWithJudge();
    const { judge, opened, local } = await judgeOpens(out);
    const q = judge.ctx.reviews.queue(works.id, local.judgeId);
    judge.ctx.reviews.setScore({ campaignId: works.id, judgeId: local.judgeId, entryId: q.rows[0].entryId }, 'content', 7);
    const good = exportBundle(judge.ctx.db, opened.manifest.packageId, judgeKey.privateKey).bytes;
    const merge = async (fileName: string, bytes: Buffer) => (await mergeBundleFiles({ ...coordinator.ctx, reader: exchangeBundleReader() }, works.id, [{ fileName, bytes }]))[0];
    const before = coordinator.ctx.db.prepare('SELECT count(*) FROM scores').pluck().get();

    // One flipped byte inside the signed payload.
    const payloadAt = good.indexOf(Buffer.from('"payload":"')) + 20;
    const tampered = Buffer.from(good);
    tampered[payloadAt] = tampered[payloadAt] === 0x41 ? 0x42 : 0x41;
    expect(await merge('tampered.kepubundle', tampered)).toMatchObject({ status: 'rejected', params: { file: 'tampered.kepubundle' } });

    // Signed by a key nobody registered.
    const stranger = generateIdentity();
    const foreign = exportBundle(judge.ctx.db, opened.manifest.packageId, stranger.privateKey).bytes;
    expect(await merge('stranger.kepubundle', foreign)).toMatchObject({ status: 'rejected', code: 'BUNDLE_UNKNOWN_SIGNER' });

    // Properly signed by the registered judge, but for another campaign, or for a package that was
    // issued to somebody else.
    const payload = readBundle(good).payload;
    const otherCampaign = writeBundle({ ...payload, campaignId: 'caca-committee-2021-000000' }, judgeKey.privateKey);
    expect(await merge('other.kepubundle', otherCampaign)).toMatchObject({ status: 'rejected', code: 'BUNDLE_WRONG_CAMPAIGN' });
    // Another campaign that is on this computer (demo:load makes the committee one too): named by
    // its name, never by its internal id.
    const committee = coordinator.ctx.campaigns.list().find((c) => c.id !== works.id)!;
    const sibling = await merge('sibling.kepubundle', writeBundle({ ...payload, campaignId: committee.id }, judgeKey.privateKey));
    expect(sibling).toMatchObject({ status: 'rejected', code: 'BUNDLE_OTHER_CAMPAIGN', params: { campaignZh: committee.name['zh-CN'], campaignEn: committee.name.en } });
    expect(JSON.stringify((sibling as { params: unknown }).params)).not.toContain(committee.id);
    const someoneElse = coordinator.ctx.judges.list(works.id).find((j) => j.name !== '林晓')!;
    const theirs = await issuePackage(coordinator.ctx, {
      campaignId: works.id, judgeId: someoneElse.id, withMedia: false, outPath: path.join(tempDir(), 'theirs.kepupkg'),
      coordinator: { privateKey: generateIdentity().privateKey, name: 'x' },
    });
    const misaddressed = writeBundle({ ...payload, packageId: theirs.packageId }, judgeKey.privateKey);
    expect(await merge('misaddressed.kepubundle', misaddressed)).toMatchObject({ status: 'rejected', code: 'BUNDLE_WRONG_PACKAGE' });

    // Truncated and junk.
    expect(await merge('cut.kepubundle', good.subarray(0, good.length - 10))).toMatchObject({ status: 'rejected' });
    expect(await merge('junk.kepubundle', Buffer.from('PK\x03\x04 not a bundle'))).toMatchObject({ status: 'rejected' });

    expect(coordinator.ctx.db.prepare('SELECT count(*) FROM scores').pluck().get()).toBe(before);
    expect(coordinator.ctx.db.prepare('SELECT count(*) FROM bundles').pluck().get()).toBe(0);
    expect((await merge('good.kepubundle', good)).status).toBe('accepted');
    judge.ctx.close();
    coordinator.ctx.close();
  });

  it('applies blind-review redactions before the package leaves the coordinator', async () => {
    const coordinator = openTestApp();
    const works = ((await coordinator.dispatch('demo:load', {})) as { value: CampaignSummary }).value;
    const def = JSON.parse(coordinator.ctx.db.prepare('SELECT definition_json FROM campaigns WHERE id = ?').pluck().get(works.id) as string);
    coordinator.ctx.db.prepare('UPDATE campaigns SET definition_json = ? WHERE id = ?').run(JSON.stringify({ ...def, blindReview: true }), works.id);
    const judgeId = coordinator.ctx.judges.list(works.id)[0].id;
    const out = path.join(tempDir(), 'blind.kepupkg');
    const key = generateIdentity();
    await issuePackage(coordinator.ctx, { campaignId: works.id, judgeId, withMedia: false, outPath: out, coordinator: { privateKey: key.privateKey, name: 'x' } });
    const opened = await openPackage(out, { targetDir: tempDir() });
    expect(opened.manifest.entries.every((e) => e.entrantName === null && e.entrantUnit === null)).toBe(true);
    expect(opened.manifest.entries.some((e) => 'authors' in e.fields || 'phone' in e.fields)).toBe(false);
    expect(fs.readFileSync(out).includes(Buffer.from('四川大学华西医院'))).toBe(false);
    coordinator.ctx.close();
  });
});
