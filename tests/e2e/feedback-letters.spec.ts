// Entrant feedback and result letters (issue 19), in both languages: the sample is merged; in
// SC2023-0001's panel the coordinator shares Judge A's comment for the entrant as an edited copy
// (the reason typed into the app's own dialog) and leaves B and C unshared; the ranking is
// published; the Certificates tab exports the letters as a job; the entrant's letter, opened
// (downloaded) from the list, reads back with pdftotext holding the copy and the outcome and none
// of the unshared comments. Screenshots at 1366×768 go to test-results/ (and KEPU_SHOTS).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { coordinatorWithMergedSample, loadSample, openTab, publishRanking } from './coordinator';
import { serveApp, type ServedApp } from './host';
import { shot } from './shots';

const apps: ServedApp[] = [];
test.afterEach(async () => {
  for (const app of apps.splice(0)) await app.stop();
});

for (const locale of ['zh-CN', 'en'] as const) {
  test(`choose an entry's feedback, export the result letters and open one (${locale})`, async ({ browser }, info) => {
    test.setTimeout(240_000);
    const en = locale === 'en';
    const copy = en ? 'Shared in the letter: a clear, practical piece.' : '写入通知书:内容清楚实用。';
    const app = await serveApp();
    apps.push(app);
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale });
    await coordinatorWithMergedSample(page, app);

    await openTab(page, 'entries');
    await page.getByTestId('entry-search').fill('SC2023-0001');
    await expect(page.getByTestId('entry-row')).toHaveCount(1);
    await page.getByTestId('entry-row').first().click();
    const feedback = page.getByTestId('entry-detail').getByTestId('entry-feedback');
    await expect(feedback).toContainText(en ? 'Feedback for the entrant' : '给参赛者的反馈');
    await expect(feedback.getByTestId('feedback-C')).toBeVisible();
    const unshared = [await feedback.getByTestId('feedback-B-signed').textContent(), await feedback.getByTestId('feedback-C-signed').textContent()].map((s) =>
      s!.replace(/^.*?[::]\s*/, '').trim(),
    );
    const a = feedback.getByTestId('feedback-A');
    await a.getByTestId('feedback-A-edit').click();
    await a.getByTestId('feedback-A-draft').fill(copy);
    await a.getByTestId('feedback-A-save-copy').click();
    await expect(page.getByTestId('confirm-ok')).toBeDisabled();
    await page.getByTestId('confirm-text').fill(en ? 'typo in the judge’s text' : '修正错别字');
    await page.getByTestId('confirm-ok').click();
    await expect(a.getByTestId('feedback-A-copy')).toContainText(copy);
    // The box follows the saved state (it ticks once the choice is recorded), so click, then wait.
    await a.getByTestId('feedback-A-share').click();
    await expect(a.getByTestId('feedback-A-share')).toBeChecked();
    await expect(a).toContainText(en ? 'shared in the letter' : '写入通知书');
    await expect(feedback.getByTestId('feedback-B')).toContainText(en ? 'not shared' : '不分享');
    await shot(page, `feedback-review-${locale}`, info.outputPath.bind(info), feedback);

    await publishRanking(page);
    await openTab(page, 'certificates');
    const letters = page.getByTestId('result-letters');
    await expect(letters).toContainText(en ? 'Result letters to entrants' : '给参赛者的结果通知书');
    // The panels above load their own data and grow when it comes: clicked before, the button may
    // have moved by the time the click lands (once, in CI, no job was ever started).
    await expect(page.getByTestId('certificate-lists').getByTestId('certificate-list').first()).toBeVisible();
    await letters.getByTestId('letters-language').selectOption(locale);
    await expect(letters.getByTestId('letters-export')).toBeEnabled();
    await letters.getByTestId('letters-export').click();
    await expect(letters.getByTestId('letters-done')).toBeVisible({ timeout: 120_000 });
    await expect(letters.getByTestId('letters-done')).toContainText(en ? 'letters written to' : '份通知书已写入');
    await shot(page, `letters-exported-${locale}`, info.outputPath.bind(info), letters);

    const download = page.waitForEvent('download');
    await letters.getByTestId('letters-files').getByRole('button', { name: 'SC2023-0001-四川大学华西医院.pdf', exact: true }).click();
    const file = path.join(info.outputPath(), 'letter.pdf');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await (await download).saveAs(file);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain(copy);
    expect(text).toContain(en ? 'Judge A' : '评委 A');
    expect(text).toMatch(en ? /received the award|not selected|shortlisted/ : /荣获|未获选|入围/);
    for (const sentence of unshared) expect(text).not.toContain(sentence.slice(0, 10));
    // The same letter is on disk in the data folder, beside its draft and the merge table.
    const dir = path.join(app.dataDir, 'exports', 'letters');
    const written = fs.readdirSync(dir, { recursive: true }).map(String);
    expect(written.some((f) => f.endsWith('SC2023-0001-四川大学华西医院.eml'))).toBe(true);
    expect(written.some((f) => /mail-merge-.*\.xlsx$/.test(f))).toBe(true);
  });
}

for (const locale of ['zh-CN', 'en'] as const) {
  test(`a judge writes a comment for the committee and one for the entrant, both kept (${locale})`, async ({ browser }, info) => {
    test.setTimeout(120_000);
    const en = locale === 'en';
    const app = await serveApp();
    apps.push(app);
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale });
    await loadSample(page, app.url);
    await openTab(page, 'review');
    const panel = page.getByTestId('score-panel');
    await expect(panel).toContainText(en ? 'Comment for the committee (internal)' : '给评审委员会的意见（内部）');
    await expect(panel).toContainText(en ? 'Feedback for the entrant (optional)' : '给参赛者的反馈（可选）');
    const title = (await page.getByTestId('preview-title').textContent())!.trim();
    await page.getByTestId('review-comment').fill('只给评委会看 / committee only');
    await page.getByTestId('review-entrant-comment').fill('Well researched; add sources. / 资料翔实,请注明出处。');
    await page.getByTestId('review-comment').focus(); // leaving the field saves it
    await expect(page.getByTestId('save-indicator')).toContainText(en ? 'Saved' : '已保存');
    await shot(page, `judge-two-comments-${locale}`, info.outputPath.bind(info), panel);
    await page.reload();
    await expect(page.getByTestId('preview-title')).toHaveText(title);
    await expect(page.getByTestId('review-comment')).toHaveValue('只给评委会看 / committee only');
    await expect(page.getByTestId('review-entrant-comment')).toHaveValue('Well researched; add sources. / 资料翔实,请注明出处。');
  });
}

