// Issue 15, defaults that contradicted each other, in chromium in both languages: one judge's
// bundle merged names the judges still to return theirs, and the same file again reads
// "Unchanged — already merged" (not the CLI's DUPLICATE); the sample works campaign (3 judges per
// entry) publishes the mean, each statistic has its plain sentence, a list without award tiers has
// no award column and says where tiers are set; the trimmed mean chosen anyway says it fell back to
// the plain mean (category and "why this place"); the committee list is ordered by the method the
// table beside it shows. Screenshots at 1366×768 (copied to $KEPU_SHOTS when set).
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { loadSample, mergeBundles, mergeSampleBundles, openSampleWorks, openTab } from './coordinator';
import { shot } from './shots';
import { serveApp, type ServedApp } from './host';

const apps: ServedApp[] = [];
test.afterEach(async () => {
  for (const app of apps.splice(0)) await app.stop();
});

const words = {
  'zh-CN': {
    unchanged: '未变化——此前已合并',
    merged: '已合并',
    missing: '尚未收到以下评委的结果包',
    icc: 'ICC：分数差异中来自作品本身',
    w: '评同一组作品的评委对作品先后顺序的一致程度',
    tau: 'Kendall τ：本榜单按另一种方法排序时',
    noTiers: '本榜单未设置奖项等级',
    award: '奖项',
    fallback: /公布方法为去极值平均分，但有 \d+ 件上榜作品的评委少于 5 位/,
    detailFallback: '本榜单按去极值平均分公布，该方法至少需要 5 位评委；本作品计入 3 位评委',
    mean: '平均分',
    trimmed: '去极值平均分',
    median: '中位数',
    meanByDefault: '此处默认按平均分公布：每件作品由 3 位评委评分，而去极值平均分至少需要 5 位评委',
    committee: /CACA|癌症/,
  },
  en: {
    unchanged: 'Unchanged — already merged',
    merged: 'Merged',
    missing: 'No bundle yet from',
    icc: 'ICC: the share of the differences between scores',
    w: 'How far the judges who scored the same entries agree',
    tau: "Kendall's τ: how alike this list's order is",
    noTiers: 'No award tiers are set for this list',
    award: 'Award',
    fallback: /Published by the trimmed mean, but \d+ ranked entr(y|ies) had fewer than 5 judges/,
    detailFallback: 'This list is published by the trimmed mean, which needs at least 5 judges; 3 counted for this entry',
    mean: 'Mean',
    trimmed: 'Trimmed mean',
    median: 'Median',
    meanByDefault: 'The mean is the default here: entries are scored by 3 judges, and the trimmed mean needs at least 5',
    committee: /CACA|Cancer/,
  },
} as const;

for (const locale of ['zh-CN', 'en'] as const) {
  test(`defaults agree, statistics explained, a re-merge says unchanged (${locale})`, async ({ browser }, info) => {
    const w = words[locale];
    const app = await serveApp();
    apps.push(app);
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale });
    const out = info.outputPath.bind(info);
    await loadSample(page, app.url);
    await openSampleWorks(page);

    // One judge's bundle: merged, the others named as not returned yet; the same file again is unchanged.
    const dir = path.join(app.dataDir, 'sample-bundles');
    const files = fs.readdirSync(dir).sort().map((f) => path.join(dir, f));
    await mergeBundles(page, [files[0]]);
    await expect(page.getByTestId('merge-file-status')).toHaveText(w.merged);
    await expect(page.getByTestId('merge-missing-judges')).toContainText(w.missing);
    await page.getByTestId('bundle-files').setInputFiles([]);
    await mergeBundles(page, [files[0]]);
    await expect(page.getByTestId('merge-file-status')).toHaveText(w.unchanged);
    await expect(page.getByTestId('merge-files')).not.toContainText('DUPLICATE');
    await shot(page, `defaults-${locale}-remerge`, out, page.getByTestId('merge-files'));
    await page.getByTestId('bundle-files').setInputFiles([]);
    await mergeBundles(page, files.slice(1));

    // The works campaign publishes the mean; every statistic is explained; no empty award column.
    await openTab(page, 'ranking');
    const ranked = page.getByTestId('ranking-ranked');
    await expect(ranked.getByTestId('ranking-row').first()).toBeVisible();
    await expect(page.getByTestId('ranking-method')).toHaveValue('mean');
    await expect(page.getByTestId('ranking-mean-by-default')).toContainText(w.meanByDefault);
    await shot(page, `defaults-${locale}-method`, out, page.getByTestId('ranking-mean-by-default'));
    await expect(page.getByTestId('ranking-explain-icc')).toContainText(w.icc);
    await expect(page.getByTestId('ranking-explain-w')).toContainText(w.w);
    await expect(page.getByTestId('ranking-explain-tau')).toContainText(w.tau);
    await expect(page.getByTestId('ranking-no-tiers')).toContainText(w.noTiers);
    expect(await ranked.locator('thead').innerText()).not.toContain(w.award);
    await expect(page.getByTestId('ranking-fallback')).toHaveCount(0);
    await shot(page, `defaults-${locale}-statistics`, out, page.getByTestId('ranking-stability'));
    // A negative or not-computable ICC, wherever a category has one, has its own sentence.
    const tabs = page.locator('.category-tabs').getByRole('tab');
    for (let i = 0; i < (await tabs.count()); i++) {
      await tabs.nth(i).click();
      const value = (await page.getByTestId('ranking-icc-value').innerText()).trim();
      if (value === '—') await expect(page.getByTestId('ranking-explain-icc-none')).toBeVisible();
      else if (value.startsWith('-')) await expect(page.getByTestId('ranking-explain-icc-negative')).toBeVisible();
    }
    await tabs.first().click();

    // The trimmed mean chosen anyway: the fallback to the plain mean is said, never silent.
    await page.getByTestId('ranking-settings-toggle').click();
    await page.getByTestId('ranking-primary').selectOption('trimmed');
    await page.getByTestId('ranking-save').click();
    await expect(page.getByTestId('ranking-fallback')).toHaveText(w.fallback);
    await shot(page, `defaults-${locale}-fallback`, out, page.getByTestId('ranking-fallback'));
    await ranked.getByTestId('ranking-row').first().getByRole('button').click();
    await expect(page.getByTestId('ranking-detail-fallback')).toContainText(w.detailFallback);
    await shot(page, `defaults-${locale}-detail`, out, page.getByTestId('ranking-detail-fallback'));
    await page.keyboard.press('Escape');

    // The committee campaign (5 judges): its list is ordered by the method the table beside it shows.
    await page.getByTestId('nav-campaigns').click();
    await page.getByRole('button', { name: w.committee }).first().click();
    await mergeSampleBundles(page, app.dataDir, 'sample-bundles-committee');
    await openTab(page, 'ranking');
    await expect(page.getByTestId('ranking-method')).toHaveValue('trimmed');
    const members = page.getByTestId('committee-members');
    await expect(members.locator('thead')).toContainText(w.trimmed);
    const memberRegNos = (await members.locator('tbody tr td.mono').allInnerTexts()).map((s) => s.trim());
    const tableRegNos = (await page.getByTestId('ranking-ranked').locator('tbody tr td.mono').allInnerTexts()).map((s) => s.trim());
    expect(memberRegNos.length).toBeGreaterThan(1);
    expect(memberRegNos).toEqual(tableRegNos.filter((r) => memberRegNos.includes(r)));
    await expect(page.getByTestId('committee-other-method')).toHaveCount(0);
    await shot(page, `defaults-${locale}-committee`, out, members);
    // A committee method chosen apart from the published one: the panel says by what each is ordered.
    await page.getByTestId('ranking-settings-toggle').click();
    await page.getByTestId('ranking-committee-method').selectOption('median');
    await page.getByTestId('ranking-save').click();
    await expect(page.getByTestId('committee-other-method')).toContainText(w.median);
    await expect(members.locator('thead')).toContainText(w.median);
  });
}
