// Moderation end to end in chromium (English): merge the sample judges' bundles, open an entry's
// "why this place", override one judge's score on one dimension with a reason (the app's own
// dialogs), see the override beside the unchanged signed score with reason, who and when, then
// publish, withdraw it (agreeing that the published result moves) and read the history; Verify
// then names the difference (entry, judge, dimension, old → new). Screenshots at 1366×768 (test-results/, and KEPU_SHOTS when set).
import { expect, test } from '@playwright/test';
import { shot } from './shots';
import { coordinatorWithMergedSample, openTab } from './coordinator';
import { serveApp, type ServedApp } from './host';

const apps: ServedApp[] = [];
test.afterEach(async () => {
  for (const app of apps.splice(0)) await app.stop();
});

test('an override from the ranking entry view, shown beside the signed score, then withdrawn', async ({ browser }, info) => {
  test.setTimeout(150_000);
  const app = await serveApp();
  apps.push(app);
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'en' });
  // A coordinator identity (to publish, i.e. sign, the result) and the sample bundles merged.
  await coordinatorWithMergedSample(page, app, { name: 'Coordinator', passphrase: 'coordinator passphrase' });
  await openTab(page, 'ranking');
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
  await expect(detail.getByTestId('override-note')).toContainText('Coordinator');
  await expect(detail.getByTestId('override-history')).toContainText(`to ${value} (signed ${signed})`);
  await detail.getByTestId('override-note').scrollIntoViewIfNeeded();
  await shot(page, 'moderation-override-en', info.outputPath.bind(info));

  const judge = (await overridden.locator('td').first().textContent())!.trim(); // "Name · Dimension"
  const regNo = (await detail.locator('#ranking-detail-title .mono').textContent())!.trim();

  // Published with the override in effect; withdrawing it afterwards asks first (the result moves).
  await detail.getByRole('button', { name: 'Close' }).click();
  await page.getByTestId('ranking-lock').click();
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('snapshot')).toHaveCount(1);
  await ranked.getByTestId('ranking-row').first().getByRole('button').click();
  await detail.locator('[data-testid="score-cell"][data-overridden="true"]').getByRole('button', { name: 'Withdraw override' }).click();
  await page.getByTestId('confirm-text').fill('Wrong judge');
  await page.getByTestId('confirm-ok').click();
  await page.getByTestId('confirm-ok').click(); // agree that the published result may differ
  await expect(detail.locator('[data-testid="score-cell"][data-overridden="true"]')).toHaveCount(0);
  await expect(detail.getByTestId('override-history').locator('li')).toHaveCount(2);
  await expect(detail.getByTestId('override-history')).toContainText('withdrew the override');
  await detail.getByRole('button', { name: 'Close' }).click();

  // Verify names what differs: entry, judge, dimension, old and new value; no internal ids.
  await page.getByTestId('snapshot').first().getByRole('button', { name: 'Verify' }).click();
  const differences = page.getByTestId('snapshot-differences');
  await expect(differences).toContainText(`Override ${regNo} · ${judge}: ${value} → none`);
  await expect(differences).not.toContainText('j-');
  await expect(page.getByTestId('snapshot-check')).toContainText('the score overrides changed since it was published');
  await expect(page.getByTestId('snapshot').first()).not.toContainText('inputs.'); // no internal path on screen
  await differences.scrollIntoViewIfNeeded();
  await shot(page, 'moderation-verify-en', info.outputPath.bind(info));
});
