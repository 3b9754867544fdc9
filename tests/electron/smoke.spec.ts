// The desktop shell end to end (issue 21): the real Electron main process, preload, kepu-app://
// page and IPC, with a fresh data folder. Skipped with a one-line reason where Electron cannot run.
// Flows: the window opens on the campaign list; the sample campaign loads; its exchange view
// opens; a second launch with a key card hands the file to the running window.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, type ElectronApplication, expect, type Page, test } from '@playwright/test';
import { electronAvailability, repoRoot } from './electron-binary';

const available = electronAvailability();
const skipReason = 'reason' in available ? available.reason : '';
// The list reporter does not print skip reasons: say it once, in one line.
if (skipReason) console.log(`electron smoke suite skipped: ${skipReason}`);

test.describe('desktop app', () => {
  test.skip(Boolean(skipReason), skipReason);
  // One app, one window: each flow goes on from where the last one left the page.
  test.describe.configure({ mode: 'serial' });

  let app: ElectronApplication;
  let page: Page;
  let dataRoot: string;

  const launchEnv = () => ({
    ...process.env,
    KEPU_ELECTRON_NATIVE: 'nativeBinding' in available ? available.nativeBinding : '',
    // userData is "<config folder>/Kepu Review": a fresh one per run (Linux), plus Chromium's switch below.
    XDG_CONFIG_HOME: path.join(dataRoot, 'config'),
    LANG: 'en_US.UTF-8',
  });
  const launchArgs = () => [repoRoot, `--user-data-dir=${path.join(dataRoot, 'user-data')}`];

  test.beforeAll(async () => {
    if (!('binary' in available)) return;
    dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'kepu-electron-'));
    app = await electron.launch({ executablePath: available.binary, args: launchArgs(), env: launchEnv(), cwd: repoRoot });
    page = await app.firstWindow();
  });

  test.afterAll(async () => {
    await app?.close();
    if (dataRoot) fs.rmSync(dataRoot, { recursive: true, force: true });
  });

  test('opens on the campaign list, from its own scheme', async () => {
    await expect(page.getByTestId('load-sample')).toBeVisible({ timeout: 30_000 });
    expect(page.url()).toMatch(/^kepu-app:\/\/app\//);
    // The bridge is there and only the bridge: no Node in the page.
    expect(await page.evaluate(() => [typeof (window as unknown as { kepu?: { shell: string } }).kepu?.shell, typeof (globalThis as { require?: unknown }).require])).toEqual(['string', 'undefined']);
  });

  test('loads the sample campaign', async () => {
    await page.getByTestId('load-sample').click();
    await expect(page.getByTestId('campaign-title')).toBeVisible({ timeout: 60_000 });
  });

  test('opens the exchange view', async () => {
    await page.getByTestId('campaign-tab-exchange').click();
    await expect(page.getByTestId('exchange-view')).toBeVisible();
  });

  test('a second launch with a key card hands it to this window', async () => {
    if (!('binary' in available)) return;
    const card = path.join(dataRoot, 'judge.kepukey');
    fs.writeFileSync(card, '{}');
    const second = spawn(available.binary, [...launchArgs(), card], { cwd: repoRoot, env: launchEnv(), stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => second.once('exit', resolve));
    await expect(page.getByTestId('opened-file-dialog')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('opened-file-dialog')).toContainText('judge.kepukey');
    await page.getByTestId('opened-file-cancel').click();
    expect(await exited).toBe(0); // the second instance quits at once: the running one owns the data folder
  });
});
