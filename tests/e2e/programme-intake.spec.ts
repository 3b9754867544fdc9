// A programme of its own through the coordinator's screens: an entry submitted before the
// registration opened is flagged in the import report, the entry table and its details; an
// account with neither a link nor a screenshot shows its problem in its details and in the
// compliance report; a brand row arrives with its brand name as title.
import { expect, test } from '@playwright/test';
import { createFromTemplate } from './coordinator';
import { serveApp, type ServedApp } from './host';

let app: ServedApp | null = null;
test.afterEach(async () => {
  await app?.stop();
  app = null;
});

test.use({ locale: 'zh-CN' });

test('early entries and incomplete accounts are flagged where the coordinator looks', async ({ page }, info) => {
  app = await serveApp();
  await createFromTemplate(page, app.url);
  await page.getByRole('tab', { name: '导入报名' }).click();
  const csv = [
    '报名编号,申报类型,作品类别,作品名称,作者,联系电话,推荐理由,平台全称,账号全称,账号链接,品牌名称,申报单位,行业细分,品牌介绍,提交时间',
    'SC-0001,作品,视频,抢跑的作品,李晓雯,13800138000,原创,,,,,,,,2023-12-08 20:00',
    'SC-0002,账号,,,,13800138001,坚持日更,抖音,没有链接的账号,,,,,,2023-12-12 10:00',
    'SC-0003,品牌,,,,13800138002,区域影响力大,,,,川派中医,成都中医药大学附属医院,中医药,三十年的科普品牌,2023-12-13 10:00',
  ].join('\r\n');
  await page.getByTestId('import-file').setInputFiles({ name: 'programme.csv', mimeType: 'text/csv', buffer: Buffer.from(`\ufeff${csv}\r\n`) });
  await page.getByTestId('import-run').click();
  const report = page.getByTestId('import-report');
  await expect(report.getByTestId('report-added')).toHaveText('3');
  await expect(report.getByTestId('report-early')).toHaveText('1');
  await expect(page.getByTestId('early-rows')).toHaveText('提前提交的行（报名开始前提交）：2');
  await page.screenshot({ path: info.outputPath('import-early-zh.png'), fullPage: true });

  await page.getByRole('tab', { name: '报名条目' }).click();
  await expect(page.getByTestId('entry-count')).toHaveText('共 3 条');
  const early = page.getByTestId('entry-row').filter({ hasText: 'SC-0001' });
  await expect(early.getByTestId('early-badge')).toHaveText('提前提交');
  await expect(page.getByTestId('entry-row').filter({ hasText: 'SC-0003' })).toContainText('川派中医');
  await page.getByLabel('仅看提前提交').check();
  await expect(page.getByTestId('entry-count')).toHaveText('共 1 条');
  await early.click();
  await expect(page.getByTestId('entry-detail')).toContainText('报名开始前提交：已保留并标记，由组织方决定是否受理。');
  await page.getByLabel('仅看提前提交').uncheck();
  await page.getByTestId('entry-row').filter({ hasText: 'SC-0002' }).click();
  await expect(page.getByTestId('entry-problems')).toContainText('须提供“账号链接”或截图');
  await page.screenshot({ path: info.outputPath('entry-problem-zh.png'), fullPage: true });

  await page.getByRole('tab', { name: '媒体检查' }).click();
  const problems = page.getByTestId('compliance-entry-problems');
  await expect(problems).toContainText('1 个条目材料不全');
  await expect(problems).toContainText('SC-0002');
  await page.getByTestId('language-switch').selectOption('en');
  await expect(problems).toContainText('Needs “Link” or a screenshot');
  await page.screenshot({ path: info.outputPath('compliance-entry-problems-en.png'), fullPage: true });
});
