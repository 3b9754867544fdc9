import { expect, test } from '@playwright/test';
import type { ServedApp } from './host';
import { attachKeyCard, coordinatorAndJudge, exportJudgePackage, judgeKeyCard, openJudgePackage } from './judge';

const apps: ServedApp[] = [];
test.afterEach(async () => {
  for (const app of apps.splice(0)) await app.stop();
});

test.use({ locale: 'zh-CN' });

test('coordinator → judge → coordinator: key card, signed package, scoring offline, signed bundle, merge', async ({ browser }, info) => {
  // Coordinator: sample campaign and an identity; the judge's installation still empty.
  const { coordinator, judge, judgeApp } = await coordinatorAndJudge(browser, apps);

  // Judge: an identity and the key card.
  const { cardFile, fingerprint } = await judgeKeyCard(judge, judgeApp.url, info.outputPath('zhang-wei.kepukey'));

  // Coordinator: attach the card to the judge profile, export that judge's package.
  await attachKeyCard(coordinator, 'Zhang Wei', cardFile);
  await expect(coordinator.getByTestId('exchange-notice')).toContainText(fingerprint);
  await expect(coordinator.getByTestId('judge-table')).toContainText(fingerprint);
  const packageFile = await exportJudgePackage(coordinator, 'Zhang Wei');
  await expect(coordinator.getByTestId('exchange-notice')).toContainText('Zhang Wei的评审包（19 个条目）已保存至');
  await coordinator.screenshot({ path: info.outputPath('coordinator-exchange.png') });

  // Judge: open the package, score one entry by keyboard, export the bundle.
  await judge.getByTestId('nav-campaigns').click();
  await expect(judge.getByTestId('package-path')).toHaveAttribute('placeholder', 'E:\\评审包\\zhang-wei.kepupkg'); // one backslash each, as Windows writes it
  await openJudgePackage(judge, packageFile);
  await expect(judge.getByTestId('queue-progress')).toContainText('已完成 0/19');
  for (const key of ['8', 'Tab', '7', 'Tab', '9']) await judge.keyboard.press(key);
  await expect(judge.getByTestId('review-total')).toContainText('8.00 已评 3/3 项');
  await judge.keyboard.press('c');
  await expect(judge.getByTestId('queue-progress')).toContainText('已完成 1/19');
  const bundleDownload = judge.waitForEvent('download');
  await judge.getByTestId('export-bundle').click();
  const bundleFile = info.outputPath('zhang-wei-r1.kepubundle');
  await (await bundleDownload).saveAs(bundleFile);
  await expect(judge.getByTestId('bundle-notice')).toContainText('第 1 版已保存至');
  await judge.screenshot({ path: info.outputPath('judge-review.png') });

  // Coordinator: merge it; the same file again is recognised.
  await coordinator.getByTestId('bundle-files').setInputFiles(bundleFile);
  await expect(coordinator.getByTestId('merge-files')).toContainText('已合并');
  await expect(coordinator.getByTestId('merge-coverage')).toContainText('已完成 1 份');
  await coordinator.getByTestId('bundle-files').setInputFiles([]);
  await coordinator.getByTestId('bundle-files').setInputFiles(bundleFile);
  await expect(coordinator.getByTestId('merge-files')).toContainText('未变化——此前已合并');
  await coordinator.screenshot({ path: info.outputPath('coordinator-merge.png'), fullPage: true });
});
