// A judge opens an entrant's HTML article full of hostile markup: nothing in it runs, loads or
// survives (scripts, handlers, javascript: links, frames, a form posting away, CSS url()/expression),
// while its headings, paragraphs and table still show. A local "beacon" server stands for the
// outside world: any request reaching it would mean the article loaded something.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { newDataDir, serveApp, type ServedApp } from './host';

const root = path.resolve(import.meta.dirname, '../..');

let app: ServedApp | null = null;
let beacon: http.Server | null = null;
test.afterEach(async () => {
  await app?.stop();
  app = null;
  await new Promise((resolve) => (beacon ? beacon.close(resolve) : resolve(undefined)));
  beacon = null;
});

test.use({ locale: 'zh-CN' });

function hostileArticle(outside: string): string {
  return `<!doctype html>
<html lang="zh-CN"><head>
<meta http-equiv="refresh" content="0; url=${outside}/refresh">
<base href="${outside}/base/">
<link rel="stylesheet" href="${outside}/style.css">
<style>body { background: url("${outside}/style-url"); } p { width: expression(top.__kepuPwned = 'css'); }</style>
<script>top.__kepuPwned = 'script'; new Image().src = '${outside}/script';</script>
<script src="${outside}/script.js"></script>
</head><body onload="top.__kepuPwned = 'onload'">
<h1>流感季节的家庭防护</h1>
<p>勤洗手、戴口罩、<strong>按时接种疫苗</strong>。</p>
<img src="${outside}/pixel.gif" onerror="top.__kepuPwned = 'onerror'" alt="像素">
<p style="background-image: url('javascript:top.__kepuPwned = 1')" onclick="top.__kepuPwned = 'onclick'">点击这里 <a href="javascript:top.__kepuPwned = 'link'">查看详情</a></p>
<iframe src="${outside}/frame"></iframe>
<form action="${outside}/steal" method="post"><input name="phone" value="13800000000"><button>提交</button></form>
<svg><script>top.__kepuPwned = 'svg'</script><image href="${outside}/svg-image"/></svg>
<object data="${outside}/object.swf"></object>
<video poster="${outside}/poster.jpg" src="${outside}/video.mp4" autoplay></video>
<table><caption>接种建议</caption><tr><th>人群</th><th>建议</th></tr><tr><td>老人</td><td>每年接种</td></tr></table>
<p>来源:<a href="https://www.nhc.gov.cn/">国家卫生健康委员会</a></p>
</body></html>`;
}

/**
 * The sample campaign with the hostile article added to its HPV article entry, and that entry's
 * judge active: seeded through the app's own handlers in a child process (tsx loads them; the
 * test runner's loader cannot import the app's JSON modules).
 */
function seed(dataDir: string, article: string): void {
  const file = path.join(dataDir, 'hostile-article.html');
  fs.writeFileSync(file, article);
  const script = path.join(root, 'tests/e2e/seed-article.ts');
  const run = spawnSync(process.execPath, ['--import', 'tsx', script, dataDir, file], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  if (run.status !== 0) throw new Error(`seeding failed: ${run.stderr}${run.stdout}`);
}

test('a hostile HTML article shows its words and nothing of its scripts, handlers, links, frames, forms or loads', async ({ page }, info) => {
  const hits: string[] = [];
  beacon = http.createServer((request, response) => {
    hits.push(request.url ?? '');
    response.end();
  });
  await new Promise<void>((resolve) => beacon!.listen(0, '127.0.0.1', resolve));
  const outside = `http://127.0.0.1:${(beacon.address() as AddressInfo).port}`;
  const dataDir = newDataDir();
  seed(dataDir, hostileArticle(outside));
  app = await serveApp(dataDir);
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));

  await page.goto(app.url);
  await page.getByRole('button', { name: /四川/ }).first().click();
  await page.getByRole('tab', { name: '评审' }).click();
  await page.getByTestId('review-queue').getByRole('searchbox').fill('HPV');
  await page.getByTestId('queue-item').first().click();
  await expect(page.getByTestId('preview-title')).toContainText('HPV');
  await page.getByRole('tab', { name: /防护\.html/ }).click();

  const frame = page.getByTestId('article-html');
  await expect(frame).toBeVisible();
  await expect(frame).toHaveAttribute('sandbox', '');
  // Counted as removed: img, iframe, form, svg, object, video, the stylesheet link and the two
  // scripts (the renamed <base> ends the head early, so the parser puts those in the body).
  await expect(page.getByTestId('article-view')).toContainText('已移除的嵌入内容（图片、音视频、脚本、表单）：9 项。');

  // Ordinary content still shows, inside the frame.
  const shown = page.frameLocator('[data-testid="article-html"]');
  await expect(shown.getByRole('heading', { name: '流感季节的家庭防护' })).toBeVisible();
  await expect(shown.locator('strong')).toHaveText('按时接种疫苗');
  await expect(shown.locator('table')).toContainText('老人');
  await expect(shown.locator('caption')).toHaveText('接种建议');
  await expect(shown.locator('body')).toContainText('点击这里 查看详情');
  await expect(shown.locator('body')).toContainText('国家卫生健康委员会 (https://www.nhc.gov.cn/)');
  await page.screenshot({ path: info.outputPath('hostile-article-zh.png') });

  // Nothing hostile survives in the frame's document.
  const srcdoc = (await frame.getAttribute('srcdoc'))!;
  expect(srcdoc).toContain('<h1>流感季节的家庭防护</h1>');
  expect(srcdoc).toContain('<td>老人</td>');
  expect(srcdoc).toContain("Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\"");
  for (const gone of ['<script', '<img', '<iframe', '<form', '<input', '<svg', '<object', '<video', '<a ', '<base', '<link', 'refresh', 'onerror', 'onclick', 'onload', 'javascript:', 'expression(', 'url(', '__kepuPwned', outside]) {
    expect(srcdoc, gone).not.toContain(gone);
  }
  await expect(shown.locator('script, img, iframe, form, input, svg, object, video, a, [style], [onclick]')).toHaveCount(0);

  // Nothing ran, and nothing reached the outside world.
  expect(await page.evaluate(() => (window as unknown as { __kepuPwned?: unknown }).__kepuPwned)).toBeUndefined();
  // (The frame's document is parsed and shown by now, so any load it asked for was already requested.)
  expect(requested.filter((url) => url.startsWith(outside))).toEqual([]);
  expect(hits).toEqual([]);
});
