// Certificates end to end in chromium: from a published ranking with an award tier, preview a
// certificate (drawn with the embedded font), export the list as PDFs, find them in the register,
// verify the exported PDF and a photo of its QR code, revoke one and see verification say so —
// in Chinese, then the verify screen in English.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { addAwardTier, coordinatorWithMergedSample, openTab } from './coordinator';
import { tallShot } from './shots';
import { serveApp, type ServedApp } from './host';

const apps: ServedApp[] = [];
test.afterEach(async () => {
  for (const app of apps.splice(0)) await app.stop();
});

test('exports, registers, verifies and revokes certificates of a published award list', async ({ browser }, info) => {
  const app = await serveApp();
  apps.push(app);
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
  // The 10 MB fonts are fetched only when a preview is drawn, from the shell (the build has none).
  const fontReplies: string[] = [];
  page.on('response', (r) => {
    if (/\.(ttf|otf|woff2?)$/.test(new URL(r.url()).pathname)) fontReplies.push(`${r.status()} ${new URL(r.url()).pathname}`);
  });
  // Merge; before anything is published the tab says where the award lists come from, and links there.
  await coordinatorWithMergedSample(page, app);
  await openTab(page, 'certificates');
  await expect(page.getByTestId('certificates-unpublished')).toContainText('排名公布（排名 → 公布并锁定）后');
  await tallShot(page, 'certificates-unpublished-zh', info.outputPath.bind(info), 900);
  await page.getByTestId('certificates-open-ranking').click();
  await expect(page.getByTestId('campaign-tab-ranking')).toHaveAttribute('aria-selected', 'true');
  // Set an award tier, publish.
  await addAwardTier(page, { key: 'influence', zh: '影响力榜单', en: 'Influence list', count: 2 });
  await page.getByTestId('ranking-lock').click();
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('ranking-latest-lock')).toBeVisible();

  // Certificates: the list, a preview drawn with the embedded font, the export.
  await openTab(page, 'certificates');
  await expect(page.getByTestId('certificate-lists')).toBeVisible();
  await expect(page.getByTestId('certificates-unpublished')).toHaveCount(0); // published now
  const row = page.getByTestId('certificate-list').filter({ hasText: '影响力榜单' });
  await expect(row).toBeVisible();
  expect(fontReplies).toEqual([]);
  await row.getByRole('button', { name: '预览' }).click();
  const preview = page.getByTestId('certificate-preview');
  await expect(preview).toHaveAttribute('data-font-ready', 'yes', { timeout: 30_000 }); // the CJK font is large; a loaded machine takes a while
  expect(fontReplies.sort()).toEqual(['200 /fonts/NotoSansSC_400Regular.ttf', '200 /fonts/NotoSansSC_700Bold.ttf']);
  // Drawn with the embedded font, not the system fallback (data-font-ready says yes either way).
  const family = await preview.evaluate((svg) => (svg as SVGElement).style.fontFamily.split(',')[0]!.trim());
  expect(await page.evaluate((f) => [...document.fonts].filter((face) => `'${face.family}'` === f || `"${face.family}"` === f || face.family === f).map((face) => `${face.weight} ${face.status}`).sort(), family)).toEqual(['400 loaded', '700 loaded']);
  await expect(preview).toContainText('荣誉证书');
  await expect(preview.locator('[data-role=qr]')).toHaveCount(1);
  await tallShot(page, 'certificates-zh', info.outputPath.bind(info), 2000);

  await row.getByRole('button', { name: '导出' }).click();
  await expect(page.getByTestId('certificate-job')).toContainText('已生成', { timeout: 30_000 });
  const issued = page.getByTestId('issued-row');
  await expect(issued.first()).toBeVisible();
  const count = await issued.count();
  expect(count).toBeGreaterThan(1);
  await expect(issued.first()).toContainText('有效');

  // The exported PDFs: the batch file holds every holder; each verifies, from the PDF and from a photo of the QR.
  const outDir = path.join(app.dataDir, 'exports', 'certificates');
  const pdfs = execFileSync('find', [outDir, '-name', '*.pdf'], { encoding: 'utf8' }).trim().split('\n').filter(Boolean);
  expect(pdfs.length).toBe(count + 1);
  const holderPdf = pdfs.find((f) => /-\d{6}-/.test(path.basename(f)))!;
  await page.getByTestId('verify-file').setInputFiles(holderPdf);
  await expect(page.getByTestId('verify-result')).toContainText('有效');
  await expect(page.getByTestId('verify-result')).toContainText('荣誉证书');
  const png = info.outputPath('qr-photo');
  execFileSync('pdftoppm', ['-r', '150', '-png', '-singlefile', holderPdf, png]);
  await page.getByTestId('verify-file').setInputFiles(`${png}.png`);
  await expect(page.getByTestId('verify-result')).toContainText('qr-photo.png');
  await expect(page.getByTestId('verify-result')).toContainText('有效');

  // Revoke that holder's certificate: the same file now verifies as revoked.
  const serial = path.basename(holderPdf).slice(0, path.basename(holderPdf).search(/-\d{6}-/) + 7);
  const target = issued.filter({ hasText: serial });
  await target.getByTestId('revoke').click();
  await expect(page.getByTestId('confirm-ok')).toBeDisabled(); // a revocation needs its reason
  await page.getByTestId('confirm-text').fill('重复颁发 duplicate');
  await page.getByTestId('confirm-ok').click();
  await expect(target).toContainText('已吊销');
  await page.getByTestId('verify-file').setInputFiles(holderPdf);
  await expect(page.getByTestId('verify-result')).toContainText('已吊销');

  // Typed by hand from the paper: the printed certificate No. and check code verify against the
  // register (the result names the list and the award); a changed character is refused, in English.
  await page.getByTestId('language-switch').selectOption('en');
  await page.getByTestId('nav-verify').click();
  const printed = execFileSync('pdftotext', [pdfs.find((f) => f !== holderPdf)!, '-'], { encoding: 'utf8' });
  expect(printed).not.toContain('KP1.'); // the long code is only in the QR and the file
  const serialNo = /[A-Z]+-\d{4}-\d{6}/.exec(printed)?.[0] as string;
  const check = /[A-Z2-7]{5}-[A-Z2-7]{5}/.exec(printed)?.[0] as string;
  expect(serialNo).toBeTruthy();
  expect(check).toBeTruthy();
  await page.getByTestId('verify-text').fill(`${serialNo} ${check.toLowerCase()}`);
  await page.getByTestId('verify-button').click();
  await expect(page.getByTestId('verify-result')).toContainText('VALID');
  await expect(page.getByTestId('verify-result')).not.toContainText('INVALID');
  await expect(page.getByTestId('verify-checked-by')).toContainText("this computer's register");
  await expect(page.getByTestId('verify-award')).toBeVisible();
  await tallShot(page, 'verify-short-en', info.outputPath.bind(info), 1200);
  const flipped = `${check.slice(0, 2)}${check[2] === 'A' ? 'B' : 'A'}${check.slice(3)}`;
  await page.getByTestId('verify-text').fill(`${serialNo} ${flipped}`);
  await page.getByTestId('verify-button').click();
  await expect(page.getByTestId('verify-result')).toContainText('INVALID');
  await expect(page.getByTestId('verify-result')).toContainText('check code does not belong');
  await tallShot(page, 'verify-en', info.outputPath.bind(info), 2000);
});
