// The programme's assignment rules (definition.assignment) are the defaults of an assignment run;
// a run may override them. excludeOwnInstitution: false really lets a judge review entries of
// their own institution; matchSpeciality: true prefers judges whose speciality is the category.
import { describe, expect, it } from 'vitest';
import type { CampaignDefinition } from '../../../src-main/contract';
import type { NewEntry } from '../../../src-main/core/entries/entry-repo';
import { ok, openTestApp } from '../../helpers';

type Run = { added: number; shortfalls: { entryId: number; reason: string }[]; categoryMatching: boolean; excludeOwnInstitution: boolean; stats: { matchedBySpeciality: number } };

function entry(regNo: string, category: string, unit: string): NewEntry {
  return { regNo, kind: 'work', category, title: regNo, entrantType: 'unit', entrantName: unit, entrantUnit: null, contactPhone: null, contactEmail: null, reason: null, fields: {}, submittedAt: null };
}

function campaignWith(assignment: CampaignDefinition['assignment'], judgesPerEntry = 1) {
  const app = openTestApp();
  const template = app.ctx.templates.get('sichuan-influence-2023');
  const campaign = app.ctx.campaigns.create(template.id, { ...template.definition, judgesPerEntry, assignment });
  app.ctx.entries.insertMany(campaign.id, '2023-12-25T10:00:00.000Z', [entry('SC-1', 'video', '四川大学华西医院'), entry('SC-2', 'graphic', '四川大学华西医院')]);
  const pairs = () =>
    app.ctx.db.prepare('SELECT e.reg_no, j.name FROM assignments a JOIN entries e ON e.id = a.entry_id JOIN judges j ON j.id = a.judge_id ORDER BY e.reg_no, j.name').raw().all();
  return { ...app, campaign, pairs };
}

describe("the programme's assignment rules", () => {
  it('exclude judges of the entrant’s own institution by default', async () => {
    const { ctx, dispatch, campaign, pairs } = campaignWith({ excludeOwnInstitution: true, matchSpeciality: false });
    ctx.judges.create(campaign.id, '华西评委', '四川大学华西医院');
    const run = await ok<Run>(dispatch('assignment:run', { campaignId: campaign.id, seed: 's' }));
    expect(run).toMatchObject({ added: 0, excludeOwnInstitution: true, categoryMatching: false });
    expect(run.shortfalls.map((s) => s.reason)).toEqual(['not_enough_eligible_judges', 'not_enough_eligible_judges']);
    expect(pairs()).toEqual([]);
    ctx.close();
  });

  it('with excludeOwnInstitution: false, assign them: only declared conflicts still exclude', async () => {
    const { ctx, dispatch, campaign, pairs } = campaignWith({ excludeOwnInstitution: false, matchSpeciality: false });
    const huaxi = ctx.judges.create(campaign.id, '华西评委', '四川大学华西医院');
    const sc2 = ctx.db.prepare(`SELECT id FROM entries WHERE reg_no = 'SC-2'`).pluck().get() as number;
    ctx.db.prepare(`INSERT INTO conflicts (entry_id, judge_id, reason, declared_at) VALUES (?, ?, '本人指导', 'x')`).run(sc2, huaxi.id);
    const run = await ok<Run>(dispatch('assignment:run', { campaignId: campaign.id, seed: 's' }));
    expect(run).toMatchObject({ added: 1, excludeOwnInstitution: false });
    expect(pairs()).toEqual([['SC-1', '华西评委']]);
    expect(run.shortfalls).toEqual([expect.objectContaining({ entryId: sc2 })]);
    const audit = JSON.parse(ctx.db.prepare(`SELECT details_json FROM audit_log WHERE action = 'assignment.run'`).pluck().get() as string);
    expect(audit).toMatchObject({ seed: 's', excludeOwnInstitution: false, categoryMatching: false });
    ctx.close();
  });

  it('a run may override them either way', async () => {
    const strict = campaignWith({ excludeOwnInstitution: false, matchSpeciality: false });
    strict.ctx.judges.create(strict.campaign.id, '华西评委', '四川大学华西医院');
    const refused = await ok<Run>(strict.dispatch('assignment:run', { campaignId: strict.campaign.id, seed: 's', excludeOwnInstitution: true }));
    expect(refused).toMatchObject({ added: 0, excludeOwnInstitution: true });
    strict.ctx.close();

    const lenient = campaignWith({ excludeOwnInstitution: true, matchSpeciality: false });
    lenient.ctx.judges.create(lenient.campaign.id, '华西评委', '四川大学华西医院');
    const allowed = await ok<Run>(lenient.dispatch('assignment:run', { campaignId: lenient.campaign.id, seed: 's', excludeOwnInstitution: false }));
    expect(allowed).toMatchObject({ added: 2, excludeOwnInstitution: false });
    expect(lenient.pairs()).toEqual([['SC-1', '华西评委'], ['SC-2', '华西评委']]);
    lenient.ctx.close();
  });

  it('prefer judges whose speciality is the category when the programme says matchSpeciality', async () => {
    // Over several seeds: with matching, the video work always goes to the video specialist;
    // without it (the run's override), the seeded tie-break sometimes gives it to the other judge.
    const reviewerOfVideo = async (categoryMatching?: boolean) => {
      const seen = new Set<string>();
      for (const seed of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']) {
        const app = campaignWith({ excludeOwnInstitution: true, matchSpeciality: true });
        app.ctx.judges.create(app.campaign.id, '视频专家', '成都医学院', ['video']);
        app.ctx.judges.create(app.campaign.id, '通才', '四川省医学会');
        const run = await ok<Run>(app.dispatch('assignment:run', { campaignId: app.campaign.id, seed, ...(categoryMatching === undefined ? {} : { categoryMatching }) }));
        expect(run.categoryMatching).toBe(categoryMatching ?? true);
        seen.add(String((app.pairs() as [string, string][]).find(([reg]) => reg === 'SC-1')?.[1]));
        app.ctx.close();
      }
      return [...seen].sort();
    };
    expect(await reviewerOfVideo()).toEqual(['视频专家']);
    expect(await reviewerOfVideo(false)).toEqual(['视频专家', '通才']);
  });
});
