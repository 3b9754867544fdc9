// `npm run bench`: every scenario, results as JSON in bench/results/latest.json (and on stdout).
// Later issues add their scenario modules to the list below.
import fs from 'node:fs';
import path from 'node:path';
import { assignmentBench } from './assignment';
import { foundationBench } from './foundation';
import { intakeBench } from './intake';
import { reviewBench } from './review';
import { exchangeBench } from './exchange';
import { type BenchResult, writeResults } from './harness';
import { mediaBench } from './media';
import { rankingBench } from './ranking';
import { certificatesBench } from './certificates';
import { mailBench } from './mail';
import { backupBench } from './backup';
import { cliBench } from './cli';
import { rendererBench } from './renderer';

const suites: [string, () => Promise<BenchResult[]>][] = [
  ['foundation', foundationBench],
  ['intake', intakeBench],
  ['media', mediaBench],
  ['review', reviewBench],
  ['exchange', exchangeBench],
  ['assignment', assignmentBench],
  ['ranking', rankingBench],
  ['certificates', certificatesBench],
  ['mail', mailBench],
  ['backup', backupBench],
  ['cli', cliBench],
  ['renderer', rendererBench],
];

const only = process.argv[2];
const results: BenchResult[] = [];
for (const [name, run] of suites) {
  if (only && only !== name) continue;
  process.stderr.write(`bench: ${name}…\n`);
  results.push(...(await run()));
}
const out = path.resolve(import.meta.dirname, 'results', 'latest.json');
// Running one suite keeps the other suites' last figures (each result names its scenario).
if (only && fs.existsSync(out)) {
  const previous = (JSON.parse(fs.readFileSync(out, 'utf8')) as { results: BenchResult[] }).results ?? [];
  const fresh = new Set(results.map((r) => r.scenario));
  results.unshift(...previous.filter((r) => !fresh.has(r.scenario)));
}
writeResults(results, out);
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
process.stderr.write(`bench: wrote ${out}\n`);
