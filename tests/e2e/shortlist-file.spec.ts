// Levels (issue 14) in chromium, in both languages: a provincial installation makes the influence
// list's shortlist (top 30 %) and exports it as a signed shortlist file; a second installation
// creates a campaign from the same template, previews the file in the Import tab (origin, signer's
// fingerprint equal to the exporter's, entries per category), imports it after the app's own
// confirmation, and the entry panel shows where an entry came from. The sample's scores differ per
// data folder, so the spec takes its counts from what the panels show. Screenshots at 1366×768 go
// to test-results/ (and KEPU_SHOTS).
import { expect, test } from '@playwright/test';
import { createIdentity, loadSample, mergeSampleBundles, openSampleWorks, openTab } from './coordinator';
import { shot } from './shots';
import { serveApp, type ServedApp } from './host';

const apps: ServedApp[] = [];
test.afterEach(async () => {
  for (const app of apps.splice(0)) await app.stop();
});

for (const locale of ['zh-CN', 'en'] as const) {
  test(`shortlist file: export from one installation, preview and import into another (${locale})`, async ({ browser }, info) => {
    test.setTimeout(300_000);
    const en = locale === 'en';
    const out = info.outputPath.bind(info);

    // The province: sample merged, identity made, shortlist made, file exported.
    const province = await serveApp();
    apps.push(province);
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale });
    await loadSample(page, province.url);
    const fingerprint = await createIdentity(page, en ? 'Sichuan Health Commission' : '四川省卫生健康委员会', 'coordinator passphrase');
    await openSampleWorks(page);
    await mergeSampleBundles(page, province.dataDir);
    await openTab(page, 'ranking');
    const panel = page.getByTestId('shortlist-panel-influence');
    await expect(panel).toBeVisible({ timeout: 30_000 });
    await panel.getByTestId('shortlist-by').selectOption('percent');
    await panel.getByTestId('shortlist-value').fill('30');
    await panel.getByTestId('shortlist-make').click();
    await expect(panel.getByTestId('shortlist-made')).toBeVisible();
    const inCount = await panel.locator('tr[data-in="yes"]').count();
    expect(inCount).toBeGreaterThan(0);
    const download = page.waitForEvent('download');
    await panel.getByTestId('shortlist-export-file').click();
    const file = out(`province-${locale}.kepulist`);
    await (await download).saveAs(file);
    await expect(panel.getByTestId('shortlist-exported')).toContainText(en ? `Exported ${inCount} entries` : `已导出 ${inCount} 件作品`);
    await shot(page, `shortlist-file-exported-${locale}`, out, panel.getByTestId('shortlist-made'));

    // The national final: a campaign from the same template, the file previewed, then imported.
    const nation = await serveApp();
    apps.push(nation);
    const final = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale });
    await final.goto(nation.url);
    await final.getByTestId('template-sichuan-influence-2023').getByRole('button').click();
    await expect(final.getByTestId('campaign-title')).toBeVisible({ timeout: 30_000 });
    await openTab(final, 'import');
    const card = final.getByTestId('shortlist-file-import');
    await card.getByTestId('shortlist-file-input').setInputFiles(file);
    const preview = card.getByTestId('shortlist-file-preview');
    await expect(preview).toBeVisible();
    await expect(preview.getByTestId('shortlist-file-fingerprint')).toHaveText(fingerprint);
    await expect(preview).toContainText(en ? 'Sichuan Health Commission' : '四川省卫生健康委员会');
    await expect(card.getByTestId('shortlist-file-import-run')).toHaveText(en ? `Import ${inCount} entries` : `导入 ${inCount} 件作品`);
    await shot(final, `shortlist-file-preview-${locale}`, out, card);

    await card.getByTestId('shortlist-file-import-run').click();
    await expect(final.getByTestId('confirm-dialog')).toContainText(fingerprint);
    await final.getByTestId('confirm-ok').click();
    await expect(card.getByTestId('shortlist-file-done')).toContainText(en ? `Imported ${inCount} entries` : `已导入 ${inCount} 件作品`);

    await openTab(final, 'entries');
    await final.getByTestId('entry-imported-only').check();
    await expect(final.getByTestId('entry-row')).toHaveCount(inCount);
    await final.getByTestId('entry-row').first().click();
    const origin = final.getByTestId('entry-origin');
    await expect(origin).toContainText(en ? 'From: ' : '来自：');
    await expect(origin).toContainText(en ? 'original no.' : '原编号');
    await shot(final, `shortlist-file-origin-${locale}`, out, origin);

    // The same file again: refused, named.
    await openTab(final, 'import');
    await card.getByTestId('shortlist-file-input').setInputFiles(file);
    await expect(card.getByTestId('shortlist-file-import-run')).toBeDisabled();
  });
}
