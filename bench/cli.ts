// CLI start scenarios (issue 18, aim 3): `kepu --version` and `kepu --help` next to `node -e 0`
// (the floor: a Node process that does nothing), and the overhead of the common commands on an
// existing data folder with one fresh campaign (each opens the database and calls a channel or
// two: little work, so the time is the command's own start-up), each against the floor. Each
// result carries `ratio` (median / floor) and `overheadMs` (median − floor): the aims are ≤ 3× for
// --version and --help and ≤ 300 ms of overhead for every command. The built CLI (out/cli) must be current, else bin/kepu.mjs would run the
// sources through tsx: the bench builds it first. Runs of each command and of the floor alternate,
// so a busy moment on the shared machine hits both alike.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildCli } from '../scripts/build-cli.mjs';
import { type BenchResult, percentile, round } from './harness';

type CliBenchResult = BenchResult & { ratio: number; overheadMs: number };

const root = path.resolve(import.meta.dirname, '..');
const RUNS = 11;

function timed(args: string[], env: NodeJS.ProcessEnv): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: root, env, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`bench: ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return ms;
}

export async function cliBench(): Promise<CliBenchResult[]> {
  await buildCli();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kepu-bench-cli-'));
  const env = { ...process.env, HOME: dir, KEPU_LANG: 'en', KEPU_DATA_DIR: path.join(dir, 'data') };
  const kepu = path.join(root, 'bin', 'kepu.mjs');
  try {
    // Creates the database once (the commands then only open it) and a campaign for the commands that name one.
    const created = spawnSync(process.execPath, [kepu, 'campaign', 'create', '--template', 'sichuan-influence-2023', '--json'], { cwd: root, env, encoding: 'utf8' });
    if (created.status !== 0) throw new Error(`bench: campaign create exited ${created.status}: ${created.stderr}`);
    const campaign = (JSON.parse(created.stdout) as { id: string }).id;
    const scenarios: [name: string, args: string[], note: string][] = [
      ['cli.version', [kepu, '--version'], 'kepu --version: bin/kepu.mjs checks out/cli is current, loads the entry chunk'],
      ['cli.help', [kepu, '--help'], 'kepu --help: the entry chunk plus i18next and the locale files'],
      ['cli.campaignList', [kepu, 'campaign', 'list', '--json'], 'kepu campaign list: the campaign command, one handler group, database opened'],
      ['cli.templateList', [kepu, 'template', 'list', '--json'], 'kepu template list: the built-in templates read and checked'],
      ['cli.judgeList', [kepu, 'judge', 'list', '--campaign', campaign, '--json'], 'kepu judge list of the fresh campaign'],
      ['cli.roundList', [kepu, 'round', 'list', '--campaign', campaign, '--json'], 'kepu round list of the fresh campaign'],
      ['cli.rank', [kepu, 'rank', '--campaign', campaign, '--json'], 'kepu rank of the fresh campaign (no scores: the ranking modules load, little to compute)'],
      ['cli.auditVerify', [kepu, 'audit', 'verify', '--json'], 'kepu audit verify: the chain of two records'],
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
        ratio: round(medianMs / floorMs),
        overheadMs: round(medianMs - floorMs),
        note: `${note}; ${round(medianMs / floorMs)}× the floor, overhead ${round(medianMs - floorMs)} ms`,
      };
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
