// Scoring rounds (issue 14), in both languages: the sample campaign's first list gets a first and
// a final round (through the API, as the Setup tab would save them); the Overview tab's Rounds
// strip shows round 1 current with its progress; Close asks a reason in the app's dialog, and the
// strip then shows round 1 closed (by whom, when, why) and the final round current; the Ranking
// tab offers a round selector for that list. Screenshots at 1366×768 go to test-results/ (and KEPU_SHOTS when set).
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { shot } from './shots';
import { api } from './coordinator';
import { serveApp, type ServedApp } from './host';

const apps: ServedApp[] = [];
test.afterEach(async () => {
  for (const app of apps.splice(0)) await app.stop();
});

const scoring = (key: string, zh: string, en: string) => ({ key, name: { 'zh-CN': zh, en }, kind: 'scoring', panel: null, judgesPerEntry: null, rubric: null, dueAt: null, shortlist: null, carryOver: 0 });

for (const locale of ['zh-CN', 'en'] as const) {
  test(`the Rounds strip closes the current round with a reason (${locale})`, async ({ browser }, info) => {
    test.setTimeout(240_000);
    const en = locale === 'en';
    const app = await serveApp();
    apps.push(app);
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale });
    const snap = (name: string) => shot(page, `scoring-rounds-${name}-${locale}`, info.outputPath.bind(info));
    await page.goto(app.url);
    await page.getByTestId('load-sample').click();
    await expect(page.getByTestId('campaign-title')).toBeVisible({ timeout: 30_000 });
    const campaigns = await api<{ id: string }[]>(page, 'campaign:list', {});
    const campaignId = campaigns[0].id;
    // The sample judges' bundles, merged: round 1 holds scores.
    const folder = path.join(app.dataDir, 'sample-bundles');
    const files = fs.readdirSync(folder).map((f) => ({ fileName: f, contentBase64: fs.readFileSync(path.join(folder, f)).toString('base64') }));
    await api(page, 'bundle:merge', { campaignId, files });
    const campaign = await api<{ definition: { lists: { key: string }[] } }>(page, 'campaign:get', { campaignId });
    const def = campaign.definition;
    const listKey = def.lists[0].key;
    const next = { ...def, lists: def.lists.map((l, i) => (i === 0 ? { ...l, rounds: [scoring('first', '初评', 'First round'), scoring('final', '终评', 'Final round')] } : l)) };
    await api(page, 'campaign:updateDefinition', { campaignId, definition: next, reason: 'rounds' });
    await page.reload();
    await expect(page.getByTestId('campaign-title')).toBeVisible({ timeout: 30_000 });

    await page.getByRole('tab', { name: en ? 'Overview' : '概览', exact: true }).click();
    const strip = page.getByTestId('rounds-strip');
    await expect(strip).toBeVisible();
    await expect(page.getByTestId(`round-${listKey}-1`).getByTestId('round-status')).toHaveText(en ? 'current' : '当前');
    await expect(page.getByTestId(`round-${listKey}-2`).getByTestId('round-status')).toHaveText(en ? 'not started' : '未开始');
    await snap('open');

    await page.getByTestId(`round-close-${listKey}`).click();
    const dialog = page.getByTestId('confirm-dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByRole('textbox').fill(en ? 'first round reviews are in' : '初评已完成');
    await snap('dialog');
    await dialog.getByRole('button', { name: en ? 'Close round' : '结束本轮', exact: true }).click();
    await expect(page.getByTestId(`round-${listKey}-1`).getByTestId('round-status')).toHaveText(en ? 'closed' : '已结束');
    await expect(page.getByTestId(`round-${listKey}-1`).getByTestId('round-closed')).toContainText(en ? 'first round reviews are in' : '初评已完成');
    await expect(page.getByTestId(`round-${listKey}-2`).getByTestId('round-status')).toHaveText(en ? 'current' : '当前');
    await snap('closed');

    // The data agrees: the list is in its final round now.
    const rounds = await api<{ lists: { key: string; current: number | null }[] }>(page, 'round:list', { campaignId });
    expect(rounds.lists.find((l) => l.key === listKey)?.current).toBe(2);

    // The Ranking tab offers the list's rounds; the final round holds no score yet, so round 1 is shown.
    await page.getByRole('tab', { name: en ? 'Ranking' : '排名', exact: true }).click();
    const round = page.getByTestId('ranking-round');
    await expect(round).toBeVisible({ timeout: 30_000 });
    await expect(round).toHaveValue('1');
    await expect(round.locator('option')).toHaveText([en ? 'Round 1 · First round' : '第 1 轮 · 初评', en ? 'Round 2 · Final round' : '第 2 轮 · 终评']);
    await snap('ranking');
  });
}
