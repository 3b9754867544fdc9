// A campaign's end of life in the browser shell: archive it (read-only banner, gone from the
// list, back with "Show archived", badge), restore it to the list; delete it with its name typed
// (the list says where the backup went), and restore it from that backup file.
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
  await page.screenshot({ path: file, fullPage: false });
  if (process.env.KEPU_SHOTS) fs.copyFileSync(file, path.join(process.env.KEPU_SHOTS, `${name}.png`));
}

test('archives, restores to the list, deletes with the name typed and restores from the backup', async ({ browser }, info) => {
  test.setTimeout(180_000); // many steps, each a round trip to a real database
  const app = await serveApp();
  apps.push(app);
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'en' });
  await page.goto(app.url);
  await page.getByTestId('load-sample').click();
  const title = 'Sample: 2023 China (Sichuan) Health Science Popularization Influence List';
  // Loading the sample copies and probes its media: seconds on a busy machine.
  await expect(page.getByTestId('campaign-title')).toHaveText(title, { timeout: 60_000 });
  const row = () => page.getByTestId('campaign-table').getByRole('row').filter({ hasText: title });

  // Archive, with a reason: the banner says read-only on every tab, a change is refused.
  await page.getByRole('tab', { name: 'Overview' }).click();
  await page.getByTestId('lifecycle-archive').click();
  await page.getByTestId('confirm-text').fill('2023 season closed');
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('archived-banner')).toContainText('Archived — read-only.');
  await expect(page.getByTestId('archived-banner')).toContainText('2023 season closed');
  await expect(page.getByTestId('lifecycle-unarchive')).toBeVisible();
  await page.locator('.app-main').evaluate((el) => el.scrollTo(0, 0));
  await shot(page, 'lifecycle-archived-campaign', info.outputPath.bind(info));
  await page.getByRole('tab', { name: 'Setup' }).click();
  await page.getByTestId('setup-reason').fill('try');
  await page.getByTestId('setup-name-en').fill('Renamed');
  await page.getByTestId('setup-save').click();
  await expect(page.getByTestId('error-banner')).toContainText('is archived and read-only');
  // The code is for support ("Copy details"), not shown.
  await expect(page.getByTestId('error-banner')).not.toContainText('CAMPAIGN_ARCHIVED');

  // Gone from the list; "Show archived" brings it back with its badge.
  await page.getByRole('button', { name: /All campaigns/ }).click();
  await expect(page.getByTestId('campaign-table')).toBeVisible();
  await expect(row()).toHaveCount(0);
  await page.getByTestId('show-archived').check();
  await expect(row()).toHaveCount(1);
  await expect(row().getByTestId('archived-badge')).toHaveText('Archived');
  await shot(page, 'lifecycle-show-archived', info.outputPath.bind(info));

  // Restored to the list from the banner.
  await row().getByRole('button').first().click();
  await page.getByTestId('unarchive').click();
  await expect(page.getByTestId('archived-banner')).toHaveCount(0);
  await page.getByRole('button', { name: /All campaigns/ }).click();
  await page.getByTestId('show-archived').uncheck();
  await expect(row()).toHaveCount(1);
  await expect(row().getByTestId('archived-badge')).toHaveCount(0);

  // Delete: the button stays off until the campaign's name is typed.
  await row().getByRole('button').first().click();
  await page.getByRole('tab', { name: 'Overview' }).click();
  await page.getByTestId('lifecycle-delete').click();
  await expect(page.getByTestId('confirm-dialog')).toContainText(`Delete “${title}”?`);
  await expect(page.getByTestId('confirm-ok')).toBeDisabled();
  await page.getByTestId('confirm-text').fill('Sample');
  await expect(page.getByTestId('confirm-ok')).toBeDisabled();
  await page.getByTestId('confirm-text').fill(title);
  await expect(page.getByTestId('confirm-ok')).toBeEnabled();
  await shot(page, 'lifecycle-delete-dialog', info.outputPath.bind(info));
  await page.getByTestId('confirm-ok').click();

  // Back on the list: where the backup went; the campaign is gone, archived or not.
  await expect(page.getByTestId('notice')).toContainText(`“${title}” was deleted. Its backup was written to`, { timeout: 30_000 });
  const notice = (await page.getByTestId('notice').textContent()) ?? '';
  const backup = /written to (.+\.kepubackup)/.exec(notice)?.[1] ?? '';
  expect(path.dirname(backup)).toBe(path.join(app.dataDir, 'backups'));
  expect(fs.existsSync(backup)).toBe(true);
  await page.getByTestId('show-archived').check();
  await expect(row()).toHaveCount(0);
  await shot(page, 'lifecycle-deleted', info.outputPath.bind(info));

  // Restore from the backup file: the campaign opens again, with its entries.
  await page.getByTestId('restore-backup-file').setInputFiles(backup);
  await expect(page.getByTestId('campaign-title')).toHaveText(title, { timeout: 30_000 });
  await page.getByRole('button', { name: /All campaigns/ }).click();
  await expect(row()).toHaveCount(1);
  await expect(row()).toContainText('32');
  await shot(page, 'lifecycle-restored', info.outputPath.bind(info));
});
