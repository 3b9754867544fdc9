// Media scenarios (issue: media probe and compliance rules): checking 1,000 files cold (ffprobe per
// file, bounded pool) next to Debian's mediainfo on the same files, re-checking them from the probe
// cache, and streamed SHA-256 next to sha256sum. The 1,000 files are copies (not links) of the test
// fixtures and the sample media, so every path and cache key is distinct; about half are videos.
// mediainfo is run the ways a fair peer would be, and the fastest counts as the peer:
//   per-file   one process per file, same pool size as ours
//   batch      one process given all 1,000 paths
//   split      one process per core, each given its share of the paths
import { execFile, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { TemplateCatalog } from '../src-main/core/campaigns/templates';
import { databasePath, openDatabase } from '../src-main/core/db/connection';
import { sha256File } from '../src-main/core/media/hash';
import { ProbeCache } from '../src-main/core/media/probe-cache';
import { probeFile } from '../src-main/core/media/probe';
import { checkFiles } from '../src-main/core/media/probe-queue';
import { type BenchResult, measure, percentile, round, summarize } from './harness';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');
const FILES = 1_000;
const HASH_BYTES = 200_000_000;
// KEPU_BENCH_RUNS=1 for a quicker look on a busy machine; the figures to report use 3.
const RUNS = Number(process.env.KEPU_BENCH_RUNS) || 3;
const SOURCES = [
  'tests/fixtures/media/compliant.mp4',
  'tests/fixtures/media/photo.jpg',
  'tests/fixtures/media/rotated-phone.mp4',
  'tests/fixtures/media/small.png',
  'tests/fixtures/media/too-long.mp4',
  'resources/sample/cartoon-flu-1.jpg',
  'resources/sample/video-handwashing.mp4',
  'resources/sample/graphic-diet-1.jpg',
  'tests/fixtures/media/unplayable-codecs.mp4',
  'tests/fixtures/media/png-renamed.jpg',
  'resources/sample/video-heart.mp4',
  'resources/sample/certificate-scan.jpg',
];

export async function mediaBench(): Promise<BenchResult[]> {
  const cores = os.availableParallelism();
  const rules = new TemplateCatalog(path.join(root, 'resources', 'templates')).get('sichuan-influence-2023').definition.mediaRules;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kepu-bench-media-'));
  const results: BenchResult[] = [];
  try {
    const files = makeFiles(dir);

    // Cold: every file probed, no cache. Runs of ours and of each mediainfo mode alternate, so a
    // busy moment on the machine hits both sides alike.
    const coldWork = async () => {
      const { results: checked } = await checkFiles(files, { rules, concurrency: cores });
      if (checked.length !== FILES) throw new Error(`bench: checked ${checked.length} of ${FILES}`);
    };
    // The same check with the fast path off (issue 18's "before": ffprobe for every file).
    const ffprobeOnlyWork = async () => {
      const probe = (file: string, options: Parameters<typeof probeFile>[1]) => probeFile(file, { ...options, fastPath: false });
      const { results: checked } = await checkFiles(files, { rules, concurrency: cores, probe });
      if (checked.length !== FILES) throw new Error(`bench: checked ${checked.length} of ${FILES}`);
    };
    const modes = mediainfoModes(files, cores);
    const cold: number[] = [];
    const ffprobeOnly: number[] = [];
    const peerSamples = modes.map(() => [] as number[]);
    for (let i = 0; i < RUNS; i++) {
      cold.push(...(await measure(1, coldWork)));
      ffprobeOnly.push(...(await measure(1, ffprobeOnlyWork)));
      for (const [m, [, work]] of modes.entries()) peerSamples[m].push(...(await measure(1, work)));
    }
    const peers = modes.map(([mode], m) => ({ mode, medianMs: percentile(peerSamples[m], 50) }));
    const best = peers.length ? peers.reduce((a, b) => (a.medianMs <= b.medianMs ? a : b)) : null;
    const others = peers.map((p) => `${p.mode} ${round((FILES / p.medianMs) * 1000)} files/s`).join('; ');
    const peer = best ? { tool: `mediainfo --Output=JSON (${best.mode})`, medianMs: round(best.medianMs), opsPerSec: round((FILES / best.medianMs) * 1000) } : null;
    const ratio = (samples: number[]) => (best ? `; ${round(best.medianMs / percentile(samples, 50))}× mediainfo` : '');
    results.push(
      summarize('media.probe.cold', FILES, 'files/s', cold, {
        peer,
        note: `checkFiles: fast path (MP4/MOV boxes, image headers in process; ffprobe-static for the rest), ${cores} at once, rules, no cache; ${FILES / 2} videos + ${FILES / 2} images${ratio(cold)}. mediainfo modes: ${others || 'not installed'}`,
      }),
      summarize('media.probe.cold.ffprobeOnly', FILES, 'files/s', ffprobeOnly, {
        peer,
        note: `the same with the fast path off: ffprobe-static per file, box check${ratio(ffprobeOnly)}`,
      }),
    );

    // Warm: the same files again through the probe cache (SQLite).
    const dataDir = path.join(dir, 'data');
    fs.mkdirSync(dataDir);
    const db = openDatabase(databasePath(dataDir));
    try {
      const cache = new ProbeCache(db);
      await checkFiles(files, { rules, concurrency: cores, cache });
      const warm = await measure(RUNS, async () => {
        let probed = 0;
        await checkFiles(files, { rules, concurrency: cores, cache, probe: async () => { probed += 1; throw new Error('bench: cache miss'); } });
        if (probed) throw new Error(`bench: ${probed} cache misses`);
      });
      results.push(summarize('media.probe.warmCache', FILES, 'files/s', warm, { peer: null, note: 'stat + cache lookup + rules per file; no ffprobe started' }));
    } finally {
      db.close();
    }

    // SHA-256 of one large file (in the page cache for both tools).
    const big = path.join(dir, 'big.bin');
    writeBigFile(big);
    await sha256File(big);
    const ours = await measure(RUNS, () => sha256File(big));
    results.push(
      summarize('media.sha256', HASH_BYTES / 1e6, 'MB/s', ours, {
        peer: sha256sumPeer(big),
        note: 'sha256File (Node crypto, 1 MiB stream chunks) on a 200 MB file; MB = 10^6 bytes',
      }),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

function makeFiles(dir: string): string[] {
  const files: string[] = [];
  for (let i = 0; i < FILES; i++) {
    const source = path.join(root, SOURCES[i % SOURCES.length]);
    const target = path.join(dir, `${String(i).padStart(4, '0')}-${path.basename(source)}`);
    fs.copyFileSync(source, target);
    files.push(target);
  }
  return files;
}

type Mode = [name: string, work: () => Promise<void>];

/** The ways a fair peer would run mediainfo over the same files; none when it is not installed. */
function mediainfoModes(files: string[], cores: number): Mode[] {
  if (spawnSync('mediainfo', ['--Version']).status !== 0) return [];
  const parse = (stdout: string) => JSON.parse(stdout) as unknown;
  return [
    [
      `per-file, ${cores} at once`,
      async () => {
        let next = 0;
        await Promise.all(
          Array.from({ length: cores }, async () => {
            while (next < files.length) {
              const file = files[next++];
              parse((await run('mediainfo', ['--Output=JSON', file], { maxBuffer: 1 << 24 })).stdout);
            }
          }),
        );
      },
    ],
    ['batch, 1 process', async () => void parse((await run('mediainfo', ['--Output=JSON', ...files], { maxBuffer: 1 << 28 })).stdout)],
    [
      `split, ${cores} processes`,
      async () => {
        const share = Math.ceil(files.length / cores);
        await Promise.all(
          Array.from({ length: cores }, async (_, i) => {
            const part = files.slice(i * share, (i + 1) * share);
            if (part.length) parse((await run('mediainfo', ['--Output=JSON', ...part], { maxBuffer: 1 << 28 })).stdout);
          }),
        );
      },
    ],
  ];
}

function writeBigFile(file: string): void {
  const chunk = randomBytes(1 << 20);
  const fd = fs.openSync(file, 'w');
  try {
    for (let written = 0; written < HASH_BYTES; ) {
      const n = Math.min(chunk.length, HASH_BYTES - written);
      fs.writeSync(fd, chunk, 0, n);
      written += n;
    }
  } finally {
    fs.closeSync(fd);
  }
}

function sha256sumPeer(file: string): BenchResult['peer'] {
  if (spawnSync('sha256sum', ['--version']).status !== 0) return null;
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync('sha256sum', [file], { encoding: 'utf8' });
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (result.status !== 0) return null;
  }
  const medianMs = percentile(samples, 50);
  return { tool: 'sha256sum (GNU coreutils)', medianMs: round(medianMs), opsPerSec: round((HASH_BYTES / 1e6 / medianMs) * 1000) };
}
