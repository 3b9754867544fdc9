// Needs reassignment in one click (issue 15), both languages: the sample's bundles merged, the
// programme asks 4 judges per entry, a judge added on this machine is put on one entry and declares
// a conflict there. The short list names that judge's conflict on the entry; "Assign 1 more judge"
// gives it its fourth judge and it leaves the list, while the conflicted judge stays on record.
import { expect, test } from '@playwright/test';
import { api, loadSample, mergeSampleBundles, openTab, sampleWorksId } from './coordinator';
import { serveApp, type ServedApp } from './host';
import { shot } from './shots';

const apps: ServedApp[] = [];
test.afterEach(async () => {
  for (const app of apps.splice(0)) await app.stop();
});

for (const locale of ['zh-CN', 'en'] as const) {
  test(`an entry whose judge declared a conflict gets another judge in one click (${locale})`, async ({ browser }, info) => {
    test.setTimeout(180_000);
    const en = locale === 'en';
    const app = await serveApp();
    apps.push(app);
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale });
    await loadSample(page, app.url);
    const campaignId = await sampleWorksId(page);
    await mergeSampleBundles(page, app.dataDir);

    const def = (await api<{ definition: Record<string, unknown> }>(page, 'campaign:get', { campaignId })).definition;
    await api(page, 'campaign:updateDefinition', { campaignId, definition: { ...def, judgesPerEntry: 4 }, reason: en ? 'four judges per entry' : '每件四位评委' });
    const name = en ? 'Local Judge' : '本机评委';
    const judge = await api<{ id: string }>(page, 'judge:create', { campaignId, name });
    const entry = (await api<{ rows: { id: number; regNo: string }[] }>(page, 'entry:list', { campaignId, offset: 0, limit: 1 })).rows[0];
    await api(page, 'assignment:set', { campaignId, entryId: entry.id, judgeId: judge.id, assigned: true });
    await api(page, 'review:conflict', { campaignId, judgeId: judge.id, entryId: entry.id, declare: true, reason: en ? 'I taught the author' : '作者是我的学生' });
    await page.reload();
    await openTab(page, 'exchange');

    const list = page.getByTestId('short-entries');
    if ((await list.getAttribute('open')) === null) await list.locator('summary').click();
    const row = list.getByTestId('short-entry').filter({ hasText: entry.regNo });
    await expect(row).toContainText('3/4');
    await expect(row.getByTestId('short-reasons')).toContainText(en ? `conflict declared: ${name}` : `已声明回避：${name}`);
    await row.scrollIntoViewIfNeeded();
    await shot(page, `reassign-before-${locale}`, info.outputPath.bind(info));

    await row.getByTestId('short-reassign').click();
    await expect(page.getByTestId('exchange-notice')).toContainText(en ? `${entry.regNo}: 1 judge added.` : `${entry.regNo}：已增加 1 位评委。`);
    await expect(list.getByTestId('short-entry').filter({ hasText: entry.regNo })).toHaveCount(0);
    await shot(page, `reassign-after-${locale}`, info.outputPath.bind(info));
    const judges = await api<{ judges: { judgeId: string; assigned: boolean }[] }>(page, 'assignment:entry', { campaignId, entryId: entry.id });
    const on = judges.judges.filter((j) => j.assigned).map((j) => j.judgeId);
    expect(on).toContain(judge.id); // on record, with the conflict
    expect(on).toHaveLength(5);
  });
}
