// A blank programme asks for 3 judges per entry. With no judge the assignment panel says where judges
// are added; with fewer than that many it says before any run that every entry would stay short of judges, and where the number is
// set (Setup › Judging); the hint leaves once there are enough judges for the programme's number.
import { expect, test } from '@playwright/test';
import { serveApp, type ServedApp } from './host';

const apps: ServedApp[] = [];
test.afterEach(async () => {
  for (const app of apps.splice(0)) await app.stop();
});

for (const locale of ['en', 'zh-CN'] as const) {
  test(`says when fewer judges are loaded than each entry needs (${locale})`, async ({ browser }) => {
    const en = locale === 'en';
    const app = await serveApp();
    apps.push(app);
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale });
    await page.goto(app.url);
    const card = page.getByTestId('blank-programme-card');
    await card.getByTestId('blank-kind').selectOption('works');
    await card.getByTestId('blank-name-zh').fill('护理科普视频大赛');
    await card.getByTestId('blank-name-en').fill('Nursing video contest');
    await card.getByTestId('blank-host-zh').fill('某省护理学会');
    await card.getByTestId('blank-host-en').fill('Provincial Nursing Association');
    await card.getByTestId('blank-create').click();
    await expect(page.getByTestId('setup-view')).toBeVisible();

    // No judge yet: the panel says where judges are added instead of a count.
    await page.getByRole('tab', { name: en ? 'Judges & exchange' : '评委与交换' }).click();
    const hint = page.getByTestId('assignment-panel').getByTestId('assignment-too-few-judges');
    await expect(page.getByTestId('empty-assignment')).toContainText(en ? 'No judges yet' : '还没有评委');
    await expect(hint).toHaveCount(0);

    // One judge loaded, each entry needs 3: the hint says so before any run, and where to change it.
    await page.getByRole('tab', { name: en ? 'Review' : '评审', exact: true }).click();
    await page.getByTestId('judge-name').fill(en ? 'Zhou Jing' : '周静');
    await page.getByLabel(en ? 'Review every entry' : '评审全部条目').uncheck();
    await page.getByTestId('judge-create').click();
    await expect(page.getByTestId('judge-picker')).toContainText(en ? 'Zhou Jing' : '周静');
    await page.getByRole('tab', { name: en ? 'Judges & exchange' : '评委与交换' }).click();
    await expect(page.getByTestId('judge-table')).toContainText(en ? 'Zhou Jing' : '周静');
    await expect(hint).toHaveText(
      en
        ? '1 judge is loaded, but each entry needs 3: every entry will be held short of judges, and the ranking will flag it. Add judges, or change the judges per entry in Setup › Judging.'
        : '已载入 1 位评委，但每件报名需要 3 位：所有报名都会因评委不足而暂缓，排名中将标出。请添加评委，或在“设置方案 › 评审安排”中修改每件报名的评委人数。',
    );

    // One judge per entry and one judge loaded: the hint leaves.
    await page.getByRole('tab', { name: en ? 'Setup' : '设置方案' }).click();
    await page.getByTestId('setup-nav-judging').click();
    await page.getByTestId('setup-judges').fill('1');
    await page.getByTestId('setup-save').click();
    await expect(page.getByTestId('setup-saved')).toBeVisible();
    await page.getByRole('tab', { name: en ? 'Judges & exchange' : '评委与交换' }).click();
    await expect(page.getByTestId('assignment-panel')).toBeVisible();
    await expect(hint).toHaveCount(0);
  });
}
