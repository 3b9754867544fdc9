// The formal check round (形式审查), in both languages: in Setup › Lists the coordinator adds a
// formal check before the influence list's scoring and saves; the Formal check tab appears with
// every entry of that list, suggestions pre-filled; entries with nothing found are passed in one
// go, then one of them fails with a reason asked in the app's dialog; the ranking holds it,
// saying why. Screenshots at 1366×768 go to test-results/ (and KEPU_SHOTS when set).
import { expect, test } from '@playwright/test';
import { loadSample, mergeSampleBundles } from './coordinator';
import { shot } from './shots';
import { serveApp, type ServedApp } from './host';

const apps: ServedApp[] = [];
test.afterEach(async () => {
  for (const app of apps.splice(0)) await app.stop();
});

for (const locale of ['zh-CN', 'en'] as const) {
  test(`a formal check before scoring holds a failed entry from the ranking (${locale})`, async ({ browser }, info) => {
    test.setTimeout(240_000);
    const en = locale === 'en';
    const app = await serveApp();
    apps.push(app);
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale });
    const snap = (name: string) => shot(page, `formal-check-${name}-${locale}`, info.outputPath.bind(info));
    await loadSample(page, app.url);
    await mergeSampleBundles(page, app.dataDir);
    // No formal round yet: no tab for it.
    await expect(page.getByRole('tab', { name: en ? 'Formal check' : '形式审查', exact: true })).toHaveCount(0);

    // Setup › Lists › Rounds: a formal check before the influence list's scoring.
    await page.getByRole('tab', { name: en ? 'Setup' : '设置方案' }).click();
    await page.getByTestId('setup-nav-lists').click();
    await page.getByTestId('setup-list-tab-0').click();
    await expect(page.getByTestId('setup-rounds-single')).toBeVisible();
    await page.getByTestId('setup-add-formal-round').click();
    await expect(page.getByTestId('setup-round-0')).toContainText(en ? 'Formal check' : '形式审查');
    await expect(page.getByTestId('setup-round-1')).toContainText(en ? 'Scoring round' : '评分轮');
    await expect(page.getByTestId('setup-round-name-0-zh')).toHaveValue('形式审查');
    await page.getByTestId('setup-round-name-0-en').fill('Formal review');
    await page.getByTestId('setup-rounds').scrollIntoViewIfNeeded();
    await snap('setup');
    await page.getByTestId('setup-reason').fill(en ? 'formal check before judging' : '评审前进行形式审查');
    await page.getByTestId('setup-save').click();
    await expect(page.getByTestId('setup-saved')).toContainText('2');

    // The Formal check tab: every influence entry unchecked, suggestions shown.
    await page.getByRole('tab', { name: en ? 'Formal check' : '形式审查', exact: true }).click();
    const rows = page.getByTestId('formal-rows').locator('tbody tr');
    await expect(rows.first()).toBeVisible();
    const total = await rows.count();
    await expect(page.getByTestId('formal-count-unchecked')).toHaveText(String(total));
    await expect(page.getByTestId('formal-suggestion').filter({ hasText: en ? 'Media not compliant' : '媒体不合规' }).first()).toBeVisible();
    await snap('list');
    await page.getByTestId('formal-accept-suggestions').click();
    await expect(page.getByTestId('formal-notice')).toBeVisible();
    await expect(page.getByTestId('formal-count-pass')).not.toHaveText('0');
    const passed = Number(await page.getByTestId('formal-count-pass').textContent());
    expect(passed).toBeGreaterThan(0);
    expect(Number(await page.getByTestId('formal-count-unchecked').textContent())).toBe(total - passed);

    // One passed entry fails, with a reason (required: the dialog will not record without one).
    await page.getByTestId('formal-filter-pass').click();
    const target = rows.first();
    const regNo = (await target.locator('td').first().textContent())!.trim();
    await target.getByTestId('formal-set-fail').click();
    await expect(page.getByTestId('confirm-dialog')).toBeVisible();
    await expect(page.getByTestId('confirm-ok')).toBeDisabled();
    const reason = en ? 'no signed consent form' : '未提交承诺书';
    await page.getByTestId('confirm-text').fill(reason);
    await snap('reason');
    await page.getByTestId('confirm-ok').click();
    await page.getByTestId('formal-filter-fail').click();
    const failed = page.getByTestId(`formal-row-${regNo}`);
    await expect(failed.getByTestId('formal-verdict')).toHaveText(en ? 'Failed' : '不通过');
    await expect(failed.getByTestId('formal-reason')).toHaveText(reason);
    await expect(page.getByTestId('formal-count-fail')).toHaveText('1');
    await snap('failed');

    // The ranking holds it, saying why: look through the categories for its row.
    await page.getByRole('tab', { name: en ? 'Ranking' : '排名', exact: true }).click();
    const categories = page.locator('nav.category-tabs button[role="tab"]');
    await expect(categories.first()).toBeVisible();
    let found = false;
    for (let i = 0; i < (await categories.count()) && !found; i++) {
      await categories.nth(i).click();
      const row = page.getByTestId('ranking-held').getByTestId('ranking-row').filter({ hasText: regNo });
      if ((await row.count()) > 0) {
        await expect(row).toContainText(en ? `Formal check: failed (${reason})` : `形式审查：不通过（${reason}）`);
        await row.scrollIntoViewIfNeeded();
        found = true;
      }
    }
    expect(found).toBe(true);
    await snap('ranking');
  });
}
