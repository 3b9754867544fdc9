// A screen that fails to render shows a translated message in its place, not a blank window: the
// ranking tab is fed a malformed answer (as a bug in a handler would send), the tab shows the
// message, the other tabs and the top bar still work, and "Try again" shows the tab once the
// answers are right again. No error text or code reaches the page.
import { expect, test } from '@playwright/test';
import { serveApp, type ServedApp } from './host';

let app: ServedApp | null = null;
test.afterEach(async () => {
  await app?.stop();
  app = null;
});

for (const [locale, tabs, title, retry] of [
  ['zh-CN', { ranking: '排名', entries: '报名条目', overview: '概览' }, '此页面未能显示', '重试'],
  ['en', { ranking: 'Ranking', entries: 'Entries', overview: 'Overview' }, 'This screen could not be shown', 'Try again'],
] as const) {
  test.describe(locale, () => {
    test.use({ locale, viewport: { width: 1366, height: 768 } });
    test(`a tab that fails to render says so and recovers (${locale})`, async ({ page }, info) => {
      app = await serveApp();
      await page.goto(app.url);
      await page.getByTestId('load-sample').click();
      await expect(page.getByTestId('campaign-title')).toBeVisible({ timeout: 60_000 });

      // A handler bug: the summary arrives without its categories.
      await page.route('**/api/ranking:summary', async (route) => {
        const response = await route.fetch();
        const body = await response.json();
        await route.fulfill({ response, json: { ...body, value: { ...body.value, categories: null } } });
      });
      await page.getByRole('tab', { name: tabs.ranking }).click();
      const failed = page.getByTestId('tab-failed');
      await expect(failed).toBeVisible();
      await expect(failed).toContainText(title);
      await expect(failed).not.toContainText('TypeError');
      await expect(page.getByRole('tab', { name: tabs.entries })).toBeVisible();
      await page.screenshot({ path: info.outputPath(`tab-failed-${locale}.png`) });

      // The other tabs still work.
      await page.getByRole('tab', { name: tabs.overview }).click();
      await expect(failed).toHaveCount(0);
      await page.getByRole('tab', { name: tabs.ranking }).click();
      await expect(failed).toBeVisible();

      // Fixed answers: "Try again" shows the ranking.
      await page.unroute('**/api/ranking:summary');
      await failed.getByRole('button', { name: retry }).click();
      await expect(failed).toHaveCount(0);
      await expect(page.getByTestId('ranking-view')).toBeVisible();
    });
  });
}
