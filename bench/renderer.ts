// Renderer scenarios (issue 18, aim 5): what the first paint loads (sizes of the built chunks, raw
// and gzipped; aim ≤ 200 kB gzipped, fonts never) and how long the campaign list takes to appear in
// chromium through the browser shell (`kepu serve`, a data folder holding the sample campaigns),
// median of 5 cold loads (a fresh browser context each: nothing cached). The peer is the same
// chromium showing a one-element page (a data: URL) in a fresh context: the floor of opening a
// page at all. The bench builds first, so it measures the sources as they are.
import { spawnSync } from 'node:child_process';
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
  const chunks = firstPaintChunks(path.join(root, 'out', 'renderer'));
  const kB = (n: number) => round(n / 1024);
  const lazyGzip = chunks.lazy.reduce((sum, c) => sum + c.gzip, 0);
  const results: BenchResult[] = [
    {
      scenario: 'renderer.firstPaintBytes',
      size: kB(firstPaintGzip(chunks)),
      runs: 1,
      medianMs: 0,
      p99Ms: 0,
      opsPerSec: 0,
      unit: 'kB gzip',
      peer: null,
      note:
        `aim ≤ 200 kB gzip. entry ${chunks.entry.file} ${kB(chunks.entry.raw)} kB raw / ${kB(chunks.entry.gzip)} kB gzip; ` +
        `preloaded ${chunks.preloaded.map((c) => `${path.basename(c.file)} ${kB(c.raw)}/${kB(c.gzip)}`).join(', ') || 'none'}; ` +
        `locales ${chunks.locales.map((c) => `${path.basename(c.file)} ${kB(c.raw)}/${kB(c.gzip)}`).join(', ')} (one loads); ` +
        `${chunks.lazy.length} lazy chunks ${kB(lazyGzip)} kB gzip; assets named by the first paint: ${chunks.referencedAssets.join(', ') || 'none'}`,
    },
  ];

  const dataDir = newDataDir();
  const demo = spawnSync(process.execPath, [path.join(root, 'bin/kepu.mjs'), 'demo', '--data-dir', dataDir], { encoding: 'utf8' });
  if (demo.status !== 0) throw new Error(`bench: kepu demo failed: ${demo.stderr}`);
  const app = await serveApp(dataDir);
  const browser = await chromium.launch({ executablePath: process.env.KEPU_CHROMIUM ?? '/usr/bin/chromium' });
  try {
    const open = async (url: string, selector: string): Promise<number> => {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        const start = process.hrtime.bigint();
        await page.goto(url);
        await page.locator(selector).first().waitFor({ state: 'visible', timeout: 60_000 });
        return Number(process.hrtime.bigint() - start) / 1e6;
      } finally {
        await context.close();
      }
    };
    await open(app.url, '[data-testid^="campaign-row-"]'); // the server's own first request warms its file reads
    const ours: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      ours.push(await open(app.url, '[data-testid^="campaign-row-"]'));
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
      note: `aim ≤ 1000 ms: fresh context, goto the browser shell's URL until a campaign row shows (sample campaigns); ${round(medianMs / floorMs)}× the floor`,
    });
  } finally {
    await browser.close();
    await app.stop();
  }
  return results;
}
