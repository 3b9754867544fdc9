// The coordinator's progress board (issue 15), both languages: after the sample judges' bundles are
// merged every one of them is done; a judge added late with two entries owes them, and once the
// round's due date has passed is marked overdue; the board filters to the judges who owe, and the
// reminder copied for that judge (in the language picked for the judge, not the app's) names what
// is missing and the due date. Screenshots looked at.
import { expect, test } from '@playwright/test';
import { api, loadSample, mergeSampleBundles, openTab, sampleWorksId } from './coordinator';
import { serveApp, type ServedApp } from './host';
import { shot } from './shots';

const apps: ServedApp[] = [];
test.afterEach(async () => {
  for (const app of apps.splice(0)) await app.stop();
});

interface Definition {
  lists: { key: string; rounds?: unknown[] }[];
}

for (const locale of ['zh-CN', 'en'] as const) {
  test(`shows each judge's progress and copies a reminder for the one who owes (${locale})`, async ({ browser }, info) => {
    test.setTimeout(180_000);
    const en = locale === 'en';
    const app = await serveApp();
    apps.push(app);
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
    const page = await context.newPage();
    await loadSample(page, app.url);
    const campaignId = await sampleWorksId(page);
    await mergeSampleBundles(page, app.dataDir);

    const board = page.getByTestId('progress-panel');
    await expect(board).toBeVisible();
    const rows = board.getByTestId('progress-row');
    type Board = { rounds: { judges: { name: string; complete: number; missing: number; status: string }[] }[] };
    const before = (await api<Board>(page, 'progress:board', { campaignId })).rounds.flatMap((r) => r.judges);
    const judges = (await api<{ judges: { id: string; assigned: number }[] }>(page, 'judge:list', { campaignId })).judges.filter((j) => j.assigned > 0);
    expect(before).toHaveLength(judges.length);
    await expect(rows).toHaveCount(judges.length);
    // The sample's judges left some reviews unfinished: the board says so judge by judge.
    for (const j of before) {
      const row = rows.filter({ hasText: j.name });
      await expect(row.locator('td').nth(2)).toHaveText(String(j.complete));
      await expect(row.getByTestId('progress-status')).toHaveText(j.status === 'complete' ? (en ? 'Done' : '已完成') : en ? 'In progress' : '进行中');
    }

    // A judge added late with two entries; the list gets rounds whose first is already due.
    const late = await api<{ id: string }>(page, 'judge:create', { campaignId, name: en ? 'Late Judge' : '迟评委', institution: en ? 'City Hospital' : '市医院' });
    const entries = (await api<{ rows: { id: number }[] }>(page, 'entry:list', { campaignId, offset: 0, limit: 2 })).rows;
    for (const e of entries) await api(page, 'assignment:set', { campaignId, entryId: e.id, judgeId: late.id, assigned: true });
    const def = (await api<{ definition: Definition }>(page, 'campaign:get', { campaignId })).definition;
    const first = { key: 'first', name: { 'zh-CN': '初评', en: 'First round' }, kind: 'scoring', panel: null, judgesPerEntry: null, rubric: null, dueAt: '2024-01-10T18:00:00+08:00', shortlist: null, carryOver: 0 };
    const formal = { key: 'formal', name: { 'zh-CN': '形式审查', en: 'Formal check' }, kind: 'formal' };
    await api(page, 'campaign:updateDefinition', { campaignId, definition: { ...def, lists: def.lists.map((l) => ({ ...l, rounds: [formal, first] })) }, reason: 'due date' });
    await page.reload();
    await openTab(page, 'exchange');

    const lateRow = board.getByTestId('progress-row').filter({ hasText: en ? 'Late Judge' : '迟评委' });
    await expect(lateRow.getByTestId('progress-status')).toHaveText(en ? 'Not started' : '未开始');
    await expect(lateRow.getByTestId('progress-overdue')).toHaveText(en ? 'Overdue' : '已逾期');
    const owing = (await api<Board>(page, 'progress:board', { campaignId })).rounds.flatMap((r) => r.judges).filter((j) => j.missing > 0);
    await board.getByTestId('progress-filter').selectOption('owing');
    await expect(board.getByTestId('progress-row')).toHaveCount(owing.length);
    await board.getByTestId('progress-sort').selectOption('missing');
    await shot(page, `progress-board-${locale}`, info.outputPath.bind(info), board);

    // The reminder in the other language than the app's: the judge reads it, not the coordinator.
    await board.getByTestId('progress-language').selectOption(en ? 'zh-CN' : 'en');
    await lateRow.getByTestId('progress-copy').click();
    await expect(lateRow.getByTestId('progress-copy')).toHaveText(en ? 'Copied' : '已复制');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(
      en
        ? /^Late Judge老师您好！.+（初评）的评审，您还有 2 件作品尚未完成（已完成 0\/2 件）。截止时间 2024-01-10 18:00 \(UTC\+8\) 已过，请尽快完成。/
        : /^Dear 迟评委, for .+ \(First round\) you have 2 entries still to review \(0 of 2 done\)\. Reviews were due by 2024-01-10 18:00 \(UTC\+8\): please finish as soon as you can\./,
    );
    await board.getByTestId('progress-copy-all').click();
    const all = (await page.evaluate(() => navigator.clipboard.readText())).split('\n\n');
    expect(all).toHaveLength(owing.length);
    expect(all).toContain(copied);
    await context.close();
  });
}
