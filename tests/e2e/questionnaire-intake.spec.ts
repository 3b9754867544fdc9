// Issue 16: a 问卷星 export (no registration numbers, the service's bookkeeping columns) imported
// through the import screen in both languages: recognised, numbered, and the next export keeps the
// same numbers.
import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { createFromTemplate } from './coordinator';
import { serveApp, type ServedApp } from './host';
import { shot } from './shots';

const HEADERS = ['序号', '提交答卷时间', '所用时间', '来源', '来源详情', '来自IP', '1、申报类型', '2、作品类别', '3、作品名称', '4、作者', '5、单位', '6、联系电话', '7、电子邮箱', '8、推荐理由', '总分'];
const answer = (n: number, title: string) => [String(n), `2023/12/1${n} 10:0${n}:00`, '185秒', '微信', 'N/A', `110.184.1.${n}(四川-成都)`, '作品', '视频', title, `作者${n}`, '四川大学华西医院', `1380013800${n}`, n === 2 ? 'wang@' : '', '原创', '0'];

async function exportOf(answers: string[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Sheet1');
  sheet.addRow(HEADERS);
  for (const a of answers) sheet.addRow(a);
  return Buffer.from(await book.xlsx.writeBuffer());
}

let app: ServedApp | null = null;
test.afterEach(async () => {
  await app?.stop();
  app = null;
});
test.use({ locale: 'zh-CN', viewport: { width: 1366, height: 768 } });

test('a questionnaire export without registration numbers is numbered, and the next export keeps them', async ({ page }, info) => {
  app = await serveApp();
  await createFromTemplate(page, app.url);
  await page.getByRole('tab', { name: '导入报名' }).click();
  const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  await page.getByTestId('import-file').setInputFiles({ name: '问卷星导出.xlsx', mimeType: xlsx, buffer: await exportOf([answer(1, '七步洗手法'), answer(2, '膳食宝塔'), answer(3, '科学补钙')]) });

  const choice = page.getByTestId('reg-no-choice');
  await expect(choice.getByTestId('questionnaire-source')).toHaveText('问卷星导出文件：已忽略 6 个系统列');
  await expect(choice.getByTestId('reg-no-counts')).toHaveText('编号形如 BM-0001：新编 3 个，沿用此前导入的 0 个');
  await expect(page.getByTestId('import-preview').locator('th').last()).toContainText('报名编号（生成）');
  // A malformed optional e-mail is a warning, not a refusal.
  await expect(page.getByTestId('import-summary')).toHaveText('文件共 3 行；其中 0 行将被拒收。');
  await choice.getByTestId('reg-no-prefix').fill('KP2023-');
  await expect(choice.getByTestId('reg-no-counts')).toHaveText('编号形如 KP2023-0001：新编 3 个，沿用此前导入的 0 个');
  await expect(page.getByTestId('preview-row-2')).toContainText('KP2023-0001');
  await shot(page, 'questionnaire-preview-zh', info.outputPath.bind(info), choice);
  await page.getByTestId('import-run').click();
  await expect(page.getByTestId('import-report').getByTestId('report-added')).toHaveText('3');

  // The next export, in English: one new answer, two kept, a changed title updates its entry.
  await page.getByTestId('language-switch').selectOption('en');
  await page.getByRole('button', { name: 'Import another file' }).click();
  await page.getByTestId('import-file').setInputFiles({ name: '问卷星导出 (2).xlsx', mimeType: xlsx, buffer: await exportOf([answer(4, '合理用药'), answer(3, '科学补钙(修订)'), answer(1, '七步洗手法')]) });
  await expect(choice.getByTestId('questionnaire-source')).toHaveText('A 问卷星 (Wenjuanxing) export: 6 bookkeeping columns left out');
  await expect(choice.getByTestId('reg-no-counts')).toHaveText('Numbers like KP2023-0001: 1 new, 2 kept from an earlier import');
  await expect(page.getByTestId('preview-row-2')).toContainText('KP2023-0004');
  await expect(page.getByTestId('preview-row-3')).toContainText('KP2023-0003');
  await shot(page, 'questionnaire-preview-en', info.outputPath.bind(info), choice);
  await page.getByTestId('import-run').click();
  const report = page.getByTestId('import-report');
  await expect(report.getByTestId('report-added')).toHaveText('1');
  await expect(report.getByTestId('report-updated')).toHaveText('1');
  await expect(report.getByTestId('report-unchanged')).toHaveText('1');
});

test('a column the file lacks takes one value for every row, and an unknown value is read as an allowed one', async ({ page }, info) => {
  app = await serveApp();
  await createFromTemplate(page, app.url);
  await page.getByRole('tab', { name: '导入报名' }).click();
  const csv = ['报名编号,作品类别,作品名称,作者,联系电话,推荐理由', 'A-1,微视频,七步洗手法,李晓雯,13800138000,原创', 'A-2,图文,膳食宝塔,王建国,13900139000,原创'].join('\r\n');
  await page.getByTestId('import-file').setInputFiles({ name: 'form.csv', mimeType: 'text/csv', buffer: Buffer.from(`\ufeff${csv}\r\n`) });
  await expect(page.getByTestId('import-summary')).toHaveText('文件共 2 行；其中 2 行将被拒收。');

  await page.locator('select[data-target="sys.kind"]').selectOption({ label: '所有行使用同一个值…' });
  await page.getByTestId('constant-sys.kind').selectOption({ label: '科普作品' });
  await expect(page.getByTestId('import-preview').locator('th').last()).toContainText('申报类型（所有行相同）');
  await expect(page.getByTestId('preview-row-3').locator('td').last()).toHaveText('科普作品');
  await expect(page.getByTestId('import-summary')).toHaveText('文件共 2 行；其中 1 行将被拒收。');

  await page.getByTestId('read-value-2-sys.category').selectOption({ label: '视频' });
  await expect(page.getByTestId('import-summary')).toHaveText('文件共 2 行；其中 0 行将被拒收。');
  await shot(page, 'import-constant-zh', info.outputPath.bind(info), page.getByTestId('mapping-table'));
  await page.getByTestId('import-run').click();
  await expect(page.getByTestId('import-report').getByTestId('report-added')).toHaveText('2');
});
