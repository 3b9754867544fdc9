// The whole chain of issue 14 in chromium, run once in each language, the key screens then checked
// in the other language: the sample's influence list gets a formal check, a first round (5 judges per entry) and
// a final round (3 other judges, shortlist top 30 %). Formal check in the UI (all pass but one,
// failed with a reason) → round 1 assigned, packages exported, the judges score offline and their
// signed bundles are merged in the UI → round 1 closed → shortlist top 30 % made in the UI → final
// round assigned to the 3 other judges, their bundles merged (the merge counts round 2 only) →
// provisional publish → 公示 notice exported as HTML (read back) → an objection upheld (entry
// disqualified) → final publish with the recorded override → the certificates tab offers the
// final list only, without the disqualified entry (names asserted on the issued certificates).
// Setup the other specs do through handlers (definition, assignment, key cards, packages) goes
// through the API; the coordinator's decisions are clicks. Screenshots go to test-results/.
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Locator, test } from '@playwright/test';
import { addAwardTier, api, closeRound, createIdentity, loadSample, makeShortlistByPercent, mergeBundles, openTab, publishRanking } from './coordinator';
import { offlineJudges, scoreOffline } from './offline-judges';
import { shot } from './shots';
import { serveApp, type ServedApp } from './host';

const apps: ServedApp[] = [];
test.afterEach(async () => {
  for (const app of apps.splice(0)) await app.stop();
});

interface Definition {
  judgesPerEntry: number;
  lists: { key: string; rounds?: unknown[] }[];
}
interface EntryRow {
  id: number;
  regNo: string;
  title: string;
  entrantName: string;
}

const name = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const scoringRound = (key: string, zh: string, en: string, panel: string[], judgesPerEntry: number, shortlist: unknown = null) => ({
  key, name: name(zh, en), kind: 'scoring', panel, judgesPerEntry, rubric: null, dueAt: null, shortlist, carryOver: 0,
});

for (const locale of ['zh-CN', 'en'] as const) {
  test(`formal check → first round → shortlist → final round → notice → objection → final publish → certificates (${locale})`, async ({ browser }, info) => {
    test.setTimeout(300_000);
    const en = locale === 'en';
    const tag = en ? 'en' : 'zh';
    const other = en ? 'zh' : 'en';
    const app = await serveApp();
    apps.push(app);
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale, acceptDownloads: true });
    const snap = (step: string, target?: Locator) => shot(page, `rounds-chain-${step}`, info.outputPath.bind(info), target);
    await loadSample(page, app.url);
    await createIdentity(page, '组委会', 'coordinator passphrase');
    await page.getByTestId('nav-campaigns').click();
    await page.getByRole('button', { name: /四川|Sichuan/ }).first().click();
    await expect(page.getByTestId('campaign-title')).toBeVisible();
    const campaignId = (await api<{ id: string; name: Record<string, string> }[]>(page, 'campaign:list', {})).find((c) => /四川/.test(c.name['zh-CN']))!.id;

    // The definition: a formal check, a first round of 5 judges, a final round of 3 other judges.
    const existing = (await api<{ judges: { id: string; name: string }[] }>(page, 'judge:list', { campaignId })).judges;
    const firstPanel = existing.slice(0, 5);
    for (let i = firstPanel.length; i < 5; i++) firstPanel.push(await api(page, 'judge:create', { campaignId, name: `初评评委${i + 1}` }));
    const finalPanel: { id: string; name: string }[] = [];
    for (const n of ['终评评委甲', '终评评委乙', '终评评委丙']) finalPanel.push(await api(page, 'judge:create', { campaignId, name: n }));
    const def = (await api<{ definition: Definition }>(page, 'campaign:get', { campaignId })).definition;
    const listKey = def.lists[0].key;
    const rounds = [
      { key: 'formal', name: name('形式审查', 'Formal check'), kind: 'formal' },
      scoringRound('first', '初评', 'First round', firstPanel.map((j) => j.id), 5, { by: 'percent', value: 30 }), // the rule for the shortlist out of round 1
      scoringRound('final', '终评', 'Final round', finalPanel.map((j) => j.id), 3),
    ];
    await api(page, 'campaign:updateDefinition', { campaignId, definition: { ...def, lists: def.lists.map((l, i) => (i === 0 ? { ...l, rounds } : l)) }, reason: '初评、终评两轮' });
    await page.reload();
    await expect(page.getByTestId('campaign-title')).toBeVisible({ timeout: 30_000 });

    // Formal check: suggestions accepted in the UI, the rest passed, then one entry fails with a reason.
    await openTab(page, 'formal');
    await page.getByTestId('formal-accept-suggestions').click();
    await expect(page.getByTestId('formal-notice')).toBeVisible();
    const formal = await api<{ entries: { entryId: number; current: { verdict: string } | null }[] }>(page, 'formalCheck:list', { campaignId });
    for (const e of formal.entries.filter((x) => x.current === null)) await api(page, 'formalCheck:set', { campaignId, entryId: e.entryId, verdict: 'pass', reason: '' });
    await page.reload();
    await expect(page.getByTestId('campaign-title')).toBeVisible({ timeout: 30_000 });
    await openTab(page, 'formal');
    await expect(page.getByTestId('formal-count-unchecked')).toHaveText('0');
    const formalRows = page.getByTestId('formal-rows').locator('tbody tr');
    const failedRegNo = (await formalRows.first().locator('td').first().textContent())!.trim();
    await formalRows.first().getByTestId('formal-set-fail').click();
    await page.getByTestId('confirm-text').fill('未提交原创承诺书');
    await page.getByTestId('confirm-ok').click();
    await expect(page.getByTestId('formal-count-fail')).toHaveText('1');
    await expect(page.getByTestId('formal-count-pass')).toHaveText(String(formal.entries.length - 1));
    await snap(`1-formal-${tag}`);

    // Round 1: assigned (5 judges per entry), packages exported, scored offline, bundles merged.
    const entries = (await api<{ rows: EntryRow[] }>(page, 'entry:list', { campaignId, limit: 500 })).rows;
    const run = await api<{ rounds: { list: string; roundNo: number | null; entries: number }[] }>(page, 'assignment:run', { campaignId });
    const firstRun = run.rounds.find((r) => r.list === listKey)!;
    expect(firstRun).toMatchObject({ roundNo: 1, entries: formal.entries.length - 1 });
    const roundOneJudges = offlineJudges(firstPanel.map((j) => ({ judgeId: j.id, name: j.name })));
    const packagesOne: { judge: (typeof roundOneJudges)[number]; packageFile: string }[] = [];
    for (const j of roundOneJudges) {
      await api(page, 'judge:registerKeyCard', { campaignId, card: { fileName: `${j.name}.kepukey`, contentBase64: j.keyCard.toString('base64') }, attachTo: j.judgeId });
      const pkg = await api<{ file: string; entries: number }>(page, 'package:export', { campaignId, judgeId: j.judgeId, withMedia: false });
      expect(fs.existsSync(pkg.file)).toBe(true);
      packagesOne.push({ judge: j, packageFile: pkg.file });
    }
    const bundlesOne = scoreOffline(packagesOne, 0);
    const coverageOne = await mergeBundles(page, bundlesOne);
    const roundOneSlots = (firstRun.entries) * 5;
    expect(coverageOne).toContain(en ? `of ${roundOneSlots} expected` : `/${roundOneSlots} 份`);
    await expect(page.getByTestId('merge-files')).not.toContainText(en ? 'Not merged' : '未合并');
    await snap(`2-round1-merged-${tag}`, page.getByTestId('merge-coverage'));

    // Round 1 closed; the shortlist top 30 % made in the Ranking tab.
    await closeRound(page, listKey, 1, en ? 'First round reviews are in' : '初评结束');
    await expect(page.getByTestId(`round-${listKey}-2`).getByTestId('round-status')).toHaveText(en ? 'current' : '当前');
    const shortlisted = await makeShortlistByPercent(page, listKey, 30);
    expect(shortlisted.length).toBeGreaterThan(0);
    expect(shortlisted).not.toContain(failedRegNo);
    await snap(`3-shortlist-${tag}`, page.getByTestId(`shortlist-panel-${listKey}`).getByTestId('shortlist-counts'));

    // The final round: the 3 other judges, on the shortlist only; the merge counts round 2 alone.
    const runTwo = await api<{ rounds: { list: string; roundNo: number | null; entries: number }[] }>(page, 'assignment:run', { campaignId });
    expect(runTwo.rounds.find((r) => r.list === listKey)).toMatchObject({ roundNo: 2, entries: shortlisted.length });
    const roundTwoJudges = offlineJudges(finalPanel.map((j) => ({ judgeId: j.id, name: j.name })));
    const packagesTwo: { judge: (typeof roundTwoJudges)[number]; packageFile: string }[] = [];
    for (const j of roundTwoJudges) {
      await api(page, 'judge:registerKeyCard', { campaignId, card: { fileName: `${j.name}.kepukey`, contentBase64: j.keyCard.toString('base64') }, attachTo: j.judgeId });
      const pkg = await api<{ file: string; entries: number }>(page, 'package:export', { campaignId, judgeId: j.judgeId, withMedia: false });
      expect(pkg.entries).toBe(shortlisted.length);
      packagesTwo.push({ judge: j, packageFile: pkg.file });
    }
    const bundlesTwo = scoreOffline(packagesTwo, 3);
    const coverageTwo = await mergeBundles(page, bundlesTwo);
    const slots = shortlisted.length * 3;
    expect(coverageTwo).toBe(
      en ? `Reviews received: ${slots} of ${slots} expected (${slots} complete) over ${shortlisted.length} entries.` : `已收到评审 ${slots}/${slots} 份（已完成 ${slots} 份），共 ${shortlisted.length} 个条目。`,
    );
    // The judges table counts the final round: the 3 other judges hold the shortlist, round 1's judges nothing.
    const judgeRow = (judgeName: string) => page.getByTestId('judge-table').locator('tr', { hasText: judgeName });
    await expect(judgeRow(finalPanel[0].name)).toContainText(String(shortlisted.length));
    await expect(judgeRow(firstPanel[0].name).getByTestId('judge-assigned')).toHaveText('0');
    await expect(page.getByText(en ? 'No bundle yet from' : '尚未收到以下评委的结果包', { exact: false })).toHaveCount(0); // round 1's judges owe nothing now
    await snap(`4-round2-merged-${tag}`, page.getByTestId('merge-coverage'));

    // Provisional publish of the final round, with an award tier for the certificates.
    await openTab(page, 'ranking');
    await expect(page.getByTestId('ranking-round')).toHaveValue('2');
    await addAwardTier(page, { key: 'award', zh: '优秀作品', en: 'Commended work', count: 20 });
    await publishRanking(page);
    await snap(`5-published-${tag}`, page.getByTestId('ranking-latest-lock'));

    // 公示: the notice of the final list, exported as HTML and read back.
    await page.getByTestId('campaign-tab-notice').click();
    await page.getByTestId('notice-order').selectOption('unranked');
    await page.getByTestId('notice-create-button').click();
    await expect(page.getByTestId('notice-item')).toHaveCount(1);
    await expect(page.getByTestId('notice-row')).toHaveCount(shortlisted.length);
    const download = page.waitForEvent('download');
    await page.getByTestId('notice-export-html').click();
    const noticeFile = path.join(app.dataDir, 'notice.html');
    await (await download).saveAs(noticeFile);
    const noticeText = fs.readFileSync(noticeFile, 'utf8');
    expect(noticeText).toContain('排名不分先后'); // the export is bilingual by default
    const byRegNo = new Map(entries.map((e) => [e.regNo, e]));
    for (const regNo of shortlisted) expect(noticeText).toContain(byRegNo.get(regNo)!.title);
    const notShortlisted = entries.find((e) => !shortlisted.includes(e.regNo) && e.regNo !== failedRegNo)!;
    expect(noticeText).not.toContain(notShortlisted.title);
    await snap(`6-notice-${tag}`);

    // One objection, upheld: the entry is disqualified (the app asks before moving the published result).
    const target = byRegNo.get(shortlisted[0])!;
    await page.getByTestId('objection-add').click();
    await page.getByTestId('objection-entry').selectOption(String(target.id));
    await page.getByTestId('objection-from').fill(en ? 'Li Si' : '李四');
    await page.getByTestId('objection-text').fill(en ? 'The work copies a published one.' : '该作品与已发表作品雷同。');
    await page.getByTestId('objection-save').click();
    const objection = page.getByTestId('objection');
    await expect(objection).toHaveCount(1);
    await objection.getByTestId('objection-uphold-disqualify').click();
    await page.getByTestId('confirm-text').fill(en ? 'Checked: the objection stands.' : '经核查，异议成立。');
    await page.getByTestId('confirm-ok').click();
    await expect(page.getByTestId('confirm-dialog')).toBeVisible();
    await page.getByTestId('confirm-ok').click();
    await expect(objection.getByTestId('objection-status')).toHaveText(en ? 'Upheld' : '成立');
    await snap(`7-objection-${tag}`, objection);

    // Final publish during the period: refused, then published with the override's reason.
    await openTab(page, 'ranking');
    await page.getByTestId('ranking-lock').click();
    await page.getByTestId('confirm-ok').click();
    await expect(page.getByTestId('confirm-dialog')).toContainText(en ? 'The public notice runs until' : '公示期');
    await page.getByTestId('confirm-text').fill(en ? 'Objections resolved; the committee agreed to publish early' : '公示期内异议已处理完毕，经组委会同意提前公布');
    await page.getByTestId('confirm-ok').click();
    await expect(page.getByTestId('confirm-dialog')).toHaveCount(0);
    await expect(page.getByTestId('ranking-latest-lock')).toBeVisible();
    await snap(`8-final-${tag}`, page.getByTestId('ranking-latest-lock'));

    // Certificates: the final list only, without the disqualified entry.
    const expected = shortlisted.filter((r) => r !== target.regNo).map((r) => byRegNo.get(r)!.entrantName);
    await openTab(page, 'certificates');
    const row = page.getByTestId('certificate-list').filter({ hasText: en ? 'Commended work' : '优秀作品' });
    await expect(row).toBeVisible();
    await expect(row.locator('td').nth(1)).toHaveText(String(expected.length));
    await page.getByTestId('export-award').click();
    await expect(page.getByTestId('certificate-job')).toContainText(en ? 'newly issued' : '已生成', { timeout: 60_000 });
    const issued = page.getByTestId('issued-row');
    await expect(issued).toHaveCount(expected.length);
    const names = await issued.locator('td:nth-child(2)').evaluateAll((tds) => tds.map((td) => (td.firstChild?.textContent ?? '').trim()));
    expect(names.sort()).toEqual([...expected].sort());
    if (!expected.includes(target.entrantName)) expect(names).not.toContain(target.entrantName); // an entrant may have another entry in
    await snap(`9-certificates-${tag}`);

    // The key screens in the other language.
    await page.getByTestId('language-switch').selectOption(en ? 'zh-CN' : 'en');
    await openTab(page, 'overview');
    await expect(page.getByTestId(`round-${listKey}-1`).getByTestId('round-status')).toHaveText(en ? '已结束' : 'closed');
    await snap(`10-overview-${other}`, page.getByTestId('rounds-strip'));
    await openTab(page, 'ranking');
    await expect(page.getByTestId('ranking-round').locator('option')).toHaveText(en ? ['第 1 轮 · 初评', '第 2 轮 · 终评'] : ['Round 1 · First round', 'Round 2 · Final round']);
    await snap(`11-ranking-${other}`);
    await openTab(page, 'notice');
    await expect(page.getByTestId('objection-status')).toHaveText(en ? '成立' : 'Upheld');
    await snap(`12-notice-${other}`, page.getByTestId('objection'));
    await openTab(page, 'certificates');
    await expect(page.getByTestId('certificate-list').filter({ hasText: en ? '优秀作品' : 'Commended work' }).locator('td').nth(1)).toHaveText(String(expected.length));
    await snap(`13-certificates-${other}`);
  });
}
