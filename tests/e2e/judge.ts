// The exchange as a judge takes part in it, written once (exchange.spec, judge-keys.spec): two
// installations, the judge's identity and key card, the coordinator attaching the card and exporting that judge's
// signed package, the judge opening it. By test id, so the steps read the same in both languages.
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Browser, type Page } from '@playwright/test';
import { createIdentity, loadSample, openSampleWorks, openTab } from './coordinator';
import { serveApp, type ServedApp } from './host';

/**
 * Two installations, each with its own data folder and page: the coordinator's, with the sample
 * loaded and a signing identity, and the judge's, still empty. Both apps go into `apps` (the spec
 * stops them after the test).
 */
export async function coordinatorAndJudge(browser: Browser, apps: ServedApp[]): Promise<{ coordinator: Page; judge: Page; judgeApp: ServedApp }> {
  const coordinatorApp = await serveApp();
  const judgeApp = await serveApp();
  apps.push(coordinatorApp, judgeApp);
  const coordinator = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', acceptDownloads: true });
  const judge = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', acceptDownloads: true });
  await loadSample(coordinator, coordinatorApp.url);
  await createIdentity(coordinator, '组委会', 'coordinator passphrase');
  return { coordinator, judge, judgeApp };
}

/** A judge's installation: its signing identity and the exported key card, saved as `cardFile`. */
export async function judgeKeyCard(judge: Page, url: string, cardFile: string, identity = { name: 'Zhang Wei', passphrase: 'judge passphrase' }): Promise<{ cardFile: string; fingerprint: string }> {
  await judge.goto(url);
  const fingerprint = await createIdentity(judge, identity.name, identity.passphrase);
  const download = judge.waitForEvent('download');
  await judge.getByTestId('export-keycard').click();
  await (await download).saveAs(cardFile);
  return { cardFile, fingerprint };
}

/** The coordinator attaches a judge's key card to that judge of the sample works campaign. */
export async function attachKeyCard(coordinator: Page, judgeName: string, cardFile: string): Promise<void> {
  await openSampleWorks(coordinator);
  await openTab(coordinator, 'exchange');
  await coordinator.getByTestId('attach-to').selectOption({ label: judgeName });
  await coordinator.getByTestId('keycard-file').setInputFiles(cardFile);
}

/** The coordinator exports that judge's signed package; returns where the app saved it. */
export async function exportJudgePackage(coordinator: Page, judgeName: string): Promise<string> {
  // The browser shell also downloads a copy (it cannot show the folder): the same bytes as the file saved.
  const download = coordinator.waitForEvent('download');
  await coordinator.getByTestId(`export-package-${judgeName}`).click();
  const notice = coordinator.getByTestId('exchange-notice');
  const saved = /(?:已保存至|saved to) (.+)$/; // exchange.packageSaved in either language
  await expect(notice).toContainText(saved);
  const packageFile = saved.exec((await notice.textContent())!.trim())![1];
  expect(path.extname(packageFile)).toBe('.kepupkg');
  const copy = await download;
  expect(copy.suggestedFilename()).toBe(path.basename(packageFile));
  expect(fs.readFileSync(await copy.path()).equals(fs.readFileSync(packageFile))).toBe(true);
  await expect(coordinator.getByTestId('package-export-actions-save-as')).toBeVisible();
  await expect(coordinator.getByTestId('package-export-actions-show-in-folder')).toHaveCount(0); // desktop only
  return packageFile;
}

/** The judge opens the package from the campaign list (already shown) and lands on the score panel. */
export async function openJudgePackage(judge: Page, packageFile: string): Promise<void> {
  await judge.getByTestId('package-path').fill(packageFile);
  await judge.getByTestId('package-open').click();
  await expect(judge.getByTestId('score-panel')).toBeVisible();
}
