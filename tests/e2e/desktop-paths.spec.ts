// Desktop paths of issue 21 in the browser shell (chromium against `kepu serve`): every export has
// "Save as…", which here is a download of the file the app wrote (the host's /export-file route),
// and a certificate batch prints from its own PDF (a hidden frame of the page's origin, then the
// browser's print). "Show in folder" is the desktop app's only: hidden here.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { addAwardTier, coordinatorWithMergedSample, createFromTemplate, openTab } from './coordinator';
import { serveApp, type ServedApp } from './host';

const apps: ServedApp[] = [];
test.afterEach(async () => {
  for (const app of apps.splice(0)) await app.stop();
});

test('"Save as…" of an export downloads the very file the app wrote', async ({ browser }) => {
  const app = await serveApp();
  apps.push(app);
  const page = await browser.newPage({ locale: 'en-US', acceptDownloads: true });
  await createFromTemplate(page, app.url);
  await openTab(page, 'record');
  // The export itself downloads a copy at once (what a web page does); Save as… offers it again.
  const first = page.waitForEvent('download');
  await page.getByTestId('audit-export').click();
  const exported = await first;
  const actions = page.getByTestId('audit-export-actions');
  await expect(actions.getByTestId('audit-export-actions-save-as')).toBeVisible();
  await expect(actions.getByTestId('audit-export-actions-show-in-folder')).toHaveCount(0); // desktop only
  const written = path.join(app.dataDir, 'exports', exported.suggestedFilename());
  expect(fs.existsSync(written)).toBe(true);

  const saving = page.waitForEvent('download');
  await actions.getByTestId('audit-export-actions-save-as').click();
  const saved = await saving;
  expect(saved.suggestedFilename()).toBe(exported.suggestedFilename());
  expect(new URL(saved.url()).pathname).toBe('/export-file');
  expect(fs.readFileSync(await saved.path()).equals(fs.readFileSync(written))).toBe(true);
  expect(fs.statSync(written).size).toBeGreaterThan(0);
});

test('a certificate batch prints from the PDF the export wrote', async ({ browser }) => {
  test.setTimeout(180_000);
  const app = await serveApp();
  apps.push(app);
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
  // Count print calls in every frame of the page, the print frame included, on the top window.
  await page.addInitScript(() => {
    const top = window.top as unknown as { __kepuPrints?: string[] };
    window.print = () => {
      top.__kepuPrints = [...(top.__kepuPrints ?? []), window.location.href];
    };
  });
  await coordinatorWithMergedSample(page, app);
  await openTab(page, 'ranking');
  await addAwardTier(page, { key: 'influence', zh: '影响力榜单', en: 'Influence list', count: 2 });
  await page.getByTestId('ranking-lock').click();
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('ranking-latest-lock')).toBeVisible();
  await openTab(page, 'certificates');
  const row = page.getByTestId('certificate-list').filter({ hasText: '影响力榜单' });
  await row.getByRole('button', { name: '导出' }).click();
  await expect(page.getByTestId('certificate-job')).toContainText('已生成', { timeout: 60_000 });

  const pdfRequest = page.waitForResponse((r) => new URL(r.url()).pathname === '/export-file' && new URL(r.url()).searchParams.get('inline') === '1');
  await page.getByTestId('print-certificates').click();
  const response = await pdfRequest;
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  const batch = new URL(response.url()).searchParams.get('path')!;
  expect(path.basename(batch)).toMatch(/^certificates-.*\.pdf$/);
  expect(batch.startsWith(path.join(app.dataDir, 'exports', 'certificates'))).toBe(true);
  // The frame's own response body goes to the PDF viewer; the same URL fetched again gives the file.
  const again = await page.request.get(response.url());
  expect((await again.body()).equals(fs.readFileSync(batch))).toBe(true);
  await expect.poll(() => page.evaluate(() => (window as unknown as { __kepuPrints?: string[] }).__kepuPrints ?? [])).toHaveLength(1);
  const [printed] = await page.evaluate(() => (window as unknown as { __kepuPrints: string[] }).__kepuPrints);
  expect(new URL(printed).pathname).toBe('/export-file');
  // No blob: frame anywhere: the frame holds the app's own file.
  expect(await page.locator('iframe[src^="blob:"]').count()).toBe(0);
  // The batch also has Save as… (Print is the panel's own button, not repeated).
  await expect(page.getByTestId('certificate-export-save-as')).toBeVisible();
  await expect(page.getByTestId('certificate-export-print')).toHaveCount(0);
});
