// The assignment input turned into an indexed, canonical problem. Entries are sorted by id and
// judges by id (code-unit order, never the locale), and everything downstream works on those
// indices, which is what makes the result independent of the order the caller lists things in.
// Per entry it holds the judges that must never be added (same institution, declared conflict)
// and the fixed judges it already has; per judge the fixed load. Bad input throws a KepuError.
import { KepuError } from '../errors';
import { normalizeKey, normalizeName } from './normalize';

export interface AssignEntry {
  id: number;
  kind: string;
  category: string | null;
  entrantName: string;
  entrantUnit: string | null;
}

export interface AssignJudge {
  id: string;
  institution: string | null;
  /** Entry kinds and/or categories this judge is an expert in, e.g. ['video'] or ['work']. */
  specialities: readonly string[];
}

export interface Pair {
  entryId: number;
  judgeId: string;
}

export type FixedViolationReason = 'same_institution' | 'declared_conflict';

export interface FixedViolation extends Pair {
  reason: FixedViolationReason;
}

export interface Problem {
  entryIds: number[];
  judgeIds: string[];
  perEntry: number;
  /** Per entry index: judge indices never to add (institution or conflict), without repeats. */
  excluded: (readonly number[])[];
  /** Per entry index: judge indices fixed on it (they count towards k), without repeats. */
  fixed: (readonly number[])[];
  /** Per judge index: fixed pairs, including pairs of entries outside this run. */
  fixedLoad: Int32Array;
  /** Per entry index: index into `specialists`. */
  specialityGroup: Int32Array;
  /** Per group: 1 where the judge's specialities include the entries' kind or category. */
  specialists: Uint8Array[];
  /** Fixed pairs kept although a rule forbids them (the coordinator's override), for the UI. */
  fixedViolations: FixedViolation[];
}

export interface ProblemInput {
  entries: readonly AssignEntry[];
  judges: readonly AssignJudge[];
  perEntry: number;
  conflicts?: readonly Pair[];
  fixed?: readonly Pair[];
  /** Never a judge of the entrant's own institution (definition.assignment); default true. */
  excludeOwnInstitution?: boolean;
}

const EMPTY: readonly number[] = Object.freeze([]);

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function buildProblem(input: ProblemInput): Problem {
  const { perEntry } = input;
  if (!Number.isInteger(perEntry) || perEntry < 1) {
    throw new KepuError('INVALID_REQUEST', `assignment: judges per entry must be a whole number ≥ 1, got ${perEntry}`, { perEntry });
  }

  const entries = [...input.entries].sort((a, b) => a.id - b.id);
  const judges = [...input.judges].sort((a, b) => compareStrings(a.id, b.id));
  for (let i = 0; i < entries.length; i++) {
    if (!Number.isSafeInteger(entries[i].id)) throw new KepuError('INVALID_REQUEST', `assignment: entry id ${entries[i].id} is not an integer`, { entryId: String(entries[i].id) });
    if (i > 0 && entries[i].id === entries[i - 1].id) throw new KepuError('INVALID_REQUEST', `assignment: entry ${entries[i].id} is listed twice`, { entryId: entries[i].id });
  }
  for (let j = 0; j < judges.length; j++) {
    if (judges[j].id === '') throw new KepuError('INVALID_REQUEST', 'assignment: a judge has an empty id');
    if (j > 0 && judges[j].id === judges[j - 1].id) throw new KepuError('INVALID_REQUEST', `assignment: judge ${judges[j].id} is listed twice`, { judgeId: judges[j].id });
  }

  const entryIndex = new Map<number, number>();
  entries.forEach((e, i) => entryIndex.set(e.id, i));
  const judgeIndex = new Map<string, number>();
  judges.forEach((j, i) => judgeIndex.set(j.id, i));

  // Institution → judges of it; an entrant matches through its unit or its own name.
  const byInstitution = new Map<string, number[]>();
  judges.forEach((judge, j) => {
    const key = normalizeName(judge.institution);
    if (key === null) return;
    const list = byInstitution.get(key);
    if (list) list.push(j);
    else byInstitution.set(key, [j]);
  });

  const conflictsOf = new Map<number, number[]>();
  for (const c of input.conflicts ?? []) {
    // A conflict naming someone outside this run cannot be violated by it: nothing to do.
    const e = entryIndex.get(c.entryId);
    const j = judgeIndex.get(c.judgeId);
    if (e === undefined || j === undefined) continue;
    const list = conflictsOf.get(e);
    if (list) list.push(j);
    else conflictsOf.set(e, [j]);
  }

  const stamp = new Int32Array(judges.length).fill(-1);
  // The programme may allow judges of the entrant's own institution (a small field where every
  // expert works somewhere that enters): then only declared conflicts exclude.
  const byOwnInstitution = input.excludeOwnInstitution !== false;
  const sameInstitution = (e: number, j: number) => {
    if (!byOwnInstitution) return false;
    const judgeKey = normalizeName(judges[j].institution);
    return judgeKey !== null && (judgeKey === normalizeName(entries[e].entrantUnit) || judgeKey === normalizeName(entries[e].entrantName));
  };
  const excluded: (readonly number[])[] = new Array(entries.length);
  for (let e = 0; e < entries.length; e++) {
    let list: number[] | null = null;
    const add = (j: number) => {
      if (stamp[j] === e) return;
      stamp[j] = e;
      (list ??= []).push(j);
    };
    if (byOwnInstitution) {
      for (const name of [entries[e].entrantUnit, entries[e].entrantName]) {
        const key = normalizeName(name);
        if (key !== null) for (const j of byInstitution.get(key) ?? EMPTY) add(j);
      }
    }
    for (const j of conflictsOf.get(e) ?? EMPTY) add(j);
    excluded[e] = list ?? EMPTY;
  }

  const fixedLoad = new Int32Array(judges.length);
  const fixedLists = new Map<number, number[]>();
  const fixedViolations: FixedViolation[] = [];
  const seenFixed = new Set<string>();
  for (const p of input.fixed ?? []) {
    const j = judgeIndex.get(p.judgeId);
    if (j === undefined) throw new KepuError('JUDGE_NOT_FOUND', `assignment: fixed pair names judge ${p.judgeId}, who is not in the pool`, { judgeId: p.judgeId, entryId: p.entryId });
    const pairKey = `${p.entryId}\u0000${p.judgeId}`;
    if (seenFixed.has(pairKey)) continue;
    seenFixed.add(pairKey);
    fixedLoad[j]++;
    // A fixed pair of an entry outside this run (incremental assignment of late entries) only
    // counts towards the judge's load.
    const e = entryIndex.get(p.entryId);
    if (e === undefined) continue;
    const list = fixedLists.get(e);
    if (list) list.push(j);
    else fixedLists.set(e, [j]);
    if (sameInstitution(e, j)) fixedViolations.push({ entryId: p.entryId, judgeId: p.judgeId, reason: 'same_institution' });
    else if ((conflictsOf.get(e) ?? EMPTY).includes(j)) fixedViolations.push({ entryId: p.entryId, judgeId: p.judgeId, reason: 'declared_conflict' });
  }
  const fixed: (readonly number[])[] = entries.map((_, e) => fixedLists.get(e) ?? EMPTY);
  fixedViolations.sort((a, b) => a.entryId - b.entryId || compareStrings(a.judgeId, b.judgeId));

  // Speciality groups: entries of the same (kind, category) share one judge mask.
  const specialities = judges.map((judge) => new Set(judge.specialities.map(normalizeKey).filter((k): k is string => k !== null)));
  const groupOf = new Map<string, number>();
  const specialists: Uint8Array[] = [];
  const specialityGroup = new Int32Array(entries.length);
  entries.forEach((entry, e) => {
    const kind = normalizeKey(entry.kind);
    const category = normalizeKey(entry.category);
    const key = `${kind ?? ''}\u0000${category ?? ''}`;
    let group = groupOf.get(key);
    if (group === undefined) {
      const mask = new Uint8Array(judges.length);
      specialities.forEach((set, j) => {
        if ((kind !== null && set.has(kind)) || (category !== null && set.has(category))) mask[j] = 1;
      });
      group = specialists.push(mask) - 1;
      groupOf.set(key, group);
    }
    specialityGroup[e] = group;
  });

  return {
    entryIds: entries.map((e) => e.id),
    judgeIds: judges.map((j) => j.id),
    perEntry,
    excluded,
    fixed,
    fixedLoad,
    specialityGroup,
    specialists,
    fixedViolations,
  };
}
