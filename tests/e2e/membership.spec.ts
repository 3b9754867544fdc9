// Committee membership steps in chromium (issue 17): the CACA committee's result published, no
// member has a certificate until their steps are done; the coordinator records one member's
// steps (an account first only opened, then verified), exports the committee list and gets one
// certificate; the board says who waits for what — in Chinese, then in English.
import { expect, test } from '@playwright/test';
import { publishedCommitteeCertificates } from './coordinator';
import { tallShot } from './shots';
import { serveApp, type ServedApp } from './host';

const apps: ServedApp[] = [];
test.afterEach(async () => {
  for (const app of apps.splice(0)) await app.stop();
});

test('records a member’s steps and issues the membership certificate only when they are done', async ({ browser }, info) => {
  test.setTimeout(180_000);
  const app = await serveApp();
  apps.push(app);
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
  await publishedCommitteeCertificates(page, app);

  const panel = page.getByTestId('membership-panel');
  await expect(panel).toContainText('委员后续步骤');
  const rows = panel.getByTestId('membership-row');
  const members = await rows.count();
  expect(members).toBeGreaterThan(1);
  for (let i = 0; i < members; i++) await expect(rows.nth(i).getByTestId('membership-status')).toContainText('待完成');
  await expect(page.getByTestId('list-waiting')).toContainText(`${members} 位委员待完成步骤`);

  // The first member: every step, the Toutiao account first recorded as opened but not verified.
  const first = rows.first();
  const name = (await first.locator('td').first().innerText()).split('\n')[0];
  const record = async (step: string, options: { verified?: boolean; account?: string } = {}) => {
    await first.getByTestId('membership-record').click();
    const form = page.getByTestId('membership-form');
    await form.getByTestId('membership-step').selectOption(step);
    await form.getByTestId('membership-date').fill('2026-11-20');
    if (options.account) await form.getByTestId('membership-account').fill(options.account);
    if (options.verified !== undefined) await form.getByTestId('membership-verified').setChecked(options.verified);
    await form.getByTestId('membership-save').click();
    await expect(form).toBeHidden();
  };
  await record('xiaohe_account', { verified: true, account: `${name}科普` });
  await record('toutiao_account', { verified: false, account: name });
  await expect(first).toContainText('已开通，未认证');
  for (const step of ['douyin_account', 'first_work', 'platform_review', 'committee_confirmation']) await record(step, step.endsWith('account') ? { verified: true } : {});
  await expect(first.getByTestId('membership-status')).toContainText('今日头条账号开通并认证');
  await record('toutiao_account', { verified: true });
  await expect(first.getByTestId('membership-status')).toContainText('可以颁发证书');
  await tallShot(page, 'membership-zh', info.outputPath.bind(info), 1400);

  // Export: one certificate, for that member; the others still wait.
  await page.getByTestId('export-committee').click();
  await expect(page.getByTestId('certificate-job')).toContainText('已生成 1 份证书', { timeout: 60_000 });
  await expect(page.getByTestId('certificate-job-waiting')).toContainText(`${members - 1} 位委员的步骤尚未完成`);
  await expect(first.getByTestId('membership-status')).toContainText('已发证');
  await expect(rows.nth(1).getByTestId('membership-status')).toContainText('待完成');
  await expect(page.getByTestId('list-waiting')).toContainText(`${members - 1} 位委员待完成步骤`);

  await page.getByTestId('language-switch').selectOption('en');
  await expect(panel).toContainText('Membership steps');
  await expect(first.getByTestId('membership-status')).toContainText('Certificate');
  await expect(rows.nth(1).getByTestId('membership-status')).toContainText('Waiting for 6 of 6 steps');
  await tallShot(page, 'membership-en', info.outputPath.bind(info), 1400);

  // The roster across campaigns: one member certified, the others selected; an activity recorded,
  // the roster exported, the certified member renewed for the next term.
  await page.getByTestId('nav-roster').click();
  const roster = page.getByTestId('roster-row');
  await expect(roster).toHaveCount(members);
  const certified = roster.filter({ hasText: name });
  await expect(certified.getByTestId('roster-row-status')).toHaveText('Certified');
  await expect(roster.filter({ hasText: 'Selected' })).toHaveCount(members - 1);
  await certified.getByTestId('roster-add-activity').click();
  await page.getByTestId('roster-activity-kind').selectOption('world_cancer_day');
  await page.getByTestId('roster-activity-date').fill('2026-02-04');
  await page.getByTestId('roster-activity-note').fill('义诊 free clinic');
  await page.getByTestId('roster-activity-save').click();
  await expect(certified).toContainText('World Cancer Day (2.4)');
  const download = page.waitForEvent('download');
  await page.getByTestId('roster-export').click();
  expect((await download).suggestedFilename()).toMatch(/^committee-roster-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const serialBefore = (await certified.locator('td.mono').innerText()).split('\n')[0];
  await certified.getByTestId('roster-renew').click();
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('roster-notice')).toContainText('Renewed as');
  await expect(certified).toContainText(`Renews ${serialBefore}`);
  await tallShot(page, 'roster-en', info.outputPath.bind(info), 900);
  await page.getByTestId('language-switch').selectOption('zh-CN');
  await expect(certified.getByTestId('roster-row-status')).toHaveText('已发证');
  await tallShot(page, 'roster-zh', info.outputPath.bind(info), 900);
});
