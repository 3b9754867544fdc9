import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { newDataDir, serveApp, type ServedApp } from './host';
import { seedImportedCampaign, worksFolder } from './seed';
import { shot } from './shots';

let app: ServedApp | null = null;
test.afterEach(async () => {
  await app?.stop();
  app = null;
});

test.use({ locale: 'zh-CN' });

test('a coordinator links a folder of works, reads the compliance report, exports it, and opens a failing entry', async ({ page }, info) => {
  const dataDir = newDataDir();
  await seedImportedCampaign(dataDir);
  const folder = worksFolder(path.join(dataDir, 'incoming-works'));
  app = await serveApp(dataDir);
  await page.goto(app.url);
  await page.getByRole('button', { name: /四川/ }).first().click();
  await page.getByRole('tab', { name: '媒体检查' }).click();
  await expect(page.getByText('尚未关联媒体文件。请在上方关联文件夹。')).toBeVisible();

  await page.getByTestId('media-folder').fill(folder);
  await page.getByTestId('media-link').click();
  await expect(page.getByTestId('media-link-result')).toContainText('已将 5 个文件关联到 4 个条目（文件夹中共 6 个文件）。');
  await expect(page.getByTestId('media-link-result')).toContainText('未对应任何报名的文件（1）');
  const report = page.getByTestId('compliance-report');
  await expect(report.getByTestId('verdict-count-pass')).toHaveText('2');
  await expect(report.getByTestId('verdict-count-fail')).toHaveText('2');
  await expect(report.getByTestId('verdict-count-unreadable')).toHaveText('1');

  // Away and back: the folder is still there, and one click checks it again.
  await page.getByTestId('campaign-tab-entries').click();
  await page.getByTestId('campaign-tab-media').click();
  await expect(page.getByTestId('media-folder')).toHaveValue(folder);
  await expect(page.getByTestId('media-last-folder')).toContainText(folder);
  await expect(page.getByTestId('media-last-folder')).toContainText('(UTC+8)');
  await shot(page, 'media-last-folder-zh', info.outputPath.bind(info), page.getByTestId('media-last-folder'));
  await page.getByTestId('media-check-again').click();
  await expect(page.getByTestId('media-link-result')).toContainText('已将 5 个文件关联到 4 个条目（文件夹中共 6 个文件）。');
  await expect(report.getByTestId('verdict-count-pass')).toHaveText('2');
  await expect(report.getByTestId('compliance-table')).toContainText('扩展名为 .mp4，实际为 webm');
  await expect(report.getByTestId('compliance-table')).toContainText('图片 320x200 像素，小于 600x400 像素');
  await page.screenshot({ path: info.outputPath('compliance-zh.png'), fullPage: true });

  await report.getByTestId('filter-verdict').selectOption('unreadable');
  await expect(report.getByTestId('compliance-table').locator('tbody tr')).toHaveCount(1);
  await expect(report.getByTestId('compliance-table')).toContainText('文件不完整或已损坏');

  const download = page.waitForEvent('download');
  await report.getByTestId('export-csv').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^compliance-.*\.csv$/);
  const saved = info.outputPath(file.suggestedFilename());
  await file.saveAs(saved);
  expect(fs.readFileSync(saved, 'utf8')).toContain('报名编号 / Reg. no.');

  await page.getByTestId('language-switch').selectOption('en');
  await expect(report.getByTestId('compliance-table')).toContainText('the file is cut off or damaged');
  await report.getByTestId('filter-verdict').selectOption('fail');
  await report.getByTestId('compliance-table').getByRole('button', { name: 'SC-0005' }).click();
  await expect(page.getByTestId('entry-detail')).toContainText('流感来了怎么办');
  await expect(page.getByTestId('entry-detail')).toContainText('SC-0005-流感.mp4');
  await page.screenshot({ path: info.outputPath('entry-from-report-en.png') });
});
