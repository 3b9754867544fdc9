// A coordinator writes the programme's stages in Setup instead of a programme file (issue 14): on
// the sample works campaign, the list scored once gets a final round (初评 → 复评); the first round
// names who goes on (top 30 %), the final round gets a panel of three judges chosen by name, two
// judges per entry, a due date in the campaign's zone, a carry-over and a rubric of its own. The
// saved definition holds exactly that; a panel of nobody is refused naming the round, and nothing
// is stored. Both languages, screenshots looked at.
import { expect, test } from '@playwright/test';
import { api, loadSample, openTab, sampleWorksId } from './coordinator';
import { serveApp, type ServedApp } from './host';
import { shot } from './shots';

const apps: ServedApp[] = [];
test.afterEach(async () => {
  for (const app of apps.splice(0)) await app.stop();
});

interface Campaign {
  id: string;
  name: Record<string, string>;
  definition: { lists: { key: string; rubric: { key: string; weight: number }[]; rounds?: Record<string, unknown>[] }[] };
}

for (const locale of ['zh-CN', 'en'] as const) {
  test(`adds a final round with its own panel, due date, shortlist rule and rubric (${locale})`, async ({ browser }, info) => {
    test.setTimeout(180_000);
    const en = locale === 'en';
    const app = await serveApp();
    apps.push(app);
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale });
    await loadSample(page, app.url);
    const campaignId = await sampleWorksId(page);
    const judges = (await api<{ judges: { id: string; name: string }[] }>(page, 'judge:list', { campaignId })).judges;
    const panel = judges.slice(-3);

    await openTab(page, 'setup');
    await page.getByTestId('setup-nav-lists').click();
    const rounds = page.getByTestId('setup-rounds');
    await expect(rounds.getByTestId('setup-rounds-single')).toBeVisible();
    await rounds.getByTestId('setup-add-scoring-round').click();
    // The single pass is written out as the first round; the final round opens its settings.
    await expect(rounds.getByTestId('setup-round-name-0-zh')).toHaveValue('初评');
    await expect(rounds.getByTestId('setup-round-name-1-en')).toHaveValue('Final round');
    const details = rounds.getByTestId('setup-round-1-details');
    await expect(details).toBeVisible();

    await details.getByTestId('setup-round-1-judges').fill('2');
    await details.getByTestId('setup-round-1-panel-all').uncheck();
    for (const j of panel) await details.getByTestId(`setup-round-1-panel-judge-${j.id}`).check();
    await expect(details.getByTestId('setup-round-1-panel-count')).toHaveText(en ? '3 judges chosen.' : '已选 3 位评委。');
    await details.getByTestId('setup-round-1-due').fill('2024-01-10T18:00');
    await details.getByTestId('setup-round-carry-1').fill('0.3');
    await details.getByTestId('setup-round-1-own-rubric').check();
    const ownRubric = details.getByTestId('setup-round-1-rubric-rubric');
    await expect(ownRubric.getByTestId('setup-round-1-rubric-weight-total')).toHaveClass(/ok/);
    await expect(rounds.getByTestId('setup-round-summary-1')).toHaveText(
      en ? '2 judges per entry · a panel of 3 judges · due 2024-01-10 18:00 · carry-over w = 0.3 · own rubric of 3 dimensions' : '每件 2 位评委 · 评审组 3 人 · 2024-01-10 18:00 前完成 · 沿用上一轮 w = 0.3 · 本轮细则 3 项',
    );
    await shot(page, `setup-rounds-final-${locale}`, info.outputPath.bind(info), details);

    // The first round says who goes on: the top 30 % of each category.
    await rounds.getByTestId('setup-round-details-0').click();
    await rounds.getByTestId('setup-round-0-shortlist-by').selectOption('percent');
    await expect(rounds.getByTestId('setup-round-0-shortlist-value')).toHaveValue('30');
    await expect(rounds.getByTestId('setup-round-summary-0')).toContainText(en ? 'top 30 % go on' : '每类前 30% 入围');
    await shot(page, `setup-rounds-first-${locale}`, info.outputPath.bind(info), rounds.getByTestId('setup-round-0-details'));

    await page.getByTestId('setup-reason').fill(en ? 'the notice adds a final round' : '通知增加复评');
    await page.getByTestId('setup-save').click();
    await expect(page.getByTestId('setup-saved')).toBeVisible();

    const saved = (await api<Campaign>(page, 'campaign:get', { campaignId })).definition.lists[0];
    expect(saved.rounds).toEqual([
      { key: 'scoring', name: { 'zh-CN': '初评', en: 'First round' }, kind: 'scoring', panel: null, judgesPerEntry: null, rubric: null, dueAt: null, shortlist: { by: 'percent', value: 30 }, carryOver: 0 },
      {
        key: 'final_round',
        name: { 'zh-CN': '复评', en: 'Final round' },
        kind: 'scoring',
        panel: panel.map((j) => j.id),
        judgesPerEntry: 2,
        rubric: saved.rubric,
        dueAt: '2024-01-10T18:00:00+08:00',
        shortlist: null,
        carryOver: 0.3,
      },
    ]);

    // A panel of nobody: refused with the round named, and the saved version stays as it was.
    await expect(rounds.getByTestId('setup-round-details-1')).toHaveAttribute('aria-expanded', 'true'); // still open after the save
    for (const j of panel) await rounds.getByTestId(`setup-round-1-panel-judge-${j.id}`).uncheck();
    await expect(rounds.getByTestId('setup-round-1-panel-count')).toHaveText(en ? 'No judge chosen: choose at least one, or tick “Every judge of the campaign”.' : '尚未选择评委：请至少选择一位，或勾选“本活动全部评委”。');
    await page.getByTestId('setup-save').click();
    await expect(page.getByTestId('setup-problem-place')).toContainText(en ? 'Final round' : '复评');
    await shot(page, `setup-rounds-refused-${locale}`, info.outputPath.bind(info));
    const after = (await api<Campaign>(page, 'campaign:get', { campaignId })).definition.lists[0];
    expect(after.rounds).toEqual(saved.rounds);
  });
}
