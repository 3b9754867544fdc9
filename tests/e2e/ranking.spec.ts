// Ranking end to end in chromium: merge the sample judges' bundles, read the ranked lists with the
// methods side by side in Chinese, open an entry's reasons, add an award tier, publish (signed)
// and verify, export the PDF report, then the committee member list in English.
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { coordinatorWithMergedSample, mergeSampleBundles, openTab } from './coordinator';
import { shot, tallShot } from './shots';
import { serveApp, type ServedApp } from './host';

const apps: ServedApp[] = [];
test.afterEach(async () => {
  for (const app of apps.splice(0)) await app.stop();
});

test('ranks the merged sample in Chinese, explains, tiers, publishes, verifies and exports; committee list in English', async ({ browser }, info) => {
  const app = await serveApp();
  apps.push(app);
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
  // A coordinator identity (to sign the published result) and the sample bundles merged.
  await coordinatorWithMergedSample(page, app);
  await openTab(page, 'ranking');
  const ranked = page.getByTestId('ranking-ranked');
  await expect(ranked.getByTestId('ranking-row').first()).toBeVisible();
  await expect(ranked.locator('thead')).toContainText('名次');
  await expect(ranked.locator('thead')).toContainText('中位数'); // the other methods, side by side
  await expect(page.getByTestId('ranking-stability')).toContainText('Kendall');
  await expect(page.getByTestId('ranking-held').first()).toContainText('逾期报送');

  // Why this place.
  await ranked.getByTestId('ranking-row').first().getByRole('button').click();
  await expect(page.getByTestId('ranking-detail')).toContainText('名次依据');
  await expect(page.getByTestId('ranking-detail-judges').locator('tbody tr')).not.toHaveCount(0);
  await tallShot(page, 'ranking-zh-detail', info.outputPath.bind(info), 2200);
  await page.getByTestId('ranking-detail').getByRole('button', { name: '关闭' }).click();

  // An award tier: the top entry of each category becomes the influence list.
  await page.getByTestId('ranking-settings-toggle').click();
  await page.getByTestId('add-tier').click();
  const tier = page.getByTestId('tier-row');
  // A new tier comes named in both languages, every field labelled; never a bare key on screen.
  await expect(tier.getByLabel('名称（中文）')).toHaveValue('一等奖');
  await expect(tier.getByLabel('名称（English）')).toHaveValue('First prize');
  await expect(tier.locator('legend')).toHaveText('第 1 档：一等奖');
  await expect(tier.locator('label span')).toHaveText(['名称（中文）', '名称（English）', '填充方式', '数值', '代码']);
  await shot(page, 'ranking-zh-tier-editor', info.outputPath.bind(info), tier);
  await tier.getByLabel('代码').fill('influence');
  await tier.getByLabel('名称（中文）').fill('影响力榜单');
  await tier.getByLabel('名称（English）').fill('Influence list');
  await tier.locator('input[type=number]').fill('1');
  await page.getByTestId('ranking-save').click();
  await expect(ranked.getByTestId('ranking-row').first()).toContainText('影响力榜单');
  await tallShot(page, 'ranking-zh', info.outputPath.bind(info), 2200);

  // Publish, verify, export the report.
  await page.getByTestId('ranking-lock').click();
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('ranking-latest-lock')).toContainText('组委会');
  await page.getByTestId('snapshot').first().getByRole('button', { name: '核验' }).click();
  await expect(page.getByTestId('snapshot-check')).toContainText('完全一致');
  const download = page.waitForEvent('download');
  await page.getByTestId('ranking-export-pdf').click();
  const pdf = info.outputPath('ranking.pdf');
  await (await download).saveAs(pdf);
  expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');

  // The committee selection, in English.
  await page.getByTestId('language-switch').selectOption('en');
  await page.getByTestId('nav-campaigns').click();
  await page.getByRole('button', { name: /CACA|Cancer/ }).first().click();
  await mergeSampleBundles(page, app.dataDir, 'sample-bundles-committee');
  await openTab(page, 'ranking');
  await expect(page.getByTestId('committee-members')).toContainText('Proposed members');
  await expect(page.getByTestId('committee-rejected')).toContainText('not confirmed');
  await expect(page.getByTestId('judge-chart')).toBeVisible();
  await tallShot(page, 'ranking-en-committee', info.outputPath.bind(info), 2200);
});
