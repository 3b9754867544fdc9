// The Record tab in both languages: the sample campaign's history (created, packages issued,
// bundles merged), filtered by action, searched, checked (intact: every entry chained) and
// exported as CSV. Screenshots at 1366×768 go to test-results/ (and KEPU_SHOTS when set).
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { loadSample, mergeSampleBundles } from './coordinator';
import { shot } from './shots';
import { serveApp, type ServedApp } from './host';

const apps: ServedApp[] = [];
test.afterEach(async () => {
  for (const app of apps.splice(0)) await app.stop();
});

for (const locale of ['zh-CN', 'en'] as const) {
  test(`the record of a campaign (${locale})`, async ({ browser }, info) => {
    test.setTimeout(150_000);
    const en = locale === 'en';
    const app = await serveApp();
    apps.push(app);
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale, acceptDownloads: true });
    await loadSample(page, app.url);
    await mergeSampleBundles(page, app.dataDir);

    await page.getByRole('tab', { name: en ? 'Record' : '操作记录' }).click();
    const rows = page.getByTestId('audit-rows').getByTestId('audit-row');
    await expect(rows.first()).toContainText(en ? 'Result bundle merged' : '合并评审结果包');
    await expect(page.getByTestId('audit-rows')).toContainText(en ? 'Campaign created' : '创建活动');
    await expect(page.getByTestId('audit-rows')).toContainText(en ? 'This computer' : '本机');
    // A merged bundle is the judge's doing, by name.
    await expect(rows.first()).toContainText(en ? /Judge \S+/ : /评委 \S+/);

    await page.getByTestId('audit-action').selectOption('campaign.create');
    await expect(rows).toHaveCount(1);
    await page.getByTestId('audit-action').selectOption('');
    await page.getByTestId('audit-verify').click();
    await expect(page.getByTestId('audit-check')).toContainText(en ? 'The record is intact' : '记录完好');
    await shot(page, `record-${locale}`, info.outputPath.bind(info));

    const download = page.waitForEvent('download');
    await page.getByTestId('audit-export').click();
    const file = await (await download).path();
    const csv = fs.readFileSync(file, 'utf8');
    expect(csv).toContain('"bundle.merge"');
  });
}
