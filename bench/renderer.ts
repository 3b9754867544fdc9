// Renderer scenarios (issue 18, aim 5): what the first paint loads (sizes of the built chunks, raw
// and gzipped: the small entry, the app chunk it loads at once with its imports, the style sheets
// and one locale; aim ≤ 200 kB gzipped, fonts never, and no font file in the build at all: the
// shells serve the font package's) and how long the campaign list takes to appear in chromium
// through the browser shell (`kepu serve`, a data folder holding the sample campaigns), median of 5
// cold loads (a fresh browser context each: nothing cached). The peer is the same chromium showing
// a one-element page (a data: URL) in a fresh context: the floor of opening a page at all. The
// bench builds first, so it measures the sources as they are.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { newDataDir, serveApp } from '../tests/e2e/host';
import { firstPaintChunks, firstPaintGzip } from '../tests/renderer-chunks';
import { type BenchResult, percentile, round } from './harness';

const root = path.resolve(import.meta.dirname, '..');
const RUNS = 5;

export async function rendererBench(): Promise<BenchResult[]> {
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8', shell: process.platform === 'win32' });
  if (build.status !== 0) throw new Error(`bench: npm run build failed:\n${build.stderr}`);
  const rendererDir = path.join(root, 'out', 'renderer');
  const chunks = firstPaintChunks(rendererDir);
  const kB = (n: number) => round(n / 1024);
  const list = (cs: { file: string; raw: number; gzip: number }[]) => cs.map((c) => `${path.basename(c.file)} ${kB(c.raw)}/${kB(c.gzip)}`).join(', ') || 'none';
  const lazyGzip = chunks.lazy.reduce((sum, c) => sum + c.gzip, 0);
  const fontsInBuild = fs.readdirSync(rendererDir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(ttf|otf|woff2?)$/i.test(f));
  const firstPaintKb = kB(firstPaintGzip(chunks));
  const results: BenchResult[] = [
    {
      scenario: 'renderer.firstPaintBytes',
      size: firstPaintKb,
      runs: 1,
      medianMs: 0,
      p99Ms: 0,
      opsPerSec: 0,
      unit: 'kB gzip',
      peer: null,
      note:
        `aim ≤ 200 kB gzip: ${round(firstPaintKb / 200)}× the aim. kB raw/gzip: entry ${list([chunks.entry])}; ` +
        `app chunks loaded at once ${list(chunks.preloaded)}; styles ${list(chunks.styles)}; ` +
        `locales ${list(chunks.locales)} (one loads); ${chunks.lazy.length} lazy chunks ${kB(lazyGzip)} kB gzip; ` +
        `assets named by the first paint: ${chunks.referencedAssets.join(', ') || 'none'}; ` +
        `font files in out/renderer: ${fontsInBuild.length} (the shells serve the font package's two, only when a certificate preview is drawn)`,
    },
  ];

  const dataDir = newDataDir();
  const demo = spawnSync(process.execPath, [path.join(root, 'bin/kepu.mjs'), 'demo', '--data-dir', dataDir], { encoding: 'utf8' });
  if (demo.status !== 0) throw new Error(`bench: kepu demo failed: ${demo.stderr}`);
  const app = await serveApp(dataDir);
  const browser = await chromium.launch({ executablePath: process.env.KEPU_CHROMIUM ?? '/usr/bin/chromium' });
  try {
    // In-page: when the first row entered the document, from the page's navigation start (the
    // part of the wall time that is ours, without starting the tab and Playwright's polling).
    const inPage: number[] = [];
    const open = async (url: string, selector: string, record = false): Promise<number> => {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await page.addInitScript((sel) => {
          const w = window as unknown as { __shown?: number };
          new MutationObserver(() => {
            if (w.__shown === undefined && document.querySelector(sel)) w.__shown = performance.now();
          }).observe(document, { subtree: true, childList: true });
        }, selector);
        const start = process.hrtime.bigint();
        await page.goto(url);
        await page.locator(selector).first().waitFor({ state: 'visible', timeout: 60_000 });
        const wall = Number(process.hrtime.bigint() - start) / 1e6;
        if (record) inPage.push(await page.evaluate(() => (window as unknown as { __shown: number }).__shown));
        return wall;
      } finally {
        await context.close();
      }
    };
    await open(app.url, '[data-testid^="campaign-row-"]'); // the server's own first request warms its file reads
    const ours: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      ours.push(await open(app.url, '[data-testid^="campaign-row-"]', true));
      floor.push(await open('data:text/html,<p id="x">x</p>', '#x'));
    }
    const medianMs = percentile(ours, 50);
    const floorMs = percentile(floor, 50);
    results.push({
      scenario: 'renderer.firstPaint',
      size: 1,
      runs: RUNS,
      medianMs: round(medianMs),
      p99Ms: round(percentile(ours, 99)),
      opsPerSec: round(1000 / medianMs),
      unit: 'loads/s',
      peer: { tool: 'chromium, one-element data: page', medianMs: round(floorMs), opsPerSec: round(1000 / floorMs) },
      note:
        `aim ≤ 1000 ms: fresh context, goto the browser shell's URL until a campaign row shows (sample campaigns); ${round(medianMs / floorMs)}× the floor, ` +
        `${round(medianMs / 1000)}× the aim; runs ${ours.map((ms) => Math.round(ms)).join(', ')} ms; in the page, the first row entered the document ` +
        `${round(percentile(inPage, 50))} ms after navigation start (median); load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores`,
    });
  } finally {
    await browser.close();
    await app.stop();
  }
  return results;
}
