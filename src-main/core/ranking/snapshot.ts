// A locked ranking: the inputs' SHA-256 hashes, the configuration as applied, and the published
// outputs, written as canonical JSON (files/canonical-json.ts: RFC 8785, sorted keys, no whitespace) so
// a recomputation from the same database gives the same bytes. Policy:
// - Entries are named by registration number (stable across machines), judges by id.
// - Each input is hashed as JSON arrays, one per line (each followed by \n), in canonical order:
//   scores [regNo, judgeId, dimension, value] sorted by (regNo, judgeId, dimension) in code-unit
//   order; conflicts [regNo, judgeId], eligibility [regNo, judgeId, item, answer] and entries
//   [regNo, kind, category, submittedAt, isLate, assigned] (with `true` appended for an entry
//   submitted before the registration opened) sorted by their JSON text; the
//   definition and the configuration as canonical JSON. The caller's flags and the accepted
//   bundle ids are kept in clear, so a verification failure says what changed.
// - The per-entry decisions in effect at lock time (disqualify, withdraw, accept-late,
//   waive-media, with reason, who and when) are kept in clear as inputs.decisions, sorted by
//   registration number then decision order. The member is written only when some decision is in
//   effect, so a result locked before decisions existed (or with none) has the same bytes as
//   before; a decision taken after locking makes verification name inputs.decisions.
// - Every object key in a snapshot is an identifier from this code (user data such as
//   registration numbers only appears in values); an integer-like key is refused (normalise), as
//   it always was, so a snapshot stays readable by versions that wrote it with JSON.stringify.
//   The bytes come from the one canonical writer (files/canonical-json.ts, RFC 8785), which takes
//   its fast path on such keys: the 20 MB a 50,000-entry campaign gives stays cheap.
// - Score values are rounded to 6 decimals before hashing and every output number already is
//   (numbers.ts); the aggregation sums in a canonical order, so summation order cannot change
//   the bytes.
// - Signing is the caller's business (key management stays out): signSnapshot/verifySnapshotSignature
//   are plain Ed25519 over the canonical bytes.
import crypto, { type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson, canonicalJsonBytes, sortedPlainCopy } from '../files/canonical-json';
import { assertEd25519 } from '../exchange/dsse';
import { decisionKinds } from '../../contract/decision-kinds';
import { EntryFlag, RankingConfig } from './config';
import { type CampaignScores, scoreColumnsOf, scoreCount } from './load-scores';
import { compareCodeUnits, PRECISION, round6 } from './numbers';
import type { RankingDecision, RankingOutcome } from './run-ranking';

export const SNAPSHOT_FORMAT = 'kepu-ranking-snapshot/1';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

const SnapshotDecision = z.object({
  regNo: z.string(),
  kind: z.enum(decisionKinds),
  reason: z.string(),
  actor: z.string(),
  at: z.string(),
});

const SnapshotCarry = z.object({
  list: z.string(),
  round: z.number().int(),
  weight: z.number(),
  totals: z.array(z.object({ regNo: z.string(), scores: z.record(z.string(), z.number().nullable()), zMean: z.number().nullable() })),
});

const SnapshotReach = z.object({
  list: z.string(),
  metric: z.string(),
  weight: z.number(),
  method: z.string(),
  figures: z.array(z.object({ regNo: z.string(), value: z.number() })),
});

export const RankingSnapshot = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  campaignId: z.string(),
  precision: z.literal(PRECISION),
  inputs: z.object({
    definition: Sha256,
    config: Sha256,
    entries: Sha256,
    scores: Sha256,
    conflicts: Sha256,
    eligibility: Sha256,
    /** The moderation overrides in effect (lines [regNo, judgeId, dimension, value]); absent when there were none. */
    overrides: Sha256.optional(),
    counts: z.object({ entries: z.number().int(), scores: z.number().int(), conflicts: z.number().int(), eligibility: z.number().int(), overrides: z.number().int().optional() }),
    bundles: z.array(Sha256),
    flags: z.array(z.object({ regNo: z.string(), flags: z.array(EntryFlag) })),
    /** Absent when no decision was in effect (and in every snapshot from before decisions). */
    decisions: z.array(SnapshotDecision).optional(),
    /** The scoring round ranked per list whose round is not 1 (issue 14); absent when all are round 1. */
    rounds: z.record(z.string(), z.number().int().min(2)).optional(),
    /**
     * Per list ranked with carry-over (w > 0): w, the round carried from, and each entry's
     * previous-round scores in clear (sorted by regNo), so verification names the entry whose
     * earlier total changed. Absent when no list carries over (older results keep their bytes).
     */
    carryOver: z.array(SnapshotCarry).optional(),
    /**
     * Per list that blends reach into its score (issue 16): the rule and every entry's figure in
     * clear (sorted by regNo), so verification names the entry whose figure changed. Absent when
     * no list blends (older results keep their bytes).
     */
    reach: z.array(SnapshotReach).optional(),
  }),
  config: RankingConfig,
  /** Compared as a whole on verification; its shape is RankingOutcome's published part. */
  outputs: z.record(z.string(), z.unknown()),
});
export type RankingSnapshot = z.infer<typeof RankingSnapshot>;

export function buildSnapshot(
  data: CampaignScores,
  outcome: RankingOutcome,
  flags: ReadonlyMap<number, readonly EntryFlag[]> = new Map(),
  decisions: ReadonlyMap<number, readonly RankingDecision[]> = new Map(),
  /**
   * signedScoreLines(data), when the caller has them already (a lock keeps them beside the
   * snapshot): hashed as they are instead of being made again (a second or more at 50,000 entries).
   */
  scoreLines?: readonly string[],
): RankingSnapshot {
  const regNo = new Map(data.entries.map((e) => [e.entryId, e.regNo]));
  const reg = (entryId: number) => {
    const r = regNo.get(entryId);
    if (r === undefined) throw new Error(`ranking: entry #${entryId} is not in campaign ${data.campaignId}`);
    return r;
  };
  const clearFlags = [...flags]
    .filter(([entryId, list]) => list.length > 0 && regNo.has(entryId))
    .map(([entryId, list]) => ({ regNo: reg(entryId), flags: list.map((f) => ({ code: f.code, params: { ...f.params } })) }))
    .sort((a, b) => compareCodeUnits(a.regNo, b.regNo));
  const clearDecisions = [...decisions]
    .filter(([entryId]) => regNo.has(entryId))
    .sort((a, b) => compareCodeUnits(reg(a[0]), reg(b[0])))
    .flatMap(([entryId, list]) => list.map((d) => ({ regNo: reg(entryId), kind: d.kind, reason: d.reason, actor: d.actor, at: d.at })));
  const scoreOf = new Map(outcome.aggregate.entries.map((a) => [a.entryId, a.scores]));
  const outputs = {
    categories: outcome.categories.map((c) => {
      const list = c.lists[c.method];
      if (!list) throw new Error(`ranking: no ${c.method} list for ${c.kind}/${c.category ?? ''}`);
      return {
        kind: c.kind,
        category: c.category,
        method: c.method,
        ranked: list.ranked.map((r) => ({ rank: r.rank, regNo: r.regNo, score: r.score, scores: scoreOf.get(r.entryId) ?? {}, judges: r.judges, tier: r.tier, ties: r.ties })),
        held: list.held.map((h) => ({ regNo: h.regNo, score: h.score, judges: h.judges, flags: h.flags })),
        tiers: list.tiers,
      };
    }),
    committee: outcome.committee && {
      members: outcome.committee.members.map((m) => ({ regNo: m.regNo, score: m.score, items: m.items })),
      rejected: outcome.committee.rejected.map((m) => ({ regNo: m.regNo, score: m.score, items: m.items, reasons: m.reasons })),
      held: outcome.committee.held.map((m) => ({ regNo: m.regNo, score: m.score, items: m.items, flags: m.flags })),
    },
  };
  return normalise({
    format: SNAPSHOT_FORMAT,
    campaignId: data.campaignId,
    precision: PRECISION,
    inputs: {
      definition: sha256(canonicalJson(data.storedDefinition)),
      config: sha256(canonicalJson(outcome.config)),
      // An early entry's line ends with `true`; every other line is exactly what it was before
      // the flag existed, so results locked then still verify.
      entries: hashLines(data.entries.map((e) => (e.isEarly ? [e.regNo, e.kind, e.category, e.submittedAt, e.isLate, e.assigned, true] : [e.regNo, e.kind, e.category, e.submittedAt, e.isLate, e.assigned]))),
      scores: scoreLines ? hashScoreLines(scoreLines) : hashScores(data, reg),
      conflicts: hashLines(data.conflicts.map((c) => [reg(c.entryId), c.judgeId])),
      eligibility: hashLines(data.eligibility.map((a) => [reg(a.entryId), a.judgeId, a.item, a.answer])),
      // Only present when an override is in effect, so results locked before moderation existed
      // (and results without one) keep exactly the bytes they had.
      ...(data.overrides?.length ? { overrides: hashLines(overrideLines(data, reg)) } : {}),
      counts: {
        entries: data.entries.length,
        scores: scoreCount(data),
        conflicts: data.conflicts.length,
        eligibility: data.eligibility.length,
        ...(data.overrides?.length ? { overrides: data.overrides.length } : {}),
      },
      bundles: [...data.bundles].sort(compareCodeUnits),
      flags: clearFlags,
      decisions: clearDecisions.length > 0 ? clearDecisions : undefined,
      // Only when a list is ranked on a round other than 1: older results keep their bytes.
      rounds: data.rounds && Object.keys(data.rounds).length > 0 ? { ...data.rounds } : undefined,
      carryOver: outcome.carryOver?.map((c) => ({
        list: c.list,
        round: c.round,
        weight: c.weight,
        totals: [...c.previous]
          .filter(([entryId]) => regNo.has(entryId))
          .map(([entryId, p]) => ({ regNo: reg(entryId), scores: { ...p.scores }, zMean: p.zMean }))
          .sort((a, b) => compareCodeUnits(a.regNo, b.regNo)),
      })),
      reach: data.reach
        ? Object.entries(data.reach).map(([list, figures]) => {
            const rule = data.definition.lists.find((l) => l.key === list)!.blend!;
            return {
              list,
              metric: rule.metric,
              weight: rule.weight,
              method: rule.method,
              figures: [...figures].filter(([entryId]) => regNo.has(entryId)).map(([entryId, value]) => ({ regNo: reg(entryId), value })).sort((a, b) => compareCodeUnits(a.regNo, b.regNo)),
            };
          })
        : undefined,
    },
    config: outcome.config,
    outputs,
  }) as RankingSnapshot;
}

export function snapshotBytes(snapshot: RankingSnapshot): Buffer {
  return canonicalJsonBytes(normalise(snapshot));
}

/**
 * A deep copy as plain JSON data with every object's keys in code-unit order, undefined members
 * dropped, for comparing a locked snapshot with a recomputed one. Throws on what canonical JSON
 * cannot hold, and on an integer-like key (never in a snapshot; older versions wrote snapshots
 * with JSON.stringify, which would not keep such a key in sorted order).
 */
export function normalise(value: unknown): unknown {
  return sortedPlainCopy(value, 'ranking', true).copy;
}

/** Parses a snapshot read from a file (unknown JSON); INVALID_REQUEST-style problems throw. */
export function parseSnapshot(raw: unknown): RankingSnapshot {
  const parsed = RankingSnapshot.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(`ranking: snapshot invalid at ${issue.path.join('.') || '(root)'}: ${issue.message}`);
}

export type SnapshotComparison = { equal: true } | { equal: false; path: string; locked: unknown; recomputed: unknown };

/** Equal, or the first difference in canonical order (inputs before outputs, keys sorted). */
export function verifySnapshot(locked: RankingSnapshot, recomputed: RankingSnapshot): SnapshotComparison {
  return firstDifference(normalise(locked), normalise(recomputed), '') ?? { equal: true };
}

function firstDifference(a: unknown, b: unknown, path: string): SnapshotComparison | null {
  const differ = (): SnapshotComparison => ({ equal: false, path: path || '(root)', locked: a, recomputed: b });
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    return a.length === b.length ? null : { equal: false, path: `${path}.length`, locked: a.length, recomputed: b.length };
  }
  if (isObject(a) && isObject(b)) {
    // Inputs first: a changed input explains changed outputs.
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort((x, y) => (x === 'inputs' ? -1 : y === 'inputs' ? 1 : compareCodeUnits(x, y)));
    for (const key of keys) {
      if (!(key in a) || !(key in b)) return { equal: false, path: path ? `${path}.${key}` : key, locked: a[key], recomputed: b[key] };
      const d = firstDifference(a[key], b[key], path ? `${path}.${key}` : key);
      if (d) return d;
    }
    return null;
  }
  return a === b ? null : differ();
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Ed25519 signature (base64) over the snapshot bytes. */
export function signSnapshot(bytes: Buffer, privateKey: KeyObject): string {
  assertEd25519(privateKey, 'private');
  return crypto.sign(null, bytes, privateKey).toString('base64');
}

export function verifySnapshotSignature(bytes: Buffer, signature: string, publicKey: KeyObject): boolean {
  assertEd25519(publicKey, 'public');
  return crypto.verify(null, bytes, publicKey, Buffer.from(signature, 'base64'));
}

function sha256(text: string): string {
  return crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}

/** SHA-256 of the rows as JSON lines, sorted by their JSON text (code units). */
export function hashLines(rows: readonly (string | number | boolean | null)[][]): string {
  const lines = rows.map((r) => JSON.stringify(r)).sort(compareCodeUnits);
  const hash = crypto.createHash('sha256');
  for (let i = 0; i < lines.length; i += 4096) hash.update(`${lines.slice(i, i + 4096).join('\n')}\n`, 'utf8');
  return hash.digest('hex');
}

/** The overrides in effect as [regNo, judgeId, dimension, value] lines (value rounded as scores are). */
export function overrideLines(data: CampaignScores, reg: (entryId: number) => string): [string, string, string, number][] {
  return (data.overrides ?? []).map((o) => [reg(o.entryId), o.judgeId, o.dimension, round6(o.value)]);
}

/**
 * The judges' signed score rows (an override's value is put back to the judge's own: the scores
 * hash covers what the judges signed; overrides are hashed on their own line), as
 * [regNo, judgeId, dimension, value] JSON lines in hashing order (see hashScores).
 */
export function signedScoreLines(data: CampaignScores): string[] {
  const lines: string[] = [];
  scoreLinesInOrder(data, (line) => lines.push(line));
  return lines;
}

/** SHA-256 of score lines, each followed by \n, in chunks: hashScores's hash of the same lines. */
function hashScoreLines(lines: readonly string[]): string {
  const hash = crypto.createHash('sha256');
  for (let i = 0; i < lines.length; i += 4096) hash.update(`${lines.slice(i, i + 4096).join('\n')}\n`, 'utf8');
  return hash.digest('hex');
}

/** SHA-256 of the signed score lines, each followed by \n, streamed in chunks. */
function hashScores(data: CampaignScores, reg: (entryId: number) => string): string {
  const hash = crypto.createHash('sha256');
  let chunk: string[] = [];
  scoreLinesInOrder(data, (line) => {
    chunk.push(line);
    if (chunk.length === 4096) {
      hash.update(`${chunk.join('\n')}\n`, 'utf8');
      chunk = [];
    }
  }, reg);
  if (chunk.length > 0) hash.update(`${chunk.join('\n')}\n`, 'utf8');
  return hash.digest('hex');
}

/**
 * The score rows sorted by (regNo, judgeId, dimension) through numeric ranks, which is much faster
 * than sorting 750,000 strings: pack (rank key, row index) into one double and sort a typed array.
 * Read from the columns (score-columns.ts): no object per row, judges and dimensions ranked once
 * by their small integer (the rows as objects cost a lock at 50,000 entries about 0.5 s, and once
 * built they replace the columns every later read uses).
 */
function scoreLinesInOrder(data: CampaignScores, emit: (line: string) => void, reg: (entryId: number) => string = (id) => {
  throw new Error(`ranking: entry #${id} is not in campaign ${data.campaignId}`);
}): void {
  const c = scoreColumnsOf(data);
  // Overridden cells: the judge's own value, keyed like the rows below.
  const signed = new Map((data.overrides ?? []).map((o) => [`${o.entryId}\u0000${o.judgeId}\u0000${o.dimension}`, o.signed]));
  const regRank = new Map([...data.entries].sort((a, b) => compareCodeUnits(a.regNo, b.regNo)).map((e, i) => [e.entryId, i]));
  // Ranks of the judge and dimension tables (an id the rows do not use only widens the key range).
  const rankOf = (items: readonly string[]) => {
    const ranks = new Int32Array(items.length);
    [...items.keys()].sort((a, b) => compareCodeUnits(items[a], items[b])).forEach((index, rank) => (ranks[index] = rank));
    return ranks;
  };
  const judgeRank = rankOf(c.judgeIds);
  const dimRank = rankOf(c.dimensionKeys);
  const judges = c.judgeIds.length;
  const dims = c.dimensionKeys.length;
  // Quoted once: JSON.stringify([a, b, c, v]) is `[${q(a)},${q(b)},${q(c)},${v}]` for finite v.
  const quotedReg = new Map(data.entries.map((e) => [e.entryId, JSON.stringify(e.regNo)]));
  const quotedJudge = c.judgeIds.map((j) => JSON.stringify(j));
  const quotedDim = c.dimensionKeys.map((d) => JSON.stringify(d));
  const n = c.value.length;
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const rank = regRank.get(c.entryId[i]);
    if (rank === undefined) reg(c.entryId[i]);
    const key = ((rank as number) * judges + judgeRank[c.judge[i]]) * dims + dimRank[c.dimension[i]];
    packed[i] = key * n + i;
  }
  if (n > 0 && packed.reduce((m, v) => Math.max(m, v), 0) >= Number.MAX_SAFE_INTEGER) throw new Error('ranking: too many score rows to hash');
  packed.sort();
  for (let k = 0; k < n; k++) {
    const i = packed[k] % n;
    const entryId = c.entryId[i];
    const own = signed.size > 0 ? signed.get(`${entryId}\u0000${c.judgeIds[c.judge[i]]}\u0000${c.dimensionKeys[c.dimension[i]]}`) : undefined;
    const value = round6(own ?? c.value[i]);
    if (!Number.isFinite(value)) throw new Error(`ranking: score of #${entryId} is not a number`);
    emit(`[${quotedReg.get(entryId)},${quotedJudge[c.judge[i]]},${quotedDim[c.dimension[i]]},${JSON.stringify(value)}]`);
  }
}
