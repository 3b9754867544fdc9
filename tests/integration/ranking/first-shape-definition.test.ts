// A database written before lists existed stores its campaign definitions in the first shape (one
// rubric, organizers as names). The app upgrades them as it reads them but never rewrites the
// stored bytes, and a ranking snapshot hashes the definition as stored: so a result locked over
// such a definition hashes it exactly as the older app did, and still verifies.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RankingSummary, SnapshotInfo, SnapshotVerification } from '../../../src-main/contract';
import { canonicalJson } from '../../../src-main/core/files/canonical-json';
import { parseSnapshot } from '../../../src-main/core/ranking/snapshot';
import { ok, openMergedSample, repoRoot } from '../../helpers';

describe('a campaign whose stored definition is in the first shape', () => {
  it('ranks on its one list, hashes the stored definition as the older app did, and its locked result verifies', async () => {
    const app = await openMergedSample();
    const id = app.works.id;
    const v1 = JSON.parse(fs.readFileSync(path.join(repoRoot, 'tests', 'fixtures', 'programmes', 'sichuan-influence-2023.v1.kepuprog'), 'utf8')).definition;
    expect(v1.rubric).toBeDefined();
    expect(v1.lists).toBeUndefined();
    // As an older app left it: the first-shape definition in the campaign row.
    const stored = JSON.stringify(v1);
    app.ctx.db.prepare('UPDATE campaigns SET definition_json = ? WHERE id = ?').run(stored, id);

    const def = app.ctx.campaigns.definition(id);
    expect(def.lists.map((l) => [l.key, l.rubric.map((d) => d.key)])).toEqual([['main', v1.rubric.map((d: { key: string }) => d.key)]]);
    const summary = await ok<RankingSummary>(app.dispatch('ranking:summary', { campaignId: id, refresh: true }));
    expect(summary.counts.counted).toBe(96); // every review in the sample bundles: 32 entries × 3 judges
    expect(new Set(summary.categories.map((c) => c.list))).toEqual(new Set(['main']));

    await ok(app.dispatch('identity:create', { name: '王协调', passphrase: 'correct horse battery' }));
    const lock = await ok<SnapshotInfo>(app.dispatch('ranking:lock', { campaignId: id }));
    const json = app.ctx.db.prepare('SELECT snapshot_json FROM ranking_snapshots WHERE id = ?').pluck().get(lock.id) as string;
    const snapshot = parseSnapshot(JSON.parse(json));
    // What the app before lists wrote: the SHA-256 of the canonical first-shape definition.
    expect(snapshot.inputs.definition).toBe(crypto.createHash('sha256').update(canonicalJson(v1)).digest('hex'));
    const verified = await ok<SnapshotVerification>(app.dispatch('ranking:verify', { campaignId: id, snapshotId: lock.id }));
    expect(verified).toMatchObject({ equal: true, signatureValid: true, difference: null });
    // Reading never rewrote the row.
    expect(app.ctx.db.prepare('SELECT definition_json FROM campaigns WHERE id = ?').pluck().get(id)).toBe(stored);
    app.ctx.close();
  });
});
