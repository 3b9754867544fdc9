// A third programme, built from nothing in the UI (no template, no programme file): a provincial
// nursing science video contest with two categories and a four-dimension rubric, in both
// languages. The coordinator starts a blank programme, builds it in Setup (categories, rubric
// replaced by four weighted dimensions, registration window, two judges per entry), imports a
// registration CSV written here, links real MP4s made by Debian's ffmpeg, adds two judges on this
// machine, assigns them, scores every entry as each judge, reads the ranking of both categories on
// that rubric, publishes it signed and verifies it. Screenshots of Setup and the ranking at
// 1366×768 go to test-results/ (and KEPU_SHOTS when set).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { shot } from './shots';
import { serveApp, type ServedApp } from './host';

const apps: ServedApp[] = [];
test.afterEach(async () => {
  for (const app of apps.splice(0)) await app.stop();
});

/** A real, tiny H.264 + AAC MP4 per entry; the tone and pattern differ, so no two files are the same bytes. */
function makeVideo(file: string, index: number) {
  execFileSync('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', `testsrc2=size=160x90:rate=10:duration=1`,
    '-f', 'lavfi', '-i', `sine=frequency=${330 + index * 110}:sample_rate=22050:duration=1`,
    '-vf', `hue=h=${index * 60}`,
    '-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '40', '-pix_fmt', 'yuv420p',
    '-c:a', 'aac', '-b:a', '16k', '-ac', '1', '-movflags', '+faststart', '-shortest', file,
  ]);
}

/** A CSV cell as a spreadsheet writes it: quoted when it holds a comma, a quote or a line break. */
const csvCell = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

const words = {
  'zh-CN': {
    settings: '设置', campaigns: '评审活动', overview: '概览', import: '导入报名', entries: '报名条目', media: '媒体检查',
    review: '评审', exchange: '评委与交换', ranking: '排名',
    name: '2025 年某省护理科普视频大赛', host: '某省护理学会', reason: '按大赛通知设置类别与评分标准',
    categories: ['护理操作', '健康宣教'],
    dimensions: ['科学性', '实用性', '创意', '传播性'],
    judges: [['周静', '某省护理学会专家委员会'], ['孙丽', '某医学院护理学院']],
    header: '报名编号,作品类别,作品名称,作者,单位,联系电话,提交时间',
    titles: ['经鼻胃管置入的规范操作', '压力性损伤的预防与翻身技巧', '糖尿病足的日常护理', '术后早期下床活动指导'],
    authors: ['王芳', '李娜', '张敏', '陈洁'],
    units: ['某省人民医院', '某市第一人民医院', '某县中医院', '某大学附属医院'],
    progress: (done: number, total: number) => `已完成 ${done}/${total}`,
    scored: '已评 4/4 项', weight30: '权重 30%', verified: '完全一致',
  },
  en: {
    settings: 'Settings', campaigns: 'Campaigns', overview: 'Overview', import: 'Import registrations', entries: 'Entries', media: 'Media check',
    review: 'Review', exchange: 'Judges & exchange', ranking: 'Ranking',
    name: '2025 Provincial Nursing Science Video Contest', host: 'Provincial Nursing Association', reason: 'categories and rubric from the contest notice',
    categories: ['Nursing skills', 'Health education'],
    dimensions: ['Scientific accuracy', 'Practicality', 'Creativity', 'Reach'],
    judges: [['Zhou Jing', 'Nursing Association expert panel'], ['Sun Li', 'School of Nursing']],
    header: 'Registration no.,Category,Title,Authors,Unit,Phone,Submitted at',
    titles: ['Placing a nasogastric tube, step by step', 'Preventing pressure injuries: turning the patient', 'Daily care of the diabetic foot', 'Getting up early after surgery'],
    authors: ['Wang Fang', 'Li Na', 'Zhang Min', 'Chen Jie'],
    units: ['Provincial People’s Hospital', 'First City Hospital', 'County TCM Hospital', 'University Affiliated Hospital'],
    progress: (done: number, total: number) => `${done} of ${total} done`,
    scored: '4/4 scored', weight30: 'weight 30%', verified: 'identical',
  },
} as const;

// Both languages' names are entered in either test; the test's language decides what is shown.
const bilingual = {
  name: ['2025 年某省护理科普视频大赛', '2025 Provincial Nursing Science Video Contest'],
  host: ['某省护理学会', 'Provincial Nursing Association'],
  categories: [['护理操作', 'Nursing skills'], ['健康宣教', 'Health education']],
  // 30 / 30 / 20 / 20 %.
  dimensions: [['科学性', 'Scientific accuracy', 30], ['实用性', 'Practicality', 30], ['创意', 'Creativity', 20], ['传播性', 'Reach', 20]],
} as const;
const dimensionKeys = ['scientific_accuracy', 'practicality', 'creativity', 'reach'];

// Registrations: two per category, all inside the registration window set below.
const regNos = ['HL2025-001', 'HL2025-002', 'HL2025-003', 'HL2025-004'];
const categoryOf = [0, 0, 1, 1];
// Each judge's scores per entry on the four dimensions, and the weighted total the panel shows.
const scores: [number[], string][][] = [
  // judge 1
  [[[9, 8, 7, 8], '8.10'], [[7, 7, 6, 6], '6.60'], [[6, 7, 8, 7], '6.90'], [[8, 9, 9, 8], '8.50']],
  // judge 2
  [[[8, 8, 8, 8], '8.00'], [[7, 6, 7, 7], '6.70'], [[7, 6, 7, 6], '6.50'], [[9, 8, 8, 9], '8.50']],
];
// Means of the two judges: 001 8.05, 002 6.65 (nursing skills); 004 8.50, 003 6.70 (health education).

for (const locale of ['zh-CN', 'en'] as const) {
  test(`builds a nursing video contest from a blank programme, imports, checks media, reviews, ranks and publishes (${locale})`, async ({ browser }, info) => {
    test.setTimeout(420_000);
    const w = words[locale];
    const en = locale === 'en';
    const snap = (name: string) => shot(page, `nursing-${name}-${locale}`, info.outputPath.bind(info));
    const app = await serveApp();
    apps.push(app);
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale });
    await page.goto(app.url);

    // A coordinator identity, to sign the published result.
    await page.getByRole('button', { name: w.settings, exact: true }).click();
    await page.getByTestId('identity-name').fill(en ? 'Contest office' : '大赛组委会');
    await page.getByTestId('identity-passphrase').fill('nursing coordinator passphrase');
    await page.getByTestId('identity-repeat').fill('nursing coordinator passphrase');
    await page.getByTestId('identity-create').click();
    await expect(page.getByTestId('identity-fingerprint')).toBeVisible({ timeout: 60_000 }); // key derivation is slow on a loaded machine
    await page.getByRole('button', { name: w.campaigns, exact: true }).click();

    // New blank programme: kind, name and host; it opens on its Setup tab.
    const card = page.getByTestId('blank-programme-card');
    await expect(card).toBeVisible();
    await card.getByTestId('blank-kind').selectOption('works');
    await card.getByTestId('blank-name-zh').fill(bilingual.name[0]);
    await card.getByTestId('blank-name-en').fill(bilingual.name[1]);
    await card.getByTestId('blank-host-zh').fill(bilingual.host[0]);
    await card.getByTestId('blank-host-en').fill(bilingual.host[1]);
    await card.getByTestId('blank-create').click();
    await expect(page.getByTestId('campaign-title')).toContainText(w.name);
    await expect(page.getByTestId('setup-view')).toBeVisible();
    await expect(page.getByRole('tab', { name: en ? 'Setup' : '设置方案' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('setup-section-basics')).toBeVisible();

    // Basics: the edition year and a registration window the registrations below fall inside.
    await page.getByTestId('setup-edition-year').fill('2025');
    await page.getByTestId('setup-opens').fill('2025-03-01T00:00');
    await page.getByTestId('setup-deadline').fill('2025-09-30T18:00');
    await expect(page.getByTestId('setup-nav-modified-basics')).toBeVisible();

    // The two categories of the one entry kind "work".
    await page.getByTestId('setup-nav-kinds').click();
    await expect(page.getByTestId('setup-categories-work')).toBeVisible();
    for (let i = 0; i < 2; i++) {
      await page.getByTestId('setup-add-category-work').click();
      await page.getByTestId(`setup-category-work-${i}-zh`).fill(bilingual.categories[i][0]);
      await page.getByTestId(`setup-category-work-${i}-en`).fill(bilingual.categories[i][1]);
    }
    await expect(page.getByTestId('setup-category-key-work-0')).toHaveValue('nursing_skills');
    await expect(page.getByTestId('setup-category-key-work-1')).toHaveValue('health_education');
    // The programme's one list takes every category of its kind: both are judged there.
    await expect(page.getByTestId('setup-category-row-work-0')).toContainText(w.name);
    await expect(page.getByTestId('setup-category-row-work-1')).toContainText(w.name);
    await snap('setup-kinds');

    // Two judges score each entry.
    await page.getByTestId('setup-nav-judging').click();
    await page.getByTestId('setup-judges').fill('2');

    // The list's rubric: the four dimensions replace the blank programme's "Overall".
    await page.getByTestId('setup-nav-lists').click();
    await expect(page.getByTestId('setup-dimension')).toHaveCount(1);
    for (let i = 0; i < 4; i++) {
      const row = i + 1;
      await page.getByTestId('setup-add-dimension').click();
      await page.getByTestId(`setup-dimension-${row}-zh`).fill(bilingual.dimensions[i][0]);
      await page.getByTestId(`setup-dimension-${row}-en`).fill(bilingual.dimensions[i][1]);
      await page.getByTestId(`setup-weight-${row}`).fill(String(bilingual.dimensions[i][2]));
    }
    await expect(page.getByTestId('setup-weight-total')).toContainText('200'); // still with "Overall" at 100 %
    await expect(page.getByTestId('setup-weight-total')).toHaveClass(/warn/);
    await page.getByTestId('setup-dimension-remove-0').click();
    await expect(page.getByTestId('setup-dimension')).toHaveCount(4);
    for (let i = 0; i < 4; i++) {
      await expect(page.getByTestId(`setup-dimension-key-${i}`)).toHaveValue(dimensionKeys[i]);
      await expect(page.getByTestId(`setup-dimension-${i}-zh`)).toHaveValue(bilingual.dimensions[i][0]);
    }
    await expect(page.getByTestId('setup-weight-total')).toContainText('100');
    await expect(page.getByTestId('setup-weight-total')).toHaveClass(/ok/);
    await expect(page.getByTestId('setup-coverage')).toHaveCount(0); // every category is taken by the list
    await expect(page.getByTestId('setup-eligibility').locator('tbody tr')).toHaveCount(0); // no eligibility items
    await snap('setup-lists');

    await page.getByTestId('setup-reason').fill(w.reason);
    await page.getByTestId('setup-save').click();
    await expect(page.getByTestId('setup-saved')).toContainText('2');
    await page.getByTestId('setup-nav-lists').click();
    await expect(page.getByTestId('setup-dimension-key-0')).toHaveText('scientific_accuracy'); // saved keys are fixed
    await snap('setup-saved');

    // The Overview reads the saved programme back.
    await page.getByRole('tab', { name: w.overview }).click();
    const list = page.getByTestId('overview-list-main');
    for (const label of w.dimensions) await expect(list).toContainText(label);
    await expect(page.getByTestId('campaign-overview')).toContainText(w.categories[0]);
    await expect(page.getByTestId('campaign-overview')).toContainText(w.categories[1]);
    await expect(page.getByTestId('campaign-overview')).toContainText(w.host);

    // Registrations: a UTF-8 CSV whose category column names the new categories.
    const rows = regNos.map((regNo, i) =>
      [regNo, w.categories[categoryOf[i]], w.titles[i], w.authors[i], w.units[i], `1390000000${i + 1}`, `2025-0${5 + i}-1${i} 10:30`].map(csvCell).join(','),
    );
    await page.getByRole('tab', { name: w.import }).click();
    await page.getByTestId('import-file').setInputFiles({ name: 'nursing-registrations.csv', mimeType: 'text/csv', buffer: Buffer.from(`${w.header}\r\n${rows.join('\r\n')}\r\n`, 'utf8') });
    await expect(page.getByTestId('import-summary')).toContainText('4');
    await expect(page.getByTestId('import-preview')).toContainText(w.titles[0]);
    await page.getByTestId('import-run').click();
    const report = page.getByTestId('import-report');
    await expect(report.getByTestId('report-added')).toHaveText('4');
    await expect(report.getByTestId('report-rejected')).toHaveText('0');
    await expect(report.getByTestId('report-late')).toHaveText('0');
    await page.getByRole('tab', { name: w.entries }).click();
    await expect(page.getByTestId('entry-count')).toContainText('4');
    await expect(page.getByTestId('entry-row')).toHaveCount(4);
    await expect(page.getByTestId('entry-row').filter({ hasText: 'HL2025-003' })).toContainText(w.categories[1]);

    // Media: one real MP4 per entry, named by its registration number.
    const folder = path.join(app.dataDir, 'incoming-videos');
    fs.mkdirSync(folder, { recursive: true });
    regNos.forEach((regNo, i) => makeVideo(path.join(folder, `${regNo}_${w.authors[i].replace(/\s+/g, '')}.mp4`), i));
    await page.getByRole('tab', { name: w.media }).click();
    await page.getByTestId('media-folder').fill(folder);
    await page.getByTestId('media-link').click();
    await expect(page.getByTestId('media-link-result')).toContainText(en ? '4 files linked to 4 entries' : '已将 4 个文件关联到 4 个条目', { timeout: 60_000 });
    const compliance = page.getByTestId('compliance-report');
    await expect(compliance.getByTestId('verdict-count-pass')).toHaveText('4', { timeout: 60_000 });
    await expect(compliance.getByTestId('verdict-count-fail')).toHaveText('0');
    await expect(compliance.getByTestId('verdict-count-unreadable')).toHaveText('0');

    // Two judges on this machine, then the assignment: two judges per entry.
    await page.getByRole('tab', { name: w.review, exact: true }).click();
    for (const [i, [name, institution]] of w.judges.entries()) {
      if (i > 0) await page.getByTestId('add-judge').click();
      await page.getByTestId('judge-name').fill(name);
      await page.getByLabel(en ? 'Institution' : '单位', { exact: true }).fill(institution);
      await page.getByLabel(en ? 'Review every entry' : '评审全部条目').uncheck();
      await page.getByTestId('judge-create').click();
      await expect(page.getByTestId('judge-picker')).toContainText(name);
    }
    await page.getByRole('tab', { name: w.exchange }).click();
    await page.getByTestId('run-assignment').click();
    await expect(page.getByTestId('exchange-notice')).toContainText('8');
    await expect(page.getByTestId('unassigned-count')).toHaveText('0');
    for (const [name] of w.judges) await expect(page.getByTestId('judge-table').locator('tr', { hasText: name })).toContainText('4');

    // Each judge scores every entry on the four dimensions and marks it complete.
    await page.getByRole('tab', { name: w.review, exact: true }).click();
    const panel = page.getByTestId('score-panel');
    for (const [j, [name]] of w.judges.entries()) {
      const picker = page.getByTestId('judge-picker');
      const option = picker.locator('option', { hasText: name });
      await picker.selectOption((await option.getAttribute('value'))!);
      await expect(page.getByTestId('queue-progress')).toContainText(w.progress(0, 4));
      for (let e = 0; e < 4; e++) {
        await page.getByTestId('queue-item').filter({ hasText: w.titles[e] }).click();
        await expect(page.getByTestId('preview-title')).toContainText(w.titles[e]);
        const [values, total] = scores[j][e];
        for (let d = 0; d < 4; d++) {
          const slider = page.getByTestId(`score-value-${dimensionKeys[d]}`);
          await slider.focus();
          await page.keyboard.press(String(values[d]));
          await expect(slider).toHaveAttribute('aria-valuenow', String(values[d]));
        }
        await expect(page.getByTestId('review-total')).toContainText(`${total} ${w.scored}`);
        await page.getByTestId('mark-complete').click();
        await expect(page.getByTestId('reopen')).toBeVisible();
      }
      await expect(page.getByTestId('queue-progress')).toContainText(w.progress(4, 4));
      // Progress per category follows each completed entry too.
      for (const category of w.categories) await expect(page.locator('.group-progress')).toContainText(`${category} 2/2`);
    }
    // The score panel speaks the programme's rubric: its four dimensions with their weights.
    for (const label of w.dimensions) await expect(panel).toContainText(label);
    await expect(page.getByTestId(`score-${dimensionKeys[0]}`)).toContainText(w.weight30);
    await snap('review');

    // Ranking: both categories, each ranked on the four-dimension rubric.
    await page.getByRole('tab', { name: w.ranking }).click();
    const categoryTabs = page.locator('.category-tabs [role="tab"]');
    await expect(categoryTabs).toHaveCount(2);
    await expect(categoryTabs.nth(0)).toContainText(w.categories[0]);
    await expect(categoryTabs.nth(1)).toContainText(w.categories[1]);
    const ranked = page.getByTestId('ranking-ranked');
    const expectRanked = async (order: [string, string][]) => {
      await expect(ranked.getByTestId('ranking-row')).toHaveCount(order.length);
      for (const [i, [regNo, mean]] of order.entries()) {
        const row = ranked.getByTestId('ranking-row').nth(i);
        await expect(row.locator('.rank-cell')).toHaveText(String(i + 1));
        await expect(row).toContainText(regNo);
        await expect(row.locator('td.strong')).toHaveText(mean);
      }
    };
    await expect(page.getByTestId('ranking-category')).toContainText(w.categories[0]);
    await expectRanked([['HL2025-001', '8.05'], ['HL2025-002', '6.65']]);
    // The ranked rows in view (the tab scrolls inside its main area).
    await ranked.evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await snap('ranking');

    // Why this place: the judges' totals and the mean on each of the four dimensions.
    await ranked.getByTestId('ranking-row').first().getByRole('button', { name: 'HL2025-001' }).click();
    const detail = page.getByTestId('ranking-detail');
    await expect(detail.getByTestId('ranking-detail-judges').locator('tbody tr')).toHaveCount(2);
    for (const label of w.dimensions) await expect(detail).toContainText(label);
    await expect(detail).toContainText('8.50'); // scientific accuracy: (9 + 8) / 2
    await expect(detail).toContainText(w.weight30);
    await snap('ranking-detail');
    await detail.getByRole('button', { name: en ? 'Close' : '关闭' }).click();

    await categoryTabs.nth(1).click();
    await expect(page.getByTestId('ranking-category')).toContainText(w.categories[1]);
    await expectRanked([['HL2025-004', '8.50'], ['HL2025-003', '6.70']]);
    await ranked.evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await snap('ranking-health-education');

    // Publish, signed by the coordinator, and verify the published result against the database.
    await page.getByTestId('ranking-lock').click();
    await expect(page.getByTestId('confirm-dialog')).toBeVisible();
    await page.getByTestId('confirm-ok').click();
    await expect(page.getByTestId('ranking-latest-lock')).toContainText(en ? 'Contest office' : '大赛组委会', { timeout: 60_000 });
    const snapshot = page.getByTestId('snapshot').first();
    await expect(snapshot).toContainText(en ? '4 ranked · 0 held' : '已排名 4 · 暂缓 0');
    await snapshot.getByRole('button', { name: en ? 'Verify' : '核验' }).click();
    await expect(page.getByTestId('snapshot-check')).toContainText(w.verified, { timeout: 60_000 });
    await page.getByTestId('lock-panel').scrollIntoViewIfNeeded();
    await snap('ranking-published');
  });
}
