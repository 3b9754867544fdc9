// Red-team (issue 11 retry): a rogue coordinator changes what a judge signed without touching the
// review screens. The key card of a judge whose reviews came from signed bundles is replaced by a
// card the coordinator made (same name, "attach to Zhang Wei"); a bundle signed with that key for
// Zhang's package then merges as a "newer bundle from that judge" and overwrites his signed scores.
// The key that signed a judge's bundles stays that judge's key: a different card is refused.
import { describe, expect, it } from 'vitest';
import type { Judge } from '../../../src-main/contract';
import { writeBundle, type BundlePayload } from '../../../src-main/core/exchange/bundle';
import { generateIdentity } from '../../../src-main/core/keys/identity';
import { createKeyCard } from '../../../src-main/core/keys/key-card';
import { ok, openMergedSample, openTestApp } from '../../helpers';

async function mergedSample() {
  const merged = await openMergedSample();
  const { works } = merged;
  const app = merged;
  const { judges } = await ok<{ judges: Judge[] }>(app.dispatch('judge:list', { campaignId: works.id }));
  const zhang = judges.find((j) => j.name === 'Zhang Wei')!;
  const other = judges.find((j) => j.id !== zhang.id && j.signedBundle)!;
  return { ...app, works, zhang, other };
}

const scoresOf = (app: ReturnType<typeof openTestApp>, judgeId: string) =>
  JSON.stringify(app.ctx.db.prepare('SELECT entry_id, dimension_key, value, revision FROM scores WHERE judge_id = ? ORDER BY 1, 2').all(judgeId));

describe('a judge whose reviews came from signed bundles', () => {
  it('keeps the key that signed them: a card with another key attached to that judge is refused, and a bundle forged with it cannot merge', async () => {
    const app = await mergedSample();
    const before = scoresOf(app, app.zhang.id);
    const keyBefore = app.ctx.db.prepare('SELECT key_id FROM judges WHERE id = ?').pluck().get(app.zhang.id);

    const rogue = generateIdentity();
    const card = createKeyCard(rogue.privateKey, { name: 'Zhang Wei', institution: null });
    const swap = await app.dispatch('judge:registerKeyCard', { campaignId: app.works.id, card: { fileName: 'zhang.kepukey', contentBase64: card.toString('base64') }, attachTo: app.zhang.id });
    expect(swap).toMatchObject({ ok: false, error: { code: 'JUDGE_KEY_SIGNED', params: { judge: 'Zhang Wei' } } });
    expect(app.ctx.db.prepare('SELECT key_id FROM judges WHERE id = ?').pluck().get(app.zhang.id)).toBe(keyBefore);

    // Even if the swap had gone through: the forged "newer bundle" for Zhang's package.
    const pkg = app.ctx.db.prepare(`SELECT package_id, max(revision) AS revision FROM bundles WHERE judge_id = ? AND status = 'accepted'`).get(app.zhang.id) as { package_id: string; revision: number };
    const entries = app.ctx.db.prepare('SELECT e.id, e.reg_no FROM issued_package_entries ipe JOIN entries e ON e.id = ipe.entry_id WHERE ipe.package_id = ?').all(pkg.package_id) as { id: number; reg_no: string }[];
    const rubric = app.ctx.campaigns.definition(app.works.id).lists[0].rubric;
    const payload: BundlePayload = {
      v: 1, kind: 'kepu.bundle', packageId: pkg.package_id, campaignId: app.works.id, judgeKeyId: rogue.keyId, revision: pkg.revision + 1, createdAt: new Date().toISOString(),
      entries: entries.map((e) => ({ entryId: e.id, regNo: e.reg_no, scores: Object.fromEntries(rubric.map((d) => [d.key, d.scale.min])), eligibility: {}, conflict: null, comment: '', complete: true, revision: 99 })),
    };
    const forged = writeBundle(payload, rogue.privateKey);
    const merged = await ok<{ files: { status: string }[] }>(app.dispatch('bundle:merge', { campaignId: app.works.id, files: [{ fileName: 'zhang-r99.kepubundle', contentBase64: forged.toString('base64') }] }));
    expect(merged.files[0].status).toBe('rejected');
    expect(scoresOf(app, app.zhang.id)).toBe(before);
    app.ctx.close();
  });

  it('a card whose key already belongs to another judge is refused with its own message (not "this installation already has a signing key")', async () => {
    const app = await mergedSample();
    const fresh = await ok<Judge>(app.dispatch('judge:create', { campaignId: app.works.id, name: '新评委', specialities: [] }));
    const judge = generateIdentity();
    const card = { fileName: 'a.kepukey', contentBase64: createKeyCard(judge.privateKey, { name: '新评委', institution: null }).toString('base64') };
    await ok(app.dispatch('judge:registerKeyCard', { campaignId: app.works.id, card, attachTo: fresh.id }));
    const again = await app.dispatch('judge:registerKeyCard', { campaignId: app.works.id, card, attachTo: app.other.id });
    expect(again).toMatchObject({ ok: false, error: { code: 'JUDGE_KEY_TAKEN', params: { judge: '新评委' } } });
    app.ctx.close();
  });

  it('a judge without signed bundles may still get a new key (a judge who reinstalled before sending anything)', async () => {
    const app = await mergedSample();
    const fresh = await ok<Judge>(app.dispatch('judge:create', { campaignId: app.works.id, name: '重装评委', specialities: [] }));
    for (const _ of [1, 2]) {
      const card = createKeyCard(generateIdentity().privateKey, { name: '重装评委', institution: null });
      await ok(app.dispatch('judge:registerKeyCard', { campaignId: app.works.id, card: { fileName: 'k.kepukey', contentBase64: card.toString('base64') }, attachTo: fresh.id }));
    }
    app.ctx.close();
  });
});
