// Judge side, issue 11: a campaign opened from a package is pinned to its coordinator's key, and a
// re-issued package of the same coordinator updates it. Real packages (signed, with media) opened
// through the same handlers both shells use, into a real data folder.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CampaignDetail, ExportFile } from '../../../src-main/contract';
import { readBundle } from '../../../src-main/core/exchange/bundle';
import type { PackageManifest } from '../../../src-main/core/exchange/package-manifest';
import { writePackage } from '../../../src-main/core/exchange/package-write';
import { generateIdentity, type Identity } from '../../../src-main/core/keys/identity';
import { sha256File } from '../../../src-main/core/media/hash';
import { packageMediaFolder } from '../../../src-main/core/packages/package-media';
import { ok, openTestApp, tempDir } from '../../helpers';
import { packageManifest, sampleMedia, type SampleMedia } from './samples';

const coordinator = generateIdentity();
const rogue = generateIdentity();
const FINGERPRINT = /^[A-Z2-7]{4}(-[A-Z2-7]{4}){4}$/;

type OpenResult = {
  campaignId: string;
  judgeId: string;
  entries: number;
  outcome: string;
  alreadyOpen: boolean;
  separateCampaign: boolean;
  added: number;
  withdrawn: { regNo: string; title: string; scores: Record<string, number> }[];
  coordinatorFingerprint: string;
};

const apps: ReturnType<typeof openTestApp>[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) {
    app.ctx.close();
    fs.rmSync(app.dataDir, { recursive: true, force: true });
  }
});

async function judgeApp() {
  const app = openTestApp();
  apps.push(app);
  await ok(app.dispatch('identity:create', { name: '王评委', passphrase: 'judge passphrase' }));
  return app;
}

async function write(manifest: PackageManifest, signer: Identity, media: SampleMedia[]): Promise<string> {
  const file = path.join(tempDir(), `${manifest.packageId}.kepupkg`);
  const included = new Map(media.map((m) => [m.sha256, m.path]));
  const wanted = new Set(manifest.entries.flatMap((e) => e.assets.filter((a) => a.included).map((a) => a.sha256)));
  await writePackage(manifest, [...wanted].map((sha256) => ({ sha256, path: included.get(sha256)! })), file, signer.privateKey);
  return file;
}

/** Every file and folder under the data folder's package area, relative. */
function packagesTree(dataDir: string): string[] {
  const root = path.join(dataDir, 'packages');
  return fs.existsSync(root) ? fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).sort() : [];
}

function regNos(app: ReturnType<typeof openTestApp>, campaignId: string): string[] {
  return app.ctx.db.prepare('SELECT reg_no FROM entries WHERE campaign_id = ? ORDER BY reg_no').pluck().all(campaignId) as string[];
}

async function exportedBundle(app: ReturnType<typeof openTestApp>, campaignId: string) {
  const file = await ok<ExportFile & { revision: number }>(app.dispatch('bundle:export', { campaignId }));
  return readBundle(Buffer.from(file.contentBase64, 'base64')).payload;
}

function localEntryId(app: ReturnType<typeof openTestApp>, campaignId: string, regNo: string): number {
  return app.ctx.db.prepare('SELECT id FROM entries WHERE campaign_id = ? AND reg_no = ?').pluck().get(campaignId, regNo) as number;
}

/** A package of the rogue key for the same campaign id, with entries of its own. */
function roguePackage(media: SampleMedia[]): PackageManifest {
  const base = packageManifest(rogue, media, true);
  return {
    ...base,
    packageId: 'pkg-rogue',
    createdAt: '2023-12-27T01:00:00.000Z',
    entries: base.entries.map((e, i) => ({ ...e, entryId: 900 + i, regNo: `SC-2023-9${i}`, title: `假作品 ${i}` })),
  };
}

describe('a campaign opened from a package is pinned to the coordinator key', () => {
  it('refuses a package for that campaign signed by another key, naming both fingerprints, and writes nothing', async () => {
    const media = await sampleMedia();
    const judge = await judgeApp();
    const real = await ok<OpenResult>(judge.dispatch('package:open', { path: await write(packageManifest(coordinator, media, true), coordinator, media) }));
    expect(real).toMatchObject({ campaignId: 'sichuan-2023', outcome: 'opened', separateCampaign: false });
    const before = packagesTree(judge.dataDir);

    const refused = await judge.dispatch('package:open', { path: await write(roguePackage(media), rogue, media) });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'PACKAGE_COORDINATOR_CHANGED', params: { pinnedFingerprint: coordinator.fingerprint, packageFingerprint: rogue.fingerprint } },
    });
    const params = (refused as { error: { params: Record<string, string> } }).error.params;
    expect(params.pinnedFingerprint).toMatch(FINGERPRINT);
    expect(params.packageFingerprint).toMatch(FINGERPRINT);
    // Nothing joined the real campaign, no other campaign appeared, no folder was left behind.
    expect(regNos(judge, 'sichuan-2023')).toEqual(['SC-2023-001', 'SC-2023-002']);
    expect(judge.ctx.db.prepare('SELECT count(*) FROM campaigns').pluck().get()).toBe(1);
    expect(packagesTree(judge.dataDir)).toEqual(before);
    // The next bundle still answers the coordinator's package.
    const bundle = await exportedBundle(judge, 'sichuan-2023');
    expect(bundle).toMatchObject({ packageId: 'pkg-2023-judge-1', campaignId: 'sichuan-2023' });
    expect(bundle.entries.map((e) => e.regNo)).toEqual(['SC-2023-001', 'SC-2023-002']);
  });

  it('opens it as a separate campaign only when the judge confirms the fingerprint they were shown', async () => {
    const media = await sampleMedia();
    const judge = await judgeApp();
    await ok(judge.dispatch('package:open', { path: await write(packageManifest(coordinator, media, true), coordinator, media) }));
    const realEntry = localEntryId(judge, 'sichuan-2023', 'SC-2023-001');
    await ok(judge.dispatch('review:score', { campaignId: 'sichuan-2023', judgeId: 'judge-1', entryId: realEntry, dimension: 'content', value: 8 }));
    const rogueFile = await write(roguePackage(media), rogue, media);

    // A confirmation for another key (what the judge saw for a different file) is not a confirmation.
    const wrongKey = await judge.dispatch('package:open', { path: rogueFile, openAsSeparateCampaign: { packageFingerprint: coordinator.fingerprint } });
    expect(wrongKey).toMatchObject({ ok: false, error: { code: 'PACKAGE_COORDINATOR_CHANGED' } });

    const separate = await ok<OpenResult>(judge.dispatch('package:open', { path: rogueFile, openAsSeparateCampaign: { packageFingerprint: rogue.fingerprint } }));
    expect(separate).toMatchObject({ outcome: 'opened', separateCampaign: true, coordinatorFingerprint: rogue.fingerprint });
    expect(separate.campaignId).not.toBe('sichuan-2023');
    // The two campaigns share no entry, and the real one keeps its entries and scores.
    expect(regNos(judge, separate.campaignId)).toEqual(['SC-2023-90', 'SC-2023-91']);
    expect(regNos(judge, 'sichuan-2023')).toEqual(['SC-2023-001', 'SC-2023-002']);
    const detail = await ok<CampaignDetail>(judge.dispatch('campaign:get', { campaignId: separate.campaignId }));
    expect(detail.name['zh-CN']).toContain(rogue.fingerprint);
    expect(judge.ctx.db.prepare('SELECT count(*) FROM scores WHERE entry_id = ?').pluck().get(realEntry)).toBe(1);
    // Each campaign's bundle answers its own package, in the coordinator's terms.
    expect(await exportedBundle(judge, separate.campaignId)).toMatchObject({ campaignId: 'sichuan-2023', packageId: 'pkg-rogue' });
    const realBundle = await exportedBundle(judge, 'sichuan-2023');
    expect(realBundle).toMatchObject({ packageId: 'pkg-2023-judge-1' });
    expect(realBundle.entries.map((e) => e.entryId)).toEqual([11, 12]);
    // The separate campaign is pinned to its own key: the same file again is simply already open.
    expect(await ok<OpenResult>(judge.dispatch('package:open', { path: rogueFile }))).toMatchObject({ outcome: 'alreadyOpen', campaignId: separate.campaignId });
  });

  it('never writes into a campaign of the same id created on this computer', async () => {
    const media = await sampleMedia();
    const judge = await judgeApp();
    const template = judge.ctx.templates.get('sichuan-influence-2023');
    judge.ctx.campaigns.create(template.id, template.definition, undefined, 'sichuan-2023');
    judge.ctx.entries.insertMany('sichuan-2023', template.definition.deadline, [
      { regNo: 'SC-2023-001', kind: 'work', category: 'video', title: '本机条目', entrantType: 'unit', entrantName: '本机', entrantUnit: null, contactPhone: null, contactEmail: null, reason: null, fields: {}, submittedAt: null },
    ]);
    const opened = await ok<OpenResult>(judge.dispatch('package:open', { path: await write(packageManifest(coordinator, media, true), coordinator, media) }));
    expect(opened).toMatchObject({ outcome: 'opened', separateCampaign: true });
    expect(regNos(judge, 'sichuan-2023')).toEqual(['SC-2023-001']);
    expect(regNos(judge, opened.campaignId)).toEqual(['SC-2023-001', 'SC-2023-002']);
  });
});

describe('a re-issued package of the same coordinator', () => {
  /** p1 assigns 001 and 002; p2 drops 002, renames 001 and adds 003 with two different "image.jpg". */
  async function twoPackages() {
    const media = await sampleMedia(['compliant.mp4', 'photo.jpg', 'article.txt', 'small.png']);
    const p1 = packageManifest(coordinator, media.slice(0, 3), true);
    const small = media[3];
    const photo = media[1];
    const image = (m: SampleMedia, assetId: number) => ({ assetId, role: 'image' as const, fileName: 'image.jpg', sizeBytes: m.sizeBytes, sha256: m.sha256, included: true });
    const p2: PackageManifest = {
      ...p1,
      packageId: 'pkg-2023-judge-1-b',
      createdAt: '2023-12-28T01:00:00.000Z',
      entries: [
        { ...p1.entries[0], title: '洗手的学问(修订)' },
        { ...p1.entries[1], entryId: 13, regNo: 'SC-2023-003', title: '同名图片', assets: [image(photo, 300), image(small, 301)] },
      ],
    };
    return { media, p1, p2, files: { p1: await write(p1, coordinator, media), p2: await write(p2, coordinator, media) } };
  }

  it('keeps scores, adds the new entry, leaves the dropped one read-only and out of the next bundle, revisions going on', async () => {
    const { files } = await twoPackages();
    const judge = await judgeApp();
    await ok(judge.dispatch('package:open', { path: files.p1 }));
    const ref = (regNo: string) => ({ campaignId: 'sichuan-2023', judgeId: 'judge-1', entryId: localEntryId(judge, 'sichuan-2023', regNo) });
    for (const [dimension, value] of [['content', 8], ['creativity', 7], ['communication', 9]] as const) await ok(judge.dispatch('review:score', { ...ref('SC-2023-001'), dimension, value }));
    await ok(judge.dispatch('review:comment', { ...ref('SC-2023-002'), body: '已看完一半' }));
    await ok(judge.dispatch('review:score', { ...ref('SC-2023-002'), dimension: 'content', value: 6 }));
    expect((await exportedBundle(judge, 'sichuan-2023')).revision).toBe(1);

    const updated = await ok<OpenResult>(judge.dispatch('package:open', { path: files.p2 }));
    expect(updated).toMatchObject({ campaignId: 'sichuan-2023', outcome: 'updated', alreadyOpen: false, added: 1, entries: 2 });
    expect(updated.withdrawn).toEqual([{ entryId: ref('SC-2023-002').entryId, regNo: 'SC-2023-002', title: 'HPV 疫苗问答', scores: { content: 6 } }]);

    // Scores kept on the same local entry, its text refreshed; the new entry is in the queue.
    const state = await ok<{ title: string; scores: Record<string, { value: number }> }>(judge.dispatch('review:get', ref('SC-2023-001')));
    expect(state.title).toBe('洗手的学问(修订)');
    expect(state.scores.content.value).toBe(8);
    const queue = await ok<{ rows: { regNo: string }[] }>(judge.dispatch('review:queue', { campaignId: 'sichuan-2023', judgeId: 'judge-1' }));
    expect(queue.rows.map((r) => r.regNo)).toEqual(['SC-2023-001', 'SC-2023-003']);

    // The dropped entry: its saved work is kept, nothing can change it, the campaign lists it.
    expect(await judge.dispatch('review:score', { ...ref('SC-2023-002'), dimension: 'content', value: 9 })).toMatchObject({ ok: false, error: { code: 'NOT_ASSIGNED' } });
    expect(judge.ctx.db.prepare('SELECT value FROM scores WHERE entry_id = ?').pluck().get(ref('SC-2023-002').entryId)).toBe(6);
    expect(judge.ctx.db.prepare('SELECT body FROM comments WHERE entry_id = ?').pluck().get(ref('SC-2023-002').entryId)).toBe('已看完一半');
    const detail = await ok<CampaignDetail>(judge.dispatch('campaign:get', { campaignId: 'sichuan-2023' }));
    expect(detail.openedPackage).toMatchObject({ lastRevision: 1, withdrawn: [{ regNo: 'SC-2023-002' }] });

    // The next bundle answers the newest package, continues the revisions, and leaves 002 out.
    const bundle = await exportedBundle(judge, 'sichuan-2023');
    expect(bundle).toMatchObject({ packageId: 'pkg-2023-judge-1-b', revision: 2 });
    expect(bundle.entries.map((e) => [e.regNo, e.entryId])).toEqual([['SC-2023-001', 11], ['SC-2023-003', 13]]);
    expect(bundle.entries[0].scores).toEqual({ content: 8, creativity: 7, communication: 9 });
  });

  it('opens two different media files with the same name in one entry, each under its own path', async () => {
    const { files, media } = await twoPackages();
    const judge = await judgeApp();
    await ok(judge.dispatch('package:open', { path: files.p1 }));
    await ok(judge.dispatch('package:open', { path: files.p2 }));
    const rows = judge.ctx.db
      .prepare('SELECT a.path, a.sha256 FROM assets a JOIN entries e ON e.id = a.entry_id WHERE e.reg_no = ? ORDER BY a.position')
      .all('SC-2023-003') as { path: string; sha256: string }[];
    expect(rows.map((r) => r.sha256)).toEqual([media[1].sha256, media[3].sha256]);
    expect(new Set(rows.map((r) => r.path)).size).toBe(2);
    for (const r of rows) {
      expect(path.basename(r.path)).toBe('image.jpg');
      expect(await sha256File(r.path)).toBe(r.sha256);
    }
  });

  it('is harmless opened twice, and an older package is refused; neither leaves a folder behind', async () => {
    const { files, p1 } = await twoPackages();
    const judge = await judgeApp();
    await ok(judge.dispatch('package:open', { path: files.p1 }));
    await ok(judge.dispatch('package:open', { path: files.p2 }));
    const count = (table: string) => judge.ctx.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
    const snapshot = () => ({ tree: packagesTree(judge.dataDir), entries: count('entries'), assets: count('assets'), packages: count('opened_packages'), links: count('opened_package_entries') });
    const before = snapshot();
    expect(before.tree.filter((f) => !f.includes(path.sep))).toHaveLength(1); // one folder for the campaign

    expect(await ok<OpenResult>(judge.dispatch('package:open', { path: files.p2 }))).toMatchObject({ outcome: 'alreadyOpen', alreadyOpen: true, added: 0 });
    // The first package again: already open, and it does not take the campaign back.
    expect(await ok<OpenResult>(judge.dispatch('package:open', { path: files.p1 }))).toMatchObject({ outcome: 'alreadyOpen' });
    const older = await write({ ...p1, packageId: 'pkg-2023-judge-1-old', createdAt: '2023-12-20T01:00:00.000+08:00' }, coordinator, await sampleMedia());
    expect(await judge.dispatch('package:open', { path: older })).toMatchObject({
      ok: false,
      error: { code: 'PACKAGE_OUTDATED', params: { issued: '2023-12-19 17:00 UTC', current: '2023-12-28 01:00 UTC' } },
    });
    expect(snapshot()).toEqual(before);
    expect((await exportedBundle(judge, 'sichuan-2023')).packageId).toBe('pkg-2023-judge-1-b');
  });

  it('removes what it extracted when the database step fails', async () => {
    const { files } = await twoPackages();
    const judge = await judgeApp();
    // A file where the entry's media folder should go makes linking fail after extraction.
    const media = path.join(packageMediaFolder(path.join(judge.dataDir, 'packages'), 'sichuan-2023'), 'media');
    fs.mkdirSync(media, { recursive: true });
    fs.writeFileSync(path.join(media, 'SC-2023-002'), 'in the way');
    const before = packagesTree(judge.dataDir);
    expect(await judge.dispatch('package:open', { path: files.p1 })).toMatchObject({ ok: false });
    expect(packagesTree(judge.dataDir)).toEqual(before);
    expect(judge.ctx.db.prepare('SELECT count(*) FROM campaigns').pluck().get()).toBe(0);
  });
});
