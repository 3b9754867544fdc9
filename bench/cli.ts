// CLI start scenarios (issue 18, aim 3): `kepu --version` and `kepu --help` next to `node -e 0`
// (the floor: a Node process that does nothing), and the overhead of real commands: `kepu campaign
// list` on an existing data folder (opens the database, no work) and `kepu probe` of one image,
// each against the floor. The built CLI (out/cli) must be current, else bin/kepu.mjs would run the
// sources through tsx: the bench builds it first. Runs of each command and of the floor alternate,
// so a busy moment on the shared machine hits both alike.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildCli } from '../scripts/build-cli.mjs';
import { type BenchResult, percentile, round } from './harness';

const root = path.resolve(import.meta.dirname, '..');
const RUNS = 11;

function timed(args: string[], env: NodeJS.ProcessEnv): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: root, env, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`bench: ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return ms;
}

export async function cliBench(): Promise<BenchResult[]> {
  await buildCli();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kepu-bench-cli-'));
  const env = { ...process.env, HOME: dir, KEPU_LANG: 'en', KEPU_DATA_DIR: path.join(dir, 'data') };
  const kepu = path.join(root, 'bin', 'kepu.mjs');
  try {
    timed([kepu, 'campaign', 'list', '--json'], env); // creates the database once: list then only opens it
    const scenarios: [name: string, args: string[], note: string][] = [
      ['cli.version', [kepu, '--version'], 'kepu --version: bin/kepu.mjs checks out/cli is current, loads the entry chunk'],
      ['cli.help', [kepu, '--help'], 'kepu --help: the entry chunk plus i18next and the locale files'],
      ['cli.campaignList', [kepu, 'campaign', 'list', '--json'], 'kepu campaign list on an existing data folder: every handler module loaded, database opened'],
      ['cli.probeOneImage', [kepu, 'probe', path.join(root, 'tests/fixtures/media/photo.jpg'), '--json'], 'kepu probe of one JPEG (template rules, no database)'],
    ];
    const floor: number[] = [];
    const samples = scenarios.map(() => [] as number[]);
    for (let i = 0; i < RUNS; i++) {
      floor.push(timed(['-e', '0'], env));
      for (const [s, [, args]] of scenarios.entries()) samples[s].push(timed(args, env));
    }
    const floorMs = percentile(floor, 50);
    return scenarios.map(([name, , note], s) => {
      const medianMs = percentile(samples[s], 50);
      return {
        scenario: name,
        size: 1,
        runs: RUNS,
        medianMs: round(medianMs),
        p99Ms: round(percentile(samples[s], 99)),
        opsPerSec: round(1000 / medianMs),
        unit: 'starts/s',
        peer: { tool: 'node -e 0', medianMs: round(floorMs), opsPerSec: round(1000 / floorMs) },
        note: `${note}; ${round(medianMs / floorMs)}× the floor, overhead ${round(medianMs - floorMs)} ms`,
      };
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
