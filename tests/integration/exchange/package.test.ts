import fs from 'node:fs';
import path from 'node:path';
import yauzl from 'yauzl';
import { describe, expect, it } from 'vitest';
import { KepuError } from '../../../src-main/core/errors';
import { canonicalJsonBytes } from '../../../src-main/core/files/canonical-json';
import { encodeEnvelope, signEnvelope } from '../../../src-main/core/exchange/dsse';
import { mediaMemberName, PACKAGE_PAYLOAD_TYPE } from '../../../src-main/core/exchange/package-manifest';
import { openPackage } from '../../../src-main/core/exchange/package-open';
import { writePackage } from '../../../src-main/core/exchange/package-write';
import { sha256File } from '../../../src-main/core/media/hash';
import { generateIdentity } from '../../../src-main/core/keys/identity';
import { tempDir } from '../../helpers';
import { craftZip, type CraftedMember } from './craft-zip';
import { packageManifest, refusalAsync, sampleMedia } from './samples';

const coordinator = generateIdentity();

/** Lists everything under `dir`, relative, so "nothing left behind" is one assertion. */
function tree(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

async function writeSample(included = true) {
  const media = await sampleMedia();
  const manifest = packageManifest(coordinator, media, included);
  const file = path.join(tempDir(), 'judge-1.kepupkg');
  const written = await writePackage(manifest, included ? media.map((m) => ({ sha256: m.sha256, path: m.path })) : [], file, coordinator.privateKey);
  return { media, manifest, file, written };
}

function signedManifest(manifest: object): Buffer {
  return encodeEnvelope(signEnvelope(PACKAGE_PAYLOAD_TYPE, canonicalJsonBytes(manifest), coordinator.privateKey, coordinator.keyId));
}

async function openCrafted(members: CraftedMember[], options: { maxMemberBytes?: number; maxMembers?: number } = {}) {
  const dir = tempDir();
  const file = path.join(dir, 'crafted.kepupkg');
  fs.writeFileSync(file, craftZip(members));
  const targetDir = path.join(dir, 'target');
  fs.mkdirSync(targetDir);
  const error = await refusalAsync(() => openPackage(file, { targetDir, ...options }));
  return { error, left: tree(targetDir), outside: tree(dir).filter((f) => f !== 'crafted.kepupkg' && f !== 'target') };
}

describe('review packages', () => {
  it('round-trip: the judge opens what the coordinator wrote, media extracted by hash and verified', async () => {
    const { media, manifest, file, written } = await writeSample();
    expect(written.members).toBe(4);
    const targetDir = path.join(tempDir(), 'judge-data', 'packages', 'pkg-1');
    const opened = await openPackage(file, { targetDir });
    expect(opened.manifest).toEqual(manifest);
    expect(opened.coordinatorKeyId).toBe(coordinator.keyId);
    expect(opened.coordinatorFingerprint).toBe(coordinator.fingerprint);
    expect(opened.mediaDir).toBe(path.join(targetDir, 'media'));
    expect(opened.media.map((m) => m.sha256).sort()).toEqual(media.map((m) => m.sha256).sort());
    for (const m of media) {
      const extracted = path.join(opened.mediaDir, path.basename(mediaMemberName(m.sha256, m.fileName)));
      expect(await sha256File(extracted)).toBe(m.sha256);
    }
    expect(tree(targetDir)).toEqual(['media', ...media.map((m) => path.join('media', path.basename(mediaMemberName(m.sha256, m.fileName))))].sort());
  });

  it('store the manifest first and each media file once, all uncompressed', async () => {
    const { file } = await writeSample();
    const zip = await yauzl.openPromise(file, { lazyEntries: true });
    const entries: { name: string; method: number }[] = [];
    for await (const entry of zip.eachEntry()) entries.push({ name: entry.fileName, method: entry.compressionMethod });
    zip.close();
    expect(entries[0]).toEqual({ name: 'manifest.json', method: 0 });
    expect(entries.slice(1).every((e) => /^media\/[0-9a-f]{64}\.(mp4|jpg|txt)$/.test(e.name) && e.method === 0)).toBe(true);
    expect(entries).toHaveLength(4);
  });

  it('open without media when the package was exported without them', async () => {
    const { file } = await writeSample(false);
    const targetDir = path.join(tempDir(), 'target');
    const opened = await openPackage(file, { targetDir });
    expect(opened.media).toEqual([]);
    expect(opened.manifest.entries[0].assets.every((a) => !a.included)).toBe(true);
    expect(fs.existsSync(targetDir)).toBe(false);
  });

  it('are rejected when any single byte is changed, with nothing left behind', async () => {
    // Small media so that every byte of the file can be tried.
    const media = await sampleMedia(['article.txt', 'text-renamed.mp4']);
    const dir = tempDir();
    const file = path.join(dir, 'small.kepupkg');
    await writePackage(packageManifest(coordinator, media, true), media.map((m) => ({ sha256: m.sha256, path: m.path })), file, coordinator.privateKey);
    const original = fs.readFileSync(file);
    const tampered = path.join(dir, 'tampered.kepupkg');
    const targetDir = path.join(dir, 'target');
    // Every byte of the container and the media; inside the manifest's data (an envelope, every
    // byte of which the bundle tests already try) every 16th byte, to keep the test quick.
    const manifestData = { start: 30 + 'manifest.json'.length, end: 30 + 'manifest.json'.length + original.readUInt32LE(18) };
    const positions = [...original.keys()].filter((i) => i < manifestData.start || i >= manifestData.end || (i - manifestData.start) % 16 === 0);
    expect(positions.length).toBeGreaterThan(1000);
    const accepted: number[] = [];
    const codes = new Set<string>();
    for (const i of positions) {
      const bytes = Buffer.from(original);
      bytes[i] ^= 0x01;
      fs.writeFileSync(tampered, bytes);
      try {
        await openPackage(tampered, { targetDir });
        accepted.push(i);
      } catch (error) {
        if (!(error instanceof KepuError)) throw new Error(`byte ${i}: ${(error as Error).message}`);
        codes.add(error.code);
      }
      expect(tree(targetDir), `byte ${i}`).toEqual([]);
    }
    expect(accepted).toEqual([]);
    // Flips in the manifest break its canonical form or its signature, flips in media their hash,
    // flips in headers the layout.
    expect([...codes].sort()).toEqual(['PACKAGE_HASH_MISMATCH', 'PACKAGE_MALFORMED', 'PACKAGE_SIGNATURE_INVALID']);
  }, 120_000);

  it('say PACKAGE_SIGNATURE_INVALID for a manifest changed after signing and PACKAGE_HASH_MISMATCH for a changed video', async () => {
    const { file, media } = await writeSample();
    const bytes = fs.readFileSync(file);
    // Rebuild the package with a manifest whose payload changed but kept its signature.
    const zip = await yauzl.openPromise(file, { lazyEntries: true });
    const members: CraftedMember[] = [];
    for await (const entry of zip.eachEntry()) {
      const stream = await zip.openReadStreamPromise(entry);
      const chunks: Buffer[] = [];
      for await (const c of stream) chunks.push(c as Buffer);
      members.push({ name: entry.fileName, data: Buffer.concat(chunks) });
    }
    zip.close();
    const envelope = JSON.parse(members[0].data.toString());
    const payload = JSON.parse(Buffer.from(envelope.payload, 'base64').toString());
    payload.entries[0].title = '被改过的标题';
    envelope.payload = canonicalJsonBytes(payload).toString('base64');
    const changedManifest = craftZip([{ ...members[0], data: encodeEnvelope(envelope) }, ...members.slice(1)]);
    const target = path.join(tempDir(), 'target');
    const changedFile = path.join(tempDir(), 'changed.kepupkg');
    fs.writeFileSync(changedFile, changedManifest);
    expect((await refusalAsync(() => openPackage(changedFile, { targetDir: target }))).code).toBe('PACKAGE_SIGNATURE_INVALID');

    // One byte in the middle of the stored video: the container is intact, the hash is not.
    const videoName = mediaMemberName(media[0].sha256, media[0].fileName);
    const at = bytes.indexOf(Buffer.from(videoName)) + videoName.length + 4000;
    const flipped = Buffer.from(bytes);
    flipped[at] ^= 0xff;
    fs.writeFileSync(changedFile, flipped);
    const error = await refusalAsync(() => openPackage(changedFile, { targetDir: target }));
    expect(error.code).toBe('PACKAGE_HASH_MISMATCH');
    expect(error.params.member).toBe(videoName);
    expect(tree(target)).toEqual([]);
  });

  it('are not written when a media file changed since it was hashed, leaving no partial file', async () => {
    const media = await sampleMedia();
    const dir = tempDir();
    const changed = path.join(dir, 'changed.mp4');
    const bytes = fs.readFileSync(media[0].path);
    bytes[bytes.length - 1] ^= 0xff; // same size, other bytes
    fs.writeFileSync(changed, bytes);
    const out = path.join(dir, 'out', 'judge-1.kepupkg');
    const files = media.map((m, i) => ({ sha256: m.sha256, path: i === 0 ? changed : m.path }));
    const error = await refusalAsync(() => writePackage(packageManifest(coordinator, media, true), files, out, coordinator.privateKey));
    expect(error.code).toBe('PACKAGE_HASH_MISMATCH');
    expect(error.params.member).toBe(changed);
    expect(tree(path.dirname(out))).toEqual([]);
    const gone = media.map((m, i) => ({ sha256: m.sha256, path: i === 0 ? path.join(dir, 'unplugged.mp4') : m.path }));
    const missing = await refusalAsync(() => writePackage(packageManifest(coordinator, media, true), gone, out, coordinator.privateKey));
    expect(missing.code).toBe('MEDIA_FILE_MISSING');
    expect(tree(path.dirname(out))).toEqual([]);
  });

  it('refuse a package signed by a coordinator the judge does not trust', async () => {
    const { file } = await writeSample();
    const error = await refusalAsync(() => openPackage(file, { targetDir: tempDir(), trustedCoordinatorKeyIds: [generateIdentity().keyId] }));
    expect(error.code).toBe('PACKAGE_UNTRUSTED_SIGNER');
    expect(error.params.fingerprint).toBe(coordinator.fingerprint);
  });

  it('refuse a file that is not a package at all', async () => {
    const dir = tempDir();
    const notZip = path.join(dir, 'video.kepupkg');
    fs.writeFileSync(notZip, 'this is not a zip file, only text');
    expect((await refusalAsync(() => openPackage(notZip, { targetDir: dir }))).code).toBe('PACKAGE_MALFORMED');
    expect((await refusalAsync(() => openPackage(path.join(dir, 'missing.kepupkg'), { targetDir: dir }))).code).toBe('PACKAGE_UNREADABLE');
    const { error } = await openCrafted([{ name: 'readme.txt', data: Buffer.from('hello') }]);
    expect(error.code).toBe('PACKAGE_MALFORMED');
  });
});

describe('hostile packages', () => {
  const manifest = async () => signedManifest(packageManifest(coordinator, await sampleMedia(['article.txt']), true));

  it('refuse a member named ../evil before extracting anything', async () => {
    const { error, left, outside } = await openCrafted([{ name: 'manifest.json', data: await manifest() }, { name: '../evil', data: Buffer.from('x') }]);
    expect(error.code).toBe('PACKAGE_UNSAFE_PATH');
    expect(error.params.member).toBe('../evil');
    expect(left).toEqual([]);
    expect(outside).toEqual([]);
  });

  it('refuse absolute names, backslashes, drive letters and names with .. in the middle', async () => {
    for (const name of ['/abs', '/etc/passwd', 'media\\..\\..\\evil', 'C:/evil', 'media/../../evil', 'media/./../../x']) {
      const { error, left } = await openCrafted([{ name: 'manifest.json', data: await manifest() }, { name, data: Buffer.from('x') }]);
      expect(error.code, name).toBe('PACKAGE_UNSAFE_PATH');
      expect(error.params.member).toBe(name);
      expect(left).toEqual([]);
    }
  });

  it('refuse a symlink member whatever its name', async () => {
    const article = (await sampleMedia(['article.txt']))[0];
    const name = mediaMemberName(article.sha256, article.fileName);
    const { error, left } = await openCrafted([{ name: 'manifest.json', data: await manifest() }, { name, data: Buffer.from('/etc/passwd'), mode: 0o120777 }]);
    expect(error.code).toBe('PACKAGE_UNSAFE_PATH');
    expect(error.message).toMatch(/symbolic link/);
    expect(left).toEqual([]);
  });

  it('refuse a member declared larger than the limit', async () => {
    const { error, left } = await openCrafted(
      [{ name: 'manifest.json', data: await manifest() }, { name: 'media/big.mp4', data: Buffer.alloc(100), declaredSize: 5000 }],
      { maxMemberBytes: 1000 },
    );
    expect(error.code).toBe('PACKAGE_MEMBER_TOO_LARGE');
    expect(error.params).toEqual({ member: 'media/big.mp4', limit: 1000 });
    expect(left).toEqual([]);
  });

  it('refuse a member whose data inflates to more than it declares, deleting what was extracted', async () => {
    const article = (await sampleMedia(['article.txt']))[0];
    const name = mediaMemberName(article.sha256, article.fileName);
    // Declares the article's size but inflates to 10 MB of zeros.
    const { error, left } = await openCrafted([
      { name: 'manifest.json', data: await manifest() },
      { name, data: Buffer.alloc(10 * 1024 * 1024), deflate: true, declaredSize: article.sizeBytes },
    ]);
    expect(error.code).toBe('PACKAGE_MEMBER_TOO_LARGE');
    expect(left).toEqual([]);
  });

  it('refuse too many members from the end record alone', async () => {
    const members = Array.from({ length: 6 }, (_, i) => ({ name: `media/${i}`, data: Buffer.from('x') }));
    const { error, left } = await openCrafted(members, { maxMembers: 5 });
    expect(error.code).toBe('PACKAGE_TOO_MANY_MEMBERS');
    expect(error.params).toEqual({ count: 6, limit: 5 });
    expect(left).toEqual([]);
  });

  it('refuse a media member the manifest does not list, and a listed one that is missing', async () => {
    const article = (await sampleMedia(['article.txt']))[0];
    const extra = await openCrafted([
      { name: 'manifest.json', data: await manifest() },
      { name: mediaMemberName(article.sha256, article.fileName), data: fs.readFileSync(article.path) },
      { name: 'media/payload.exe', data: Buffer.from('MZ') },
    ]);
    expect(extra.error.code).toBe('PACKAGE_UNEXPECTED_MEMBER');
    expect(extra.error.params.member).toBe('media/payload.exe');
    expect(extra.left).toEqual([]);
    const missing = await openCrafted([{ name: 'manifest.json', data: await manifest() }]);
    expect(missing.error.code).toBe('PACKAGE_MEDIA_MISSING');
  });

  it('refuse a listed member whose bytes are not the listed file, removing the staged copy', async () => {
    const article = (await sampleMedia(['article.txt']))[0];
    const wrong = Buffer.from(fs.readFileSync(article.path));
    wrong[0] ^= 0x20;
    const { error, left } = await openCrafted([{ name: 'manifest.json', data: await manifest() }, { name: mediaMemberName(article.sha256, article.fileName), data: wrong }]);
    expect(error.code).toBe('PACKAGE_HASH_MISMATCH');
    expect(left).toEqual([]);
  });

  it('accept a hand-made package in the exact layout, so the refusals above are about what they say', async () => {
    const article = (await sampleMedia(['article.txt']))[0];
    const dir = tempDir();
    const file = path.join(dir, 'hand-made.kepupkg');
    fs.writeFileSync(file, craftZip([{ name: 'manifest.json', data: await manifest() }, { name: mediaMemberName(article.sha256, article.fileName), data: fs.readFileSync(article.path) }]));
    const opened = await openPackage(file, { targetDir: path.join(dir, 'target') });
    expect(opened.media).toHaveLength(1);
  });
});
