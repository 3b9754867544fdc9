// A list ranked by its programme's own rules, in both languages: in Setup the coordinator gives the
// influence list the median and one gold award per category (its own tier, named in both
// languages), saves, and the Ranking tab orders that list by the median, says so, and marks the
// top entry of each category with the gold award — while the ranking settings still name another
// method. Screenshots at 1366×768 go to test-results/ (and KEPU_SHOTS when set).
import { expect, test } from '@playwright/test';
import { loadSample, mergeSampleBundles } from './coordinator';
import { shot } from './shots';
import { serveApp, type ServedApp } from './host';

const apps: ServedApp[] = [];
test.afterEach(async () => {
  for (const app of apps.splice(0)) await app.stop();
});

for (const locale of ['zh-CN', 'en'] as const) {
  test(`a list with its own method and award tiers (${locale})`, async ({ browser }, info) => {
    test.setTimeout(180_000);
    const en = locale === 'en';
    const app = await serveApp();
    apps.push(app);
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale });
    const snap = (name: string) => shot(page, `list-rules-${name}-${locale}`, info.outputPath.bind(info));
    await loadSample(page, app.url);
    await mergeSampleBundles(page, app.dataDir);

    // Setup › Lists: the influence list by the median, with one gold award per category.
    await page.getByRole('tab', { name: en ? 'Setup' : '设置方案' }).click();
    await page.getByTestId('setup-nav-lists').click();
    await page.getByTestId('setup-list-tab-0').click();
    await page.getByTestId('setup-list-method').selectOption('median');
    await page.getByTestId('setup-list-own-tiers').check();
    await page.getByTestId('add-setup-list-tier').click();
    await page.getByTestId('setup-list-tier-0-zh').fill('金奖');
    await page.getByTestId('setup-list-tier-0-en').fill('Gold award');
    await page.getByTestId('setup-list-tier-0-value').fill('1');
    await page.getByTestId('setup-list-tier-row').scrollIntoViewIfNeeded();
    await snap('setup');
    await page.getByTestId('setup-reason').fill(en ? 'the notice fixes one gold award per category' : '通知规定每类一个金奖');
    await page.getByTestId('setup-save').click();
    await expect(page.getByTestId('setup-saved')).toContainText('2');

    // Ranking: the list says it follows its programme; the first entry of the category is gold.
    await page.getByRole('tab', { name: en ? 'Ranking' : '排名' }).click();
    const rules = page.getByTestId('ranking-own-rules');
    await expect(rules).toContainText(en ? 'Median' : '中位数');
    await expect(page.getByTestId('ranking-method')).toHaveValue('median');
    const first = page.getByTestId('ranking-ranked').getByTestId('ranking-row').first();
    await expect(first).toContainText(en ? 'Gold award' : '金奖');
    await expect(page.getByTestId('ranking-ranked').getByTestId('ranking-row').nth(1)).not.toContainText(en ? 'Gold award' : '金奖');
    await snap('ranking');
    // The settings still publish by another method, and say which list keeps its own.
    await page.getByTestId('ranking-settings-toggle').click();
    await expect(page.getByTestId('ranking-settings-own')).toBeVisible();
    await expect(page.getByTestId('ranking-primary')).not.toHaveValue('median');
    await page.getByTestId('ranking-settings-own').scrollIntoViewIfNeeded();
    await snap('settings');
  });
}
