// Video-frame covers (issue 17): a frame the renderer captured of a winning video is handed over
// as a real PNG, checked and kept in the data folder by entry and video hash; the showcase uses it
// as that winner's cover (decoded back: the frame's pixels, not the drawn card); a changed video
// (another hash) has no frame and gets the card again; what is not a picture of ours, or not the
// entry's video, is refused with a code and nothing is kept.
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import type { ShowcaseJob, VideoWinner } from '../../../src-main/contract';
import { framesFolder } from '../../../src-main/core/showcase/video-frames';
import { finishedJob, ok, tempDir } from '../../helpers';
import { rankedApp } from '../certificates/fixture';

/** A real PNG, 320×180, one colour: what a canvas gives for a frame. */
function solidPng(rgb: [number, number, number], width = 320, height = 180): Buffer {
  const png = new PNG({ width, height });
  for (let i = 0; i < width * height; i++) png.data.set([...rgb, 255], i * 4);
  return PNG.sync.write(png);
}

function pixel(file: string, x: number, y: number): number[] {
  const png = PNG.sync.read(fs.readFileSync(file));
  const at = (y * png.width + x) * 4;
  return [...png.data.subarray(at, at + 3)];
}

describe('video-frame covers', () => {
  it('keeps a captured frame by entry and video hash and uses it as the showcase cover until the video changes', async () => {
    const app = await rankedApp();
    const { dispatch, works } = app;
    const videos = await ok<VideoWinner[]>(dispatch('showcase:videoWinners', { campaignId: works }));
    expect(videos.length).toBeGreaterThan(0);
    expect(videos.every((v) => !v.stored)).toBe(true);
    const [video] = videos;
    const frame = solidPng([200, 30, 40]);
    const store = (extra: Record<string, unknown> = {}) => dispatch('showcase:storeFrame', { campaignId: works, entryId: video.entryId, assetId: video.assetId, imageBase64: frame.toString('base64'), ...extra });

    // What is not a frame of ours is refused, and nothing is kept.
    expect(await store({ imageBase64: Buffer.from('not a picture').toString('base64') })).toMatchObject({ ok: false, error: { code: 'SHOWCASE_FRAME_INVALID' } });
    expect(await store({ imageBase64: solidPng([0, 0, 0], 8, 8).toString('base64') })).toMatchObject({ ok: false, error: { code: 'SHOWCASE_FRAME_INVALID' } });
    const otherAsset = app.ctx.db.prepare(`SELECT id FROM assets WHERE entry_id != ? AND role = 'video' LIMIT 1`).pluck().get(video.entryId) as number;
    expect(await store({ assetId: otherAsset })).toMatchObject({ ok: false, error: { code: 'SHOWCASE_FRAME_NOT_A_VIDEO' } });
    expect(await store({ imageBase64: 'A'.repeat(4_000_001) })).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    const folder = framesFolder(app.dataDir, works);
    expect(fs.existsSync(folder) ? fs.readdirSync(folder) : []).toEqual([]);

    expect(await ok(store())).toEqual({ width: 320, height: 180 });
    const sha256 = app.ctx.db.prepare('SELECT sha256 FROM assets WHERE id = ?').pluck().get(video.assetId) as string;
    expect(fs.readdirSync(folder)).toEqual([`${video.entryId}-${sha256}.png`]);
    expect((await ok<VideoWinner[]>(dispatch('showcase:videoWinners', { campaignId: works }))).find((v) => v.entryId === video.entryId)?.stored).toBe(true);

    const exportTo = async (outDir: string) => {
      const started = await ok<ShowcaseJob>(dispatch('showcase:export', { campaignId: works, outDir }));
      const done = await finishedJob(dispatch, started, { timeoutMs: 110_000 });
      expect(done.state, JSON.stringify(done.error)).toBe('done');
      const html = fs.readFileSync(path.join(outDir, 'index.html'), 'utf8');
      const src = new RegExp(`data-reg-no="${video.regNo}"[\\s\\S]*?src="([^"]+)"`).exec(html)?.[1];
      return { report: done.result!, cover: path.join(outDir, decodeURI(src!)) };
    };
    const first = await exportTo(path.join(tempDir(), 'showcase'));
    expect(first.report.covers.frame).toBe(1);
    expect(first.cover.endsWith('.png')).toBe(true);
    expect(fs.readFileSync(first.cover).equals(frame)).toBe(true);
    expect(pixel(first.cover, 160, 90)).toEqual([200, 30, 40]);

    // The video changed (re-checked with another hash): its frame no longer fits; the card is back.
    app.ctx.db.prepare('UPDATE assets SET sha256 = ? WHERE id = ?').run('0'.repeat(64), video.assetId);
    expect((await ok<VideoWinner[]>(dispatch('showcase:videoWinners', { campaignId: works }))).find((v) => v.entryId === video.entryId)?.stored).toBe(false);
    const second = await exportTo(path.join(tempDir(), 'showcase'));
    expect(second.report.covers.frame).toBe(0);
    expect(pixel(second.cover, 4, 4)).toEqual([0xf6, 0xee, 0xdb]);
    // A frame of the new video replaces the old one.
    await ok(store({ imageBase64: solidPng([10, 120, 60]).toString('base64') }));
    expect(fs.readdirSync(folder)).toEqual([`${video.entryId}-${'0'.repeat(64)}.png`]);
    app.ctx.close();
  }, 180_000);
});
