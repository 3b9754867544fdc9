// Files the OS hands to the desktop app (issue 21, file associations): the renderer side, in
// chromium against `kepu serve`. The Electron preload is replaced by a stand-in bridge with the
// same shape (its contract calls go to the local host; takeOpenedFiles/onFilesToOpen hand over what
// the test gives, as src-main/electron/open-file-ipc.ts does after a double-click or a second launch).
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import type { OpenedFile } from '../../src-main/contract';
import { type ServedApp, serveApp } from './host';
import { judgeKeyCard } from './judge';

const apps: ServedApp[] = [];
test.afterEach(async () => {
  for (const app of apps.splice(0)) await app.stop();
});

async function withStandInBridge(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const token = new URLSearchParams(location.search).get('token') ?? sessionStorage.getItem('kepu.token') ?? '';
    if (token) sessionStorage.setItem('kepu.token', token);
    const waiting: unknown[] = [];
    let listener: (() => void) | null = null;
    const w = window as unknown as Record<string, unknown>;
    w.__handOver = (files: unknown[]) => {
      waiting.push(...files);
      listener?.();
    };
    w.kepu = {
      shell: 'electron',
      invoke: async (channel: string, request: unknown) =>
        (await fetch(`/api/${channel}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'x-kepu-token': token }, body: JSON.stringify(request) })).json(),
      mediaUrl: (id: number) => `/media/${id}?token=${encodeURIComponent(token)}`,
      pickFolder: async () => null,
      pickFile: async () => null,
      showInFolder: async () => {},
      openPdf: async () => false,
      saveAs: async () => null,
      printFile: async () => false,
      onMenuCommand: () => () => {},
      takeOpenedFiles: async () => waiting.splice(0),
      onFilesToOpen: (fn: () => void) => {
        listener = fn;
        return () => (listener = null);
      },
    };
  });
}

function handOver(page: Page, files: OpenedFile[]): Promise<void> {
  return page.evaluate((f) => (window as unknown as { __handOver(files: unknown): void }).__handOver(f), files);
}

function fileOf(kind: OpenedFile['kind'], file: string): OpenedFile {
  return { kind, path: file, fileName: path.basename(file), contentBase64: fs.readFileSync(file).toString('base64') };
}

test('a double-clicked bundle, key card, package and programme go where they are opened by hand', async ({ page, context }, info) => {
  const app = await serveApp();
  apps.push(app);
  await withStandInBridge(page);
  await page.goto(app.url);
  await page.getByTestId('load-sample').click();
  await expect(page.getByTestId('campaign-title')).toBeVisible({ timeout: 60_000 });
  const campaignTitle = await page.getByTestId('campaign-title').innerText();

  // A judge's result bundle: asks which campaign (the one on screen first), merges, shows Exchange with the report.
  const bundles = path.join(app.dataDir, 'sample-bundles');
  const bundle = path.join(bundles, fs.readdirSync(bundles).find((f) => f.endsWith('.kepubundle'))!);
  await handOver(page, [fileOf('bundle', bundle)]);
  const dialog = page.getByTestId('opened-file-dialog');
  await expect(dialog).toContainText(path.basename(bundle));
  await expect(page.getByTestId('opened-file-campaign').locator('option:checked')).toHaveText(campaignTitle);
  await page.getByTestId('opened-file-ok').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('exchange-view')).toBeVisible();
  await expect(page.getByTestId('merge-files')).toContainText(path.basename(bundle));
  await expect(page.getByTestId('merge-file-status').first()).toHaveText('Merged');

  // A judge's key card, while Exchange is on screen: registered, the judge listed.
  const judgeApp = await serveApp();
  apps.push(judgeApp);
  const judge = await context.newPage();
  const { cardFile, fingerprint } = await judgeKeyCard(judge, judgeApp.url, info.outputPath('li-na.kepukey'), { name: 'Li Na', passphrase: 'judge passphrase' });
  await judge.close();
  await handOver(page, [fileOf('key', cardFile)]);
  await expect(dialog).toContainText('li-na.kepukey');
  await page.getByTestId('opened-file-ok').click();
  await expect(page.getByTestId('judge-table')).toContainText('Li Na');
  await expect(page.getByTestId('judge-table')).toContainText(fingerprint.slice(0, 4));

  // Escape (or Cancel, which has the focus) leaves things as they were; a file that could not be read shows its error.
  await handOver(page, [fileOf('key', cardFile)]);
  await expect(page.getByTestId('opened-file-cancel')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await handOver(page, [{ kind: 'bundle', path: '/gone/x.kepubundle', fileName: 'x.kepubundle', error: { code: 'BUNDLE_UNREADABLE', message: 'x', params: { file: 'x.kepubundle', reason: 'ENOENT' } } }]);
  await expect(page.getByText('The result bundle x.kepubundle cannot be read (ENOENT).')).toBeVisible();

  // A review package: the campaign list's "Open a review package", filled in and opened (this one is not a package).
  const notAPackage = info.outputPath('not-a-package.kepupkg');
  fs.writeFileSync(notAPackage, 'not a zip');
  await handOver(page, [{ kind: 'package', path: notAPackage, fileName: 'not-a-package.kepupkg' }]);
  await expect(page.getByTestId('package-path')).toHaveValue(notAPackage);
  await expect(page.getByTestId('error-banner')).toBeVisible();

  // A programme file: checked and made into a campaign, as "New campaign from a programme file" does.
  await handOver(page, [fileOf('programme', path.join(process.cwd(), 'resources/templates/caca-committee-2021.kepuprog'))]);
  await expect(page.getByTestId('campaign-title')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('campaign-title')).not.toHaveText(campaignTitle);
});
