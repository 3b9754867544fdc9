// Settings › Backups in the browser shell, in both languages: back up now, see it listed (with its
// kind and size), restore it after the confirmation (prepared beside the current data, put in
// place at the next start), and the number of automatic backups kept.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { serveApp, type ServedApp } from './host';

const apps: ServedApp[] = [];
test.afterEach(async () => {
  for (const app of apps.splice(0)) await app.stop();
});

for (const language of ['zh-CN', 'en'] as const) {
  test(`creates a backup in Settings, sees it listed and restores it (${language})`, async ({ browser }, info) => {
    test.setTimeout(120_000);
    const app = await serveApp();
    apps.push(app);
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: language });
    await page.goto(app.url);
    await page.getByTestId('nav-settings').click();
    const panel = page.getByTestId('backup-panel');
    await expect(panel.getByRole('heading', { name: language === 'en' ? 'Backups' : '备份', exact: true })).toBeVisible();
    await expect(panel).toContainText(language === 'en' ? 'No backups yet.' : '还没有备份。');
    await expect(page.getByTestId('backup-auto-keep')).toHaveValue('10');

    await page.getByTestId('backup-create').click();
    await expect(page.getByTestId('backup-created')).toContainText(language === 'en' ? 'Backup written:' : '备份已写入');
    const rows = page.getByTestId('backup-list').getByTestId('backup-row');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(language === 'en' ? 'Manual' : '手动');
    await expect(rows.first()).toContainText(/kB|MB/);
    const written = fs.readdirSync(path.join(app.dataDir, 'backups', 'data')).filter((n) => n.endsWith('.kepubackup'));
    expect(written).toHaveLength(1);
    await page.getByTestId('backup-panel').scrollIntoViewIfNeeded();
    await page.screenshot({ path: info.outputPath(`backup-settings-${language}.png`) });

    // Restore: asked first; then checked and prepared beside the current data.
    await rows.first().getByTestId('backup-restore').click();
    await expect(page.getByTestId('confirm-ok')).toHaveText(language === 'en' ? 'Restore at next start' : '下次启动时恢复');
    await page.getByTestId('confirm-ok').click();
    await expect(page.getByTestId('backup-restored')).toContainText(language === 'en' ? 'is checked and ready' : '已检查完毕并准备就绪');
    expect(fs.existsSync(path.join(app.dataDir, 'restore-pending', 'kepu.sqlite'))).toBe(true);

    // How many automatic backups are kept: saved when the field is left.
    await page.getByTestId('backup-auto-keep').fill('4');
    await page.getByTestId('backup-auto-keep').blur();
    await page.reload();
    await page.getByTestId('nav-settings').click();
    await expect(page.getByTestId('backup-auto-keep')).toHaveValue('4');
  });
}
