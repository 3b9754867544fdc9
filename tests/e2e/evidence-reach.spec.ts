// Issue 16, what the judge sees: reach figures beside the 传播 (communication) dimension, and an
// applicant's evidence file beside the checklist item it proves, opening in the preview on a click.
// Both languages, at 1366×768, with screenshots.
import { expect, test } from '@playwright/test';
import { api, loadSample, mergeSampleBundles, openSampleWorks, openTab, sampleWorksId } from './coordinator';
import { serveApp, type ServedApp } from './host';
import { shot } from './shots';

let app: ServedApp | null = null;
test.afterEach(async () => {
  await app?.stop();
  app = null;
});
test.use({ locale: 'zh-CN', viewport: { width: 1366, height: 768 } });

test('reach figures beside 传播, and evidence beside the checklist item it proves', async ({ page }, info) => {
  app = await serveApp();
  await loadSample(page, app.url);
  // Reach figures for every sample work (the import screen has its own spec).
  const worksId = await sampleWorksId(page);
  const { rows } = await api<{ rows: { regNo: string }[] }>(page, 'entry:list', { campaignId: worksId, limit: 500 });
  const csv = ['报名编号,粉丝数,播放量,网络投票,统计日期,数据来源', ...rows.map((r, i) => `${r.regNo},${i + 1}.5万,${(i + 1) * 10000},${i * 7},2023-12-01,抖音后台导出`)].join('\n');
  await api(page, 'reach:import', { campaignId: worksId, source: { fileName: '传播数据.csv', contentBase64: Buffer.from(csv).toString('base64') } });

  await openTab(page, 'review');
  const reach = page.getByTestId('review-reach');
  await expect(reach).toContainText('传播数据与投票（供“传播”参考）');
  await expect(reach).toContainText(/粉丝数：[\d,]+/);
  await expect(reach).toContainText('截至 2023-12-01');
  // Right under the 传播 score control, not elsewhere in the panel.
  const controls = page.getByTestId('score-panel').locator('.score-list > *');
  const texts = await controls.evaluateAll((els) => els.map((el) => (el.getAttribute('data-testid') === 'review-reach' ? 'REACH' : (el.textContent ?? '').slice(0, 6))));
  expect(texts[texts.indexOf('REACH') - 1]).toContain('传播');
  await shot(page, 'judge-reach-zh', info.outputPath.bind(info), reach);

  // The committee: the sample ties each applicant's certificate scan to "practising doctor"; the
  // coordinator ties the first applicant's video to "communication skills" (submitted works).
  await page.getByTestId('nav-campaigns').click();
  await page.getByRole('button', { name: /癌症患者关爱工程/ }).first().click();
  await openTab(page, 'entries');
  await page.getByTestId('entry-row').first().click();
  const detail = page.getByTestId('entry-detail');
  const title = (await detail.locator('h2').textContent())!.trim();
  const ties = detail.locator('[data-testid^="evidence-tie-"]');
  await expect(ties).toHaveCount(2);
  await expect(ties.first()).toHaveValue('practising_doctor');
  await ties.last().selectOption('communication_skills');
  await expect(ties.last()).toHaveValue('communication_skills');
  await shot(page, 'evidence-tie-zh', info.outputPath.bind(info), ties.last());

  await openTab(page, 'review');
  await page.getByTestId('queue-item').filter({ hasText: title }).click();
  await expect(page.getByTestId('preview-title')).toHaveText(title);
  await expect(page.getByTestId('evidence-practising_doctor').getByRole('button')).toHaveText('certificate-scan.jpg');
  const evidence = page.getByTestId('evidence-communication_skills');
  await expect(evidence.getByRole('button')).toHaveText('video-heart.mp4');
  // The preview starts on the scans; the click brings the video's tab.
  await expect(page.getByTestId('gallery')).toBeVisible();
  await evidence.getByRole('button').click();
  await expect(page.getByTestId('video-player')).toBeVisible();
  await shot(page, 'judge-evidence-zh', info.outputPath.bind(info), evidence);
  // And back to the scan from its own item.
  await page.getByTestId('evidence-practising_doctor').getByRole('button').click();
  await expect(page.getByTestId('gallery')).toBeVisible();

  await page.getByTestId('language-switch').selectOption('en');
  await expect(evidence.getByRole('button')).toHaveAttribute('title', 'Show this file in the preview');
  await shot(page, 'judge-evidence-en', info.outputPath.bind(info), evidence);
  await page.getByTestId('nav-campaigns').click();
  await page.getByRole('button', { name: /Sichuan/ }).first().click();
  await openTab(page, 'review');
  await expect(page.getByTestId('review-reach')).toContainText('Reach and votes (for “Communication”)');
  await shot(page, 'judge-reach-en', info.outputPath.bind(info), page.getByTestId('review-reach'));
});

test('a list blending public votes shows the judges-only result beside the blended one', async ({ page }, info) => {
  app = await serveApp();
  await loadSample(page, app.url);
  await mergeSampleBundles(page, app.dataDir);
  const worksId = await sampleWorksId(page);
  const { rows } = await api<{ rows: { regNo: string }[] }>(page, 'entry:list', { campaignId: worksId, limit: 500 });
  const csv = ['报名编号,网络投票', ...rows.map((r, i) => `${r.regNo},${(i * 7919) % 5000}`)].join('\n');
  await api(page, 'reach:import', { campaignId: worksId, source: { fileName: '网络投票.csv', contentBase64: Buffer.from(csv).toString('base64') } });
  const campaign = await api<{ definition: { lists: { key: string }[] } }>(page, 'campaign:get', { campaignId: worksId });
  const definition = { ...campaign.definition, lists: campaign.definition.lists.map((l, i) => (i === 0 ? { ...l, blend: { metric: 'votes', weight: 0.3, method: 'percentile' } } : l)) };
  await api(page, 'campaign:updateDefinition', { campaignId: worksId, definition, reason: '网络投票占 30%' });
  // Saved behind the page's back (Setup has its own specs): the page reads it afresh.
  await page.reload();
  await openSampleWorks(page);

  await openTab(page, 'setup');
  await page.getByTestId('setup-nav-lists').click();
  await expect(page.getByTestId('setup-list-blend-metric')).toHaveValue('votes');
  await expect(page.getByTestId('setup-list-blend-weight')).toHaveValue('30');
  await shot(page, 'blend-setup-zh', info.outputPath.bind(info), page.getByTestId('setup-list-blend-metric'));

  await openTab(page, 'ranking');
  await expect(page.getByTestId('ranking-blend-note')).toContainText('专家评分占 70%');
  const first = page.getByTestId('ranking-ranked').getByTestId('ranking-row').first();
  await expect(first.getByTestId('judges-only')).toHaveText(/\d/);
  await expect(page.getByTestId('ranking-ranked').locator('th')).toContainText(['仅专家评分', '网络投票']);
  await shot(page, 'blend-ranking-zh', info.outputPath.bind(info), page.getByTestId('ranking-blend-note'));
  await page.getByTestId('language-switch').selectOption('en');
  await expect(page.getByTestId('ranking-blend-note')).toContainText("70 % the judges' score, 30 % the entry's place by Public votes");
  await expect(page.getByTestId('ranking-ranked').locator('th')).toContainText(['Judges only', 'Public votes']);
  await shot(page, 'blend-ranking-en', info.outputPath.bind(info), page.getByTestId('ranking-blend-note'));
});
