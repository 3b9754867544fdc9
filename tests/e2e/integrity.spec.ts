// What a judge signed stays as signed, on screen: the red-team path (sample → merge the judges'
// bundles → publish → Review tab → judge "Zhang Wei" → press a digit) saves nothing; after
// publication, a local judge's score asks first, in-app, and goes through only on agreement.
import { expect, test } from '@playwright/test';
import { shot } from './shots';
import { coordinatorWithMergedSample, openTab, publishRanking } from './coordinator';
import { serveApp, type ServedApp } from './host';

const apps: ServedApp[] = [];
test.afterEach(async () => {
  for (const app of apps.splice(0)) await app.stop();
});

for (const locale of ['zh-CN', 'en'] as const) {
  test(`signed scores are read-only and a published result is not changed silently (${locale})`, async ({ browser }, info) => {
    const app = await serveApp();
    apps.push(app);
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale });
    await coordinatorWithMergedSample(page, app);
    await publishRanking(page);

    // Zhang Wei scored on his own laptop and sent a signed bundle: nothing here changes it.
    await openTab(page, 'review');
    const picker = page.getByTestId('judge-picker');
    await picker.selectOption({ label: (await picker.locator('option', { hasText: 'Zhang Wei' }).textContent())!.trim() });
    await expect(page.getByTestId('signed-note')).toBeVisible();
    // Read-only, said where "Saved" would be: no save of another entry stands in for this one's state.
    await expect(page.getByTestId('read-only-indicator')).toHaveText(locale === 'en' ? 'Read-only · signed by the judge' : '只读 · 评委已签名');
    await expect(page.getByTestId('save-indicator')).toHaveCount(0);
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
