// Video-frame covers for the showcase (issue 17), in chromium through the browser shell. Debian's
// chromium may lack H.264, so one winning video is relinked to a VP9 WebM made here with ffmpeg
// (one colour, so its frame is known), another to an MPEG-2 file chromium cannot decode. The
// Certificates tab's showcase export captures a frame of each winning video in the page, hands it
// to the main side and exports: the WebM winner's cover in the folder is that frame (decoded: the
// colour, not the drawn card); the MPEG-2 winner keeps the card and the panel names it.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { expect, test } from '@playwright/test';
import { api, openTab, publishedSampleWithTier, sampleWorksId } from './coordinator';
import { serveApp, type ServedApp } from './host';
import { shot } from './shots';

const apps: ServedApp[] = [];
test.afterEach(async () => {
  for (const app of apps.splice(0)) await app.stop();
});

interface VideoWinner {
  entryId: number;
  regNo: string;
  title: string;
  assetId: number;
  stored: boolean;
}

/** Points the asset at `file` as a re-check would record it (path, size, whole-ms mtime, hash). */
function relink(dataDir: string, assetId: number, file: string): void {
  const db = new Database(path.join(dataDir, 'kepu.sqlite'), { fileMustExist: true });
  try {
    const stat = fs.statSync(file);
    const sha256 = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    db.prepare('UPDATE assets SET path = ?, size_bytes = ?, mtime_ms = ?, sha256 = ? WHERE id = ?').run(file, stat.size, Math.trunc(stat.mtimeMs), sha256, assetId);
  } finally {
    db.close();
  }
}

/** The picture's pixel at (x, y), PNG or JPEG, decoded. */
function pixelOf(file: string, x: number, y: number): number[] {
  const bytes = fs.readFileSync(file);
  const image = file.endsWith('.png') ? PNG.sync.read(bytes) : jpeg.decode(bytes, { useTArray: true });
  const at = (y * image.width + x) * 4;
  return [...image.data.subarray(at, at + 3)];
}

for (const locale of ['zh-CN', 'en'] as const) {
  test(`captures a frame of each winning video for the showcase; an undecodable one keeps the card (${locale})`, async ({ browser }, info) => {
    test.setTimeout(300_000);
    const en = locale === 'en';
    const app = await serveApp();
    apps.push(app);
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale });
    await publishedSampleWithTier(page, app);

    const campaignId = await sampleWorksId(page);
    const videos = await api<VideoWinner[]>(page, 'showcase:videoWinners', { campaignId });
    expect(videos.length).toBeGreaterThanOrEqual(2);
    const [playable, broken] = videos;
    const dir = path.join(app.dataDir, 'relinked');
    fs.mkdirSync(dir, { recursive: true });
    const webm = path.join(dir, 'red.webm');
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'color=c=0xC81E28:s=320x180:d=4:r=10', '-c:v', 'libvpx-vp9', '-pix_fmt', 'yuv420p', '-b:v', '200k', webm]);
    relink(app.dataDir, playable.assetId, webm);
    const mpeg2 = path.join(dir, 'mpeg2.mp4');
    fs.copyFileSync(path.join(process.cwd(), 'tests/fixtures/media/unplayable-codecs.mp4'), mpeg2);
    relink(app.dataDir, broken.assetId, mpeg2);

    await openTab(page, 'certificates');
    const panel = page.getByTestId('showcase-panel');
    await panel.getByTestId('showcase-export').click();
    await expect(panel.getByTestId('showcase-done')).toBeVisible({ timeout: 120_000 });
    const fallback = panel.getByTestId('showcase-frames-fallback');
    await expect(fallback).toContainText(broken.title);
    await expect(fallback).not.toContainText(playable.title);
    await expect(fallback).toContainText(en ? 'could not be decoded' : '无法在此窗口中解码');
    await expect(panel.getByTestId('showcase-covers')).toContainText(en ? 'video frames' : '视频画面');
    await panel.scrollIntoViewIfNeeded();
    await shot(page, `showcase-frames-${locale}`, info.outputPath.bind(info), panel);

    // The folder as written: the WebM winner's cover is its frame, the MPEG-2 winner's the card.
    const index = (await panel.getByTestId('showcase-path').textContent())!.trim();
    const html = fs.readFileSync(index, 'utf8');
    const coverOf = (regNo: string) => path.join(path.dirname(index), decodeURI(new RegExp(`data-reg-no="${regNo}"[\\s\\S]*?src="([^"]+)"`).exec(html)![1]));
    const frame = coverOf(playable.regNo);
    expect(frame.endsWith('.jpg')).toBe(true);
    const [r, g, b] = pixelOf(frame, 160, 90);
    // 0xC81E28 through VP9 and JPEG: close, not exact.
    expect(Math.abs(r - 0xc8)).toBeLessThan(24);
    expect(Math.abs(g - 0x1e)).toBeLessThan(24);
    expect(Math.abs(b - 0x28)).toBeLessThan(24);
    expect(pixelOf(coverOf(broken.regNo), 4, 4)).toEqual([0xf6, 0xee, 0xdb]);
    // As people see it: the page opened from disk, the video winners' cards in view.
    const view = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale });
    await view.goto(`${pathToFileURL(index).href}${en ? '#en' : ''}`);
    await view.locator(`[data-reg-no="${playable.regNo}"]`).first().scrollIntoViewIfNeeded();
    await shot(view, `showcase-frames-page-${locale}`, info.outputPath.bind(info));
    await view.close();
    // Kept in the data folder by entry and video hash.
    const kept = fs.readdirSync(path.join(app.dataDir, 'media', 'frames', campaignId));
    expect(kept.some((f) => f.startsWith(`${playable.entryId}-`))).toBe(true);
    expect(kept.some((f) => f.startsWith(`${broken.entryId}-`))).toBe(false);
  });
}
