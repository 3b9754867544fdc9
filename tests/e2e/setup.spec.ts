// The Setup tab in both languages: a coordinator renames the campaign for a new year, adds a
// category and a rubric dimension with weights that total 100 %, saves a version; a save whose
// weights total 90 % is refused with a translated reason and changes nothing; "New edition"
// starts next year's campaign.
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { serveApp, type ServedApp } from './host';

const apps: ServedApp[] = [];
test.afterEach(async () => {
  for (const app of apps.splice(0)) await app.stop();
});

async function shot(page: Page, name: string, outputPath: (name: string) => string) {
  const file = outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  if (process.env.KEPU_SHOTS) fs.copyFileSync(file, path.join(process.env.KEPU_SHOTS, `${name}.png`));
}

for (const locale of ['zh-CN', 'en'] as const) {
  test(`edits the programme of a campaign and starts a new edition (${locale})`, async ({ browser }, info) => {
    const en = locale === 'en';
    const app = await serveApp();
    apps.push(app);
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale });
    await page.goto(app.url);
    await page.getByTestId('template-sichuan-influence-2023').getByRole('button').click();
    await expect(page.getByTestId('campaign-title')).toContainText('2023');
    await page.getByRole('tab', { name: en ? 'Setup' : '设置方案' }).click();

    await page.getByTestId('setup-name-zh').fill('2024 中国(四川)第二届健康科普影响力榜');
    await page.getByTestId('setup-name-en').fill('2024 China (Sichuan) Health Science Popularization Influence List');
    await page.getByTestId('setup-add-dimension').first().click();
    await page.getByTestId('setup-dimension-3-zh').first().fill('科学性');
    await page.getByTestId('setup-dimension-3-en').first().fill('Accuracy');
    // 40/30/30 + 10 = 110 %, then 30/30/30/10 = 100 %.
    await page.getByTestId('setup-weight-3').first().fill('10');
    await expect(page.getByTestId('setup-weight-total').first()).toContainText('110');
    await page.getByTestId('setup-save').click();
    await expect(page.getByTestId('error-banner')).toContainText(en ? 'must total 100 %' : '必须合计 100%');
    await page.getByTestId('error-banner').getByRole('button').click();
    await page.getByTestId('setup-weight-0').first().fill('30');
    await expect(page.getByTestId('setup-weight-total').first()).toContainText('100');
    // The entrant's unit may be shown to judges in this programme, even under blind review.
    await expect(page.getByTestId('setup-identifying-work-unit')).toBeChecked();
    await page.getByTestId('setup-identifying-work-unit').uncheck();
    await page.getByTestId('setup-reason').fill(en ? 'second edition' : '第二届');
    await page.getByTestId('setup-save').click();
    await expect(page.getByTestId('setup-saved')).toContainText('2');
    await expect(page.getByTestId('campaign-title')).toContainText(en ? '2024 China' : '2024 中国');
    await expect(page.getByTestId('setup-versions')).toContainText(en ? 'second edition' : '第二届');
    await expect(page.getByTestId('setup-identifying-work-unit')).not.toBeChecked();
    await shot(page, `setup-${locale}`, info.outputPath.bind(info));
    await page.locator('.app-main').evaluate((el) => el.scrollTo(0, 0));
    await shot(page, `setup-top-${locale}`, info.outputPath.bind(info));

    await page.getByTestId('setup-new-edition').click();
    await expect(page.getByTestId('campaign-title')).toContainText('2025');
  });
}
