import path from 'node:path';
import { expect, test } from '@playwright/test';
import { createIdentity } from './coordinator';
import { serveApp, type ServedApp } from './host';

const apps: ServedApp[] = [];
test.afterEach(async () => {
  for (const app of apps.splice(0)) await app.stop();
});

test.use({ locale: 'zh-CN' });

test('coordinator → judge → coordinator: key card, signed package, scoring offline, signed bundle, merge', async ({ browser }, info) => {
  const coordinatorApp = await serveApp();
  const judgeApp = await serveApp();
  apps.push(coordinatorApp, judgeApp);
  const coordinator = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', acceptDownloads: true });
  const judge = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', acceptDownloads: true });

  // Coordinator: sample campaign and an identity.
  await coordinator.goto(coordinatorApp.url);
  await coordinator.getByTestId('load-sample').click();
  await expect(coordinator.getByTestId('campaign-title')).toBeVisible({ timeout: 30_000 });
  await createIdentity(coordinator, '组委会', 'coordinator passphrase');

  // Judge: an identity and the key card.
  await judge.goto(judgeApp.url);
  await createIdentity(judge, 'Zhang Wei', 'judge passphrase');
  const fingerprint = (await judge.getByTestId('identity-fingerprint').textContent())!;
  const cardDownload = judge.waitForEvent('download');
  await judge.getByTestId('export-keycard').click();
  const cardFile = info.outputPath('zhang-wei.kepukey');
  await (await cardDownload).saveAs(cardFile);

  // Coordinator: attach the card to the judge profile, export that judge's package.
  await coordinator.getByTestId('nav-campaigns').click();
  await coordinator.getByRole('button', { name: /四川/ }).first().click();
  await coordinator.getByRole('tab', { name: '评委与交换' }).click();
  await coordinator.getByTestId('attach-to').selectOption({ label: 'Zhang Wei' });
  await coordinator.getByTestId('keycard-file').setInputFiles(cardFile);
  await expect(coordinator.getByTestId('exchange-notice')).toContainText(fingerprint);
  await expect(coordinator.getByTestId('judge-table')).toContainText(fingerprint);
  await coordinator.getByTestId('export-package-Zhang Wei').click();
  const notice = coordinator.getByTestId('exchange-notice');
  await expect(notice).toContainText('Zhang Wei的评审包(19 个条目)已保存至');
  const packageFile = (await notice.textContent())!.split('已保存至 ')[1].trim();
  expect(path.extname(packageFile)).toBe('.kepupkg');
  await coordinator.screenshot({ path: info.outputPath('coordinator-exchange.png') });

  // Judge: open the package, score one entry by keyboard, export the bundle.
  await judge.getByTestId('nav-campaigns').click();
  await expect(judge.getByTestId('package-path')).toHaveAttribute('placeholder', 'E:\\评审包\\zhang-wei.kepupkg'); // one backslash each, as Windows writes it
  await judge.getByTestId('package-path').fill(packageFile);
  await judge.getByTestId('package-open').click();
  await expect(judge.getByTestId('score-panel')).toBeVisible();
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
  await expect(coordinator.getByTestId('merge-files')).toContainText('已接收');
  await expect(coordinator.getByTestId('merge-coverage')).toContainText('已完成 1 份');
  await coordinator.getByTestId('bundle-files').setInputFiles([]);
  await coordinator.getByTestId('bundle-files').setInputFiles(bundleFile);
  await expect(coordinator.getByTestId('merge-files')).toContainText('重复');
  await coordinator.screenshot({ path: info.outputPath('coordinator-merge.png'), fullPage: true });
});
