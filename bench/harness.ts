// A tiny benchmark harness: runs a scenario a few times, keeps wall-clock samples, and reports
// median / p99 ms and operations per second. Results go to bench/results/latest.json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface BenchResult {
  scenario: string;
  size: number;
  runs: number;
  medianMs: number;
  p99Ms: number;
  /** size / median seconds: rows/s, queries/s… as `unit` says. */
  opsPerSec: number;
  unit: string;
  peer?: { tool: string; medianMs: number; opsPerSec: number } | null;
  note?: string;
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

export async function measure(runs: number, work: (run: number) => unknown | Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await work(i);
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return samples;
}

export function summarize(scenario: string, size: number, unit: string, samples: number[], extra: Partial<BenchResult> = {}): BenchResult {
  const medianMs = percentile(samples, 50);
  return {
    scenario,
    size,
    runs: samples.length,
    medianMs: round(medianMs),
    p99Ms: round(percentile(samples, 99)),
    opsPerSec: round((size / medianMs) * 1000),
    unit,
    ...extra,
  };
}

export function round(n: number): number {
  return Math.round(n * 100) / 100;
}

export function writeResults(results: BenchResult[], outFile: string): void {
  const report = {
    startedAt: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? '', memoryGiB: round(os.totalmem() / 2 ** 30), node: process.version, platform: `${process.platform}-${process.arch}` },
    results,
  };
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, `${JSON.stringify(report, null, 2)}\n`);
}
