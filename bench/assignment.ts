// Assignment scenarios (issue 5): 50,000 entries × 5 judges per entry over 200 judges, judges and
// entrants drawn from 96 Sichuan institutions (with the spacing/bracket variants people type), so
// same-institution exclusions really happen; category matching off and on, and a run with 5,000
// fixed pairs and 2,000 declared conflicts. Pure core, no database. Aim: < 5 s.
import { assignJudges, type AssignInput, type AssignResult } from '../src-main/core/assignment/assign';
import { normalizeName } from '../src-main/core/assignment/normalize';
import { generateInput } from '../tests/unit/assignment/generate';
import { type BenchResult, measure, summarize } from './harness';

const ENTRIES = 50_000;
const JUDGES = 200;
const PER_ENTRY = 5;
const RUNS = 5;

/** (entry, judge) pairs ruled out by institution, to show the exclusions are real. */
function institutionExclusions(input: AssignInput): number {
  const perInstitution = new Map<string, number>();
  for (const j of input.judges) {
    const key = normalizeName(j.institution);
    if (key !== null) perInstitution.set(key, (perInstitution.get(key) ?? 0) + 1);
  }
  let excluded = 0;
  for (const e of input.entries) {
    const unit = normalizeName(e.entrantUnit);
    const name = normalizeName(e.entrantName);
    excluded += (unit !== null ? (perInstitution.get(unit) ?? 0) : 0) + (name !== null && name !== unit ? (perInstitution.get(name) ?? 0) : 0);
  }
  return excluded;
}

async function scenario(name: string, input: AssignInput): Promise<BenchResult> {
  const results: AssignResult[] = [];
  const samples = await measure(RUNS, (run) => {
    results[run] = assignJudges(input);
  });
  const r = results[RUNS - 1];
  if (r.pairs.length + (input.fixed?.length ?? 0) < ENTRIES * PER_ENTRY * 0.95) throw new Error(`bench: ${name} made only ${r.pairs.length} pairs`);
  const s = r.stats;
  return summarize(name, ENTRIES * PER_ENTRY, 'pairs/s', samples, {
    note:
      `${ENTRIES} entries × ${PER_ENTRY} over ${JUDGES} judges; ${r.pairs.length} new pairs, loads ${s.minLoad}–${s.maxLoad}, ` +
      `${s.matchedBySpeciality} by speciality, ${r.shortfalls.length} short, ${s.rebalanceMoves} repair moves, ` +
      `${institutionExclusions(input)} (entry, judge) pairs excluded by institution; aim < 5000 ms`,
  });
}

export async function assignmentBench(): Promise<BenchResult[]> {
  const plain = generateInput({ entries: ENTRIES, judges: JUDGES, seed: 2023 });
  const busy = generateInput({ entries: ENTRIES, judges: JUDGES, seed: 2023, conflicts: 2000, fixed: 5000 });
  return [
    await scenario('assignment.national', { ...plain, perEntry: PER_ENTRY, seed: 'bench' }),
    await scenario('assignment.nationalCategoryMatching', { ...plain, perEntry: PER_ENTRY, categoryMatching: true, seed: 'bench' }),
    await scenario('assignment.nationalFixedAndConflicts', { ...busy, perEntry: PER_ENTRY, categoryMatching: true, seed: 'bench' }),
  ];
}
