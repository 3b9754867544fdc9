// Independent checks of an assignment result, written from the rules rather than from the code:
// every violation is listed by name so a failing property test says what went wrong.
import type { AssignInput, AssignResult } from '../../../src-main/core/assignment/assign';
import { normalizeName } from '../../../src-main/core/assignment/normalize';

const key = (entryId: number, judgeId: string) => `${entryId}|${judgeId}`;

interface Indexed {
  judgeIds: string[];
  /** entryId → judges who may be added: not same institution, not conflicted, not fixed on it. */
  eligible: Map<number, Set<string>>;
  fixedOn: Map<number, Set<string>>;
  fixedLoad: Map<string, number>;
}

function index(input: AssignInput): Indexed {
  const conflicts = new Set((input.conflicts ?? []).map((c) => key(c.entryId, c.judgeId)));
  const fixedOn = new Map<number, Set<string>>();
  const fixedLoad = new Map<string, number>(input.judges.map((j) => [j.id, 0]));
  for (const p of new Map((input.fixed ?? []).map((p) => [key(p.entryId, p.judgeId), p])).values()) {
    fixedLoad.set(p.judgeId, fixedLoad.get(p.judgeId)! + 1);
    if (!fixedOn.has(p.entryId)) fixedOn.set(p.entryId, new Set());
    fixedOn.get(p.entryId)!.add(p.judgeId);
  }
  const eligible = new Map<number, Set<string>>();
  const institutions = input.judges.map((j) => ({ id: j.id, inst: normalizeName(j.institution) }));
  for (const e of input.entries) {
    const names = [normalizeName(e.entrantUnit), normalizeName(e.entrantName)].filter((n) => n !== null);
    const ok = institutions.filter((j) => !(j.inst !== null && names.includes(j.inst)) && !conflicts.has(key(e.id, j.id)) && !fixedOn.get(e.id)?.has(j.id));
    eligible.set(e.id, new Set(ok.map((j) => j.id)));
  }
  return { judgeIds: input.judges.map((j) => j.id).sort(), eligible, fixedOn, fixedLoad };
}

/** Every rule the assignment promises, except balance; returns the broken ones (empty = valid). */
export function violations(input: AssignInput, result: AssignResult): string[] {
  const problems: string[] = [];
  const { eligible, fixedOn, fixedLoad } = index(input);
  const seen = new Set<string>();
  const newOn = new Map<number, number>();
  const load = new Map(fixedLoad);
  for (const p of result.pairs) {
    const k = key(p.entryId, p.judgeId);
    if (seen.has(k)) problems.push(`duplicate pair ${k}`);
    seen.add(k);
    if (!eligible.has(p.entryId)) problems.push(`pair for unknown entry ${k}`);
    else if (!eligible.get(p.entryId)!.has(p.judgeId)) problems.push(`pair breaks a rule (institution, conflict or fixed) ${k}`);
    newOn.set(p.entryId, (newOn.get(p.entryId) ?? 0) + 1);
    load.set(p.judgeId, (load.get(p.judgeId) ?? 0) + 1);
  }
  const shortfalls = new Map(result.shortfalls.map((s) => [s.entryId, s]));
  for (const e of input.entries) {
    const fixed = fixedOn.get(e.id)?.size ?? 0;
    const want = Math.min(Math.max(0, input.perEntry - fixed), eligible.get(e.id)!.size);
    const got = newOn.get(e.id) ?? 0;
    if (got !== want) problems.push(`entry ${e.id} got ${got} new judges, expected ${want}`);
    const total = fixed + got;
    const s = shortfalls.get(e.id);
    if (total < input.perEntry && (!s || s.assigned !== total || s.wanted !== input.perEntry || s.reason !== 'not_enough_eligible_judges')) problems.push(`entry ${e.id} lacks its shortfall`);
    if (total >= input.perEntry && s) problems.push(`entry ${e.id} has a shortfall but is covered`);
  }
  for (const l of result.load) if (l.assigned !== load.get(l.judgeId)) problems.push(`load of ${l.judgeId} is ${l.assigned}, pairs say ${load.get(l.judgeId)}`);
  if (result.load.length !== input.judges.length) problems.push('load does not list every judge');
  return problems;
}

/**
 * The balance invariant as stated in assign.ts: no chain of moves of new pairs takes work from a
 * judge to one lighter by `gap` or more. Returns a description of one such chain's ends, or null.
 */
export function improvingChain(input: AssignInput, result: AssignResult, gap: number): string | null {
  const { judgeIds, eligible } = index(input);
  const load = new Map(result.load.map((l) => [l.judgeId, l.assigned]));
  const onEntry = new Map<number, Set<string>>();
  const entriesOf = new Map<string, number[]>(judgeIds.map((j) => [j, []]));
  for (const p of result.pairs) {
    if (!onEntry.has(p.entryId)) onEntry.set(p.entryId, new Set());
    onEntry.get(p.entryId)!.add(p.judgeId);
    entriesOf.get(p.judgeId)!.push(p.entryId);
  }
  const canMove = (from: string, to: string) => entriesOf.get(from)!.some((e) => eligible.get(e)!.has(to) && !onEntry.get(e)!.has(to));
  for (const src of judgeIds) {
    const reached = new Set([src]);
    const queue = [src];
    while (queue.length) {
      const a = queue.shift()!;
      for (const c of judgeIds) {
        if (reached.has(c) || !canMove(a, c)) continue;
        if (load.get(src)! - load.get(c)! >= gap) return `${src} (${load.get(src)}) → … → ${c} (${load.get(c)})`;
        reached.add(c);
        queue.push(c);
      }
    }
  }
  return null;
}

/**
 * The lowest possible maximum load, by max-flow: entries need their new judges, judge j may take
 * at most L − fixed(j). Small inputs only (augmenting paths by DFS).
 */
export function optimalMaxLoad(input: AssignInput): number {
  const { judgeIds, eligible, fixedOn, fixedLoad } = index(input);
  const needs = input.entries.map((e) => ({ id: e.id, need: Math.min(Math.max(0, input.perEntry - (fixedOn.get(e.id)?.size ?? 0)), eligible.get(e.id)!.size) }));
  const total = needs.reduce((s, n) => s + n.need, 0);
  const feasible = (L: number): boolean => {
    const capacity = new Map(judgeIds.map((j) => [j, L - fixedLoad.get(j)!]));
    if ([...capacity.values()].some((c) => c < 0)) return false;
    const owner = new Map<string, string>(); // "entry|slot" → judge
    const holds = new Map<string, Set<string>>(judgeIds.map((j) => [j, new Set()])); // judge → "entry|slot"
    const onEntry = new Map<number, Set<string>>(needs.map((n) => [n.id, new Set()]));
    const put = (slot: string, e: number, j: string) => {
      owner.set(slot, j);
      holds.get(j)!.add(slot);
      onEntry.get(e)!.add(j);
    };
    const take = (slot: string, e: number, j: string) => {
      owner.delete(slot);
      holds.get(j)!.delete(slot);
      onEntry.get(e)!.delete(j);
    };
    const tryPlace = (e: number, slot: string, visited: Set<string>): boolean => {
      for (const j of eligible.get(e)!) {
        if (onEntry.get(e)!.has(j) || visited.has(j)) continue;
        visited.add(j);
        if (holds.get(j)!.size < capacity.get(j)!) {
          put(slot, e, j);
          return true;
        }
        // Try to push one of j's slots elsewhere.
        for (const other of [...holds.get(j)!]) {
          const oe = Number(other.split('|')[0]);
          take(other, oe, j);
          if (tryPlace(oe, other, visited)) {
            put(slot, e, j);
            return true;
          }
          put(other, oe, j);
        }
      }
      return false;
    };
    let placed = 0;
    for (const n of needs) for (let s = 0; s < n.need; s++) if (tryPlace(n.id, `${n.id}|${s}`, new Set())) placed++;
    return placed === total;
  };
  let L = Math.max(0, ...fixedLoad.values());
  while (!feasible(L)) L++;
  return L;
}
