// Issue 20's last polish, seen at 1366×768 in both languages:
// - a new, empty campaign: every tab says what to do next in one sentence, and its button opens
//   the tab where that happens (the texts are the locale files' own);
// - entries short of judges say why (same institution, too few judges) and open the entry;
// - the compliance table's verdict badge and 报名编号 header stay on one line;
// - the judge's "weighted total · 3/3 scored" line stays on one line in English;
// - entries, ranking and the certificate register keep their filter and scroll position when
//   the user switches tabs and comes back.
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { CampaignRepo } from '../../src-main/core/campaigns/campaign-repo';
import { TemplateCatalog } from '../../src-main/core/campaigns/templates';
import { databasePath, openDatabase } from '../../src-main/core/db/connection';
import { JudgeRepo } from '../../src-main/core/review/judge-repo';
import { addAwardTier, type CampaignTab, coordinatorWithMergedSample, openTab, publishRanking } from './coordinator';
import { newDataDir, serveApp, type ServedApp } from './host';
import { seedImportedCampaign, worksFolder } from './seed';
import { shot } from './shots';

const root = path.resolve(import.meta.dirname, '../..');
type Locale = Record<string, unknown>;
const locales: Record<'en' | 'zh-CN', Locale> = {
  en: JSON.parse(fs.readFileSync(path.join(root, 'locales/en.json'), 'utf8')) as Locale,
  'zh-CN': JSON.parse(fs.readFileSync(path.join(root, 'locales/zh-CN.json'), 'utf8')) as Locale,
};
function text(language: 'en' | 'zh-CN', key: string): string {
  return key.split('.').reduce<unknown>((node, part) => (node as Locale)[part], locales[language]) as string;
}

let app: ServedApp | null = null;
test.afterEach(async () => {
  await app?.stop();
  app = null;
});
test.use({ locale: 'zh-CN', actionTimeout: 30_000 });

async function openFirstCampaign(page: Page): Promise<void> {
  await page.getByTestId('nav-campaigns').click();
  await page.getByTestId('campaign-table').locator('tbody tr').first().getByRole('button').first().click();
  await expect(page.getByTestId('campaign-title')).toBeVisible();
}

async function selected(page: Page, tab: CampaignTab): Promise<void> {
  await expect(page.getByTestId(`campaign-tab-${tab}`)).toHaveAttribute('aria-selected', 'true');
}

/**
 * One line: the text's boxes (a range over the element's contents, so padding and a cell's own
 * height do not count) all overlap vertically — a wrapped text has a box starting below the first.
 */
async function expectOneLine(locator: Locator): Promise<void> {
  const lines = () =>
    locator.evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0 && r.height > 0).sort((a, b) => a.top - b.top);
      let count = 0;
      let bottom = -Infinity;
      for (const r of rects) {
        if (r.top >= bottom - 1) count++;
        bottom = Math.max(bottom, r.bottom);
      }
      return count;
    });
  // Polled: a panel re-rendering as the measure is taken (an entry just opened) has no boxes for a moment.
  await expect.poll(lines, { message: `“${await locator.textContent()}” on one line` }).toBe(1);
}

test('a new campaign: every empty tab says what to do next and its button goes there, in both languages', async ({ page }, info) => {
  test.setTimeout(120_000);
  const dataDir = newDataDir();
  const db = openDatabase(databasePath(dataDir));
  const template = new TemplateCatalog(path.join(root, 'resources', 'templates')).get('sichuan-influence-2023');
  new CampaignRepo(db).create(template.id, template.definition);
  db.close();
  app = await serveApp(dataDir);
  await page.goto(app.url);

  // tab shown → its empty state (test id, text key) → where its button goes.
  const walk: { tab: CampaignTab; id: string; key: string; goes: CampaignTab | null }[] = [
    { tab: 'entries', id: 'empty-entries', key: 'empty.entries.text', goes: 'import' },
    { tab: 'media', id: 'empty-media', key: 'empty.media.text', goes: 'import' },
    { tab: 'exchange', id: 'empty-exchange', key: 'empty.exchange.text', goes: 'import' },
    { tab: 'exchange', id: 'empty-assignment', key: 'empty.assignment.text', goes: 'review' },
    { tab: 'exchange', id: 'empty-merge', key: 'empty.merge.text', goes: null },
    { tab: 'review', id: 'empty-review', key: 'empty.review.text', goes: 'exchange' },
    { tab: 'ranking', id: 'ranking-nothing', key: 'empty.ranking.text', goes: 'exchange' },
    { tab: 'notice', id: 'notice-needs-lock', key: 'empty.notice.text', goes: 'ranking' },
    { tab: 'certificates', id: 'certificates-unpublished', key: 'certificates.lists.unpublished', goes: 'ranking' },
    { tab: 'record', id: 'empty-record', key: 'empty.record.text', goes: 'import' },
  ];
  for (const language of ['zh-CN', 'en'] as const) {
    await page.getByTestId('language-switch').selectOption(language);
    await openFirstCampaign(page);
    for (const step of walk) {
      await openTab(page, step.tab);
      const empty = page.getByTestId(step.id);
      await expect(empty).toContainText(text(language, step.key));
      await shot(page, `empty-${language}-${step.id}`, info.outputPath.bind(info), empty);
      if (step.goes) {
        await empty.getByRole('button').click();
        await selected(page, step.goes);
      } else {
        // The merge's button opens the file chooser for the bundles.
        const chooser = page.waitForEvent('filechooser');
        await empty.getByRole('button').click();
        expect((await chooser).isMultiple()).toBe(true);
      }
    }
  }
});

test('entries short of judges say why and open the entry; the compliance table does not wrap', async ({ page }, info) => {
  test.setTimeout(120_000);
  const dataDir = newDataDir();
  const campaignId = await seedImportedCampaign(dataDir);
  // Two judges for three per entry; one works where SC-0001's entrant does.
  const db = openDatabase(databasePath(dataDir));
  const judges = new JudgeRepo(db);
  judges.create(campaignId, '王评委', '四川大学华西医院');
  judges.create(campaignId, '李评委', '成都医学院');
  db.close();
  const folder = worksFolder(path.join(dataDir, 'incoming-works'));
  app = await serveApp(dataDir);
  await page.goto(app.url);

  for (const language of ['zh-CN', 'en'] as const) {
    await page.getByTestId('language-switch').selectOption(language);
    await openFirstCampaign(page);
    await openTab(page, 'exchange');
    if (language === 'zh-CN') await page.getByTestId('run-assignment').click();
    const short = page.getByTestId('short-entries');
    await short.locator('summary').click();
    const sc0001 = short.getByTestId('short-entry').filter({ hasText: 'SC-0001' });
    await expect(sc0001).toContainText('1/3');
    const sameInstitution = text(language, 'exchange.shortReason.same_institution').replace('{{judges}}', '王评委');
    const tooFew = text(language, 'exchange.shortReason.too_few_judges').replace('{{eligible}}', '1').replace('{{wanted}}', '3');
    await expect(sc0001.getByTestId('short-reasons')).toContainText(sameInstitution);
    await expect(sc0001.getByTestId('short-reasons')).toContainText(tooFew);
    await shot(page, `short-reasons-${language}`, info.outputPath.bind(info), short);
    await sc0001.getByRole('button', { name: 'SC-0001', exact: true }).click();
    await selected(page, 'entries');
    await expect(page.getByTestId('entry-detail')).toContainText('SC-0001');
  }

  // The compliance table with failing media, in Chinese: badge and header on one line.
  await page.getByTestId('language-switch').selectOption('zh-CN');
  await openTab(page, 'media');
  await page.getByTestId('media-folder').fill(folder);
  await page.getByTestId('media-link').click();
  const report = page.getByTestId('compliance-report');
  await expect(report).toBeVisible({ timeout: 30_000 });
  const failBadge = report.locator('.badge.verdict-fail', { hasText: '不合格' }).first();
  await expect(failBadge).toBeVisible();
  await expectOneLine(failBadge);
  await expectOneLine(report.locator('th', { hasText: '报名编号' }).first());
  await shot(page, 'compliance-nowrap-zh', info.outputPath.bind(info), report);
});

test('entries, ranking and register keep filter and scroll position across tabs; the weighted total line fits', async ({ page }, info) => {
  test.setTimeout(300_000);
  app = await serveApp();
  await coordinatorWithMergedSample(page, app);

  // The judge's weighted total with every dimension scored, in English (the longer text): one line.
  await page.getByTestId('language-switch').selectOption('en');
  await openTab(page, 'review');
  await expect(page.getByTestId('score-panel')).toBeVisible();
  // An entry the judge's merged bundle scored in full.
  await page.locator('[data-testid="queue-item"].status-complete').first().click();
  const total = page.getByTestId('review-total');
  await expect(total).toContainText('3/3 scored');
  await expectOneLine(total);
  await shot(page, 'weighted-total-en', info.outputPath.bind(info), total);
  await page.getByTestId('language-switch').selectOption('zh-CN');
  await expect(total).toContainText('已评 3/3 项');
  await expectOneLine(total);
  await shot(page, 'weighted-total-zh', info.outputPath.bind(info), total);

  // Published with an award list, certificates exported: the register has rows.
  await openTab(page, 'ranking');
  await addAwardTier(page, { key: 'influence', zh: '影响力榜单', en: 'Influence list', count: 2 });
  await publishRanking(page);
  await openTab(page, 'certificates');
  await page.getByTestId('certificate-list').filter({ hasText: '影响力榜单' }).getByRole('button', { name: '导出' }).click();
  await expect(page.getByTestId('certificate-job')).toContainText('已生成', { timeout: 60_000 });
  await expect(page.getByTestId('issued-row').first()).toBeVisible();

  const main = page.locator('.app-main');
  const scrollTopOf = (box: Locator) => box.evaluate((el) => el.scrollTop);
  const scrollTo = async (box: Locator, top: number) => {
    await box.evaluate((el, y) => {
      el.scrollTop = y;
      el.dispatchEvent(new Event('scroll'));
    }, top);
    await page.waitForTimeout(200);
    return scrollTopOf(box);
  };
  const away = async (tab: CampaignTab, back: CampaignTab) => {
    await openTab(page, tab);
    await selected(page, tab);
    await openTab(page, back);
    await selected(page, back);
  };

  for (const language of ['zh-CN', 'en'] as const) {
    await page.getByTestId('language-switch').selectOption(language);
    // Entries: the table scrolls in its own box.
    await openTab(page, 'entries');
    const vbody = page.locator('.entry-browser .vbody');
    await expect(page.getByTestId('entry-row').first()).toBeVisible();
    const entriesTop = await scrollTo(vbody, 160 + (language === 'en' ? 40 : 0));
    expect(entriesTop).toBeGreaterThan(100);
    await away('ranking', 'entries');
    await expect.poll(() => scrollTopOf(vbody)).toBe(entriesTop);
    await page.getByTestId('entry-search').fill('SC2023');
    await away('certificates', 'entries');
    await expect(page.getByTestId('entry-search')).toHaveValue('SC2023');
    await shot(page, `kept-entries-${language}`, info.outputPath.bind(info));
    await page.getByTestId('entry-search').fill('');

    // Ranking: the method chosen and how far down the tab was.
    await openTab(page, 'ranking');
    const method = page.getByTestId('ranking-method');
    await expect(method).toBeVisible();
    const other = await method.locator('option').nth(1).getAttribute('value');
    await method.selectOption(other!);
    await expect(page.getByTestId('ranking-ranked').getByTestId('ranking-row').first()).toBeVisible();
    const rankingTop = await scrollTo(main, 700);
    expect(rankingTop).toBeGreaterThan(300);
    await away('entries', 'ranking');
    await expect(page.getByTestId('ranking-method')).toHaveValue(other!);
    await expect.poll(() => scrollTopOf(main)).toBe(rankingTop);
    await shot(page, `kept-ranking-${language}`, info.outputPath.bind(info));

    // Register: the status filter and the scroll position.
    await openTab(page, 'certificates');
    const register = page.getByTestId('issued-certificates');
    await register.getByRole('combobox').selectOption('valid');
    await expect(page.getByTestId('issued-row').first()).toBeVisible();
    const registerTop = await scrollTo(main, 100_000);
    expect(registerTop).toBeGreaterThan(100);
    await away('ranking', 'certificates');
    await expect(page.getByTestId('issued-certificates').getByRole('combobox')).toHaveValue('valid');
    await expect.poll(() => scrollTopOf(main)).toBe(registerTop);
    await shot(page, `kept-register-${language}`, info.outputPath.bind(info));
  }
});
