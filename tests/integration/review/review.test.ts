import { describe, expect, it } from 'vitest';
import type { CampaignSummary, Queue, ReviewState, SaveAck } from '../../../src-main/contract';
import { openTestApp, ok } from '../../helpers';


async function setup() {
  const app = openTestApp();
  const works = await ok<CampaignSummary>(app.dispatch('demo:load', {}));
  const { judges, activeJudgeId } = await ok<{ judges: { id: string; name: string; assigned: number }[]; activeJudgeId: string }>(
    app.dispatch('judge:list', { campaignId: works.id }),
  );
  const judgeId = activeJudgeId;
  const queue = await ok<Queue>(app.dispatch('review:queue', { campaignId: works.id, judgeId }));
  return { ...app, campaignId: works.id, judges, judgeId, queue };
}

describe('the review workspace over a real database', () => {
  it('gives each sample judge a queue with progress per category', async () => {
    const { ctx, judges, queue } = await setup();
    expect(judges).toHaveLength(5);
    expect(judges.reduce((n, j) => n + j.assigned, 0)).toBe(32 * 3);
    expect(queue.progress.assigned).toBe(queue.rows.length);
    expect(queue.progress.finished).toBe(0);
    expect(queue.rows.every((r) => r.status === 'not_started')).toBe(true);
    expect(queue.progress.byGroup.reduce((n, g) => n + g.assigned, 0)).toBe(queue.rows.length);
    ctx.close();
  });

  it('saves each change with a rising revision and reports totals and what is missing', async () => {
    const { ctx, dispatch, campaignId, judgeId, queue } = await setup();
    const ref = { campaignId, judgeId, entryId: queue.rows[0].entryId };
    const a = await ok<SaveAck>(dispatch('review:score', { ...ref, dimension: 'content', value: 8 }));
    expect(a).toMatchObject({ revision: 1, status: 'in_progress', total: 8, missing: ['creativity', 'communication'] });
    const b = await ok<SaveAck>(dispatch('review:score', { ...ref, dimension: 'creativity', value: 6 }));
    expect(b.revision).toBe(2);
    const incomplete = await dispatch('review:complete', { ...ref, complete: true });
    expect(incomplete).toMatchObject({ ok: false, error: { code: 'REVIEW_INCOMPLETE', params: { missing: 'communication' } } });
    await ok(dispatch('review:score', { ...ref, dimension: 'communication', value: 9 }));
    await ok(dispatch('review:comment', { ...ref, body: '内容扎实,传播面广。' }));
    const done = await ok<SaveAck>(dispatch('review:complete', { ...ref, complete: true }));
    expect(done).toMatchObject({ status: 'complete', total: 7.7, missing: [], revision: 5 });

    const state = await ok<ReviewState>(dispatch('review:get', ref));
    expect(state).toMatchObject({ status: 'complete', revision: 5, comment: '内容扎实,传播面广。', total: 7.7 });
    expect(state.scores.content.value).toBe(8);
    expect(ctx.db.prepare('SELECT revision FROM scores WHERE entry_id = ? AND dimension_key = ?').pluck().get(ref.entryId, 'communication')).toBe(3);

    // Clearing a score reopens a completed review.
    const cleared = await ok<SaveAck>(dispatch('review:score', { ...ref, dimension: 'creativity', value: null }));
    expect(cleared).toMatchObject({ status: 'in_progress', missing: ['creativity'] });
    ctx.close();
  });

  it('refuses scores off the scale, unknown dimensions and entries not assigned to the judge, changing nothing', async () => {
    const { ctx, dispatch, campaignId, judgeId, queue } = await setup();
    const ref = { campaignId, judgeId, entryId: queue.rows[0].entryId };
    expect(await dispatch('review:score', { ...ref, dimension: 'content', value: 7.3 })).toMatchObject({ ok: false, error: { code: 'SCORE_OUT_OF_RANGE' } });
    expect(await dispatch('review:score', { ...ref, dimension: 'beauty', value: 5 })).toMatchObject({ ok: false, error: { code: 'DIMENSION_UNKNOWN' } });
    const notMine = ctx.db
      .prepare('SELECT e.id FROM entries e WHERE e.campaign_id = ? AND e.id NOT IN (SELECT entry_id FROM assignments WHERE judge_id = ?) LIMIT 1')
      .pluck()
      .get(campaignId, judgeId) as number;
    expect(await dispatch('review:score', { ...ref, entryId: notMine, dimension: 'content', value: 5 })).toMatchObject({ ok: false, error: { code: 'NOT_ASSIGNED' } });
    expect(ctx.db.prepare('SELECT count(*) FROM scores').pluck().get()).toBe(0);
    expect(ctx.db.prepare('SELECT count(*) FROM reviews').pluck().get()).toBe(0);
    ctx.close();
  });

  it('freezes scoring after a declared conflict until it is withdrawn', async () => {
    const { ctx, dispatch, campaignId, judgeId, queue } = await setup();
    const ref = { campaignId, judgeId, entryId: queue.rows[1].entryId };
    // A score given before the conflict was noticed: the queue no longer shows it.
    await ok(dispatch('review:score', { ...ref, dimension: 'content', value: 7 }));
    expect(await dispatch('review:conflict', { ...ref, declare: true, reason: '  ' })).toMatchObject({ ok: false, error: { code: 'CONFLICT_REASON_REQUIRED' } });
    const declared = await ok<SaveAck>(dispatch('review:conflict', { ...ref, declare: true, reason: '本人曾指导该作品' }));
    expect(declared.status).toBe('conflict');
    expect(await dispatch('review:score', { ...ref, dimension: 'content', value: 5 })).toMatchObject({ ok: false, error: { code: 'REVIEW_CONFLICT_DECLARED' } });
    const q = await ok<Queue>(dispatch('review:queue', { campaignId, judgeId }));
    const row = q.rows.find((r) => r.entryId === ref.entryId)!;
    expect(row.status).toBe('conflict');
    expect(row.total).toBeNull();
    // A conflict is not "done": it is counted apart, overall and in its category.
    expect(q.progress.finished).toBe(0);
    expect(q.progress.conflicts).toBe(1);
    const group = q.progress.byGroup.find((g) => g.kind === row.kind && g.category === row.category)!;
    expect(group).toMatchObject({ finished: 0, conflicts: 1 });
    const withdrawn = await ok<SaveAck>(dispatch('review:conflict', { ...ref, declare: false }));
    expect(withdrawn.status).toBe('in_progress');
    await ok(dispatch('review:score', { ...ref, dimension: 'content', value: 5 }));
    ctx.close();
  });

  it('asks committee judges for every eligibility item before completing', async () => {
    const { ctx, dispatch } = await setup();
    const committee = (await ok<CampaignSummary[]>(dispatch('campaign:list', {}))).find((c) => c.kind === 'committee')!;
    const { activeJudgeId } = await ok<{ activeJudgeId: string }>(dispatch('judge:list', { campaignId: committee.id }));
    const q = await ok<Queue>(dispatch('review:queue', { campaignId: committee.id, judgeId: activeJudgeId }));
    const ref = { campaignId: committee.id, judgeId: activeJudgeId, entryId: q.rows[0].entryId };
    for (const dimension of ['scientific', 'accessibility', 'practice']) await ok(dispatch('review:score', { ...ref, dimension, value: 8 }));
    const ack = await ok<SaveAck>(dispatch('review:eligibility', { ...ref, item: 'attending_or_above', answer: 'yes', note: '副主任医师证书' }));
    expect(ack.missing).toHaveLength(5); // the checklist's six items but the one answered
    expect(ack.missing).toContain('eligibility.practising_doctor');
    expect(await dispatch('review:eligibility', { ...ref, item: 'nope', answer: 'yes' })).toMatchObject({ ok: false, error: { code: 'ELIGIBILITY_ITEM_UNKNOWN' } });
    const state = await ok<ReviewState>(dispatch('review:get', ref));
    expect(state.eligibility.attending_or_above).toEqual({ answer: 'yes', note: '副主任医师证书' });
    ctx.close();
  });

  it('hides the entrant in blind review and shows each file with its media verdict', async () => {
    const { ctx, dispatch, campaignId, judgeId, queue } = await setup();
    const withVideo = queue.rows.find((r) => r.category === 'video')!;
    const state = await ok<ReviewState>(dispatch('review:get', { campaignId, judgeId, entryId: withVideo.entryId }));
    expect(state.blind).toBe(false);
    expect(state.entrantName).not.toBeNull();
    expect(state.assets[0]).toMatchObject({ role: 'video', durationSeconds: expect.any(Number) });
    expect(['pass', 'fail']).toContain(state.assets[0].verdict);
    const def = JSON.parse(ctx.db.prepare('SELECT definition_json FROM campaigns WHERE id = ?').pluck().get(campaignId) as string);
    ctx.db.prepare('UPDATE campaigns SET definition_json = ? WHERE id = ?').run(JSON.stringify({ ...def, blindReview: true }), campaignId);
    const blind = await ok<ReviewState>(dispatch('review:get', { campaignId, judgeId, entryId: withVideo.entryId }));
    expect(blind).toMatchObject({ blind: true, entrantName: null, entrantUnit: null });
    expect(Object.keys(blind.fields)).not.toContain('authors');
    expect(Object.keys(blind.fields)).not.toContain('phone');
    ctx.close();
  });

  it('remembers the active judge and creates a single-machine judge who reviews everything', async () => {
    const { ctx, dispatch, campaignId, judges } = await setup();
    await ok(dispatch('judge:activate', { campaignId, judgeId: judges[2].id }));
    expect((await ok<{ activeJudgeId: string }>(dispatch('judge:list', { campaignId }))).activeJudgeId).toBe(judges[2].id);
    const solo = await ok<{ id: string; assigned: number }>(dispatch('judge:create', { campaignId, name: '组织方自评', assignAll: true }));
    expect(solo.assigned).toBe(32);
    expect(await dispatch('judge:activate', { campaignId, judgeId: 'j-nobody' })).toMatchObject({ ok: false, error: { code: 'JUDGE_NOT_FOUND' } });
    ctx.close();
  });
});
