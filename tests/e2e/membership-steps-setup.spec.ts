// Membership steps edited in Setup (issue 17), in chromium: the CACA committee's result published
// and one member's Douyin step recorded, the coordinator opens Setup › Certificates, reorders the
// steps, renames one, makes the platform's review optional, removes the Douyin step and adds one
// named in Chinese only; the save makes a new definition version. The certificates tab then shows
// the new order and the removed step's record under "no longer in the programme" — in Chinese,
// then in English.
import { expect, test } from '@playwright/test';
import { openTab, publishedCommitteeCertificates } from './coordinator';
import { shot, tallShot } from './shots';
import { serveApp, type ServedApp } from './host';

const apps: ServedApp[] = [];
test.afterEach(async () => {
  for (const app of apps.splice(0)) await app.stop();
});

test('edits the membership steps in Setup and keeps a removed step’s records', async ({ browser }, info) => {
  test.setTimeout(180_000);
  const app = await serveApp();
  apps.push(app);
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  await publishedCommitteeCertificates(page, app);

  // One member's Douyin account recorded as verified.
  const panel = page.getByTestId('membership-panel');
  const first = panel.getByTestId('membership-row').first();
  await first.getByTestId('membership-record').click();
  const form = page.getByTestId('membership-form');
  await form.getByTestId('membership-step').selectOption('douyin_account');
  await form.getByTestId('membership-date').fill('2026-11-20');
  await form.getByTestId('membership-verified').setChecked(true);
  await form.getByTestId('membership-save').click();
  await expect(form).toBeHidden();

  await openTab(page, 'setup');
  await page.getByTestId('setup-nav-certificates').click();
  const steps = page.getByTestId('setup-steps-0');
  const row = (i: number) => steps.getByTestId(`setup-step-0-${i}`);
  await expect(steps.locator('tbody tr')).toHaveCount(6);
  await expect(steps).toContainText('遴选后的委员步骤');
  await shot(page, 'setup-steps-zh-before', info.outputPath.bind(info), steps);

  // The committee's confirmation first; the Xiaohe step renamed; the platform's review optional.
  for (let i = 5; i > 0; i--) await row(i).getByRole('button', { name: /上移/ }).click();
  await expect(steps.getByTestId('setup-step-key-0-0')).toHaveText('committee_confirmation');
  await steps.getByTestId('setup-step-name-0-1-zh').fill('小荷医生账号加V');
  await steps.getByTestId('setup-step-name-0-1-en').fill('Xiaohe Doctor account verified');
  await steps.getByTestId('setup-step-required-0-5').setChecked(false);
  // The Douyin step removed (row 3 now), one added: unnamed it says so; a Chinese name is enough.
  await expect(steps.getByTestId('setup-step-key-0-3')).toHaveText('douyin_account');
  await steps.getByTestId('setup-step-remove-0-3').click();
  await expect(page.getByTestId('setup-steps-removed-0')).toContainText('抖音账号开通并认证');
  await page.getByTestId('setup-add-step-0').click();
  await expect(row(5)).toContainText('请至少用一种语言填写步骤名称');
  await steps.getByTestId('setup-step-evidence-0-5').selectOption('account');
  await steps.getByTestId('setup-step-name-0-5-zh').fill('视频号开通并认证');
  await steps.getByTestId('setup-step-platform-0-5-zh').fill('微信视频号');
  await expect(row(5)).not.toContainText('请至少用一种语言填写步骤名称');
  await tallShot(page, 'setup-steps-zh', info.outputPath.bind(info), 1300);
  await page.getByTestId('setup-reason').fill('2022 年会议调整委员步骤');
  await page.getByTestId('setup-save').click();
  await expect(page.getByTestId('setup-saved')).toBeVisible();
  await expect(steps.getByTestId('setup-step-key-0-5')).toHaveText('step');

  // The board: the new order, the added step, and the Douyin record kept apart.
  await openTab(page, 'certificates');
  const headers = panel.locator('thead th');
  await expect(headers.nth(1)).toContainText('中国抗癌协会科普专业委员会确认');
  await expect(headers.nth(2)).toContainText('小荷医生账号加V');
  await expect(panel.locator('thead')).toContainText('视频号开通并认证');
  await expect(panel.getByTestId('membership-retired-step')).toContainText(/抖音账号开通并认证（加V）\s*（已不在方案中）/);
  await expect(first.locator('td.retired-step')).toContainText('2026-11-20');
  await tallShot(page, 'membership-steps-retired-zh', info.outputPath.bind(info), 900);

  await page.getByTestId('language-switch').selectOption('en');
  await expect(panel.getByTestId('membership-retired-step')).toContainText(/Douyin account opened and verified\s*\(no longer in the programme\)/);
  // Named in Chinese only: shown in Chinese in the English board until translated.
  await expect(panel.locator('thead')).toContainText('视频号开通并认证');
  await tallShot(page, 'membership-steps-retired-en', info.outputPath.bind(info), 900);
  await openTab(page, 'setup');
  await page.getByTestId('setup-nav-certificates').click();
  await expect(steps).toContainText('Membership steps after selection');
  await tallShot(page, 'setup-steps-en', info.outputPath.bind(info), 1300);
});
