// A linked file that changed on disk after it was checked (issue 11, item 8), in the real browser
// shell: the entry panel says the file changed and offers a re-check, after which the video plays
// again; a file replaced by a symbolic link is refused and never shown.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test, type Locator } from '@playwright/test';
import { serveApp, type ServedApp } from './host';

let app: ServedApp | null = null;
test.afterEach(async () => {
  await app?.stop();
  app = null;
});

test.use({ locale: 'zh-CN' });

function videoDuration(video: Locator): Promise<number> {
  return video.evaluate(
    (v: HTMLVideoElement) =>
      new Promise<number>((resolve) => {
        if (v.readyState >= 1) resolve(v.duration);
        else v.addEventListener('loadedmetadata', () => resolve(v.duration), { once: true });
      }),
  );
}

function assetPath(dataDir: string, fileNameLike: string): string {
  const db = new Database(path.join(dataDir, 'kepu.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(`SELECT path FROM assets WHERE role = 'video' AND path LIKE ? LIMIT 1`).pluck().get(`%${fileNameLike}%`) as string;
  } finally {
    db.close();
  }
}

test('a video changed after the check is refused with a reason and plays again after a re-check; a link is never shown', async ({ page }, info) => {
  app = await serveApp();
  await page.goto(app.url);
  await page.getByTestId('load-sample').click();
  // Loading the sample hashes its media: allow for a slow, shared machine.
  await expect(page.getByTestId('entry-count')).toHaveText('共 32 条', { timeout: 60_000 });
  // A fresh page each time: Chromium keeps media it already read in memory for the same URL.
  const openEntry = async (reload: boolean) => {
    if (reload) await page.reload();
    await page.getByTestId('entry-search').fill('洗手');
    await expect(page.getByTestId('entry-count')).toHaveText('共 1 条');
    await page.getByTestId('entry-row').first().click();
  };
  await openEntry(false);
  const detail = page.getByTestId('entry-detail');
  expect(await videoDuration(detail.getByTestId('asset-video'))).toBeGreaterThan(7);
  const file = assetPath(app.dataDir, 'video-handwashing');
  expect(file).toBeTruthy();

  // Someone re-saves the file (same bytes, new time): the panel says so and offers a re-check.
  const later = new Date(Date.now() + 120_000);
  fs.utimesSync(file, later, later);
  await openEntry(true);
  const problem = detail.getByTestId('media-problem');
  await expect(problem).toHaveAttribute('data-state', 'changed');
  await expect(problem).toContainText('在检查后被修改过');
  await page.screenshot({ path: info.outputPath('media-changed-zh.png') });
  await problem.getByTestId('media-recheck').click();
  await expect(detail.getByTestId('media-problem')).toHaveCount(0, { timeout: 30_000 });
  expect(await videoDuration(detail.getByTestId('asset-video'))).toBeGreaterThan(7);

  // The file is replaced by a symbolic link to a file outside the media folder: refused.
  const secret = path.join(app.dataDir, 'secret.txt');
  fs.writeFileSync(secret, 'root:x:0:0:root:/root:/bin/bash\n');
  fs.rmSync(file);
  fs.symlinkSync(secret, file);
  await openEntry(true);
  await expect(detail.getByTestId('media-problem')).toHaveAttribute('data-state', 'refused');
  await expect(detail.getByTestId('media-recheck')).toHaveCount(0);
});
