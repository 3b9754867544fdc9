// Registrations by e-mail, in the browser: a folder of mails (GBK with an MP4, quoted-printable
// with a cloud link, one whose kind cannot be read), the kind chosen in the preview, the
// attachment checked in the media report, the cloud link on the entry. Both languages.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { expect, test } from '@playwright/test';
import { createFromTemplate } from './coordinator';
import { serveApp, type ServedApp } from './host';
import { shot } from './shots';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/mail');
let app: ServedApp | null = null;
test.afterEach(async () => {
  await app?.stop();
  app = null;
});

test.use({ locale: 'zh-CN' });

async function mailFolder(): Promise<string> {
  const folder = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kepu-mails-')), '报名邮件');
  fs.mkdirSync(folder);
  fs.copyFileSync(path.join(fixtures, 'gbk-video.eml'), path.join(folder, '1-gbk-video.eml'));
  fs.copyFileSync(path.join(fixtures, 'qp-account.eml'), path.join(folder, '2-qp-account.eml'));
  const unreadable = await new MailComposer({
    from: '张敏 <zhang@example.cn>',
    to: 'kepu@example.org',
    subject: '科普报名',
    messageId: '<kind-1@example.cn>',
    date: new Date('2023-12-05T02:00:00Z'),
    text: ['申报类型：讲座', '作品类别：图文', '作品名称：一图读懂膳食宝塔', '作者：张敏', '电话：13900001111', '申报理由：通俗易懂'].join('\n'),
  })
    .compile()
    .build();
  fs.writeFileSync(path.join(folder, '3-unreadable-kind.eml'), unreadable);
  fs.writeFileSync(path.join(folder, 'notes.txt'), 'not a mail');
  return folder;
}

test('a coordinator imports a folder of registration mails, chooses the unreadable kind, and finds the attachment checked', async ({ page }, info) => {
  app = await serveApp();
  await createFromTemplate(page, app.url);
  await page.getByRole('tab', { name: '导入报名' }).click();
  await page.getByTestId('import-folder').setInputFiles(await mailFolder());

  await expect(page.getByTestId('import-source-name')).toHaveText('报名邮件（3 个邮件文件）');
  await expect(page.getByTestId('import-summary')).toHaveText('文件共 3 行；其中 1 行将被拒收。');
  const preview = page.getByTestId('import-preview');
  await expect(preview.getByTestId('preview-row-1')).toContainText('七步洗手法.mp4');
  await expect(preview.getByTestId('preview-row-1')).toContainText('报名：七步洗手法');
  await expect(preview.getByTestId('preview-row-2')).toContainText('百度网盘链接：需手动下载');
  await expect(preview.getByTestId('preview-row-2')).toContainText('提取码 x7k2');
  await expect(preview.getByTestId('preview-row-3')).toContainText('申报类型“讲座”不是可识别的申报类型');
  await shot(page, 'mail-preview-zh', info.outputPath.bind(info), preview);

  // The one mail whose kind could not be read: chosen here, it is no longer refused.
  await preview.getByTestId('choose-kind-3').selectOption('work');
  await expect(page.getByTestId('import-summary')).toHaveText('文件共 3 行；其中 0 行将被拒收。');
  await expect(preview.getByTestId('preview-row-3')).not.toContainText('讲座”不是');
  await page.getByTestId('import-run').click();

  const report = page.getByTestId('import-report');
  await expect(report.getByTestId('report-added')).toHaveText('3');
  await expect(report.getByTestId('report-rejected')).toHaveText('0');
  await expect(report.getByTestId('mail-report-media')).toHaveText('已保存、关联并检查附件 1 个：合格 1，不合格 0，无法读取 0（详见“媒体检查”）。');
  await expect(report.getByTestId('mail-report-fetch')).toContainText('1 个需手动下载的网盘链接');
  await shot(page, 'mail-report-zh', info.outputPath.bind(info), report);

  // The media report lists the attachment under its own name, checked.
  await page.getByTestId('campaign-tab-media').click();
  const compliance = page.getByTestId('compliance-table');
  await expect(compliance).toContainText('七步洗手法.mp4');
  await expect(compliance).toContainText('MAIL-0001');
  await shot(page, 'mail-media-report-zh', info.outputPath.bind(info), compliance);

  // The account's cloud link is on its entry, in English too.
  await page.getByTestId('language-switch').selectOption('en');
  await page.getByRole('tab', { name: 'Entries' }).click();
  await page.getByTestId('entry-row').filter({ hasText: 'MAIL-0002' }).click();
  const detail = page.getByTestId('entry-detail');
  await expect(detail.getByTestId('entry-media-to-fetch')).toContainText('Media to fetch by hand');
  await expect(detail.getByTestId('entry-media-to-fetch')).toContainText('https://pan.baidu.com/s/1AbCdEfGh');
  await expect(detail.getByTestId('entry-media-to-fetch')).toContainText('code x7k2');
  await shot(page, 'mail-entry-en', info.outputPath.bind(info), detail);

  // The same folder again, in English: every mail known, nothing added.
  await page.getByRole('tab', { name: 'Import registrations' }).click();
  await page.getByTestId('import-folder').setInputFiles(await mailFolder());
  await expect(preview.getByTestId('preview-row-1')).toContainText('Imported before: updates its entry');
  await preview.getByTestId('choose-kind-3').selectOption('work');
  await expect(page.getByTestId('import-summary')).toHaveText('3 rows in the file; 0 would be rejected.');
  await shot(page, 'mail-preview-again-en', info.outputPath.bind(info), preview);
  await page.getByTestId('import-run').click();
  await expect(page.getByTestId('import-report').getByTestId('report-unchanged')).toHaveText('3');
});
