// Nobody is shown an internal code: the sample campaigns are opened and every tab walked in both
// languages, and the test fails on visible text shaped like an error code (MEDIA_TOO_LONG) or an
// internal id (a uuid, a long hex string). The same walk records any window.prompt / confirm /
// alert the renderer calls (Electron has no prompt; the others are untranslatable system boxes).
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { newDataDir, serveApp, type ServedApp } from './host';
import { addAwardTier } from './coordinator';
import { seedImportedCampaign, worksFolder } from './seed';
import { shot } from './shots';

let app: ServedApp | null = null;
test.afterEach(async () => {
  await app?.stop();
  app = null;
});

test.use({ locale: 'zh-CN', actionTimeout: 30_000 });

const CODE_SHAPED = /\b[A-Z]{2,}(?:_[A-Z0-9]+)+\b/g;
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
const LONG_HEX = /\b[0-9a-f]{16,}\b/gi;

/** Every text a person can read on the page: rendered text, option labels, placeholders, titles. */
async function visibleTexts(page: Page): Promise<string> {
  return page.evaluate(() => {
    // A checksum shown on purpose, for a person to compare with a printed result (the published
    // ranking's SHA-256), is not an internal id: marked data-checksum, it is left out.
    let body = document.body.innerText;
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('[data-checksum]'))) body = body.split(el.innerText).join('');
    const parts = [body];
    for (const el of Array.from(document.querySelectorAll('option'))) parts.push(el.textContent ?? '');
    for (const el of Array.from(document.querySelectorAll('[placeholder],[title],[aria-label]'))) {
      for (const name of ['placeholder', 'title', 'aria-label']) parts.push(el.getAttribute(name) ?? '');
    }
    return parts.join('\n');
  });
}

function offending(text: string): string[] {
  return [...(text.match(CODE_SHAPED) ?? []), ...(text.match(UUID) ?? []), ...(text.match(LONG_HEX) ?? [])];
}

async function walkCampaign(page: Page, row: number, language: 'zh-CN' | 'en', shots: (name: string) => string, found: string[]) {
  await page.getByTestId('nav-campaigns').click();
  await page.getByTestId('campaign-table').locator('tbody tr').nth(row).getByRole('button').first().click();
  await expect(page.getByTestId('campaign-title')).toBeVisible();
  const tabs = page.getByRole('tablist').first().getByRole('tab');
  const count = await tabs.count();
  expect(count).toBeGreaterThan(5);
  for (let i = 0; i < count; i++) {
    const tab = tabs.nth(i);
    const name = ((await tab.textContent()) ?? '').trim();
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
    // Each tab loads its data after it shows: wait until nothing says "loading" any more.
    await expect(page.getByText(language === 'en' ? 'Loading…' : '加载中…', { exact: true })).toHaveCount(0, { timeout: 15_000 });
    await page.waitForTimeout(300);
    for (const hit of offending(await visibleTexts(page))) found.push(`${language} campaign ${row} / ${name}: ${hit}`);
    await shot(page, `walk-${language}-${row}-${i}`, shots);
  }
}

test('every tab of the sample campaigns, in both languages, shows no code-shaped text or internal id, and no browser dialog is called', async ({ page }, info) => {
  test.setTimeout(240_000);
  await page.addInitScript(() => {
    const calls: string[] = [];
    (window as unknown as { __dialogCalls: string[] }).__dialogCalls = calls;
    window.prompt = (message?: string) => (calls.push(`prompt: ${message}`), null);
    window.confirm = (message?: string) => (calls.push(`confirm: ${message}`), false);
    window.alert = (message?: string) => void calls.push(`alert: ${message}`);
  });
  // A campaign with linked media that fails checks (the filter lists its rules)…
  const dataDir = newDataDir();
  await seedImportedCampaign(dataDir);
  const folder = worksFolder(path.join(dataDir, 'incoming-works'));
  app = await serveApp(dataDir);
  await page.goto(app.url);
  await page.getByTestId('campaign-table').locator('tbody tr').first().getByRole('button').first().click();
  await page.getByRole('tab', { name: '媒体检查' }).click();
  await page.getByTestId('media-folder').fill(folder);
  await page.getByTestId('media-link').click();
  await expect(page.getByTestId('compliance-report')).toBeVisible({ timeout: 30_000 });

  // …and the sample campaigns, merged, published and with certificates issued, signed by a key
  // that is locked first: publishing asks for its passphrase in place and goes on.
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('identity-name').fill('组委会');
  await page.getByTestId('identity-passphrase').fill('coordinator passphrase');
  await page.getByTestId('identity-repeat').fill('coordinator passphrase');
  await page.getByTestId('identity-create').click();
  await page.getByRole('button', { name: '锁定', exact: true }).click();
  await expect(page.getByTestId('identity-panel')).toContainText('已锁定');
  await page.getByTestId('nav-campaigns').click();
  await page.getByRole('button', { name: '加载示例活动' }).click();
  await expect(page.getByTestId('campaign-title')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('nav-campaigns').click();
  await page.getByRole('button', { name: /四川/ }).first().click();
  await page.getByRole('tab', { name: '评委与交换' }).click();
  const bundles = path.join(app.dataDir, 'sample-bundles');
  await page.getByTestId('bundle-files').setInputFiles(fs.readdirSync(bundles).map((f) => path.join(bundles, f)));
  await expect(page.getByTestId('merge-coverage')).toBeVisible();
  await page.getByRole('tab', { name: '排名' }).click();
  await addAwardTier(page, { key: 'influence', zh: '影响力榜单', en: 'Influence list', count: 2 });
  await page.getByTestId('ranking-lock').click();
  await page.getByTestId('confirm-ok').click();
  // The key is locked: the passphrase is asked here (a wrong one first), then the lock goes on.
  const dialog = page.getByTestId('confirm-dialog');
  await expect(dialog).toContainText('解锁签名密钥');
  await expect(page.getByTestId('confirm-text')).toHaveAttribute('type', 'password');
  await page.getByTestId('confirm-text').fill('not the passphrase');
  await page.getByTestId('confirm-ok').click();
  await expect(dialog).toContainText('口令不正确');
  await shot(page, 'walk-unlock-in-place', info.outputPath.bind(info));
  await page.getByTestId('confirm-text').fill('coordinator passphrase');
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('ranking-latest-lock')).toContainText('组委会');
  await expect(page.getByTestId('error-banner')).toHaveCount(0);
  await page.getByRole('tab', { name: '证书' }).click();
  await page.getByTestId('certificate-list').filter({ hasText: '影响力榜单' }).getByRole('button', { name: '导出' }).click();
  await expect(page.getByTestId('certificate-job')).toContainText('已生成', { timeout: 30_000 });
  await expect(page.getByTestId('issued-row').first()).toBeVisible();

  const found: string[] = [];
  for (const language of ['zh-CN', 'en'] as const) {
    await page.getByTestId('language-switch').selectOption(language);
    await expect(page.getByTestId('nav-settings')).toHaveText(language === 'en' ? /Settings/ : /设置/);
    await page.getByTestId('nav-campaigns').click();
    const campaigns = await page.getByTestId('campaign-table').locator('tbody tr').count();
    expect(campaigns).toBe(3);
    for (let row = 0; row < campaigns; row++) await walkCampaign(page, row, language, info.outputPath.bind(info), found);
    await page.getByTestId('nav-settings').click();
    for (const hit of offending(await visibleTexts(page))) found.push(`${language} settings: ${hit}`);
    await page.getByTestId('nav-verify').click();
    for (const hit of offending(await visibleTexts(page))) found.push(`${language} verify: ${hit}`);
  }
  expect(found).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __dialogCalls: string[] }).__dialogCalls)).toEqual([]);
});
