// Ranking end to end in chromium: merge the sample judges' bundles, read the ranked lists with the
// methods side by side in Chinese, open an entry's reasons, add an award tier, publish (signed)
// and verify, export the PDF report, then the committee member list in English.
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { serveApp, type ServedApp } from './host';

const apps: ServedApp[] = [];
test.afterEach(async () => {
  for (const app of apps.splice(0)) await app.stop();
});

async function shot(page: Page, name: string, outputPath: (name: string) => string) {
  const file = outputPath(`${name}.png`);
  // The app scrolls inside its main area, so a tall window shows the whole tab.
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: size.width, height: 2200 });
  await page.screenshot({ path: file });
  await page.setViewportSize(size);
  if (process.env.KEPU_SHOTS) fs.copyFileSync(file, path.join(process.env.KEPU_SHOTS, `${name}.png`));
}

async function mergeFolder(page: Page, folder: string) {
  const files = fs.readdirSync(folder).map((f) => path.join(folder, f));
  await page.getByTestId('bundle-files').setInputFiles(files);
  await expect(page.getByTestId('merge-coverage')).toBeVisible();
}

test('ranks the merged sample in Chinese, explains, tiers, publishes, verifies and exports; committee list in English', async ({ browser }, info) => {
  const app = await serveApp();
  apps.push(app);
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
  await page.goto(app.url);
  await page.getByTestId('load-sample').click();
  await expect(page.getByTestId('campaign-title')).toBeVisible({ timeout: 30_000 });

  // A coordinator identity, to sign the published result.
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('identity-name').fill('组委会');
  await page.getByTestId('identity-passphrase').fill('coordinator passphrase');
  await page.getByTestId('identity-repeat').fill('coordinator passphrase');
  await page.getByTestId('identity-create').click();
  await expect(page.getByTestId('identity-fingerprint')).toBeVisible();
  await page.getByTestId('nav-campaigns').click();
  await page.getByRole('button', { name: /四川/ }).first().click();

  await page.getByRole('tab', { name: '评委与交换' }).click();
  await mergeFolder(page, path.join(app.dataDir, 'sample-bundles'));

  await page.getByRole('tab', { name: '排名' }).click();
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
  await shot(page, 'ranking-zh-detail', info.outputPath.bind(info));
  await page.getByTestId('ranking-detail').getByRole('button', { name: '关闭' }).click();

  // An award tier: the top entry of each category becomes the influence list.
  await page.getByTestId('ranking-settings-toggle').click();
  await page.getByTestId('add-tier').click();
  const tier = page.getByTestId('tier-row');
  await tier.getByLabel('代码').fill('influence');
  await tier.getByLabel('名称(中文)').fill('影响力榜单');
  await tier.getByLabel('名称(English)').fill('Influence list');
  await tier.locator('input[type=number]').fill('1');
  await page.getByTestId('ranking-save').click();
  await expect(ranked.getByTestId('ranking-row').first()).toContainText('影响力榜单');
  await shot(page, 'ranking-zh', info.outputPath.bind(info));

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
  await page.getByRole('button', { name: 'Campaigns', exact: true }).click();
  await page.getByRole('button', { name: /CACA|Cancer/ }).first().click();
  await page.getByRole('tab', { name: /Judges|Exchange/ }).click();
  await mergeFolder(page, path.join(app.dataDir, 'sample-bundles-committee'));
  await page.getByRole('tab', { name: 'Ranking' }).click();
  await expect(page.getByTestId('committee-members')).toContainText('Proposed members');
  await expect(page.getByTestId('committee-rejected')).toContainText('not confirmed');
  await expect(page.getByTestId('judge-chart')).toBeVisible();
  await shot(page, 'ranking-en-committee', info.outputPath.bind(info));
});
