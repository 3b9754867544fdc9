// Announcing results (issue 17), in both languages: the sample is merged, an award tier set and
// the ranking published, the tier's certificates exported; then the Certificates tab's
// announcing panel exports the showcase folder and square posters as jobs. The showcase's
// index.html is opened from file:// in chromium with every http(s) request aborted: every winner
// shows, the language button switches Chinese ⇄ English, the covers load, no request leaves.
// Screenshots at 1366×768 go to test-results/ (and KEPU_SHOTS).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { PNG } from 'pngjs';
import { openTab, publishedSampleWithTier } from './coordinator';
import { serveApp, type ServedApp } from './host';
import { shot } from './shots';

const apps: ServedApp[] = [];
test.afterEach(async () => {
  for (const app of apps.splice(0)) await app.stop();
});

for (const locale of ['zh-CN', 'en'] as const) {
  test(`export the showcase and posters, open the showcase offline from disk (${locale})`, async ({ browser }, info) => {
    test.setTimeout(300_000);
    const en = locale === 'en';
    const app = await serveApp();
    apps.push(app);
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale });
    await publishedSampleWithTier(page, app);

    await openTab(page, 'certificates');
    const row = page.getByTestId('certificate-list').filter({ hasText: en ? 'Influential Work' : '影响力作品' });
    await row.getByRole('button', { name: en ? 'Export' : '导出', exact: true }).click();
    await expect(page.getByTestId('certificate-job')).toContainText(en ? 'written' : '已生成', { timeout: 60_000 });

    const panel = page.getByTestId('showcase-panel');
    await expect(panel).toContainText(en ? 'Announcing results' : '发布获奖结果');
    await panel.getByTestId('showcase-export').click();
    await expect(panel.getByTestId('showcase-done')).toBeVisible({ timeout: 120_000 });
    await expect(panel.getByTestId('showcase-done')).toContainText(en ? 'Showcase written' : '展示页已生成');
    const index = (await panel.getByTestId('showcase-path').textContent())!.trim();
    expect(index.startsWith(app.dataDir)).toBe(true);

    await panel.getByTestId('posters-size').selectOption('square');
    await panel.getByTestId('posters-export').click();
    await expect(panel.getByTestId('posters-done')).toBeVisible({ timeout: 120_000 });
    await expect(panel.getByTestId('posters-done')).toContainText(en ? 'posters written' : '张海报写入');
    await expect(panel.getByTestId('poster-previews').locator('img').first()).toBeVisible();
    await panel.scrollIntoViewIfNeeded();
    await shot(page, `showcase-panel-${locale}`, info.outputPath.bind(info), panel);

    // A poster as written: a 1080×1080 PNG.
    const posterDir = path.join(app.dataDir, 'exports', 'posters');
    const posters = fs.readdirSync(posterDir, { recursive: true }).map(String).filter((f) => f.endsWith('.png'));
    expect(posters.length).toBeGreaterThan(0);
    const png = PNG.sync.read(fs.readFileSync(path.join(posterDir, posters[0])));
    expect([png.width, png.height]).toEqual([1080, 1080]);
    if (process.env.KEPU_SHOTS) fs.copyFileSync(path.join(posterDir, posters[0]), path.join(process.env.KEPU_SHOTS, `poster-square-${locale}.png`));

    // The showcase from disk with the network blocked: every winner, both languages, no request out.
    const html = fs.readFileSync(index, 'utf8');
    const winners = html.match(/class="winner"/g)?.length ?? 0;
    expect(winners).toBeGreaterThan(3);
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale });
    const outside: string[] = [];
    await context.route(/^https?:/, (route) => {
      outside.push(route.request().url());
      return route.abort();
    });
    context.on('request', (r) => {
      if (!r.url().startsWith('file:')) outside.push(r.url());
    });
    const site = await context.newPage();
    await site.goto(pathToFileURL(index).href);
    await expect(site.locator('li.winner')).toHaveCount(winners);
    const heading = site.locator('h1');
    await expect(heading).toContainText(en ? 'Sample: 2023 China (Sichuan)' : '2023 中国(四川)');
    // Covers load from assets/ (lazy ones are asked for now; a broken image fails to decode).
    const broken = await site.locator('li.winner img').evaluateAll((imgs) =>
      Promise.all(
        (imgs as HTMLImageElement[]).map((img) => {
          img.loading = 'eager';
          return img.decode().then(
            () => null,
            () => img.getAttribute('src'),
          );
        }),
      ).then((all) => all.filter(Boolean)),
    );
    expect(broken).toEqual([]);
    expect(await site.locator('li.winner .tier').first().evaluate((e) => (e as HTMLElement).innerText.trim())).toBe(en ? 'Influential Work' : '影响力作品');
    await shot(site, `showcase-page-${locale}`, info.outputPath.bind(info));
    await site.locator('#lang-toggle').click();
    await expect(heading).toContainText(en ? '2023 中国(四川)' : 'Sample: 2023 China (Sichuan)');
    // Only the chosen language shows (the other is in the page, hidden).
    const shown = () => site.locator('li.winner .tier').first().evaluate((e) => (e as HTMLElement).innerText.trim());
    await expect.poll(shown).toBe(en ? '影响力作品' : 'Influential Work');
    await shot(site, `showcase-page-${locale}-switched`, info.outputPath.bind(info));
    expect(outside).toEqual([]);
    await context.close();
  });
}
