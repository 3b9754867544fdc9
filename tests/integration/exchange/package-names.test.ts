// Two files of one entry with the same name from different folders ("初稿/海报.jpg", "终稿/海报.jpg"),
// or names that differ only by case or Unicode normalization, must not collide once a judge opens
// the package on NTFS or APFS (case-insensitive): every asset gets a path of its own, compared the
// way those file systems compare names. A real package is written, signed and opened.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PackageManifest } from '../../../src-main/core/exchange/package-manifest';
import { writePackage } from '../../../src-main/core/exchange/package-write';
import { generateIdentity } from '../../../src-main/core/keys/identity';
import { sha256File } from '../../../src-main/core/media/hash';
import { namedMediaPath, occurrences } from '../../../src-main/core/packages/package-media';
import { ok, openTestApp, tempDir } from '../../helpers';
import { packageManifest, sampleMedia } from './samples';

const coordinator = generateIdentity();
const apps: ReturnType<typeof openTestApp>[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) {
    app.ctx.close();
    fs.rmSync(app.dataDir, { recursive: true, force: true });
  }
});

/** As NTFS and APFS compare names. */
const foldName = (p: string) => p.normalize('NFC').toLowerCase();

describe('names of one entry’s media in an opened package', () => {
  it('stay apart when they are equal, or equal but for case or normalization', async () => {
    const [photo, other] = await sampleMedia(['photo.jpg', 'compliant.mp4']);
    const base = packageManifest(coordinator, [photo, other], true);
    const asset = (assetId: number, sha256: string, sizeBytes: number, fileName: string) => ({ assetId, role: 'image' as const, fileName, sizeBytes, sha256, included: true });
    const manifest: PackageManifest = {
      ...base,
      entries: [
        {
          ...base.entries[0],
          assets: [
            asset(1, photo.sha256, photo.sizeBytes, '海报.jpg'), // from 初稿/
            asset(2, other.sha256, other.sizeBytes, '海报.jpg'), // from 终稿/, other bytes
            asset(3, photo.sha256, photo.sizeBytes, '海报.JPG'), // the first again, name in capitals
            asset(4, photo.sha256, photo.sizeBytes, 'Café.jpg'), // composed é
            asset(5, photo.sha256, photo.sizeBytes, 'Cafe\u0301.jpg'), // decomposed é: the same name on APFS
          ],
        },
      ],
    };
    const file = path.join(tempDir(), 'names.kepupkg');
    await writePackage(manifest, [photo, other].map((m) => ({ sha256: m.sha256, path: m.path })), file, coordinator.privateKey);

    const judge = openTestApp();
    apps.push(judge);
    await ok(judge.dispatch('identity:create', { name: '王评委', passphrase: 'judge passphrase' }));
    await ok(judge.dispatch('package:open', { path: file }));
    const rows = judge.ctx.db
      .prepare<[string], { path: string; sha256: string }>('SELECT a.path, a.sha256 FROM assets a JOIN entries e ON e.id = a.entry_id WHERE e.reg_no = ? ORDER BY a.position')
      .all(base.entries[0].regNo);
    expect(rows).toHaveLength(5);
    expect(new Set(rows.map((r) => foldName(r.path))).size).toBe(5);
    for (const r of rows) expect(await sha256File(r.path)).toBe(r.sha256);
  });

  it('numbers a repeated (file, name) pair by its folded name', () => {
    const sha = 'a'.repeat(64);
    const assets = [
      { sha256: sha, fileName: '海报.jpg' },
      { sha256: sha, fileName: '海报.JPG' },
      { sha256: sha, fileName: 'x:y.jpg' },
      { sha256: sha, fileName: 'x_y.jpg' },
    ];
    const counts = occurrences(assets);
    expect(counts).toEqual([1, 2, 1, 2]);
    const paths = assets.map((a, i) => namedMediaPath('/m', { regNo: 'SC-1', ...a, occurrence: counts[i] }));
    expect(new Set(paths.map(foldName)).size).toBe(4);
  });
});
