// What a judge signed stays as signed, on screen: the red-team path (sample → merge the judges'
// bundles → publish → Review tab → judge "Zhang Wei" → press a digit) saves nothing; after
// publication, a local judge's score asks first, in-app, and goes through only on agreement.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { shot } from './shots';
import { serveApp, type ServedApp } from './host';

const apps: ServedApp[] = [];
test.afterEach(async () => {
  for (const app of apps.splice(0)) await app.stop();
});

const texts = {
  'zh-CN': { settings: '设置', campaigns: '评审活动', exchange: '评委与交换', ranking: '排名', review: '评审' },
  en: { settings: 'Settings', campaigns: 'Campaigns', exchange: 'Judges & exchange', ranking: 'Ranking', review: 'Review' },
} as const;

for (const locale of ['zh-CN', 'en'] as const) {
  test(`signed scores are read-only and a published result is not changed silently (${locale})`, async ({ browser }, info) => {
    const t = texts[locale];
    const app = await serveApp();
    apps.push(app);
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale });
    await page.goto(app.url);
    await page.getByTestId('load-sample').click();
    await expect(page.getByTestId('campaign-title')).toBeVisible({ timeout: 30_000 }); // the sample makes real media first

    await page.getByRole('button', { name: t.settings }).click();
    await page.getByTestId('identity-name').fill('组委会');
    await page.getByTestId('identity-passphrase').fill('coordinator passphrase');
    await page.getByTestId('identity-repeat').fill('coordinator passphrase');
    await page.getByTestId('identity-create').click();
    await expect(page.getByTestId('identity-fingerprint')).toBeVisible();
    await page.getByRole('button', { name: t.campaigns }).click();
    await page.getByRole('button', { name: /四川|Sichuan/ }).first().click();

    await page.getByRole('tab', { name: t.exchange }).click();
    const folder = path.join(app.dataDir, 'sample-bundles');
    await page.getByTestId('bundle-files').setInputFiles(fs.readdirSync(folder).map((f) => path.join(folder, f)));
    await expect(page.getByTestId('merge-coverage')).toBeVisible();

    await page.getByRole('tab', { name: t.ranking }).click();
    await page.getByTestId('ranking-lock').click();
    await expect(page.getByTestId('confirm-dialog')).toBeVisible();
    await page.getByTestId('confirm-ok').click();
    await expect(page.getByTestId('ranking-latest-lock')).toBeVisible();

    // Zhang Wei scored on his own laptop and sent a signed bundle: nothing here changes it.
    await page.getByRole('tab', { name: t.review, exact: true }).click();
    const picker = page.getByTestId('judge-picker');
    await picker.selectOption({ label: (await picker.locator('option', { hasText: 'Zhang Wei' }).textContent())!.trim() });
    await expect(page.getByTestId('signed-note')).toBeVisible();
    const total = await page.getByTestId('review-total').textContent();
    const sliders = page.locator('.score-panel [role="slider"]');
    await expect(sliders.first()).toHaveAttribute('aria-disabled', 'true');
    await sliders.first().click({ force: true });
    await page.keyboard.press('3');
    await page.keyboard.press('c');
    await expect(page.getByTestId('review-total')).toHaveText(total!);
    await expect(page.getByTestId('review-comment')).toHaveAttribute('readonly', '');
    await expect(page.getByTestId('error-banner')).toHaveCount(0);
    await shot(page, `integrity-signed-${locale}`, info.outputPath.bind(info));

    // A judge scoring on this machine after publication is asked first; "cancel" saves nothing.
    await page.getByTestId('add-judge').click();
    await page.getByTestId('judge-name').fill(locale === 'en' ? 'Local judge' : '本机评委');
    await page.getByTestId('judge-create').click();
    await expect(page.getByTestId('confirm-dialog')).toBeVisible(); // assigning all entries moves the result too
    await shot(page, `integrity-confirm-${locale}`, info.outputPath.bind(info));
    await page.getByTestId('confirm-ok').click();
    await expect(page.getByTestId('signed-note')).toHaveCount(0);
    const first = page.locator('.score-panel [role="slider"]').first();
    await first.focus();
    await page.keyboard.press('7');
    await expect(page.getByTestId('save-indicator')).toContainText(/1/);
  });
}
