// Packages carry the definition version they were issued with, and a returning bundle is checked
// against it (issue 12): a bundle answering an older version merges when everything it scores still
// exists on the same scale, and the report says so; otherwise it is refused with
// BUNDLE_DEFINITION_CHANGED. Real signed packages and bundles, real SQLite, two data folders for
// the round trip. Packages and bundles written before versions were numbered still open and merge.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CampaignDefinition, CampaignSummary, MergeReport, RankingSummary } from '../../../src-main/contract';
import { runAssignment } from '../../../src-main/core/assignment/run-assignment';
import { readBundle } from '../../../src-main/core/exchange/bundle';
import { writePackage } from '../../../src-main/core/exchange/package-write';
import { openPackage } from '../../../src-main/core/exchange/package-open';
import { generateIdentity } from '../../../src-main/core/keys/identity';
import { createKeyCard } from '../../../src-main/core/keys/key-card';
import { exchangeBundleReader, mergeBundleFiles } from '../../../src-main/core/merge/merge-bundles';
import { exportBundle } from '../../../src-main/core/packages/export-bundle';
import { issuePackage } from '../../../src-main/core/packages/issue-package';
import { openPackageFile } from '../../../src-main/core/packages/open-package';
import { currentOpenedPackage } from '../../../src-main/core/packages/package-pin';
import { registerKeyCard } from '../../../src-main/core/packages/register-judge';
import { ok, openTestApp, tempDir } from '../../helpers';
import { packageManifest, sampleMedia } from './samples';

type App = ReturnType<typeof openTestApp>;

/** The first list's rubric changed by `change` (the influence list of the sample campaign). */
function withRubric(def: CampaignDefinition, change: (rubric: CampaignDefinition['lists'][number]['rubric']) => CampaignDefinition['lists'][number]['rubric']): CampaignDefinition {
  const [first, ...rest] = def.lists;
  return { ...def, lists: [{ ...first, rubric: change(first.rubric) }, ...rest] };
}

/** The sample campaign, its judges' packages issued at version 1, nothing merged yet. */
async function sampleBeforeMerge() {
  const app = openTestApp();
  const works = await ok<CampaignSummary>(app.dispatch('demo:load', {}));
  const dir = path.join(app.dataDir, 'sample-bundles');
  const files = fs.readdirSync(dir).sort().map((f) => ({ fileName: f, contentBase64: fs.readFileSync(path.join(dir, f)).toString('base64') }));
  return { ...app, works, files };
}

const scoreCount = (app: App, campaignId: string) =>
  app.ctx.db.prepare('SELECT count(*) FROM scores s JOIN entries e ON e.id = s.entry_id WHERE e.campaign_id = ?').pluck().get(campaignId) as number;

describe('definition versions across packages and bundles', () => {
  it('issues packages with the current version and merges bundles of an older version that still fit, saying so', async () => {
    const app = await sampleBeforeMerge();
    const id = app.works.id;
    expect(new Set(app.ctx.db.prepare('SELECT definition_version FROM issued_packages WHERE campaign_id = ?').pluck().all(id))).toEqual(new Set([1]));
    const bundle = readBundle(Buffer.from(app.files[0].contentBase64, 'base64')).payload;
    expect(bundle.definitionVersion).toBe(1);

    // Version 2 only reweights the rubric: every score of a version-1 bundle stays valid.
    const def = app.ctx.campaigns.definition(id);
    const reweighted = withRubric(def, (rubric) => rubric.map((d, i) => ({ ...d, weight: i === 0 ? 0.5 : 0.25 })));
    expect(await ok(app.dispatch('campaign:updateDefinition', { campaignId: id, definition: reweighted, reason: '权重调整' }))).toEqual({ version: 2 });

    const before = scoreCount(app, id);
    const report = await ok<MergeReport>(app.dispatch('bundle:merge', { campaignId: id, files: app.files }));
    expect(report.files.map((f) => f.status)).not.toContain('rejected');
    expect(report.files.filter((f) => f.status === 'accepted')).toHaveLength(app.files.length);
    for (const f of report.files) expect(f.definitionVersion, f.fileName).toEqual({ answered: 1, current: 2 });
    // Every score the bundles carry was merged: one per judge, entry and dimension (a judge's second
    // revision replaces the first, it adds no rows).
    const carried = new Set<string>();
    for (const f of app.files) {
      const { payload } = readBundle(Buffer.from(f.contentBase64, 'base64'));
      for (const e of payload.entries) for (const dim of Object.keys(e.scores)) carried.add(`${payload.judgeKeyId}/${e.entryId}/${dim}`);
    }
    expect(carried.size).toBeGreaterThan(0);
    expect(scoreCount(app, id) - before).toBe(carried.size);
    // A package issued now carries version 2.
    const judgeId = app.ctx.db.prepare('SELECT judge_id FROM issued_packages WHERE campaign_id = ? LIMIT 1').pluck().get(id) as string;
    const issued = await issuePackage(app.ctx, { campaignId: id, judgeId, withMedia: false, outPath: path.join(tempDir(), 'v2.kepupkg'), coordinator: { privateKey: generateIdentity().privateKey, name: '组委会' } });
    expect(issued.definitionVersion).toBe(2);
    expect(app.ctx.db.prepare('SELECT definition_version FROM issued_packages WHERE id = ?').pluck().get(issued.packageId)).toBe(2);
    expect((await openPackage(issued.file, { targetDir: tempDir(), admit: () => null })).manifest.definitionVersion).toBe(2);
    app.ctx.close();
  });

  it('refuses a bundle of an older version that scores a dimension removed or rescaled since, naming it and both versions', async () => {
    for (const [what, change] of [
      ['removed', (rubric) => rubric.filter((d) => d.key !== 'creativity').map((d) => ({ ...d, weight: 0.5 }))],
      ['rescaled', (rubric) => rubric.map((d) => (d.key === 'creativity' ? { ...d, scale: { min: 0, max: 5, step: 0.5 }, anchors: [] } : d))],
    ] as const satisfies readonly [string, Parameters<typeof withRubric>[1]][]) {
      const app = await sampleBeforeMerge();
      const id = app.works.id;
      // Nothing is scored yet, so this is an ordinary save.
      await ok(app.dispatch('campaign:updateDefinition', { campaignId: id, definition: withRubric(app.ctx.campaigns.definition(id), change) }));
      const report = await ok<MergeReport>(app.dispatch('bundle:merge', { campaignId: id, files: app.files }));
      for (const f of report.files) {
        expect(f, `${what}: ${f.fileName}`).toMatchObject({ status: 'rejected', definitionVersion: null, error: { code: 'BUNDLE_DEFINITION_CHANGED', params: { key: 'creativity', answered: 1, current: 2 } } });
      }
      expect(scoreCount(app, id), what).toBe(0);
      app.ctx.close();
    }
  });

  it('round trip: scores set aside by a new version survive the judge’s next bundle, which needs the new package', async () => {
    const coordinator = openTestApp();
    const works = await ok<CampaignSummary>(coordinator.dispatch('demo:load', {}));
    const id = works.id;
    const coordinatorKey = generateIdentity();
    const judgeKey = generateIdentity();
    const { judgeId } = registerKeyCard(coordinator.ctx.db, id, createKeyCard(judgeKey.privateKey, { name: '林晓', institution: '重庆医科大学' }));
    coordinator.ctx.db.prepare('DELETE FROM assignments').run();
    runAssignment(coordinator.ctx, id, { seed: 'versions' });
    const issue = (name: string) =>
      issuePackage(coordinator.ctx, { campaignId: id, judgeId, withMedia: false, outPath: path.join(tempDir(), name), coordinator: { privateKey: coordinatorKey.privateKey, name: '组委会' } });
    const merge = async (bytes: Buffer) => (await mergeBundleFiles({ ...coordinator.ctx, reader: exchangeBundleReader() }, id, [{ fileName: 'b.kepubundle', bytes }]))[0];

    // Version 1: the judge scores an influence-list entry on all three dimensions.
    const first = await issue('v1.kepupkg');
    expect(first.definitionVersion).toBe(1);
    const judge = openTestApp();
    const open = (file: string) => openPackageFile(judge.ctx, file, { packagesRoot: path.join(judge.dataDir, 'packages') });
    const opened = await open(first.file);
    const entry = judge.ctx.reviews.queue(id, opened.judgeId).rows.find((r) => r.kind !== 'brand')!;
    const ref = { campaignId: id, judgeId: opened.judgeId, entryId: entry.entryId };
    for (const [dimension, value] of [['content', 8], ['creativity', 7], ['communication', 9]] as const) judge.ctx.reviews.setScore(ref, dimension, value);
    const bundle = () => exportBundle(judge.ctx.db, currentOpenedPackage(judge.ctx.db, id)!.id, judgeKey.privateKey);
    const r1 = bundle();
    expect(readBundle(r1.bytes).payload.definitionVersion).toBe(1);
    const cacheBefore = coordinator.ctx.db.pragma('cache_size', { simple: true });
    expect(await merge(r1.bytes)).toMatchObject({ status: 'accepted', definitionVersion: { answered: 1, current: 1 } });
    // The merge's larger page cache is given back (merge-bundles.ts MERGE_CACHE_KIB).
    expect(coordinator.ctx.db.pragma('cache_size', { simple: true })).toBe(cacheBefore);
    const remoteId = coordinator.ctx.db.prepare('SELECT id FROM entries WHERE campaign_id = ? AND reg_no = ?').pluck().get(id, entry.regNo) as number;
    const creativityRow = () => coordinator.ctx.db.prepare(`SELECT * FROM scores WHERE entry_id = ? AND judge_id = ? AND dimension_key = 'creativity'`).get(remoteId, judgeId);
    const kept = creativityRow();
    expect(kept).toMatchObject({ value: 7 });

    // Version 2 removes creativity as a new version.
    const def = coordinator.ctx.campaigns.definition(id);
    const statement = 'Creativity is no longer scored; its scores are kept for reference.';
    await ok(coordinator.dispatch('campaign:updateDefinition', {
      campaignId: id,
      definition: withRubric(def, (rubric) => rubric.filter((d) => d.key !== 'creativity').map((d) => ({ ...d, weight: 0.5 }))),
      newVersion: { statement },
    }));

    // The judge, still on version 1, changes a score and sends again: refused, nothing changes.
    judge.ctx.reviews.setScore(ref, 'content', 6);
    const r2 = bundle();
    expect(await merge(r2.bytes)).toMatchObject({ status: 'rejected', code: 'BUNDLE_DEFINITION_CHANGED', params: { key: 'creativity', answered: 1, current: 2 } });
    expect(coordinator.ctx.db.prepare(`SELECT value FROM scores WHERE entry_id = ? AND judge_id = ? AND dimension_key = 'content'`).pluck().get(remoteId, judgeId)).toBe(8);

    // A new package at version 2: the judge's campaign follows the definition, the next bundle
    // leaves creativity out (kept on the judge's computer) and merges.
    const second = await issue('v2.kepupkg');
    expect(second.definitionVersion).toBe(2);
    expect(await open(second.file)).toMatchObject({ outcome: 'updated' });
    expect(judge.ctx.campaigns.definition(id).lists[0].rubric.map((d) => d.key)).toEqual(['content', 'communication']);
    expect(judge.ctx.db.prepare(`SELECT value FROM scores WHERE entry_id = ? AND dimension_key = 'creativity'`).pluck().get(entry.entryId)).toBe(7);
    const r3 = bundle();
    const payload = readBundle(r3.bytes).payload;
    expect(payload.definitionVersion).toBe(2);
    expect(payload.entries.find((e) => e.regNo === entry.regNo)!.scores).toEqual({ content: 6, communication: 9 });
    expect(await merge(r3.bytes)).toMatchObject({ status: 'accepted', revision: r3.revision, definitionVersion: { answered: 2, current: 2 } });
    expect(coordinator.ctx.db.prepare(`SELECT value FROM scores WHERE entry_id = ? AND judge_id = ? AND dimension_key = 'content'`).pluck().get(remoteId, judgeId)).toBe(6);
    // The set-aside score was not cleared by the judge's newer review.
    expect(creativityRow()).toEqual(kept);
    const summary = await ok<RankingSummary>(coordinator.dispatch('ranking:summary', { campaignId: id, refresh: true }));
    expect(summary.setAside).toMatchObject({ scores: 1, dimensions: [{ key: 'creativity', scores: 1, since: { version: 2, statement } }] });
    judge.ctx.close();
    coordinator.ctx.close();
  });

  it('opens a package written before versions were numbered, and its bundle carries no version', async () => {
    const coordinatorKey = generateIdentity();
    const media = await sampleMedia();
    const manifest = packageManifest(coordinatorKey, media, false);
    expect('definitionVersion' in manifest).toBe(false);
    const file = path.join(tempDir(), 'old.kepupkg');
    await writePackage(manifest, [], file, coordinatorKey.privateKey);
    const judge = openTestApp();
    const opened = await openPackageFile(judge.ctx, file, { packagesRoot: path.join(judge.dataDir, 'packages') });
    expect(opened).toMatchObject({ outcome: 'opened', entries: 2 });
    const judgeKey = generateIdentity();
    const exported = exportBundle(judge.ctx.db, currentOpenedPackage(judge.ctx.db, opened.campaignId)!.id, judgeKey.privateKey);
    const payload = readBundle(exported.bytes).payload;
    expect('definitionVersion' in payload).toBe(false);
    expect(payload.packageId).toBe(manifest.packageId);
    judge.ctx.close();
  });
});
