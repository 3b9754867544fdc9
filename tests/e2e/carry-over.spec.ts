// Carry-over and a round's due date (issue 14), in both languages: the sample's first list gets a
// first and a final round with carry-over 0.3 and a due date (through the API, as Setup saves
// them); Setup › Lists & rubrics shows the weight on the final round; after round 1 closes and the
// final round's judges score three entries, the judge's workspace says when the round is due and
// the ranking's "why this place" view explains the blend (both totals, w, the result).
// Screenshots at 1366×768 go to test-results/ (and KEPU_SHOTS when set).
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { api, openTab } from './coordinator';
import { serveApp, type ServedApp } from './host';
import { shot } from './shots';

const apps: ServedApp[] = [];
test.afterEach(async () => {
  for (const app of apps.splice(0)) await app.stop();
});

const scoring = (key: string, zh: string, en: string, extra = {}) => ({ key, name: { 'zh-CN': zh, en }, kind: 'scoring', panel: null, judgesPerEntry: null, rubric: null, dueAt: null, shortlist: null, carryOver: 0, ...extra });

interface Dim {
  key: string;
  scale: { min: number; max: number; step: number };
}

for (const locale of ['zh-CN', 'en'] as const) {
  test(`carry-over is set in Setup and explained in the ranking; the due date reaches the judge (${locale})`, async ({ browser }, info) => {
    test.setTimeout(240_000);
    const en = locale === 'en';
    const app = await serveApp();
    apps.push(app);
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale });
    const snap = (name: string) => shot(page, `carry-over-${name}-${locale}`, info.outputPath.bind(info));
    await page.goto(app.url);
    await page.getByTestId('load-sample').click();
    await expect(page.getByTestId('campaign-title')).toBeVisible({ timeout: 30_000 });
    const campaignId = (await api<{ id: string }[]>(page, 'campaign:list', {}))[0].id;
    const folder = path.join(app.dataDir, 'sample-bundles');
    const files = fs.readdirSync(folder).map((f) => ({ fileName: f, contentBase64: fs.readFileSync(path.join(folder, f)).toString('base64') }));
    await api(page, 'bundle:merge', { campaignId, files });
    const def = (await api<{ definition: { lists: { key: string; rubric: Dim[] }[] } }>(page, 'campaign:get', { campaignId })).definition;
    const list = def.lists[0];
    const final = scoring('final', '终评', 'Final round', { carryOver: 0.3, dueAt: '2024-01-20T18:00:00+08:00' });
    const next = { ...def, lists: def.lists.map((l, i) => (i === 0 ? { ...l, rounds: [scoring('first', '初评', 'First round'), final] } : l)) };
    await api(page, 'campaign:updateDefinition', { campaignId, definition: next, reason: 'rounds with carry-over' });
    await page.reload();
    await expect(page.getByTestId('campaign-title')).toBeVisible({ timeout: 30_000 });

    // Setup › Lists & rubrics: the final round shows its weight; the first round offers none.
    await openTab(page, 'setup');
    await page.getByTestId('setup-nav-lists').click();
    await page.getByTestId('setup-list-tab-0').click();
    await expect(page.getByTestId('setup-round-summary-1')).toContainText(en ? 'carry-over w = 0.3' : '沿用上一轮 w = 0.3');
    await page.getByTestId('setup-round-details-0').click();
    await page.getByTestId('setup-round-details-1').click();
    await expect(page.getByTestId('setup-round-carry-1')).toHaveValue('0.3');
    await expect(page.getByTestId('setup-round-0-details')).toBeVisible();
    await expect(page.getByTestId('setup-round-carry-0')).toHaveCount(0);
    await expect(page.getByTestId('setup-round-1-details')).toContainText(en ? 'Carry-over from the previous round' : '沿用上一轮成绩的权重');
    await page.getByTestId('setup-rounds').scrollIntoViewIfNeeded();
    await snap('setup');

    // Round 1 closes; three entries go on; every final-round judge gives each dimension 6.
    await api(page, 'round:close', { campaignId, listKey: list.key, roundNo: 1, reason: '初评结束' });
    const summary = await api<{ categories: { list: string; kind: string; category: string | null }[] }>(page, 'ranking:summary', { campaignId, rounds: { [list.key]: 1 } });
    const category = summary.categories.find((c) => c.list === list.key)!;
    const { rows } = await api<{ rows: { entryId: number }[] }>(page, 'ranking:list', { campaignId, kind: category.kind, category: category.category, section: 'ranked', offset: 0, limit: 500, rounds: { [list.key]: 1 } });
    const shortlist = rows.slice(0, 3).map((r) => r.entryId);
    await api(page, 'assignment:run', { campaignId, roundEntries: { [list.key]: shortlist } });
    const judges = (await api<{ judges: { id: string }[] }>(page, 'judge:list', { campaignId })).judges;
    for (const judge of judges) {
      const queue = await api<{ rows: { entryId: number }[] }>(page, 'review:queue', { campaignId, judgeId: judge.id });
      for (const row of queue.rows.filter((r) => shortlist.includes(r.entryId))) {
        for (const d of list.rubric) await api(page, 'review:score', { campaignId, judgeId: judge.id, entryId: row.entryId, dimension: d.key, value: 6 });
        await api(page, 'review:complete', { campaignId, judgeId: judge.id, entryId: row.entryId, complete: true });
      }
    }

    // The judge's workspace: the round and when it is due, in the campaign's time zone (UTC+8).
    await openTab(page, 'review');
    await expect(page.getByTestId('review-due')).toHaveText(en ? 'Due by 2024-01-20 18:00 (UTC+8)' : '截止评审：2024-01-20 18:00 (UTC+8)', { timeout: 30_000 });
    await snap('review');

    // The ranking of the final round: the first entry's "why this place" explains the blend.
    await openTab(page, 'ranking');
    await expect(page.getByTestId('ranking-round')).toHaveValue('2', { timeout: 30_000 });
    await page.getByTestId('ranking-ranked').getByTestId('ranking-row').first().getByRole('button').first().click();
    const carry = page.getByTestId('ranking-detail-carry');
    await expect(carry).toContainText(en ? 'Carry-over from round 1' : '沿用第 1 轮成绩');
    await expect(carry).toContainText(en ? '= 0.3 × round 1 total' : '= 0.3 × 第 1 轮得分');
    await expect(carry).toContainText(en ? '+ 0.7 × this round’s total 6' : '+ 0.7 × 本轮得分 6');
    await carry.scrollIntoViewIfNeeded();
    await snap('why');
  });
}
