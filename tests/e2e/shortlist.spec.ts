// The shortlist between rounds in the Ranking tab, in both languages: the sample is merged; the
// influence list's shortlist is previewed and made by top 30 %; one entry that is in is removed and
// one that is out is added, each with a reason typed into the app's own dialog; the counts say 1
// added and 1 removed with the number in unchanged. The sample's scores differ per data folder, so
// the spec picks its entries from what the panel shows. Screenshots at 1366×768 go to
// test-results/ (and KEPU_SHOTS).
import { expect, type Locator, test } from '@playwright/test';
import { loadSample, mergeSampleBundles, openTab } from './coordinator';
import { shot } from './shots';
import { serveApp, type ServedApp } from './host';

const apps: ServedApp[] = [];
test.afterEach(async () => {
  for (const app of apps.splice(0)) await app.stop();
});

/** Every row of the panel: registration number and whether it is in. */
async function rows(panel: Locator): Promise<{ regNo: string; in: boolean }[]> {
  return panel.locator('tr[data-testid^="shortlist-row-"]').evaluateAll((trs) =>
    trs.map((tr) => ({ regNo: (tr.getAttribute('data-testid') ?? '').replace('shortlist-row-', ''), in: tr.getAttribute('data-in') === 'yes' })),
  );
}

for (const locale of ['zh-CN', 'en'] as const) {
  test(`shortlist top 30 %, remove one and add one with reasons (${locale})`, async ({ browser }, info) => {
    test.setTimeout(180_000);
    const en = locale === 'en';
    const app = await serveApp();
    apps.push(app);
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale });
    await loadSample(page, app.url);
    await mergeSampleBundles(page, app.dataDir);
    await openTab(page, 'ranking');
    const panel = page.getByTestId('shortlist-panel-influence');
    await expect(panel).toBeVisible({ timeout: 30_000 });
    await expect(panel.getByTestId('shortlist-not-made')).toHaveText(en ? 'No shortlist has been made for this round yet.' : '本轮尚未生成入围名单。');
    await panel.getByTestId('shortlist-by').selectOption('percent');
    await panel.getByTestId('shortlist-value').fill('30');
    await panel.getByTestId('shortlist-preview').click();
    await expect(panel.getByTestId('shortlist-preview-title')).toContainText(en ? 'top 30 %' : '前 30%');
    await expect(panel.getByTestId('shortlist-counts')).toBeVisible();
    await expect(panel.locator('[data-testid^="shortlist-remove-"]')).toHaveCount(0); // a preview is not adjusted
    await shot(page, `shortlist-preview-${locale}`, info.outputPath.bind(info), panel.getByTestId('shortlist-preview-title'));

    await panel.getByTestId('shortlist-make').click();
    await expect(panel.getByTestId('shortlist-made')).toContainText(en ? 'Version 1 (top 30 %)' : '第 1 版（前 30%）');
    const before = await rows(panel);
    const inCount = before.filter((r) => r.in).length;
    expect(inCount).toBeGreaterThan(0);
    await expect(panel.getByTestId('shortlist-counts')).toContainText(en ? `${inCount} in ·` : `入围 ${inCount} 件`);

    // Remove the first entry that is in, with a reason.
    const goingOut = before.find((r) => r.in)!.regNo;
    const removeReason = en ? 'The author withdrew the work' : '作者申请退出复评';
    await panel.getByTestId(`shortlist-remove-${goingOut}`).click();
    await expect(page.getByTestId('confirm-ok')).toBeDisabled();
    await page.getByTestId('confirm-text').fill(removeReason);
    await page.getByTestId('confirm-ok').click();
    await expect(panel.getByTestId(`shortlist-row-${goingOut}`)).toHaveAttribute('data-in', 'no');
    await expect(panel.getByTestId(`shortlist-row-${goingOut}`)).toContainText(removeReason);

    // Add the first entry that is out by the rule (not the one just removed), with a reason.
    const comingIn = before.find((r) => !r.in && r.regNo !== goingOut)!.regNo;
    const addReason = en ? 'The jury asked for a second look' : '评审组建议复议';
    await panel.getByTestId(`shortlist-add-${comingIn}`).click();
    await page.getByTestId('confirm-text').fill(addReason);
    await page.getByTestId('confirm-ok').click();
    await expect(panel.getByTestId(`shortlist-row-${comingIn}`)).toHaveAttribute('data-in', 'yes');
    await expect(panel.getByTestId(`shortlist-row-${comingIn}`)).toContainText(addReason);

    const counts = panel.getByTestId('shortlist-counts');
    await expect(counts).toContainText(en ? `${inCount} in ·` : `入围 ${inCount} 件`);
    await expect(counts).toContainText(en ? '1 added · 1 removed' : '人工增补 1 件 · 人工移出 1 件');
    expect((await rows(panel)).filter((r) => r.in).length).toBe(inCount);
    await shot(page, `shortlist-adjusted-${locale}`, info.outputPath.bind(info), panel.getByTestId(`shortlist-row-${goingOut}`));
  });
}
