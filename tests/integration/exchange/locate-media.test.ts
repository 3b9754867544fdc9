import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KepuError } from '../../../src-main/core/errors';
import { locateMediaByHash } from '../../../src-main/core/exchange/locate-media';
import { generateIdentity } from '../../../src-main/core/keys/identity';
import { tempDir } from '../../helpers';
import { packageManifest, sampleMedia } from './samples';

const coordinator = generateIdentity();

describe('locating media by hash', () => {
  it('finds renamed copies in nested folders of a USB stick by size and SHA-256', async () => {
    const media = await sampleMedia();
    const manifest = packageManifest(coordinator, media, false);
    const stick = tempDir('kepu-usb-');
    fs.mkdirSync(path.join(stick, 'videos', '2023'), { recursive: true });
    fs.copyFileSync(media[0].path, path.join(stick, 'videos', '2023', '作品1.MP4'));
    fs.copyFileSync(media[1].path, path.join(stick, 'photo-copy.jpeg'));
    fs.copyFileSync(media[2].path, path.join(stick, 'videos', 'hpv.txt'));
    const result = await locateMediaByHash(manifest, [stick]);
    expect(result.missing).toEqual([]);
    expect(Object.fromEntries(result.found.map((f) => [f.sha256, path.relative(stick, f.path)]))).toEqual({
      [media[0].sha256]: path.join('videos', '2023', '作品1.MP4'),
      [media[1].sha256]: 'photo-copy.jpeg',
      [media[2].sha256]: path.join('videos', 'hpv.txt'),
    });
  });

  it('does not take a file of the right size with other bytes, and reports what is missing', async () => {
    const media = await sampleMedia();
    const manifest = packageManifest(coordinator, media, false);
    const folder = tempDir();
    const impostor = Buffer.from(fs.readFileSync(media[0].path));
    impostor[100] ^= 0xff;
    fs.writeFileSync(path.join(folder, 'same-size.mp4'), impostor);
    fs.copyFileSync(media[1].path, path.join(folder, 'photo.jpg'));
    const result = await locateMediaByHash(manifest, [folder]);
    expect(result.found.map((f) => f.sha256)).toEqual([media[1].sha256]);
    expect(result.missing.map((m) => m.fileName).sort()).toEqual(['article.txt', 'compliant.mp4']);
    // Only files of a wanted size were hashed: the impostor and the photo.
    expect(result.hashed).toBe(2);
  });

  it('looks across several folders and only for the hashes asked for', async () => {
    const media = await sampleMedia();
    const manifest = packageManifest(coordinator, media, true);
    const a = tempDir();
    const b = tempDir();
    fs.copyFileSync(media[2].path, path.join(b, 'a.txt'));
    const nothingWanted = await locateMediaByHash(manifest, [a, b]);
    expect(nothingWanted).toEqual({ found: [], missing: [], hashed: 0 });
    const result = await locateMediaByHash(manifest, [a, b], { wanted: [media[2].sha256] });
    expect(result.found).toEqual([{ sha256: media[2].sha256, path: path.join(b, 'a.txt') }]);
  });

  it('says MEDIA_FOLDER_NOT_FOUND for a folder that is not there', async () => {
    const manifest = packageManifest(coordinator, await sampleMedia(), false);
    const missing = path.join(tempDir(), 'unplugged');
    await expect(locateMediaByHash(manifest, [missing])).rejects.toSatisfy((e) => e instanceof KepuError && e.code === 'MEDIA_FOLDER_NOT_FOUND' && e.params.folder === missing);
  });
});
