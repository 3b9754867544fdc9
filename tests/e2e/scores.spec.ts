// Every judge's scores seen and exported (issue 15), in chromium, in both languages: the sample's
// bundles merged, SC2023-0001 opened from the Entries tab shows each judge by name with the
// dimension scores, total, a comment and the spread of the totals; the Ranking tab's "Export score
// matrix" gives a CSV that is parsed back; one judge's 评审打分表 PDF is read back with pdftotext
// and holds that judge's name, the entry, its total and comment and the signature line.
// Screenshots at 1366×768 go to test-results/ (and KEPU_SHOTS).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { expect, test } from '@playwright/test';
import { shot } from './shots';
import { loadSample, mergeSampleBundles, openTab } from './coordinator';
import { serveApp, type ServedApp } from './host';

const apps: ServedApp[] = [];
test.afterEach(async () => {
  for (const app of apps.splice(0)) await app.stop();
});

for (const locale of ['zh-CN', 'en'] as const) {
  test(`an entry's judges, the score matrix and a judge's score sheet (${locale})`, async ({ browser }, info) => {
    test.setTimeout(180_000);
    const en = locale === 'en';
    const app = await serveApp();
    apps.push(app);
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale, acceptDownloads: true });
    await loadSample(page, app.url);
    await mergeSampleBundles(page, app.dataDir);

    // The entry panel: every judge's scores and a comment.
    await openTab(page, 'entries');
    await page.getByTestId('entry-search').fill('SC2023-0001');
    await expect(page.getByTestId('entry-row')).toHaveCount(1);
    await page.getByTestId('entry-row').first().click();
    const scores = page.getByTestId('entry-detail').getByTestId('entry-scores');
    await expect(scores).toBeVisible();
    const judges = scores.getByTestId('entry-scores-judge');
    expect(await judges.count()).toBeGreaterThanOrEqual(2);
    await expect(scores.getByTestId('entry-scores-comment').first()).toContainText('选题贴近群众');
    await expect(scores.getByTestId('entry-scores-spread')).toContainText(en ? 'Spread of the totals' : '总分极差');
    await expect(scores.getByTestId('entry-scores-spread')).toHaveAttribute('title', en ? /20 %/ : /20%/);
    await shot(page, `scores-entry-${locale}`, info.outputPath.bind(info), scores);

    // The score matrix as CSV, parsed back.
    await openTab(page, 'ranking');
    const exports = page.getByTestId('score-exports');
    await exports.scrollIntoViewIfNeeded();
    const csvDownload = page.waitForEvent('download');
    await exports.getByTestId('scores-export-csv').click();
    const csvPath = await (await csvDownload).path();
    const [header, ...rows] = parse(fs.readFileSync(csvPath, 'utf8').replace(/^\ufeff/, '')) as string[][];
    const at = (name: string) => header.findIndex((h) => h.endsWith(`/ ${name}`));
    const commented = rows.find((r) => r[at('Reg. no.')] === 'SC2023-0001' && r[at('Comment')] !== '')!;
    expect(commented).toBeTruthy();
    const judgeName = commented[at('Judge')];
    const total = commented[at('Weighted total (signed)')];
    expect(Number(total)).toBeGreaterThan(0);
    await expect(exports.getByTestId('score-exports-saved')).toBeVisible();

    // One judge's score sheet, read back with pdftotext.
    const option = exports.getByTestId('score-sheet-judge').locator('option', { hasText: judgeName });
    await exports.getByTestId('score-sheet-judge').selectOption((await option.getAttribute('value'))!);
    await exports.getByTestId('score-sheet-language').selectOption(en ? 'en' : 'zh');
    await shot(page, `scores-exports-${locale}`, info.outputPath.bind(info), exports);
    const pdfDownload = page.waitForEvent('download');
    await exports.getByTestId('score-sheet-export').click();
    const pdfPath = await (await pdfDownload).path();
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    expect(text).toContain(judgeName);
    expect(text).toContain('SC2023-0001');
    expect(text).toContain(total);
    expect(text.replace(/\s+/g, '')).toContain(commented[at('Comment')].replace(/\s+/g, ''));
    expect(text).toContain(en ? "Judge's signature" : '评审专家签字');
    expect(text).toContain(en ? 'Judge score sheet' : '评审打分表');
  });
}
