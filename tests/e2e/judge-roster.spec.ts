// The judge roster (issue 15): on a campaign with registrations and no judges yet, the coordinator
// adds three judges on the Exchange tab before any key card — one with a contact, a former employer
// to avoid and one entry to avoid — runs the assignment, and the conflicted judge holds no entry of
// that institution nor the declared entry; the coverage says "conflict declared". Then a judge's key
// card arrives and is attached to that judge with "Key card belongs to": the table shows the card's
// fingerprint where the "no key card yet" badge stood. Both languages, screenshots at 1366×768.
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { api, openSampleWorks, openTab } from './coordinator';
import { newDataDir, serveApp, type ServedApp } from './host';
import { judgeKeyCard } from './judge';
import { seedImportedCampaign } from './seed';
import { shot } from './shots';

const apps: ServedApp[] = [];
test.afterEach(async () => {
  for (const app of apps.splice(0)) await app.stop();
});

const SHOTS = '/work/shots-roster';

interface RosterJudge {
  id: string;
  name: string;
  contact: string | null;
  fingerprint: string | null;
  conflicts: { institutions: string[]; entries: { regNo: string; reason: string }[] };
}

for (const locale of ['zh-CN', 'en'] as const) {
  test(`adds judges with contact and conflicts before their key cards, assigns around the conflicts, attaches a card later (${locale})`, async ({ browser }, info) => {
    test.setTimeout(240_000);
    const en = locale === 'en';
    const dataDir = newDataDir();
    const campaignId = await seedImportedCampaign(dataDir);
    const app = await serveApp(dataDir);
    const judgeApp = await serveApp();
    apps.push(app, judgeApp);
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale });
    await page.goto(app.url);
    await openSampleWorks(page);
    await openTab(page, 'exchange');
    fs.mkdirSync(SHOTS, { recursive: true });
    const save = async (name: string) => {
      await shot(page, name, (n) => info.outputPath(n));
      fs.copyFileSync(info.outputPath(`${name}.png`), `${SHOTS}/${name}-${locale}.png`);
    };

    // Three judges, none with a key card.
    const add = async (judge: { name: string; institution: string; contact?: string; avoid?: string; entry?: { regNo: string; reason: string } }) => {
      await page.getByTestId('roster-add').click();
      const form = page.getByTestId('roster-form');
      await form.getByTestId('roster-name').fill(judge.name);
      await form.getByTestId('roster-institution').fill(judge.institution);
      if (judge.contact) await form.getByTestId('roster-contact').fill(judge.contact);
      if (judge.avoid) await form.getByTestId('roster-conflict-institutions').fill(judge.avoid);
      if (judge.entry) {
        await form.getByTestId('roster-add-entry').click();
        await form.getByTestId('roster-entry-regno-0').fill(judge.entry.regNo);
        await form.getByTestId('roster-entry-reason-0').fill(judge.entry.reason);
      }
      if (judge.avoid) await save('roster-form');
      await form.getByTestId('roster-save').click();
      await expect(page.getByTestId('roster-form')).toHaveCount(0);
      await expect(page.getByTestId(`judge-row-${judge.name}`)).toBeVisible();
    };
    await add({ name: '李明', institution: '成都医学院', contact: '138 0000 0001' });
    await add({ name: '王芳', institution: '西南交通大学医学院', contact: 'wang@example.cn' });
    await add({ name: '赵强', institution: '成都市疾控中心', contact: '微信 zhaoq', avoid: '四川大学华西医院', entry: { regNo: 'SC-0002', reason: en ? 'advised the author' : '曾指导作者' } });
    const table = page.getByTestId('judge-table');
    await expect(table.getByTestId('no-key-card')).toHaveCount(3);
    await expect(table.getByTestId('no-key-card').first()).toHaveText(en ? 'no key card yet' : '尚无密钥卡');
    const zhao = table.getByTestId('judge-row-赵强');
    await expect(zhao.getByTestId('judge-contact')).toHaveText('微信 zhaoq');
    await expect(zhao.getByTestId('judge-conflicts')).toContainText('四川大学华西医院');
    await expect(zhao.getByTestId('judge-conflicts')).toContainText('SC-0002');

    // An unknown registration number is refused, naming it, in the page's language.
    await zhao.getByTestId('roster-edit-赵强').click();
    await page.getByTestId('roster-form').getByTestId('roster-entry-regno-0').fill('SC-9999');
    await page.getByTestId('roster-form').getByTestId('roster-save').click();
    await expect(page.getByText(en ? /No entry with registration number SC-9999/ : /没有报名编号为 SC-9999 的作品/)).toBeVisible();
    await page.getByTestId('error-banner-dismiss').click();
    await page.getByTestId('roster-form').getByTestId('roster-cancel').click();
    const judges = (await api<{ judges: RosterJudge[] }>(page, 'judge:list', { campaignId })).judges;
    const zhaoId = judges.find((j) => j.name === '赵强')!.id;
    expect(judges.find((j) => j.id === zhaoId)!.conflicts).toEqual({ institutions: ['四川大学华西医院'], entries: [{ regNo: 'SC-0002', reason: en ? 'advised the author' : '曾指导作者' }] });

    // Assignment: 赵强 gets nothing from 四川大学华西医院 (SC-0001) and not SC-0002.
    await page.getByTestId('run-assignment').click();
    await expect(page.getByTestId('exchange-notice')).toBeVisible();
    const queue = await api<{ rows: { regNo: string }[] }>(page, 'review:queue', { campaignId, judgeId: zhaoId });
    const held = queue.rows.map((r) => r.regNo);
    expect(held.length).toBeGreaterThan(0);
    expect(held).not.toContain('SC-0001');
    expect(held).not.toContain('SC-0002');
    await page.getByTestId('short-entries').locator('summary').click();
    const sc0001 = page.getByTestId('short-entry').filter({ hasText: 'SC-0001' });
    await expect(sc0001.getByTestId('short-reasons')).toContainText(en ? 'conflict declared: 赵强' : '已声明回避：赵强');
    await save('roster-assigned');

    // The key card arrives later and is attached to 赵强; the table shows the card's fingerprint.
    const judgePage = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale });
    const { cardFile, fingerprint } = await judgeKeyCard(judgePage, judgeApp.url, info.outputPath('zhao.kepukey'), { name: '赵强', passphrase: 'judge passphrase' });
    await page.getByTestId('attach-to').selectOption({ label: '赵强' });
    await page.getByTestId('keycard-file').setInputFiles(cardFile);
    await expect(page.getByTestId('exchange-notice')).toContainText(fingerprint);
    await expect(zhao.getByTestId('judge-fingerprint')).toHaveText(fingerprint);
    await expect(table.getByTestId('no-key-card')).toHaveCount(2);
    await table.scrollIntoViewIfNeeded();
    await save('roster-key-attached');
  });
}
