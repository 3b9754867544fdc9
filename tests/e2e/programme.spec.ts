// Programme files on screen, in both languages: a coordinator starts a campaign from an
// association's .kepuprog file (a broken one lists its problems and creates nothing), then exports
// the campaign's definition again as a file identical to the one imported.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { ProgrammeFile } from '../../src-main/contract';
import { programmeBytes } from '../../src-main/core/campaigns/programme-file';
import { newDataDir, serveApp, type ServedApp } from './host';

const apps: ServedApp[] = [];
test.afterEach(async () => {
  for (const app of apps.splice(0)) await app.stop();
});

const root = path.resolve(import.meta.dirname, '../..');

function nursing(): ProgrammeFile {
  const base = JSON.parse(fs.readFileSync(path.join(root, 'resources/templates/sichuan-influence-2023.kepuprog'), 'utf8')) as ProgrammeFile;
  return {
    ...base,
    id: 'nursing-video-2025',
    description: { 'zh-CN': '省级护理科普视频大赛', en: 'Provincial nursing science video contest' },
    source: 'e2e',
    definition: { ...base.definition, name: { 'zh-CN': '2025 年护理科普视频大赛', en: '2025 Nursing Science Video Contest' }, opensAt: '2025-03-01T00:00:00+08:00', deadline: '2025-05-31T18:00:00+08:00' },
  };
}

for (const locale of ['zh-CN', 'en'] as const) {
  test(`creates a campaign from a programme file and exports it back (${locale})`, async ({ browser }, info) => {
    const dir = newDataDir();
    const good = path.join(dir, 'nursing.kepuprog');
    fs.writeFileSync(good, programmeBytes(nursing()));
    const bad = path.join(dir, 'broken.kepuprog');
    // Broken twice: the deadline before the opening, and Creativity on a scale its step does not divide.
    const broken = nursing();
    broken.definition = { ...broken.definition, deadline: '2025-01-01T00:00:00+08:00' };
    broken.definition.lists[0].rubric[1] = { ...broken.definition.lists[0].rubric[1], scale: { min: 0, max: 10, step: 3 } };
    fs.writeFileSync(bad, programmeBytes(broken));
    const app = await serveApp();
    apps.push(app);
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale, acceptDownloads: true });
    await page.goto(app.url);

    await page.getByTestId('programme-file').setInputFiles(bad);
    await expect(page.getByTestId('programme-problems')).toContainText(locale === 'en' ? 'is not after the opening' : '不晚于开始时间');
    await expect(page.getByTestId('programme-problems')).not.toContainText('DEFINITION_');
    // Each problem says where, as the Setup editor names it, and names the dimension, never its key or path.
    const listName = broken.definition.lists[0].name[locale];
    await expect(page.getByTestId('programme-problems')).toContainText(
      locale === 'en' ? `Lists & rubrics › ${listName} › Rubric › Creativity: The step 3 of dimension “Creativity”` : `榜单与评分 › ${listName} › 评分标准 › 创意：评分维度“创意”的步长 3`,
    );
    await expect(page.getByTestId('programme-problems')).not.toContainText(/creativity|definition\./);
    const shot = info.outputPath(`programme-problems-${locale}.png`);
    await page.screenshot({ path: shot });
    if (process.env.KEPU_SHOTS) fs.copyFileSync(shot, path.join(process.env.KEPU_SHOTS, `programme-problems-${locale}.png`));

    await page.getByTestId('programme-file').setInputFiles(good);
    await expect(page.getByTestId('campaign-title')).toContainText(locale === 'en' ? '2025 Nursing Science Video Contest' : '2025 年护理科普视频大赛');
    await page.getByRole('tab', { name: locale === 'en' ? 'Overview' : '概览' }).click();
    const download = page.waitForEvent('download');
    await page.getByTestId('export-programme').click();
    const file = await download;
    const saved = path.join(dir, 'exported.kepuprog');
    await file.saveAs(saved);
    expect(fs.readFileSync(saved).equals(fs.readFileSync(good))).toBe(true);
    await expect(page.getByTestId('programme-exported')).toBeVisible();
    const overview = info.outputPath(`programme-export-${locale}.png`);
    await page.screenshot({ path: overview });
    if (process.env.KEPU_SHOTS) fs.copyFileSync(overview, path.join(process.env.KEPU_SHOTS, `programme-export-${locale}.png`));
    fs.rmSync(dir, { recursive: true, force: true });
  });
}
