import crypto from 'node:crypto';
import canonicalize from 'canonicalize';
import { describe, expect, it } from 'vitest';
import { parseRankingConfig } from '../../../src-main/core/ranking/config';
import type { CampaignScores } from '../../../src-main/core/ranking/load-scores';
import { runRanking } from '../../../src-main/core/ranking/run-ranking';
import { canonicalJsonBytes } from '../../../src-main/core/files/canonical-json';
import { buildSnapshot, normalise, parseSnapshot, signedScoreLines, signSnapshot, snapshotBytes, verifySnapshot, verifySnapshotSignature } from '../../../src-main/core/ranking/snapshot';
import { compareCodeUnits, round6 } from '../../../src-main/core/ranking/numbers';
import { campaignScores, generate, shuffle } from './fixtures';

const config = parseRankingConfig({ tiers: [{ key: 'influence', by: 'rank', count: 10 }, { key: 'excellent', by: 'rank', count: 20 }] });
const data = campaignScores(generate({ entries: 200, judges: 16, seed: 11 }));
const flags = new Map([[data.entries[5].entryId, [{ code: 'non_compliant_media' as const, params: { violations: 'MEDIA_TOO_LARGE' } }]]]);
const snapshotOf = (d: CampaignScores) => buildSnapshot(d, runRanking(d, config, flags), flags);

describe('a locked ranking snapshot', () => {
  it('has the same bytes when the same inputs arrive in another order', () => {
    const shuffled: CampaignScores = { ...data, scores: shuffle(data.scores, 1), conflicts: shuffle(data.conflicts, 2), entries: shuffle(data.entries, 3) };
    const a = snapshotBytes(snapshotOf(data));
    const b = snapshotBytes(snapshotOf(shuffled));
    expect(b.equals(a)).toBe(true);
    expect(crypto.createHash('sha256').update(a).digest('hex')).toBe(crypto.createHash('sha256').update(b).digest('hex'));
  });

  it('hashes the score lines a plain sort of the rows gives, overrides as the judge signed them', () => {
    // The lines the simple way: every row as [regNo, judgeId, dimension, value], sorted as text
    // keys; an overridden cell keeps the judge's own value. Judge ids and dimension keys come in an
    // order unlike their sorted one, as the columns' tables hold them.
    const renamed = data.scores.map((s, i) => ({ ...s, judgeId: `j-${(97 - Number(s.judgeId.replace(/\D/g, '') || i)).toString(36)}`, dimension: s.dimension === 'content' ? 'zeta' : s.dimension }));
    const overridden = renamed[7];
    const withOverride: CampaignScores = {
      ...data,
      scores: shuffle(renamed.map((s) => (s === overridden ? { ...s, value: 9.25 } : s)), 4),
      overrides: [{ id: 1, entryId: overridden.entryId, judgeId: overridden.judgeId, dimension: overridden.dimension, value: 9.25, signed: overridden.value, reason: 'r', actor: 'a', at: '2026-01-01T00:00:00Z' }] as CampaignScores['overrides'],
    };
    const reg = new Map(data.entries.map((e) => [e.entryId, e.regNo]));
    const plain = renamed
      .map((s) => [reg.get(s.entryId)!, s.judgeId, s.dimension, round6(s.value)] as const)
      .sort((a, b) => compareCodeUnits(a[0], b[0]) || compareCodeUnits(a[1], b[1]) || compareCodeUnits(a[2], b[2]))
      .map((l) => JSON.stringify(l));
    expect(signedScoreLines(withOverride)).toEqual(plain);
  });

  it('is canonical JSON: the same bytes the general canonical writer gives', () => {
    const s = snapshotOf(data);
    expect(snapshotBytes(s).equals(canonicalJsonBytes(s))).toBe(true);
    expect(snapshotBytes(s).toString('utf8')).toBe(canonicalize(s)); // RFC 8785
  });

  it('refuses an integer-like key, which JSON.stringify would not keep in sorted order', () => {
    expect(() => normalise({ b: 1, a: { '10': 1 } })).toThrow(/\$\.a has the integer-like key "10"/);
    expect(normalise({ b: 1, a: [undefined, { d: undefined, c: 2 }] })).toEqual({ a: [null, { c: 2 }], b: 1 });
  });

  it('records the inputs hashes, the configuration as applied and the published lists', () => {
    const s = snapshotOf(data);
    expect(s.inputs.counts).toEqual({ entries: 200, scores: data.scores.length, conflicts: data.conflicts.length, eligibility: 0 });
    expect(s.inputs.flags).toEqual([{ regNo: data.entries[5].regNo, flags: [{ code: 'non_compliant_media', params: { violations: 'MEDIA_TOO_LARGE' } }] }]);
    // Every list's dimensions in list order (influence, then brand value), then earlier submission.
    const dims = ['content', 'creativity', 'communication', 'brand_reputation', 'brand_innovation', 'brand_responsibility', 'brand_communication'];
    expect(s.config.tieBreaks).toEqual([...dims.map((key) => ({ by: 'dimension', key })), { by: 'submittedAt' }]);
    const categories = s.outputs.categories as { category: string; method: string; ranked: { rank: number; tier: string | null }[]; held: { regNo: string }[] }[];
    expect(categories.map((c) => c.category)).toEqual(['graphic', 'cartoon', 'video', 'other']);
    expect(categories.every((c) => c.method === 'trimmed')).toBe(true);
    expect(categories[0].ranked.slice(0, 11).map((r) => r.tier)).toEqual([...Array(10).fill('influence'), 'excellent']);
    expect(categories[1].held.map((h) => h.regNo)).toContain(data.entries[5].regNo);
  });

  it('verifies against a recomputation, and reports the first difference after a score changed', () => {
    const locked = parseSnapshot(JSON.parse(snapshotBytes(snapshotOf(data)).toString('utf8')));
    expect(verifySnapshot(locked, snapshotOf(data))).toEqual({ equal: true });

    const row = data.scores.findIndex((s) => s.dimension === 'content' && s.value <= 9);
    const changed: CampaignScores = { ...data, scores: data.scores.map((s, i) => (i === row ? { ...s, value: s.value + 1 } : s)) };
    const recomputed = snapshotOf(changed);
    const result = verifySnapshot(locked, recomputed);
    expect(result).toMatchObject({ equal: false, path: 'inputs.scores' });
    // Past the inputs, the published outputs differ too.
    const outputs = verifySnapshot({ ...locked, inputs: recomputed.inputs }, recomputed);
    expect(outputs.equal).toBe(false);
    expect(outputs.equal === false && outputs.path.startsWith('outputs.categories[')).toBe(true);
  });

  it('is signed and verified with Ed25519 over its bytes; one changed byte fails', () => {
    const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
    const bytes = snapshotBytes(snapshotOf(data));
    const signature = signSnapshot(bytes, privateKey);
    expect(verifySnapshotSignature(bytes, signature, publicKey)).toBe(true);
    const tampered = Buffer.from(bytes);
    tampered[tampered.length - 10] ^= 1;
    expect(verifySnapshotSignature(tampered, signature, publicKey)).toBe(false);
  });

  it('refuses a file that is not a snapshot, naming the path', () => {
    expect(() => parseSnapshot({ format: 'kepu-ranking-snapshot/1', campaignId: 'x', precision: 2 })).toThrow(/snapshot invalid at precision/);
  });
});
