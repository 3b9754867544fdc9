import { expect, test } from '@playwright/test';
import { newDataDir, serveApp, type ServedApp } from './host';
import { shot } from './shots';
import { seedLargeCampaign } from './seed';

let app: ServedApp | null = null;
test.afterEach(async () => {
  await app?.stop();
  app = null;
});

test.describe('a coordinator on a Chinese system', () => {
  test.use({ locale: 'zh-CN' });

  test('loads the sample campaign, sees the entry list in Chinese, switches to English, and the choice survives a reload', async ({ page }, info) => {
    app = await serveApp();
    await page.goto(app.url);
    await expect(page.getByRole('heading', { name: '欢迎使用科普评审' })).toBeVisible();
    await page.getByTestId('load-sample').click();
    // It takes a few seconds, and says so meanwhile.
    await expect(page.getByTestId('sample-loading')).toContainText('正在创建示例活动');
    await shot(page, 'sample-loading-zh', info.outputPath.bind(info));

    // The sample makes real media first: as the other specs, allow it time on a busy machine.
    await expect(page.getByTestId('campaign-title')).toHaveText('【示例】2023 中国(四川)首届健康科普影响力榜', { timeout: 30_000 });
    await expect(page.getByTestId('entry-count')).toHaveText('共 32 条');
    await expect(page.getByRole('columnheader', { name: '报名编号' })).toBeVisible();
    await expect(page.getByTestId('entry-row').first()).toContainText('SC2023-0001');
    await expect(page.getByText('时间按 Asia/Shanghai, UTC+8 显示。')).toBeVisible();
    await page.screenshot({ path: info.outputPath('entries-zh.png') });

    await page.getByTestId('language-switch').selectOption('en');
    await expect(page.getByTestId('entry-count')).toHaveText('32 entries');
    await expect(page.getByRole('columnheader', { name: 'Reg. no.' })).toBeVisible();
    await expect(page.getByTestId('campaign-title')).toHaveText('Sample: 2023 China (Sichuan) Health Science Popularization Influence List');
    await page.screenshot({ path: info.outputPath('entries-en.png') });

    await page.reload();
    // Same screen, same language after a reload.
    await expect(page.getByTestId('campaign-title')).toHaveText('Sample: 2023 China (Sichuan) Health Science Popularization Influence List');
    await expect(page.getByTestId('language-switch')).toHaveValue('en');
    await page.getByTestId('nav-settings').click();
    await expect(page.getByText('Browser shell')).toBeVisible();
    await expect(page.getByText(app.dataDir)).toBeVisible();
  });

  test('filters and searches the list and plays a sample video from the entry panel', async ({ page }) => {
    app = await serveApp();
    await page.goto(app.url);
    await page.getByTestId('load-sample').click();
    await expect(page.getByTestId('entry-count')).toHaveText('共 32 条', { timeout: 30_000 });
    await page.getByLabel('仅看逾期').check();
    await expect(page.getByTestId('entry-count')).toHaveText('共 3 条');
    await expect(page.getByTestId('entry-row').first()).toContainText('逾期');
    await page.getByLabel('仅看逾期').uncheck();
    await page.getByTestId('entry-search').fill('洗手');
    await expect(page.getByTestId('entry-count')).toHaveText('共 1 条');
    await page.getByTestId('entry-row').first().click();
    const detail = page.getByTestId('entry-detail');
    await expect(detail).toContainText('七步洗手法，你做对了吗');
    await expect(detail).toContainText('2023-12-18 13:03 (UTC+8)');
    // The browser fetched the video through the range-serving media endpoint and read its length.
    const duration = await detail.getByTestId('asset-video').evaluate(
      (video: HTMLVideoElement) =>
        new Promise<number>((resolve) => {
          if (video.readyState >= 1) resolve(video.duration);
          else video.addEventListener('loadedmetadata', () => resolve(video.duration), { once: true });
        }),
    );
    expect(duration).toBeGreaterThan(7);
    expect(duration).toBeLessThan(9);
  });

  test('creates a committee campaign from its template and reads its eligibility checklist in both languages', async ({ page }) => {
    app = await serveApp();
    await page.goto(app.url);
    await page.getByTestId('template-caca-committee-2021').getByRole('button', { name: '创建活动' }).click();
    await expect(page.getByTestId('campaign-title')).toHaveText('癌症患者关爱工程健康科普专家委员会委员遴选(2021)');
    await expect(page.getByText('还没有报名条目：导入报名表（CSV 或 Excel）即可添加。')).toBeVisible();
    await page.getByRole('tab', { name: '概览' }).click();
    const overview = page.getByTestId('campaign-overview');
    await expect(overview).toContainText('主治及以上医师');
    await expect(overview).toContainText('自颁发之日起 24 个月内有效');
    await expect(overview).toContainText('2022-03-31 23:59 (UTC+8)');
    await page.getByTestId('language-switch').selectOption('en');
    await expect(overview).toContainText('Attending physician or above');
    await expect(overview).toContainText('valid 24 months from issue');
  });

  test('the first screen asks for the campaign list, the templates and the settings once each', async ({ page }) => {
    app = await serveApp();
    const asked = new Map<string, number>();
    page.on('request', (request) => {
      const channel = /\/api\/([\w:.-]+)/.exec(new URL(request.url()).pathname)?.[1];
      if (channel) asked.set(channel, (asked.get(channel) ?? 0) + 1);
    });
    await page.goto(app.url);
    await expect(page.getByRole('heading', { name: '欢迎使用科普评审' })).toBeVisible();
    // Whatever the views would ask again after mounting has had time to go out.
    await page.waitForTimeout(1500);
    expect(asked.get('campaign:list')).toBe(1);
    expect(asked.get('template:list')).toBe(1);
    expect(asked.get('settings:get')).toBe(1);
  });

  test('opened without the token, the page says so in Chinese instead of failing silently', async ({ page }) => {
    app = await serveApp();
    await page.goto(app.origin + '/');
    await expect(page.getByTestId('error-banner')).toContainText('此页面未获授权');
    // The code is not shown; "Copy details" hands the message and the code to support.
    await expect(page.getByTestId('error-banner')).not.toContainText('UNAUTHORIZED');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
    await page.getByTestId('error-banner-copy').click();
    await expect(page.getByTestId('error-banner-copy')).toHaveText('复制详情');
    await expect(page.getByTestId('error-banner-copy-state')).toHaveText('已复制，可发给技术支持');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('此页面未获授权');
    expect(copied).toContain('[UNAUTHORIZED]');
  });
});

test('the entry list stays virtualized and sortable at 50,000 entries', async ({ page }, info) => {
  test.setTimeout(120_000);
  const dataDir = newDataDir();
  seedLargeCampaign(dataDir, 50_000);
  app = await serveApp(dataDir);
  await page.goto(app.url);
  await page.getByRole('button', { name: /2023 China \(Sichuan\)/ }).click();
  await expect(page.getByTestId('entry-count')).toHaveText('50,000 entries');
  const rendered = await page.getByTestId('entry-row').count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(80);

  await page.locator('.vbody').evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(page.getByTestId('entry-row').filter({ hasText: 'SC2023-050000' })).toBeVisible();
  expect(await page.getByTestId('entry-row').count()).toBeLessThan(80);

  await page.getByRole('button', { name: 'Reg. no.' }).click();
  await expect(page.getByTestId('entry-row').first()).toContainText('SC2023-050000');
  await page.getByTestId('entry-search').fill('Health work 49999');
  await expect(page.getByTestId('entry-count')).toHaveText('1 entry');
  await page.screenshot({ path: info.outputPath('entries-50k.png') });
});
