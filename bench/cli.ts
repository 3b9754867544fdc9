// CLI start scenarios (issue 18, aim 3): `kepu --version` and `kepu --help` next to `node -e 0`
// (the floor: a Node process that does nothing), and the overhead of the common commands on an
// existing data folder with one fresh campaign (each opens the database and calls a channel or
// two: little work, so the time is the command's own start-up), each against the floor. Each
// result carries `ratio` (median / floor) and `overheadMs` (median − floor): the aims are ≤ 3× for
// --version and --help and ≤ 300 ms of overhead for every command. Beside the wall clock, the CPU
// time each run took (user + system, read from /proc/self/stat's reaped-children times on Linux;
// 10 ms ticks) is reported the same way (`cpu`: median, the floor's, overhead): on the shared
// 2-core machine the wall clock also counts waiting for a core, the CPU time only the command's
// own work. The built CLI (out/cli) must be current, else bin/kepu.mjs would run the sources
// through tsx: the bench builds it first. Runs of each command and of the floor alternate, so a
// busy moment on the shared machine hits both alike.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildCli } from '../scripts/build-cli.mjs';
import { type BenchResult, percentile, round } from './harness';

type CliBenchResult = BenchResult & {
  ratio: number;
  overheadMs: number;
  /** CPU time (user + system) of the command and of `node -e 0`, medians; null where /proc is absent. */
  cpu: { medianMs: number; peerMedianMs: number; ratio: number; overheadMs: number } | null;
};

const root = path.resolve(import.meta.dirname, '..');
const RUNS = 11;

/** CPU ms (user + system) of this process's reaped children so far: /proc/self/stat fields 16–17. */
function childrenCpuMs(): number | null {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    // The command name (field 2) may hold spaces: count the fields after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}
/** USER_HZ: 100 on every Linux Node supports. */
const CLOCK_TICKS = 100;

function timed(args: string[], env: NodeJS.ProcessEnv): { wall: number; cpu: number | null } {
  const cpuBefore = childrenCpuMs();
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: root, env, encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  const cpuAfter = childrenCpuMs();
  if (result.status !== 0) throw new Error(`bench: ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return { wall, cpu: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore };
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
    // The demo's campaign (32 entries, their media linked) for a ranking with something to rank.
    const demo = spawnSync(process.execPath, [kepu, 'demo', '--json'], { cwd: root, env, encoding: 'utf8' });
    if (demo.status !== 0) throw new Error(`bench: demo exited ${demo.status}: ${demo.stderr}`);
    const demoCampaign = (JSON.parse(demo.stdout) as { campaign: { id: string } }).campaign.id;
    // A signing key, so `identity show` reports one (it exits 1 while there is none).
    const identity = spawnSync(process.execPath, [kepu, 'identity', 'create', '--name', 'Bench', '--passphrase-env', 'KEPU_BENCH_PASSPHRASE', '--json'], {
      cwd: root,
      env: { ...env, KEPU_BENCH_PASSPHRASE: 'bench passphrase 1234' },
      encoding: 'utf8',
    });
    if (identity.status !== 0) throw new Error(`bench: identity create exited ${identity.status}: ${identity.stderr}`);
    const scenarios: [name: string, args: string[], note: string][] = [
      ['cli.version', [kepu, '--version'], 'kepu --version: bin/kepu.mjs checks out/cli is current, loads the entry chunk'],
      ['cli.help', [kepu, '--help'], 'kepu --help: the entry chunk plus i18next and the active locale file'],
      ['cli.campaignList', [kepu, 'campaign', 'list', '--json'], 'kepu campaign list: the campaign command, one handler group, database opened'],
      ['cli.templateList', [kepu, 'template', 'list', '--json'], 'kepu template list: the built-in templates read and checked'],
      ['cli.judgeList', [kepu, 'judge', 'list', '--campaign', campaign, '--json'], 'kepu judge list of the fresh campaign'],
      ['cli.roundList', [kepu, 'round', 'list', '--campaign', campaign, '--json'], 'kepu round list of the fresh campaign'],
      ['cli.rank', [kepu, 'rank', '--campaign', campaign, '--json'], 'kepu rank of the fresh campaign (no scores: the ranking modules load, little to compute)'],
      ['cli.rankDemo', [kepu, 'rank', '--campaign', demoCampaign, '--json'], "kepu rank of the demo campaign (32 entries, each held: no judge scored yet)"],
      ['cli.identityShow', [kepu, 'identity', 'show', '--json'], "kepu identity show: the signing key's status"],
      ['cli.decisionList', [kepu, 'decision', 'list', '--campaign', demoCampaign, '--json'], "kepu decision list of the demo campaign"],
      ['cli.backupList', [kepu, 'backup', 'list', '--json'], 'kepu backup list: the backups folder read'],
      ['cli.auditVerify', [kepu, 'audit', 'verify', '--json'], 'kepu audit verify: the chain of two records'],
      ['cli.probeOneImage', [kepu, 'probe', path.join(root, 'tests/fixtures/media/photo.jpg'), '--json'], 'kepu probe of one JPEG (template rules, no database)'],
    ];
    const floor: ReturnType<typeof timed>[] = [];
    const samples = scenarios.map(() => [] as ReturnType<typeof timed>[]);
    for (let i = 0; i < RUNS; i++) {
      floor.push(timed(['-e', '0'], env));
      for (const [s, [, args]] of scenarios.entries()) samples[s].push(timed(args, env));
    }
    const floorMs = percentile(floor.map((r) => r.wall), 50);
    const cpuOf = (runs: ReturnType<typeof timed>[]) => (runs.every((r) => r.cpu !== null) ? percentile(runs.map((r) => r.cpu as number), 50) : null);
    const floorCpu = cpuOf(floor);
    return scenarios.map(([name, , note], s) => {
      const medianMs = percentile(samples[s].map((r) => r.wall), 50);
      const cpuMs = cpuOf(samples[s]);
      const cpu = cpuMs === null || floorCpu === null ? null : { medianMs: round(cpuMs), peerMedianMs: round(floorCpu), ratio: round(cpuMs / floorCpu), overheadMs: round(cpuMs - floorCpu) };
      return {
        scenario: name,
        size: 1,
        runs: RUNS,
        medianMs: round(medianMs),
        p99Ms: round(percentile(samples[s].map((r) => r.wall), 99)),
        opsPerSec: round(1000 / medianMs),
        unit: 'starts/s',
        peer: { tool: 'node -e 0', medianMs: round(floorMs), opsPerSec: round(1000 / floorMs) },
        ratio: round(medianMs / floorMs),
        overheadMs: round(medianMs - floorMs),
        cpu,
        note: `${note}; ${round(medianMs / floorMs)}× the floor, overhead ${round(medianMs - floorMs)} ms${cpu ? ` (CPU: ${cpu.ratio}×, overhead ${cpu.overheadMs} ms)` : ''}`,
      };
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
