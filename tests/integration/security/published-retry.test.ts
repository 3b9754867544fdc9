// Red-team retry of the new surface of issue 11 item 1: after "Publish and lock", every channel
// that is NOT refused must leave the live ranking equal to the published one, and every channel
// that would move it must be refused with RESULT_PUBLISHED and write nothing. Also the signed
// reviews against channels the existing tests leave out (another registered judge's bundle for
// the same package, an older or equal revision, a second app context on the same data folder).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CampaignSummary, Judge, Queue, SnapshotInfo } from '../../../src-main/contract';
import { writeBundle, type BundlePayload } from '../../../src-main/core/exchange/bundle';
import { generateIdentity } from '../../../src-main/core/keys/identity';
import { createKeyCard } from '../../../src-main/core/keys/key-card';
import { ok, openMergedSample, openTestApp } from '../../helpers';

async function publishedSample() {
  const merged = await openMergedSample();
  const { works, files } = merged;
  const app = merged;
  const { judges } = await ok<{ judges: Judge[] }>(app.dispatch('judge:list', { campaignId: works.id }));
  await ok(app.dispatch('identity:create', { name: '王协调', passphrase: 'correct horse battery' }));
  const lock = await ok<SnapshotInfo>(app.dispatch('ranking:lock', { campaignId: works.id }));
  return { ...app, works, judges, lock, files };
}

async function stillEqual(app: Awaited<ReturnType<typeof publishedSample>>) {
  const verify = await ok<{ equal: boolean; signatureValid: boolean }>(app.dispatch('ranking:verify', { campaignId: app.works.id, snapshotId: app.lock.id }));
  return verify.equal && verify.signatureValid;
}

describe('after publication, channels that are not refused', () => {
  it('leave the live ranking equal to the published one (judge without assignments, key card of a new judge, media re-check with new content, comments, active judge)', async () => {
    const app = await publishedSample();
    const campaignId = app.works.id;
    expect(await stillEqual(app)).toBe(true);

    const extra = await ok<Judge>(app.dispatch('judge:create', { campaignId, name: '后加评委', specialities: [] }));
    expect(await stillEqual(app)).toBe(true);
    await ok(app.dispatch('judge:activate', { campaignId, judgeId: extra.id }));
    const card = createKeyCard(generateIdentity().privateKey, { name: '持卡评委', institution: null });
    await ok(app.dispatch('judge:registerKeyCard', { campaignId, card: { fileName: 'k.kepukey', contentBase64: card.toString('base64') } }));
    expect(await stillEqual(app)).toBe(true);

    // The coordinator replaces an entrant's file and re-checks it: accepted (its campaign), audited.
    const asset = app.ctx.db.prepare('SELECT a.id, a.path FROM assets a JOIN entries e ON e.id = a.entry_id WHERE e.campaign_id = ? LIMIT 1').get(campaignId) as { id: number; path: string };
    fs.appendFileSync(asset.path, Buffer.from('tail'));
    const recheck = await app.dispatch('media:recheckAsset', { assetId: asset.id });
    expect(recheck.ok || (recheck as { error: { code: string } }).error.code === 'RESULT_PUBLISHED').toBe(true);
    expect(await stillEqual(app)).toBe(true);
    app.ctx.close();
  });

  it('a second app context on the same folder does not inherit the agreement to change', async () => {
    const app = await publishedSample();
    await ok(app.dispatch('ranking:allowChanges', { campaignId: app.works.id }));
    const second = openTestApp(app.dataDir);
    const result = await second.dispatch('judge:create', { campaignId: app.works.id, name: '第二窗口', specialities: [], assignAll: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'RESULT_PUBLISHED' } });
    second.ctx.close();
    app.ctx.close();
  });

  it('judge:create with assignAll and an empty campaign-wide list, assignment:set adding, and a package re-issue are refused or change nothing', async () => {
    const app = await publishedSample();
    const campaignId = app.works.id;
    const local = app.ctx.judges.create(campaignId, '本机评委', null);
    const entryId = app.ctx.db.prepare('SELECT id FROM entries WHERE campaign_id = ? LIMIT 1').pluck().get(campaignId) as number;
    const add = await app.dispatch('assignment:set', { campaignId, entryId, judgeId: local.id, assigned: true });
    expect(add).toMatchObject({ ok: false, error: { code: 'RESULT_PUBLISHED' } });
    const issued = await app.dispatch('package:export', { campaignId, judgeId: app.judges[0].id, withMedia: false });
    expect(issued.ok || (issued as { error: { code: string } }).error.code === 'RESULT_PUBLISHED').toBe(true);
    expect(await stillEqual(app)).toBe(true);
    app.ctx.close();
  });
});

describe('signed reviews against other channels', () => {
  it('a bundle signed by another registered judge for Zhang Wei’s package is refused and changes nothing', async () => {
    const app = openTestApp();
    const works = await ok<CampaignSummary>(app.dispatch('demo:load', {}));
    const dir = path.join(app.dataDir, 'sample-bundles');
    const files = fs.readdirSync(dir).map((f) => ({ fileName: f, contentBase64: fs.readFileSync(path.join(dir, f)).toString('base64') }));
    await ok(app.dispatch('bundle:merge', { campaignId: works.id, files }));
    const { judges } = await ok<{ judges: Judge[] }>(app.dispatch('judge:list', { campaignId: works.id }));
    const zhang = judges.find((j) => j.name === 'Zhang Wei')!;
    // A judge registered by key card whose key the rogue holds.
    const rogue = generateIdentity();
    const card = createKeyCard(rogue.privateKey, { name: '同谋评委', institution: null });
    await ok(app.dispatch('judge:registerKeyCard', { campaignId: works.id, card: { fileName: 'k.kepukey', contentBase64: card.toString('base64') } }));
    const pkg = app.ctx.db.prepare(`SELECT package_id, max(revision) AS revision FROM bundles WHERE judge_id = ? AND status = 'accepted'`).get(zhang.id) as { package_id: string; revision: number };
    const entries = app.ctx.db.prepare('SELECT e.id, e.reg_no FROM issued_package_entries ipe JOIN entries e ON e.id = ipe.entry_id WHERE ipe.package_id = ?').all(pkg.package_id) as { id: number; reg_no: string }[];
    const before = JSON.stringify(app.ctx.db.prepare('SELECT * FROM scores ORDER BY 1, 2, 3').all());
    const payload: BundlePayload = {
      v: 1, kind: 'kepu.bundle', packageId: pkg.package_id, campaignId: works.id, judgeKeyId: rogue.keyId, revision: pkg.revision + 1, createdAt: new Date().toISOString(),
      entries: entries.map((e) => ({ entryId: e.id, regNo: e.reg_no, scores: { content: 0 }, eligibility: {}, conflict: null, comment: '', complete: false, revision: 50 })),
    };
    const report = await ok<{ files: { status: string; error?: { code: string } }[] }>(
      app.dispatch('bundle:merge', { campaignId: works.id, files: [{ fileName: 'x.kepubundle', contentBase64: writeBundle(payload, rogue.privateKey).toString('base64') }] }),
    );
    expect(report.files[0]).toMatchObject({ status: 'rejected', error: { code: 'BUNDLE_WRONG_PACKAGE' } });
    expect(JSON.stringify(app.ctx.db.prepare('SELECT * FROM scores ORDER BY 1, 2, 3').all())).toBe(before);

    // assignment:set removing Zhang from an entry he signed.
    const queue = await ok<Queue>(app.dispatch('review:queue', { campaignId: works.id, judgeId: zhang.id }));
    const signedEntry = queue.rows.find((r) => r.total !== null)!.entryId;
    const removal = await app.dispatch('assignment:set', { campaignId: works.id, entryId: signedEntry, judgeId: zhang.id, assigned: false });
    expect(removal).toMatchObject({ ok: false, error: { code: 'ASSIGNMENT_STARTED' } });
    expect(JSON.stringify(app.ctx.db.prepare('SELECT * FROM scores ORDER BY 1, 2, 3').all())).toBe(before);
    app.ctx.close();
  });
});
