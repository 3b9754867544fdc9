// The Ranking tab after the app started again (issue 18): the sample merged and its ranking shown,
// the app closed and started over the same data folder, the campaign opened again: the tab shows
// the same ranking at once, answered from what the ranking worker saved with the data's change
// token (its "computed at" is the first computation's, so nothing was computed again; that a write
// makes it compute again is tests/integration/ranking/ranking-answers.test.ts's). Both languages;
// screenshots at 1366×768.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { loadSample, mergeSampleBundles, openSampleWorks, openTab } from './coordinator';
import { serveApp, type ServedApp } from './host';
import { shot } from './shots';

const apps: ServedApp[] = [];
test.afterEach(async () => {
  for (const app of apps.splice(0)) await app.stop();
});

/** Ends a served app and waits for its process to be gone, keeping its data folder. */
async function endKeepingData(app: ServedApp): Promise<void> {
  process.kill(app.pid, 'SIGTERM');
  await expect
    .poll(() => {
      try {
        process.kill(app.pid, 0);
        return 'running';
      } catch {
        return 'gone';
      }
    }, { timeout: 15_000 })
    .toBe('gone');
}

for (const locale of ['zh-CN', 'en'] as const) {
  test(`the Ranking tab after a restart shows the saved ranking at once (${locale})`, async ({ browser }, info) => {
    test.setTimeout(180_000);
    const first = await serveApp(undefined, { KEPU_LANG: locale });
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale });
    await loadSample(page, first.url);
    await mergeSampleBundles(page, first.dataDir);
    await openTab(page, 'ranking');
    const rows = page.getByTestId('ranking-ranked').getByTestId('ranking-row');
    await expect(rows.first()).toBeVisible();
    const computed = (await page.getByTestId('ranking-computed').textContent()) ?? '';
    const firstRows = await rows.allTextContents();
    expect(computed).not.toBe('');
    // Saved a moment after it was shown.
    const saved = path.join(first.dataDir, 'cache', 'ranking-answers.bin'); // app/ranking-answers.ts
    await expect.poll(() => fs.existsSync(saved), { timeout: 10_000 }).toBe(true);
    await page.close();
    await endKeepingData(first);

    const again = await serveApp(first.dataDir, { KEPU_LANG: locale });
    apps.push(again);
    const next = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale });
    await next.goto(again.url);
    await openSampleWorks(next);
    await openTab(next, 'ranking');
    await expect(next.getByTestId('ranking-computed')).toHaveText(computed);
    await expect(next.getByTestId('ranking-ranked').getByTestId('ranking-row')).toHaveText(firstRows);
    await shot(next, `ranking-after-restart-${locale}`, info.outputPath.bind(info));
  });
}
