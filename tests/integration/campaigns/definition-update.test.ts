// Changing a running campaign's definition: what leaves collected data valid saves as a new
// version (who, when, why, audited); what would invalidate it is refused with a code, and a
// refused save leaves the stored definition byte for byte as it was. New editions move the years.
import { describe, expect, it } from 'vitest';
import type { CampaignDefinition, CampaignSummary, EntryRow } from '../../../src-main/contract';
import { ok, openMergedSample, openTestApp } from '../../helpers';

const mergedSample = openMergedSample;

const storedJson = (app: ReturnType<typeof openTestApp>, id: string) => app.ctx.db.prepare('SELECT definition_json FROM campaigns WHERE id = ?').pluck().get(id) as string;

/** The definition with its first list's rubric replaced. */
function withRubric(def: CampaignDefinition, rubric: CampaignDefinition['lists'][number]['rubric']): CampaignDefinition {
  return { ...def, lists: [{ ...def.lists[0], rubric }, ...def.lists.slice(1)] };
}

describe('changing a campaign definition', () => {
  it('saves what leaves collected data valid as numbered versions, moving late flags with the deadline', async () => {
    const app = await mergedSample();
    const id = app.works.id;
    const def = app.ctx.campaigns.definition(id);
    const late = async () => (await ok<{ total: number }>(app.dispatch('entry:list', { campaignId: id, filter: { late: true } }))).total;
    const lateBefore = await late();
    expect(lateBefore).toBe(3); // the sample registers three entries after the deadline
    const renamed: CampaignDefinition = {
      ...def,
      name: { 'zh-CN': '2024 中国(四川)第二届健康科普影响力榜', en: '2024 China (Sichuan) Health Science Popularization Influence List' },
      deadline: '2030-01-01T00:00:00+08:00',
      entryKinds: def.entryKinds.map((k) => (k.kind === 'work' ? { ...k, categories: [...k.categories, { key: 'audio', label: { 'zh-CN': '音频', en: 'Audio' } }] } : k)),
      lists: [{ ...def.lists[0], rubric: [...def.lists[0].rubric.map((d) => ({ ...d, weight: 0.25 })), { ...def.lists[0].rubric[0], key: 'accuracy', weight: 0.25, label: { 'zh-CN': '准确', en: 'Accuracy' } }] }, ...def.lists.slice(1)],
    };
    expect(await ok(app.dispatch('campaign:updateDefinition', { campaignId: id, definition: renamed, reason: '第二届' }))).toEqual({ version: 2 });
    expect(app.ctx.campaigns.definition(id)).toEqual(renamed);
    expect(app.ctx.campaigns.summary(id).name.en).toBe(renamed.name.en);
    expect(await late()).toBe(0); // the deadline moved on: nobody is late any more, nobody was dropped
    expect(app.ctx.db.prepare('SELECT key FROM rubric_dimensions WHERE campaign_id = ? ORDER BY position').pluck().all(id)).toEqual(renamed.lists.flatMap((l) => l.rubric.map((d) => d.key)));
    expect(renamed.lists[0].rubric.map((d) => d.key)).toEqual([...def.lists[0].rubric.map((d) => d.key), 'accuracy']);
    const versions = await ok<{ version: number; reason: string }[]>(app.dispatch('campaign:definitionVersions', { campaignId: id }));
    expect(versions.map((v) => [v.version, v.reason])).toEqual([[2, '第二届'], [1, 'created']]);
    expect(app.ctx.db.prepare(`SELECT count(*) FROM audit_log WHERE action = 'campaign.definition.update' AND subject = ?`).pluck().get(id)).toBe(1);
    app.ctx.close();
  });

  it('refuses what would invalidate collected data, each with its code, and stores nothing', async () => {
    const app = await mergedSample();
    const id = app.works.id;
    const def = app.ctx.campaigns.definition(id);
    const before = storedJson(app, id);
    const work = def.entryKinds.find((k) => k.kind === 'work')!;
    const usedCategory = (app.ctx.db.prepare(`SELECT category FROM entries WHERE campaign_id = ? AND kind = 'work' AND category IS NOT NULL LIMIT 1`).pluck().get(id)) as string;
    const cases: [string, CampaignDefinition | Record<string, unknown>][] = [
      ['DEFINITION_DIMENSION_HAS_SCORES', withRubric(def, def.lists[0].rubric.slice(1).map((d, i) => ({ ...d, weight: i === 0 ? 0.7 : 0.3 })))],
      ['DEFINITION_SCALE_HAS_SCORES', withRubric(def, def.lists[0].rubric.map((d, i) => (i === 0 ? { ...d, scale: { ...d.scale, max: 100 }, anchors: [] } : d)))],
      ['DEFINITION_CATEGORY_HAS_ENTRIES', { ...def, entryKinds: def.entryKinds.map((k) => (k === work ? { ...k, categories: k.categories.filter((c) => c.key !== usedCategory) } : k)) }],
      ['DEFINITION_KIND_HAS_ENTRIES', { ...def, entryKinds: def.entryKinds.filter((k) => k.kind !== 'account'), lists: def.lists.map((l) => ({ ...l, feeds: l.feeds.filter((f) => f.kind !== 'account') })) }],
      ['DEFINITION_KIND_FIXED', { ...def, kind: 'committee' }],
      ['DEFINITION_WEIGHTS_TOTAL', withRubric(def, def.lists[0].rubric.map((d) => ({ ...d, weight: 0.3 })))],
      ['DEFINITION_DEADLINE_BEFORE_OPENING', { ...def, deadline: '2000-01-01T00:00:00+08:00' }],
      ['DEFINITION_DUPLICATE_KEY', { ...def, lists: [{ ...def.lists[0], eligibility: [...def.lists[0].eligibility, { key: 'x', label: { 'zh-CN': '甲', en: 'X' }, evidence: { 'zh-CN': '甲', en: 'X' } }, { key: 'x', label: { 'zh-CN': '甲', en: 'X' }, evidence: { 'zh-CN': '甲', en: 'X' } }] }, ...def.lists.slice(1)] }],
      ['DEFINITION_INVALID', { ...def, judgesPerEntry: 0 }],
      // A definition in neither shape (a top-level rubric beside the lists) is refused, not half read.
      ['DEFINITION_INVALID', { ...def, rubric: def.lists[0].rubric }],
    ];
    for (const [code, definition] of cases) {
      const result = await app.dispatch('campaign:updateDefinition', { campaignId: id, definition, reason: 'try' });
      expect(result, code).toMatchObject({ ok: false, error: { code } });
      expect(storedJson(app, id), code).toBe(before);
    }
    expect(app.ctx.db.prepare('SELECT count(*) FROM definition_versions').pluck().get()).toBe(0);
    app.ctx.close();
  });

  it('asks first after publication when the rubric changes, not when only a name does', async () => {
    const app = await mergedSample();
    const id = app.works.id;
    await ok(app.dispatch('identity:create', { name: '王协调', passphrase: 'correct horse battery' }));
    await ok(app.dispatch('ranking:lock', { campaignId: id }));
    const def = app.ctx.campaigns.definition(id);
    await ok(app.dispatch('campaign:updateDefinition', { campaignId: id, definition: { ...def, name: { ...def.name, en: 'Renamed' } } }));
    const weights = withRubric(def, def.lists[0].rubric.map((d, i) => ({ ...d, weight: i === 0 ? 0.5 : 0.25 })));
    expect(await app.dispatch('campaign:updateDefinition', { campaignId: id, definition: weights })).toMatchObject({ ok: false, error: { code: 'RESULT_PUBLISHED' } });
    await ok(app.dispatch('ranking:allowChanges', { campaignId: id }));
    expect(await ok(app.dispatch('campaign:updateDefinition', { campaignId: id, definition: weights }))).toEqual({ version: 3 });
    app.ctx.close();
  });

  it('starts the next edition with the years moved on and nothing collected copied', async () => {
    const app = await mergedSample();
    const next = await ok<CampaignSummary>(app.dispatch('campaign:newEdition', { campaignId: app.works.id, shiftYears: 1 }));
    expect(next.name['zh-CN']).toContain('2024');
    expect(next.name['zh-CN']).not.toContain('2023');
    expect(next.entryCount).toBe(0);
    const def = app.ctx.campaigns.definition(next.id);
    expect(def.deadline).toBe('2024-12-25T18:00:00+08:00');
    expect(def.lists[0].rubric).toEqual(app.ctx.campaigns.definition(app.works.id).lists[0].rubric);
    expect((await ok<{ rows: EntryRow[] }>(app.dispatch('entry:list', { campaignId: next.id }))).rows).toEqual([]);
    app.ctx.close();
  });
});
