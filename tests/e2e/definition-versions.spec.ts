// A new definition version in chromium: after the sample bundles are merged, removing the scored
// "Creativity" dimension in the Setup tab is refused; the app offers to save it as a new version,
// says what happens to the scores, takes the statement, saves version 2, and the Ranking tab says
// the scores are kept but no longer counted, naming the version and its statement.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { shot } from './shots';
import { serveApp, type ServedApp } from './host';

const apps: ServedApp[] = [];
test.afterEach(async () => {
  for (const app of apps.splice(0)) await app.stop();
});

test('removes a scored dimension as a new version and the ranking sets its scores aside (en)', async ({ browser }, info) => {
  const app = await serveApp();
  apps.push(app);
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'en' });
  await page.goto(app.url);
  await page.getByTestId('load-sample').click();
  await expect(page.getByTestId('campaign-title')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('tab', { name: /Judges|Exchange/ }).click();
  const folder = path.join(app.dataDir, 'sample-bundles');
  await page.getByTestId('bundle-files').setInputFiles(fs.readdirSync(folder).map((f) => path.join(folder, f)));
  await expect(page.getByTestId('merge-coverage')).toBeVisible();

  await page.getByRole('tab', { name: 'Setup' }).click();
  // The influence list's rubric (the first): drop Creativity, content and communication at 50 % each.
  await page.getByTestId('setup-nav-lists').click();
  const rubric = page.getByTestId('setup-rubric');
  await rubric.getByTestId('setup-dimension-remove-1').click();
  await rubric.getByTestId('setup-weight-0').fill('50');
  await rubric.getByTestId('setup-weight-1').fill('50');
  await expect(rubric.getByTestId('setup-weight-total')).toContainText('100');
  await page.getByTestId('setup-save').click();

  const dialog = page.getByTestId('new-version-dialog');
  await expect(dialog).toContainText('Save as version 2');
  await expect(page.getByTestId('new-version-affected')).toContainText(/The \d+ scores of “Creativity” are kept but no longer counted\./);
  await expect(page.getByTestId('error-banner')).toHaveCount(0);
  await expect(page.getByTestId('new-version-confirm')).toBeDisabled();
  await page.getByTestId('new-version-statement').fill('Creativity is no longer scored; its scores are kept for reference.');
  await shot(page, 'new-version-dialog-en', info.outputPath.bind(info));
  await page.getByTestId('new-version-confirm').click();
  await expect(page.getByTestId('setup-saved')).toContainText('2');
  await expect(dialog).toHaveCount(0);
  // The Versions section records it: the statement and what was set aside, by name.
  await page.getByTestId('setup-nav-versions').click();
  const v2 = page.getByTestId('setup-versions').getByTestId('setup-version-2');
  await expect(v2.getByTestId('setup-version-statement')).toHaveText('Statement: Creativity is no longer scored; its scores are kept for reference.');
  await expect(v2.getByTestId('setup-version-affected')).toHaveText(/^Dimension “Creativity” removed: \d+ scores kept, not counted$/);
  await expect(page.getByTestId('setup-versions')).not.toContainText('creativity');

  await page.getByRole('tab', { name: 'Ranking' }).click();
  await expect(page.getByTestId('ranking-set-aside')).toContainText(/\d+ scores on the removed dimension “Creativity” are kept but no longer counted — version 2: Creativity is no longer scored/);
  await shot(page, 'ranking-set-aside-en', info.outputPath.bind(info));
});
