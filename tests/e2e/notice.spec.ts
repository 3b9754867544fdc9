// 公示 end to end in chromium: publish (lock) the provisional ranking, create a notice of the
// influence list from it, export the PDF (read back with pdftotext: title, 公示期, no scores),
// record an objection and uphold it (the entry disqualified, after agreeing to move the published
// provisional result), then try the final publish during the period — refused with
// the translated message naming the end, offered as an override with a reason. In Chinese, then
// the same tab in English. Screenshots at 1366×768 (KEPU_SHOTS copies them out).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { shot } from './shots';
import { coordinatorWithMergedSample, publishRanking } from './coordinator';
import { serveApp, type ServedApp } from './host';

const apps: ServedApp[] = [];
test.afterEach(async () => {
  for (const app of apps.splice(0)) await app.stop();
});

test('notice from the locked result, PDF export, an objection upheld, final lock refused during the period', async ({ browser }, info) => {
  test.setTimeout(180_000);
  const app = await serveApp();
  apps.push(app);
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', acceptDownloads: true });
  // The provisional result: the sample bundles merged and locked.
  await coordinatorWithMergedSample(page, app);
  await publishRanking(page);

  // The notice: preview, create (period from now, a week long), the list without scores.
  await page.getByRole('tab', { name: '公示' }).click();
  await page.getByTestId('notice-order').selectOption('unranked');
  await page.getByTestId('notice-preview-button').click();
  await expect(page.getByTestId('notice-preview')).toContainText('排名不分先后');
  await page.getByTestId('notice-order').selectOption('ranked');
  await page.getByTestId('notice-create-button').click();
  await expect(page.getByTestId('notice-item')).toHaveCount(1);
  await expect(page.getByTestId('notice-list')).toContainText('公示中');
  const rows = page.getByTestId('notice-row');
  await expect(rows.first()).toBeVisible();
  const firstTitle = (await rows.first().locator('td').nth(3).innerText()).trim();

  // PDF export, read back.
  const download = page.waitForEvent('download');
  await page.getByTestId('notice-export-pdf').click();
  const pdf = path.join(app.dataDir, 'notice.pdf');
  await (await download).saveAs(pdf);
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain('公示期');
  expect(text.replace(/\s+/g, '')).toContain(firstTitle.replace(/\s+/g, '').slice(0, 6));
  expect(text).not.toMatch(/\d+\.\d{2}/);

  // An objection, with an attachment, upheld.
  await page.getByTestId('objection-add').click();
  await page.getByTestId('objection-from').fill('张三');
  await page.getByTestId('objection-text').fill('该作品与已发表作品雷同。');
  await page.getByTestId('objection-save').click();
  const objection = page.getByTestId('objection');
  await expect(objection).toHaveCount(1);
  await expect(objection.getByTestId('objection-status')).toHaveText('待处理');
  await objection.getByTestId('objection-attach').setInputFiles({ name: '证据.txt', mimeType: 'text/plain', buffer: Buffer.from('evidence') });
  await expect(objection).toContainText('证据.txt');
  await shot(page, 'notice-top-zh', info.outputPath.bind(info), page.getByTestId('notice-create'));
  await shot(page, 'notice-objections-zh', info.outputPath.bind(info), objection);
  await objection.getByTestId('objection-uphold-disqualify').click();
  await expect(page.getByTestId('confirm-dialog')).toContainText('取消资格');
  await page.getByTestId('confirm-text').fill('经核查，异议成立。');
  await page.getByTestId('confirm-ok').click();
  // The provisional result is published: the app asks before the decision moves it.
  await expect(page.getByTestId('confirm-dialog')).toBeVisible();
  await page.getByTestId('confirm-ok').click();
  await expect(objection.getByTestId('objection-status')).toHaveText('成立');
  await expect(objection.getByTestId('objection-resolution')).toContainText('经核查，异议成立。');
  await expect(objection.getByTestId('objection-resolution')).toContainText('对作品的决定：取消资格');

  // The final publish during the period: refused, with the translated message naming the end.
  const end = (await page.getByTestId('notice-edit-end').inputValue()).replace('T', ' ');
  await page.getByRole('tab', { name: '排名' }).click();
  await page.getByTestId('ranking-lock').click();
  await page.getByTestId('confirm-ok').click();
  const dialog = page.getByTestId('confirm-dialog');
  await expect(dialog).toContainText(`公示期至 ${end}`);
  await expect(page.getByTestId('confirm-ok')).toBeDisabled();
  await shot(page, 'notice-lock-refused-zh', info.outputPath.bind(info));
  await page.getByTestId('confirm-cancel').click();

  // The same tab in English.
  await page.getByTestId('language-switch').selectOption('en');
  await page.getByRole('tab', { name: 'Public notice' }).click();
  await expect(page.getByTestId('notice-list')).toContainText('Open for objections');
  await expect(page.getByTestId('objection-status')).toHaveText('Upheld');
  await shot(page, 'notice-preview-en', info.outputPath.bind(info), page.getByTestId('notice-preview'));
  await shot(page, 'notice-objections-en', info.outputPath.bind(info), page.getByTestId('objection'));
  await page.getByRole('tab', { name: 'Ranking' }).click();
  await page.getByTestId('ranking-lock').click();
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('confirm-dialog')).toContainText(`runs until ${end}`);
});
