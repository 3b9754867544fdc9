// A decision from the entry panel, in both languages: the sample is merged, SC2023-0004 (first in
// its category) is disqualified with a reason typed into the app's own dialog; the panel shows it
// in effect with who and when; the ranking holds the entry with the reason and its "why this
// place" view names the decision. Screenshots at 1366×768 go to test-results/ (and KEPU_SHOTS).
import { expect, test } from '@playwright/test';
import { shot } from './shots';
import { loadSample, mergeSampleBundles } from './coordinator';
import { serveApp, type ServedApp } from './host';

const apps: ServedApp[] = [];
test.afterEach(async () => {
  for (const app of apps.splice(0)) await app.stop();
});

for (const locale of ['zh-CN', 'en'] as const) {
  test(`disqualify an entry from its panel and see it held in the ranking (${locale})`, async ({ browser }, info) => {
    test.setTimeout(180_000);
    const en = locale === 'en';
    const reason = en ? 'Copied from a published video' : '抄袭已发表作品';
    const app = await serveApp();
    apps.push(app);
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale });
    await loadSample(page, app.url);
    await mergeSampleBundles(page, app.dataDir);

    await page.getByRole('tab', { name: en ? 'Entries' : '报名条目' }).click();
    await page.getByTestId('entry-search').fill('SC2023-0004');
    await expect(page.getByTestId('entry-row')).toHaveCount(1);
    await page.getByTestId('entry-row').first().click();
    await expect(page.getByTestId('entry-detail')).toContainText('SC2023-0004');
    const decisions = page.getByTestId('entry-detail').getByTestId('entry-decisions');
    await expect(decisions).toContainText(en ? 'No decision in effect' : '无生效决定');
    // On time and with compliant media: only disqualify and withdraw apply.
    await expect(decisions.getByRole('button')).toHaveCount(2);
    await decisions.getByTestId('decision-disqualify').click();
    await expect(page.getByTestId('confirm-ok')).toBeDisabled();
    await page.getByTestId('confirm-text').fill(reason);
    await page.getByTestId('confirm-ok').click();
    const current = decisions.getByTestId('decisions-current');
    await expect(current).toContainText(en ? 'Disqualified by This computer on' : '已取消资格（本机，');
    await expect(current).toContainText(reason);
    await expect(current).toContainText('(UTC+8)');
    await expect(decisions.getByTestId('decision-reinstate')).toBeVisible();
    // The list marks the entry too.
    await expect(page.getByTestId('entry-row').first().getByTestId('decision-badge')).toHaveText(en ? 'Disqualified' : '已取消资格');
    await shot(page, `decision-panel-${locale}`, info.outputPath.bind(info));

    await page.getByRole('tab', { name: en ? 'Ranking' : '排名' }).click();
    const held = page.getByTestId('ranking-held');
    await expect(held).toContainText('SC2023-0004');
    await expect(held).toContainText(reason);
    await expect(held).toContainText(en ? 'Disqualified (This computer)' : '已取消资格（本机）');
    await held.getByRole('button', { name: 'SC2023-0004' }).click();
    const why = page.getByTestId('ranking-detail-decisions');
    await expect(why).toContainText(en ? 'Held under these decisions' : '依据以下决定暂缓排名');
    await expect(why).toContainText(reason);
    await shot(page, `decision-ranking-${locale}`, info.outputPath.bind(info));
  });
}
