// The judge never loses the keyboard (issue 15). A judge opens a signed package (zh-CN) and scores
// a video entry: the help sheet opened and closed, the video clicked, a dimension's description
// clicked — each time the next digit still scores the current (marked) dimension, and `c`
// completes and moves on to the next unfinished entry with the progress counted live. Then a
// committee review (en): eligibility items answered with y / n / u, arrows between items, digits
// still scoring the current dimension, and `c` completing and moving on.
import { expect, type Page, test } from '@playwright/test';
import type { ServedApp } from './host';
import { attachKeyCard, coordinatorAndJudge, exportJudgePackage, judgeKeyCard, openJudgePackage } from './judge';
import { nextOfCategory } from './review-keys';
import { shot } from './shots';

const apps: ServedApp[] = [];
test.afterEach(async () => {
  for (const app of apps.splice(0)) await app.stop();
});

const sliders = (page: Page) => page.locator('.score-panel [role="slider"]');
const current = (page: Page) => page.locator('.score-panel .score-control.current [role="slider"]');

test('a judge scores from the keyboard after help, a video click and a description click; c completes and moves on', async ({ browser }, info) => {
  test.setTimeout(180_000);
  // The package, as in exchange.spec: coordinator identity, the judge's key card, a signed package.
  const { coordinator, judge, judgeApp } = await coordinatorAndJudge(browser, apps);
  const { cardFile } = await judgeKeyCard(judge, judgeApp.url, info.outputPath('zhang-wei.kepukey'));
  await attachKeyCard(coordinator, 'Zhang Wei', cardFile);
  const packageFile = await exportJudgePackage(coordinator, 'Zhang Wei');

  await judge.getByTestId('nav-campaigns').click();
  await openJudgePackage(judge, packageFile);
  await expect(judge.getByTestId('queue-progress')).toContainText('已完成 0/19');

  // A video entry, reached by keyboard; the first dimension is current on entering.
  await nextOfCategory(judge, '视频');
  const title = (await judge.getByTestId('preview-title').textContent())!.trim();
  await expect(current(judge)).toHaveCount(1);
  await expect(judge.locator('.score-control').first()).toHaveClass(/current/);

  // Help, then Escape: the sheet lists the new keys; the next digit scores the first dimension.
  await judge.keyboard.press('?');
  const sheet = judge.getByTestId('shortcut-sheet');
  await expect(sheet).toContainText('y / n / u');
  await expect(sheet).toContainText('标记完成并转到下一条未完成的条目');
  await shot(judge, 'judge-keys-help-zh', info.outputPath.bind(info));
  await judge.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);
  await judge.keyboard.press('7');
  await expect(sliders(judge).nth(0)).toHaveAttribute('aria-valuenow', '7');

  // Tab to the second dimension, click the video: the digit still scores the second dimension.
  await judge.keyboard.press('Tab');
  await expect(judge.locator('.score-control').nth(1)).toHaveClass(/current/);
  await judge.getByTestId('video-player').locator('video').click();
  await judge.keyboard.press('6');
  await expect(sliders(judge).nth(1)).toHaveAttribute('aria-valuenow', '6');
  await expect(sliders(judge).nth(0)).toHaveAttribute('aria-valuenow', '7');

  // A click on the third dimension's description makes it current (marked) and scores there.
  await judge.locator('.score-control').nth(2).locator('.muted.small').last().click();
  await expect(judge.locator('.score-control').nth(2)).toHaveClass(/current/);
  await judge.keyboard.press('8');
  await expect(sliders(judge).nth(2)).toHaveAttribute('aria-valuenow', '8');
  await shot(judge, 'judge-keys-current-zh', info.outputPath.bind(info));

  // c: complete, on to the next unfinished entry, progress counted at once.
  await judge.keyboard.press('c');
  await expect(judge.getByTestId('queue-item').filter({ hasText: title })).toHaveClass(/status-complete/);
  await expect(judge.getByTestId('preview-title')).not.toHaveText(title);
  await expect(judge.getByTestId('reopen')).toHaveCount(0);
  await expect(judge.getByTestId('queue-progress')).toContainText('已完成 1/19');
  await expect(judge.locator('.group-progress')).toContainText('视频 1/');

  // Committee review on the coordinator's machine, in English: eligibility by keys.
  await coordinator.getByTestId('language-switch').selectOption('en');
  await coordinator.getByTestId('nav-campaigns').click();
  await coordinator.getByRole('button', { name: /Committee/ }).first().click();
  await coordinator.getByRole('tab', { name: 'Review', exact: true }).click();
  const panel = coordinator.getByTestId('score-panel');
  await expect(panel).toBeVisible();
  const entry = (await coordinator.getByTestId('preview-title').textContent())!.trim();
  const items = coordinator.locator('.eligibility-item');
  const itemCount = await items.count();
  expect(itemCount).toBeGreaterThan(2);

  // Scores first: the first slider has the focus on entering; Tab goes on to the next.
  const dims = await sliders(coordinator).count();
  for (let d = 0; d < dims; d++) {
    await coordinator.keyboard.press('8');
    await expect(sliders(coordinator).nth(d)).toHaveAttribute('aria-valuenow', '8');
    await coordinator.keyboard.press('Tab');
  }
  // Tab has reached the first eligibility item: y / n / u answer it, arrows move.
  await expect(items.nth(0)).toHaveClass(/current/);
  await coordinator.keyboard.press('n');
  await expect(items.nth(0)).toHaveAttribute('data-answer', 'no');
  await expect(coordinator.getByTestId('preview-title')).toHaveText(entry); // n answered, did not move on
  await coordinator.keyboard.press('ArrowDown');
  await expect(items.nth(1)).toHaveClass(/current/);
  await coordinator.keyboard.press('u');
  await expect(items.nth(1)).toHaveAttribute('data-answer', 'unsure');
  await coordinator.keyboard.press('ArrowUp');
  await coordinator.keyboard.press('y');
  await expect(items.nth(0)).toHaveAttribute('data-answer', 'yes');
  // A digit while an item has the focus still scores the current dimension (the last one tabbed through).
  await coordinator.keyboard.press('5');
  await expect(sliders(coordinator).nth(dims - 1)).toHaveAttribute('aria-valuenow', '5');
  for (let i = 1; i < itemCount; i++) {
    await coordinator.keyboard.press('ArrowDown');
    await coordinator.keyboard.press('y');
    await expect(items.nth(i)).toHaveAttribute('data-answer', 'yes');
  }
  await shot(coordinator, 'judge-keys-eligibility-en', info.outputPath.bind(info));
  await coordinator.keyboard.press('c');
  await expect(coordinator.getByTestId('queue-item').filter({ hasText: entry })).toHaveClass(/status-complete/);
  await expect(coordinator.getByTestId('preview-title')).not.toHaveText(entry);
  await expect(coordinator.getByTestId('queue-progress')).toContainText('1 of');
  await coordinator.keyboard.press('?');
  await expect(coordinator.getByTestId('shortcut-sheet')).toContainText('mark complete and go to the next unfinished entry');
  await expect(coordinator.getByTestId('shortcut-sheet')).toContainText('eligibility: yes / no / unsure on the focused item');
  await shot(coordinator, 'judge-keys-help-en', info.outputPath.bind(info));
});
