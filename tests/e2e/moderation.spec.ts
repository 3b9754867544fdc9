// Moderation end to end in chromium (English): merge the sample judges' bundles, open an entry's
// "why this place", override one judge's score on one dimension with a reason (the app's own
// dialogs), see the override beside the unchanged signed score with reason, who and when, then
// withdraw it and read the history. Screenshot at 1366×768 (test-results/, and KEPU_SHOTS when set).
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
  await page.screenshot({ path: file });
  if (process.env.KEPU_SHOTS) fs.copyFileSync(file, path.join(process.env.KEPU_SHOTS, `${name}.png`));
}

test('an override from the ranking entry view, shown beside the signed score, then withdrawn', async ({ browser }, info) => {
  test.setTimeout(150_000);
  const app = await serveApp();
  apps.push(app);
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'en' });
  await page.goto(app.url);
  await page.getByTestId('load-sample').click();
  await expect(page.getByTestId('campaign-title')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('tab', { name: 'Judges & exchange' }).click();
  const folder = path.join(app.dataDir, 'sample-bundles');
  await page.getByTestId('bundle-files').setInputFiles(fs.readdirSync(folder).map((f) => path.join(folder, f)));
  await expect(page.getByTestId('merge-coverage')).toBeVisible();

  await page.getByRole('tab', { name: 'Ranking' }).click();
  const ranked = page.getByTestId('ranking-ranked');
  await ranked.getByTestId('ranking-row').first().getByRole('button').click();
  const detail = page.getByTestId('ranking-detail');
  const cell = detail.getByTestId('score-cell').first();
  await expect(cell).toHaveAttribute('data-overridden', 'false');
  const signed = (await cell.getByTestId('signed-score').textContent())!.trim();
  const value = signed === '10' ? '9' : '10';

  await cell.getByRole('button', { name: /Override/ }).click();
  const dialog = page.getByTestId('confirm-dialog');
  await expect(dialog).toContainText(`signed score ${signed} stays as signed`);
  await page.getByTestId('confirm-text').fill('10.3'); // off the step grid: cannot be confirmed
  await expect(page.getByTestId('confirm-ok')).toBeDisabled();
  await page.getByTestId('confirm-text').fill(value);
  await page.getByTestId('confirm-ok').click();
  await expect(dialog).toContainText(`${signed} → ${value}`);
  await page.getByTestId('confirm-text').fill('Judge agreed by phone: typing error');
  await page.getByTestId('confirm-ok').click();

  const overridden = detail.locator('[data-testid="score-cell"][data-overridden="true"]');
  await expect(overridden).toHaveCount(1);
  await expect(overridden.getByTestId('signed-score')).toHaveText(signed);
  await expect(overridden.getByTestId('override-value')).toHaveText(value);
  await expect(detail.getByTestId('override-note')).toContainText('Judge agreed by phone: typing error');
  await expect(detail.getByTestId('override-note')).toContainText('local');
  await expect(detail.getByTestId('override-history')).toContainText(`to ${value} (signed ${signed})`);
  await overridden.scrollIntoViewIfNeeded();
  await shot(page, 'moderation-override-en', info.outputPath.bind(info));

  await overridden.getByRole('button', { name: 'Withdraw override' }).click();
  await page.getByTestId('confirm-text').fill('Wrong judge');
  await page.getByTestId('confirm-ok').click();
  await expect(detail.locator('[data-testid="score-cell"][data-overridden="true"]')).toHaveCount(0);
  await expect(detail.getByTestId('override-history').locator('li')).toHaveCount(2);
  await expect(detail.getByTestId('override-history')).toContainText('withdrew the override');
});
