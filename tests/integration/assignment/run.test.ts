import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importRegistrations } from '../../../src-main/core/intake/import-registrations';
import { openTestApp, repoRoot, ok } from '../../helpers';


describe('assigning judges to a campaign', () => {
  it('gives every entry k judges from other institutions, keeps earlier pairs, and reports load and coverage', async () => {
    const { ctx, dispatch } = openTestApp();
    const template = ctx.templates.get('sichuan-influence-2023');
    const campaign = ctx.campaigns.create(template.id, template.definition);
    const csv = fs.readFileSync(path.join(repoRoot, 'tests/fixtures/intake/sichuan-registrations.utf8-bom.csv'));
    await importRegistrations(ctx, campaign.id, { fileName: 'r.csv', bytes: csv });
    const institutions = ['四川大学华西医院', '成都医学院', '四川省医学会', '成都市疾控中心', '西南交通大学医学院'];
    const judges = institutions.map((inst, i) => ctx.judges.create(campaign.id, `评委${i + 1}`, inst));

    const run = await ok<{ added: number; shortfalls: unknown[]; stats: { minLoad: number; maxLoad: number } }>(
      dispatch('assignment:run', { campaignId: campaign.id, seed: 'test' }),
    );
    expect(run.added).toBe(6 * 3);
    expect(run.shortfalls).toEqual([]);
    expect(run.stats.maxLoad - run.stats.minLoad).toBeLessThanOrEqual(1);
    // SC-0001 is entered by 四川大学华西医院: never reviewed by the judge from there.
    const huaxi = judges[0].id;
    const sc0001 = ctx.db.prepare(`SELECT id FROM entries WHERE reg_no = 'SC-0001'`).pluck().get() as number;
    expect(ctx.db.prepare('SELECT judge_id FROM assignments WHERE entry_id = ?').pluck().all(sc0001)).not.toContain(huaxi);

    const again = await ok<{ added: number }>(dispatch('assignment:run', { campaignId: campaign.id, seed: 'test' }));
    expect(again.added).toBe(0);
    const coverage = await ok<{ totals: { covered: number; missing: number }; judges: { assigned: number }[] }>(
      dispatch('assignment:coverage', { campaignId: campaign.id }),
    );
    expect(coverage.totals).toMatchObject({ covered: 6, missing: 0 });
    expect(coverage.judges.reduce((n, j) => n + j.assigned, 0)).toBe(18);
    // A late entry arrives after the run: short of judges only because nobody assigned it yet.
    ctx.entries.insertMany(campaign.id, '2023-12-31T15:59:59.000Z', [
      { regNo: 'SC-LATE', kind: 'work', category: 'video', title: 't', entrantType: 'unit', entrantName: '某单位', entrantUnit: null, contactPhone: null, contactEmail: null, reason: null, fields: {}, submittedAt: null },
    ]);
    const late = await ok<{ short: { regNo: string; eligible: number; reasons: { reason: string }[] }[] }>(dispatch('assignment:coverage', { campaignId: campaign.id }));
    expect(late.short).toEqual([expect.objectContaining({ regNo: 'SC-LATE', assigned: 0, eligible: 5, reasons: [{ reason: 'not_assigned_yet', judges: [] }] })]);
    expect(ctx.db.prepare(`SELECT details_json FROM audit_log WHERE action = 'assignment.run'`).pluck().all()).toHaveLength(2);
    ctx.close();
  });

  it('reports entries it cannot cover when too few judges are eligible', async () => {
    const { ctx, dispatch } = openTestApp();
    const template = ctx.templates.get('caca-committee-2021');
    const campaign = ctx.campaigns.create(template.id, template.definition);
    ctx.entries.insertMany(campaign.id, '2022-03-31T15:59:59.000Z', [
      { regNo: 'C1', kind: 'applicant', category: null, title: 't', entrantType: 'individual', entrantName: '甲', entrantUnit: '某医院', contactPhone: null, contactEmail: null, reason: null, fields: {}, submittedAt: null },
    ]);
    ctx.judges.create(campaign.id, 'A', '甲医院');
    ctx.judges.create(campaign.id, 'B', '乙医院');
    const run = await ok<{ added: number; shortfalls: { wanted: number; assigned: number }[] }>(dispatch('assignment:run', { campaignId: campaign.id }));
    expect(run.added).toBe(2);
    expect(run.shortfalls).toEqual([expect.objectContaining({ wanted: 5, assigned: 2, reason: 'not_enough_eligible_judges' })]);
    ctx.close();
  });

  it('says why an entry is short: same institution, declared conflict, taken off by hand, too few eligible judges', async () => {
    const { ctx, dispatch } = openTestApp();
    const template = ctx.templates.get('caca-committee-2021');
    const campaign = ctx.campaigns.create(template.id, template.definition);
    ctx.entries.insertMany(campaign.id, '2022-03-31T15:59:59.000Z', [
      { regNo: 'C1', kind: 'applicant', category: null, title: 't', entrantType: 'individual', entrantName: '甲', entrantUnit: '某医院', contactPhone: null, contactEmail: null, reason: null, fields: {}, submittedAt: null },
    ]);
    const entryId = ctx.db.prepare(`SELECT id FROM entries WHERE reg_no = 'C1'`).pluck().get() as number;
    ctx.judges.create(campaign.id, 'A 同单位', '某 医院');
    ctx.judges.create(campaign.id, 'B', '乙医院');
    const c = ctx.judges.create(campaign.id, 'C 回避', '丙医院');
    const d = ctx.judges.create(campaign.id, 'D 撤下', '丁医院');
    // C's conflict arrives in a merged bundle before the run (merge writes the row like this).
    ctx.db.prepare(`INSERT INTO conflicts (entry_id, judge_id, round_no, reason, declared_at) VALUES (?, ?, 1, '亲属', '2022-04-01T00:00:00.000Z')`).run(entryId, c.id);
    const run = await ok<{ added: number }>(dispatch('assignment:run', { campaignId: campaign.id }));
    expect(run.added).toBe(2);
    await ok(dispatch('assignment:set', { campaignId: campaign.id, entryId, judgeId: d.id, assigned: false }));

    type Short = { regNo: string; assigned: number; wanted: number; eligible: number; reasons: { reason: string; judges: string[] }[] };
    const coverage = await ok<{ short: Short[] }>(dispatch('assignment:coverage', { campaignId: campaign.id }));
    expect(coverage.short).toEqual([
      {
        entryId,
        regNo: 'C1',
        assigned: 1,
        wanted: 5,
        eligible: 2,
        reasons: [
          { reason: 'same_institution', judges: ['A 同单位'] },
          { reason: 'declared_conflict', judges: ['C 回避'] },
          { reason: 'judge_removed', judges: ['D 撤下'] },
          { reason: 'too_few_judges', judges: [] },
        ],
      },
    ]);
    // Put back by hand, D is no longer "removed".
    await ok(dispatch('assignment:set', { campaignId: campaign.id, entryId, judgeId: d.id, assigned: true }));
    const again = await ok<{ short: Short[] }>(dispatch('assignment:coverage', { campaignId: campaign.id }));
    expect(again.short[0].reasons.map((r) => r.reason)).toEqual(['same_institution', 'declared_conflict', 'too_few_judges']);
    ctx.close();
  });

  it('lets the coordinator override by hand, but not remove a judge who started the review', async () => {
    const { ctx, dispatch } = openTestApp();
    const works = await ok<{ id: string }>(dispatch('demo:load', {}));
    const entryId = ctx.db.prepare(`SELECT id FROM entries WHERE reg_no = 'SC2023-0001'`).pluck().get() as number;
    const before = await ok<{ judges: { judgeId: string; assigned: boolean; name: string }[] }>(dispatch('assignment:entry', { campaignId: works.id, entryId }));
    const [first] = before.judges.filter((j) => j.assigned);
    const outsider = before.judges.find((j) => !j.assigned)!;
    const added = await ok<{ judges: { judgeId: string; assigned: boolean; source: string | null }[] }>(
      dispatch('assignment:set', { campaignId: works.id, entryId, judgeId: outsider.judgeId, assigned: true }),
    );
    expect(added.judges.find((j) => j.judgeId === outsider.judgeId)).toMatchObject({ assigned: true, source: 'manual' });
    await ok(dispatch('review:score', { campaignId: works.id, judgeId: first.judgeId, entryId, dimension: 'content', value: 6 }));
    expect(await dispatch('assignment:set', { campaignId: works.id, entryId, judgeId: first.judgeId, assigned: false })).toMatchObject({
      ok: false,
      error: { code: 'ASSIGNMENT_STARTED', params: { judge: first.name } },
    });
    const removed = await ok<{ judges: { judgeId: string; assigned: boolean }[] }>(
      dispatch('assignment:set', { campaignId: works.id, entryId, judgeId: outsider.judgeId, assigned: false }),
    );
    expect(removed.judges.find((j) => j.judgeId === outsider.judgeId)?.assigned).toBe(false);
    expect(await dispatch('assignment:entry', { campaignId: works.id, entryId: 999999 })).toMatchObject({ ok: false, error: { code: 'ENTRY_NOT_FOUND' } });
    ctx.close();
  });
});
