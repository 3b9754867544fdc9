// The verify screen, in chromium, for a certificate dated after today (issue 11, item 14): a
// correctly signed code from a trusted issuer still says "not yet valid", with why, in Chinese
// and in English — never "valid".
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { signPayload } from '../../src-main/core/certificates/payload';
import { generateIdentity } from '../../src-main/core/keys/identity';
import { createKeyCard } from '../../src-main/core/keys/key-card';
import { serveApp, type ServedApp } from './host';

const apps: ServedApp[] = [];
const folders: string[] = [];
test.afterEach(async () => {
  for (const app of apps.splice(0)) await app.stop();
  for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

test('a certificate issued in the future verifies as not yet valid, translated', async ({ browser }) => {
  const issuer = generateIdentity();
  const cardDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kepu-e2e-card-'));
  folders.push(cardDir);
  const cardFile = path.join(cardDir, 'issuer.kepukey');
  fs.writeFileSync(cardFile, createKeyCard(issuer.privateKey, { name: '外省组委会', institution: null }));
  const code = signPayload(
    { serial: 'WS-2099-000001', holderName: '李华', kind: 'award', campaignId: 'elsewhere-2099', issueDate: '2099-06-01', validUntil: null, issuerKeyPrefix: issuer.keyId.slice(0, 8) },
    issuer.privateKey,
  );

  const app = await serveApp();
  apps.push(app);
  const page = await browser.newPage({ locale: 'zh-CN' });
  // The screen's first read of the trusted issuers is answered only after the card below was
  // trusted and shown (as on a busy machine): its late, empty answer must not empty the list.
  let shown!: () => void;
  const issuerShown = new Promise<void>((resolve) => (shown = resolve));
  let lateAnswer: Promise<void> | null = null;
  await page.route('**/api/certificates:issuers', async (route) => {
    if (lateAnswer) return route.continue();
    let delivered!: () => void;
    lateAnswer = new Promise<void>((resolve) => (delivered = resolve));
    const response = await route.fetch();
    await issuerShown;
    await route.fulfill({ response });
    delivered();
  });
  await page.goto(app.url);
  await page.getByTestId('language-switch').selectOption('zh-CN');
  await page.getByTestId('nav-verify').click();
  await page.getByTestId('issuer-card').setInputFiles(cardFile);
  await expect(page.getByTestId('trusted-issuers')).toContainText('外省组委会');
  shown();
  await lateAnswer;
  // Let the page handle the late answer (a task or two), then the issuer must still be listed.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 250)));
  await expect(page.getByTestId('trusted-issuers')).toContainText('外省组委会');
  await page.getByTestId('verify-text').fill(code);
  await page.getByTestId('verify-button').click();
  const result = page.getByTestId('verify-result');
  await expect(result).toContainText('尚未生效');
  await expect(result).toHaveClass(/status-not_yet_valid/);
  await expect(page.getByTestId('verify-not-yet-valid')).toContainText('2099-06-01');

  await page.getByTestId('language-switch').selectOption('en');
  await expect(result).toContainText('NOT YET VALID');
  await expect(page.getByTestId('verify-not-yet-valid')).toContainText('Its issue date (2099-06-01) is after today');
});
