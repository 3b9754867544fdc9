// Judges' comments for the entrant (issue 19): saved beside the committee comment, carried in the
// signed bundle only when written (so a bundle without any has the bytes of the older format), and
// merged on the coordinator's machine, where both kinds of bundle verify and merge.
import { describe, expect, it } from 'vitest';
import type { CampaignSummary, ExportFile, MergeReport, ReviewState } from '../../../src-main/contract';
import { readBundle } from '../../../src-main/core/exchange/bundle';
import { ok, openTestApp } from '../../helpers';

async function coordinatorAndJudge() {
  const coord = openTestApp();
  const judge = openTestApp();
  const works = await ok<CampaignSummary>(coord.dispatch('demo:load', {}));
  await ok(coord.dispatch('identity:create', { name: '组委会', passphrase: 'coordinator secret' }));
  await ok(judge.dispatch('identity:create', { name: '林晓', institution: '重庆医科大学', passphrase: 'judge passphrase' }));
  const card = await ok<ExportFile>(judge.dispatch('identity:keycard', {}));
  const { judgeId } = await ok<{ judgeId: string }>(coord.dispatch('judge:registerKeyCard', { campaignId: works.id, card: { fileName: card.fileName, contentBase64: card.contentBase64 } }));
  coord.ctx.db.prepare('DELETE FROM assignments').run();
  await ok(coord.dispatch('assignment:run', { campaignId: works.id, seed: 'h' }));
  const pkg = await ok<{ file: string }>(coord.dispatch('package:export', { campaignId: works.id, judgeId }));
  const opened = await ok<{ judgeId: string }>(judge.dispatch('package:open', { path: pkg.file }));
  const queue = await ok<{ rows: { entryId: number; regNo: string }[] }>(judge.dispatch('review:queue', { campaignId: works.id, judgeId: opened.judgeId }));
  const ref = (i: number) => ({ campaignId: works.id, judgeId: opened.judgeId, entryId: queue.rows[i].entryId });
  const exportAndMerge = async () => {
    const bundle = await ok<ExportFile>(judge.dispatch('bundle:export', { campaignId: works.id }));
    const report = await ok<MergeReport>(coord.dispatch('bundle:merge', { campaignId: works.id, files: [{ fileName: bundle.fileName, contentBase64: bundle.contentBase64 }] }));
    return { payload: readBundle(Buffer.from(bundle.contentBase64, 'base64')).payload, report };
  };
  const storedComments = (regNo: string) =>
    coord.ctx.db
      .prepare('SELECT c.body, c.entrant_body FROM comments c JOIN entries e ON e.id = c.entry_id WHERE e.reg_no = ? AND e.campaign_id = ? AND c.judge_id = ?')
      .get(regNo, works.id, judgeId);
  return { coord, judge, works, ref, queue, exportAndMerge, storedComments };
}

describe('comments for the entrant', () => {
  it('are saved beside the committee comment, travel in the signed bundle and merge; bundles without them keep the older shape and still merge', async () => {
    const t = await coordinatorAndJudge();
    // First a bundle with committee comments only: no entry carries the new key, as before issue 19.
    await ok(t.judge.dispatch('review:comment', { ...t.ref(0), body: 'INTERNAL: the narrator misreads the dosage table.' }));
    const older = await t.exportAndMerge();
    expect(older.report.files[0].status).toBe('accepted');
    expect(older.payload.entries.every((e) => !('entrantComment' in e))).toBe(true);
    expect(t.storedComments(t.queue.rows[0].regNo)).toEqual({ body: 'INTERNAL: the narrator misreads the dosage table.', entrant_body: '' });

    // Then the judge adds feedback for the entrant on the first entry, and only feedback on the second.
    await ok(t.judge.dispatch('review:entrantComment', { ...t.ref(0), body: '讲解清楚,建议补充参考文献。' }));
    await ok(t.judge.dispatch('review:entrantComment', { ...t.ref(1), body: 'Lovely animation.' }));
    const state = await ok<ReviewState>(t.judge.dispatch('review:get', t.ref(0)));
    expect(state).toMatchObject({ comment: 'INTERNAL: the narrator misreads the dosage table.', entrantComment: '讲解清楚,建议补充参考文献。' });
    const newer = await t.exportAndMerge();
    expect(newer.report.files[0].status).toBe('accepted');
    const byRegNo = new Map(newer.payload.entries.map((e) => [e.regNo, e]));
    expect(byRegNo.get(t.queue.rows[0].regNo)).toMatchObject({ comment: 'INTERNAL: the narrator misreads the dosage table.', entrantComment: '讲解清楚,建议补充参考文献。' });
    expect(byRegNo.get(t.queue.rows[1].regNo)).toMatchObject({ comment: '', entrantComment: 'Lovely animation.' });
    expect('entrantComment' in byRegNo.get(t.queue.rows[2].regNo)!).toBe(false);
    expect(t.storedComments(t.queue.rows[0].regNo)).toEqual({ body: 'INTERNAL: the narrator misreads the dosage table.', entrant_body: '讲解清楚,建议补充参考文献。' });
    expect(t.storedComments(t.queue.rows[1].regNo)).toEqual({ body: '', entrant_body: 'Lovely animation.' });
    // The coordinator sees the signed values read-only, both comments included.
    const entryId = t.coord.ctx.db.prepare('SELECT id FROM entries WHERE reg_no = ? AND campaign_id = ?').pluck().get(t.queue.rows[1].regNo, t.works.id) as number;
    const judgeId = t.coord.ctx.db.prepare('SELECT judge_id FROM comments WHERE entry_id = ?').pluck().get(entryId) as string;
    const signed = await ok<ReviewState>(t.coord.dispatch('review:get', { campaignId: t.works.id, judgeId, entryId }));
    expect(signed).toMatchObject({ entrantComment: 'Lovely animation.', signed: expect.any(Object) });
    t.coord.ctx.close();
    t.judge.ctx.close();
  });

  it('keep an empty comment for the entrant out of the bundle: the key is absent, never an empty string', async () => {
    const t = await coordinatorAndJudge();
    await ok(t.judge.dispatch('review:entrantComment', { ...t.ref(0), body: 'to be removed' }));
    await ok(t.judge.dispatch('review:entrantComment', { ...t.ref(0), body: '' }));
    const { payload, report } = await t.exportAndMerge();
    expect(report.files[0].status).toBe('accepted');
    expect(payload.entries.find((e) => e.regNo === t.queue.rows[0].regNo)).not.toHaveProperty('entrantComment');
    t.coord.ctx.close();
    t.judge.ctx.close();
  });
});
