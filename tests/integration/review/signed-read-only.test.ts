// What a judge signed is never changed by anyone else. Reproduces the red-team finding: sample
// campaign → merge the sample bundles → publish → Review tab → judge "Zhang Wei" → a digit saved
// "revision 5" and the live ranking moved without a word.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Judge, Queue, RankingSummary, ReviewState, SnapshotInfo } from '../../../src-main/contract';
import { ok, openMergedSample, openTestApp, repoRoot } from '../../helpers';

async function mergedSample() {
  const merged = await openMergedSample();
  const { works, files } = merged;
  const app = merged;
  const { judges } = await ok<{ judges: Judge[] }>(app.dispatch('judge:list', { campaignId: works.id }));
  const zhang = judges.find((j) => j.name === 'Zhang Wei')!;
  const queue = await ok<Queue>(app.dispatch('review:queue', { campaignId: works.id, judgeId: zhang.id }));
  const entryId = queue.rows.find((r) => r.total !== null)!.entryId;
  return { ...app, works, zhang, ref: { campaignId: works.id, judgeId: zhang.id, entryId }, files };
}

/** Everything stored about one (entry, judge) review, to prove a refused change touched nothing. */
function stored(app: ReturnType<typeof openTestApp>, entryId: number, judgeId: string) {
  const q = (table: string) => app.ctx.db.prepare(`SELECT * FROM ${table} WHERE entry_id = ? AND judge_id = ? ORDER BY 1, 2, 3`).all(entryId, judgeId);
  return JSON.stringify(['scores', 'reviews', 'comments', 'eligibility_answers', 'conflicts'].map(q));
}

describe('reviews that came from a signed bundle', () => {
  it('are marked signed and refuse every change on the coordinator’s machine, leaving the stored review untouched', async () => {
    const app = await mergedSample();
    expect(app.zhang.signedBundle).toMatchObject({ revision: expect.any(Number), receivedAt: expect.any(String) });
    const state = await ok<ReviewState>(app.dispatch('review:get', app.ref));
    expect(state.signed).toEqual(app.zhang.signedBundle);
    const before = stored(app, app.ref.entryId, app.ref.judgeId);
    const dimension = Object.keys(state.scores)[0];
    const changes: [string, object][] = [
      ['review:score', { dimension, value: state.scores[dimension].value === 1 ? 2 : 1 }],
      ['review:score', { dimension, value: null }],
      ['review:comment', { body: 'changed by the coordinator' }],
      ['review:entrantComment', { body: 'changed by the coordinator' }],
      ['review:conflict', { declare: true, reason: 'colleague' }],
      ['review:complete', { complete: false }],
    ];
    for (const [channel, change] of changes) {
      const result = await app.dispatch(channel, { ...app.ref, ...change });
      expect(result, channel).toMatchObject({ ok: false, error: { code: 'REVIEW_SIGNED_READ_ONLY', params: { judge: 'Zhang Wei' } } });
    }
    expect(stored(app, app.ref.entryId, app.ref.judgeId)).toBe(before);
    app.ctx.close();
  });

  it('still change through a newer bundle from that judge, and judges scoring on this machine keep working', async () => {
    const app = await mergedSample();
    // Re-merging the same files changes nothing, and the review stays signed.
    await ok(app.dispatch('bundle:merge', { campaignId: app.works.id, files: app.files }));
    expect((await ok<ReviewState>(app.dispatch('review:get', app.ref))).signed).not.toBeNull();

    const local = await ok<Judge>(app.dispatch('judge:create', { campaignId: app.works.id, name: '本机评委', specialities: [], assignAll: true }));
    expect(local.signedBundle).toBeNull();
    const ref = { ...app.ref, judgeId: local.id };
    const state = await ok<ReviewState>(app.dispatch('review:get', ref));
    expect(state.signed).toBeNull();
    const dimension = app.ctx.campaigns.definition(app.works.id).lists[0].rubric[0].key;
    const ack = await ok<{ revision: number }>(app.dispatch('review:score', { ...ref, dimension, value: 8 }));
    expect(ack.revision).toBe(1);
    app.ctx.close();
  });
});

describe('after a result is published', () => {
  async function published() {
    const app = await mergedSample();
    await ok(app.dispatch('identity:create', { name: '王协调', passphrase: 'correct horse battery' }));
    const lock = await ok<SnapshotInfo>(app.dispatch('ranking:lock', { campaignId: app.works.id }));
    return { ...app, lock };
  }

  it('refuses every change that feeds the result until the coordinator agrees, then records who agreed and when', async () => {
    const app = await published();
    const campaignId = app.works.id;
    // A judge scoring on this machine, added before publication.
    const local = app.ctx.judges.create(campaignId, '本机评委', null);
    app.ctx.judges.assign([{ entryId: app.ref.entryId, judgeId: local.id }], 'manual');
    const dimension = app.ctx.campaigns.definition(campaignId).lists[0].rubric[0].key;
    const summaryBefore = await ok<RankingSummary>(app.dispatch('ranking:summary', { campaignId }));
    const csv = Buffer.from('\ufeff报名编号,作品名称\nSC2023-9999,新作品\n', 'utf8').toString('base64');
    const attempts: [string, object][] = [
      ['review:score', { ...app.ref, judgeId: local.id, dimension, value: 1 }],
      ['bundle:merge', { campaignId, files: app.files }],
      ['intake:import', { campaignId, source: { fileName: 'late.csv', contentBase64: csv } }],
      ['ranking:configure', { campaignId, config: { ...summaryBefore.config, trimThreshold: 9 } }],
      ['assignment:set', { campaignId, entryId: app.ref.entryId, judgeId: local.id, assigned: false }],
      ['assignment:run', { campaignId }],
      ['judge:create', { campaignId, name: '又一位', specialities: [], assignAll: true }],
      ['media:link', { campaignId, folder: app.dataDir }],
    ];
    const changes = () => app.ctx.db.prepare('SELECT total_changes()').pluck().get() as number;
    for (const [channel, request] of attempts) {
      const before = changes();
      const result = await app.dispatch(channel, request);
      expect(result, channel).toMatchObject({ ok: false, error: { code: 'RESULT_PUBLISHED', params: { lockedAt: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d UTC\+08:00$/) } } });
      expect(changes(), `${channel} wrote nothing`).toBe(before);
    }
    // A comment feeds no result: it stays possible.
    await ok(app.dispatch('review:comment', { ...app.ref, judgeId: local.id, body: '补充意见' }));

    const allowed = await ok<{ snapshotId: string }>(app.dispatch('ranking:allowChanges', { campaignId }));
    expect(allowed.snapshotId).toBe(app.lock.id);
    await ok(app.dispatch('review:score', { ...app.ref, judgeId: local.id, dimension, value: 1 }));
    const audit = app.ctx.db.prepare(`SELECT actor, details_json FROM audit_log WHERE action = 'ranking.allow_changes_after_publish' AND subject = ?`).all(campaignId) as { actor: string; details_json: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0].actor).toBe('王协调');
    expect(JSON.parse(audit[0].details_json)).toMatchObject({ snapshotId: app.lock.id });
    // The published result itself is untouched and still verifies as signed; the live one differs.
    const verify = await ok<{ equal: boolean; signatureValid: boolean }>(app.dispatch('ranking:verify', { campaignId, snapshotId: app.lock.id }));
    expect(verify).toMatchObject({ equal: false, signatureValid: true });

    // Publishing again asks again.
    await ok(app.dispatch('ranking:lock', { campaignId }));
    expect(await app.dispatch('review:score', { ...app.ref, judgeId: local.id, dimension, value: 2 })).toMatchObject({ ok: false, error: { code: 'RESULT_PUBLISHED' } });
    app.ctx.close();
  });

  it('the CLI merges into a published campaign only with --after-publish, recorded like the app', async () => {
    const app = await published();
    const dir = path.join(app.dataDir, 'sample-bundles');
    const files = fs.readdirSync(dir).map((f) => path.join(dir, f));
    app.ctx.close();
    const kepu = (...args: string[]) =>
      spawnSync(process.execPath, [path.join(repoRoot, 'bin/kepu.mjs'), ...args, '--data-dir', app.dataDir, '--json'], { encoding: 'utf8', env: { ...process.env, KEPU_LANG: 'en' } });
    const refused = kepu('bundle', 'merge', ...files, '--campaign', app.works.id);
    expect(refused.status).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ ok: false, code: 'RESULT_PUBLISHED' });
    const agreed = kepu('bundle', 'merge', ...files, '--campaign', app.works.id, '--after-publish');
    expect(agreed.status, agreed.stderr).toBe(0);
    expect(JSON.parse(agreed.stdout).files.every((f: { status: string }) => f.status === 'duplicate' || f.status === 'superseded')).toBe(true);
    const reopened = openTestApp(app.dataDir);
    expect(reopened.ctx.db.prepare(`SELECT count(*) FROM audit_log WHERE action = 'ranking.allow_changes_after_publish'`).pluck().get()).toBe(1);
    reopened.ctx.close();
  });
});
