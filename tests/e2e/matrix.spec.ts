// The assignment matrix (issue 15), both languages: on the merged sample, a judge added late is put
// on two entries by clicking their cells; later they drop out, and the two entries — ticked with a
// third they were never on — move to another judge in one step: two move, the third stays with its
// reason, and the cells show where everyone now is. Screenshots looked at.
import { expect, test } from '@playwright/test';
import { api, loadSample, mergeSampleBundles, openTab, sampleWorksId } from './coordinator';
import { serveApp, type ServedApp } from './host';
import { shot } from './shots';

const apps: ServedApp[] = [];
test.afterEach(async () => {
  for (const app of apps.splice(0)) await app.stop();
});

for (const locale of ['zh-CN', 'en'] as const) {
  test(`puts a judge on entries by cell and moves them to another judge in one step (${locale})`, async ({ browser }, info) => {
    test.setTimeout(180_000);
    const en = locale === 'en';
    const app = await serveApp();
    apps.push(app);
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale });
    await loadSample(page, app.url);
    const campaignId = await sampleWorksId(page);
    await mergeSampleBundles(page, app.dataDir);
    const [late, other] = [en ? 'Late Judge' : '迟评委', en ? 'Stand-in Judge' : '接替评委'];
    const lateId = (await api<{ id: string }>(page, 'judge:create', { campaignId, name: late })).id;
    const otherId = (await api<{ id: string }>(page, 'judge:create', { campaignId, name: other })).id;
    await page.reload();
    await openTab(page, 'exchange');

    const matrix = page.getByTestId('assignment-matrix');
    await matrix.scrollIntoViewIfNeeded();
    const rows = matrix.getByTestId('matrix-row');
    await expect(rows.first()).toBeVisible();
    const regNos = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-regno')!));
    expect(regNos.length).toBeGreaterThanOrEqual(3);
    // Two cells clicked: the late judge is on the first two entries.
    for (const regNo of regNos.slice(0, 2)) {
      const cell = matrix.locator(`[data-regno="${regNo}"]`).getByTestId(`matrix-cell-${lateId}`);
      await cell.click();
      await expect(cell).toHaveText('●');
    }
    await shot(page, `matrix-cells-${locale}`, info.outputPath.bind(info), matrix);

    // The late judge drops out: the three first entries ticked, moved to the stand-in.
    for (const regNo of regNos.slice(0, 3)) await matrix.locator(`[data-regno="${regNo}"]`).getByTestId('matrix-tick').check();
    await matrix.getByTestId('matrix-from').selectOption(lateId);
    await matrix.getByTestId('matrix-to').selectOption(otherId);
    await matrix.getByTestId('matrix-move').click();
    await expect(matrix.getByTestId('matrix-notice')).toHaveText(
      en ? `2 entries moved from ${late} to ${other}; ${regNos[2]} stays: ${late} is not on it` : `已将 2 件作品从 ${late} 转给 ${other}；${regNos[2]} 未转移：${late} 未分配此作品`,
    );
    for (const regNo of regNos.slice(0, 2)) {
      const row = matrix.locator(`[data-regno="${regNo}"]`);
      await expect(row.getByTestId(`matrix-cell-${lateId}`)).toHaveText('·');
      await expect(row.getByTestId(`matrix-cell-${otherId}`)).toHaveText('●');
    }
    await shot(page, `matrix-moved-${locale}`, info.outputPath.bind(info), matrix);
  });
}
