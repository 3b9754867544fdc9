// Explicit new versions of a campaign definition (issue 12): removing a scored dimension or an
// answered eligibility item is refused as an ordinary save, and allowed as a new version that
// states what happens to the data — the rows stay byte for byte, the ranking sets them aside
// (counted nowhere, reported with the version's statement), and the version and the audit log
// record the statement and what was set aside. What no statement can fix stays refused.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type {
  CampaignDefinition,
  CampaignSummary,
  CommitteeView,
  DefinitionImpact,
  DefinitionVersionView,
  RankingEntryDetail,
  RankingSummary,
} from '../../../src-main/contract';
import { createNodeI18n } from '../../../src-main/app/translate';
import { versionText } from '../../../src-renderer/src/components/setup/version-text';
import { ok, openMergedSample } from '../../helpers';

const STATEMENT = '经评审委员会决定，“创意”不再单独评分；已有评分保留备查。';

/** The influence list without `creativity`, content and communication weighted equally. */
function withoutCreativity(def: CampaignDefinition): CampaignDefinition {
  const [first, ...rest] = def.lists;
  return { ...def, lists: [{ ...first, rubric: first.rubric.filter((d) => d.key !== 'creativity').map((d) => ({ ...d, weight: 0.5 })) }, ...rest] };
}

type App = Awaited<ReturnType<typeof openMergedSample>>;
const storedJson = (app: App, id: string) => app.ctx.db.prepare('SELECT definition_json FROM campaigns WHERE id = ?').pluck().get(id) as string;
const rowsOn = (app: App, dimension: string) =>
  app.ctx.db.prepare('SELECT entry_id, judge_id, dimension_key, value, revision, updated_at FROM scores WHERE dimension_key = ? ORDER BY entry_id, judge_id').all(dimension);

describe('a new definition version', () => {
  it('removes a scored dimension only when asked as a new version, keeping every score row and setting them aside in the ranking', async () => {
    const app = await openMergedSample();
    const id = app.works.id;
    const def = app.ctx.campaigns.definition(id);
    const before = storedJson(app, id);
    const creativity = rowsOn(app, 'creativity');
    expect(creativity.length).toBeGreaterThan(0);
    expect((await ok<RankingSummary>(app.dispatch('ranking:summary', { campaignId: id }))).setAside).toBeNull();

    // As an ordinary save: refused, nothing stored.
    const refused = await app.dispatch('campaign:updateDefinition', { campaignId: id, definition: withoutCreativity(def), reason: 'try' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'DEFINITION_DIMENSION_HAS_SCORES', params: { dimension: 'creativity', count: creativity.length } } });
    expect(storedJson(app, id)).toBe(before);
    expect(app.ctx.db.prepare('SELECT count(*) FROM definition_versions').pluck().get()).toBe(0);

    // What a new version would set aside, before anything is stored.
    const impact = await ok<DefinitionImpact>(app.dispatch('campaign:definitionImpact', { campaignId: id, definition: withoutCreativity(def) }));
    expect(impact).toEqual({ currentVersion: 1, removedDimensions: [{ key: 'creativity', label: def.lists[0].rubric[1].label, scores: creativity.length }], removedItems: [] });
    expect(storedJson(app, id)).toBe(before);

    // A statement is required (1–1000 characters).
    for (const statement of ['', ' ', 'x'.repeat(1001)]) {
      const result = await app.dispatch('campaign:updateDefinition', { campaignId: id, definition: withoutCreativity(def), newVersion: { statement } });
      expect(result, JSON.stringify(statement).slice(0, 20)).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    }
    expect(storedJson(app, id)).toBe(before);

    // As a new version: saved, the scores untouched.
    const saved = await ok(app.dispatch('campaign:updateDefinition', { campaignId: id, definition: withoutCreativity(def), reason: '评分维度调整', newVersion: { statement: STATEMENT } }));
    expect(saved).toEqual({ version: 2 });
    expect(app.ctx.campaigns.definition(id).lists[0].rubric.map((d) => d.key)).toEqual(['content', 'communication']);
    expect(rowsOn(app, 'creativity')).toEqual(creativity);

    const affected = { removedDimensions: [{ key: 'creativity', label: def.lists[0].rubric[1].label, scores: creativity.length }], removedItems: [] };
    const versions = await ok<DefinitionVersionView[]>(app.dispatch('campaign:definitionVersions', { campaignId: id }));
    expect(versions.map((v) => [v.version, v.reason, v.statement, v.affected])).toEqual([
      [2, '评分维度调整', STATEMENT, affected],
      [1, 'created', null, null],
    ]);
    // The Versions section shows the statement and what was set aside by label, in either language.
    const zone = def.timeZone;
    const en = versionText(versions[0], zone, createNodeI18n('en').t, 'en');
    expect(en.statement).toBe(STATEMENT);
    expect(en.affected).toEqual([`Dimension “Creativity” removed: ${creativity.length} scores kept, not counted`]);
    expect(en.line).toMatch(/^Version 2 · \d{4}-\d\d-\d\d \d\d:\d\d \(UTC\+8\) · this computer · 评分维度调整$/);
    const zh = versionText(versions[0], zone, createNodeI18n('zh-CN').t, 'zh-CN');
    expect(zh.affected).toEqual([`评分维度“${def.lists[0].rubric[1].label['zh-CN']}”已删除：${creativity.length} 个评分保留，不计入结果`]);
    expect(versionText(versions[1], zone, createNodeI18n('zh-CN').t, 'zh-CN')).toMatchObject({ statement: null, affected: [] });
    expect(JSON.stringify([en, zh])).not.toContain('creativity');
    const audit = app.ctx.db.prepare(`SELECT details_json FROM audit_log WHERE action = 'campaign.definition.update' AND subject = ?`).pluck().all(id) as string[];
    expect(audit.map((a) => JSON.parse(a))).toEqual([{ version: 2, reason: '评分维度调整', statement: STATEMENT, affected }]);

    // The ranking names what it sets aside and counts none of it.
    const summary = await ok<RankingSummary>(app.dispatch('ranking:summary', { campaignId: id, refresh: true }));
    expect(summary.setAside).toEqual({
      scores: creativity.length,
      answers: 0,
      dimensions: [{ key: 'creativity', label: def.lists[0].rubric[1].label, scores: creativity.length, since: { version: 2, statement: STATEMENT } }],
      items: [],
      since: { version: 2, statement: STATEMENT },
    });
    expect(summary.counts.counted).toBeGreaterThan(0);
    const scored = app.ctx.db
      .prepare(`SELECT s.entry_id FROM scores s JOIN entries e ON e.id = s.entry_id WHERE e.campaign_id = ? AND s.dimension_key = 'creativity' ORDER BY s.entry_id LIMIT 1`)
      .pluck()
      .get(id) as number;
    const detail = await ok<RankingEntryDetail>(app.dispatch('ranking:entry', { campaignId: id, entryId: scored }));
    expect(detail.totals.length).toBeGreaterThan(0);
    const score = app.ctx.db.prepare('SELECT value FROM scores WHERE entry_id = ? AND judge_id = ? AND dimension_key = ?').pluck();
    for (const total of detail.totals) {
      // The total is the new rubric's: content and communication at 50 % each, creativity nowhere.
      const expected = 0.5 * (score.get(scored, total.judgeId, 'content') as number) + 0.5 * (score.get(scored, total.judgeId, 'communication') as number);
      expect(total.total).toBeCloseTo(expected, 9);
    }
    expect(Object.keys(detail.dimensionMeans).sort()).toEqual(['communication', 'content']);

    // The ranking report says it too.
    const pdf = await ok<{ contentBase64: string }>(app.dispatch('ranking:export', { campaignId: id, format: 'pdf' }));
    expect(Buffer.from(pdf.contentBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');

    // Adding the dimension back counts the kept scores again: only on the scale they were given on.
    const restored = (scale: CampaignDefinition['lists'][number]['rubric'][number]['scale']) => ({
      ...def,
      lists: [{ ...def.lists[0], rubric: def.lists[0].rubric.map((d) => (d.key === 'creativity' ? { ...d, scale, anchors: [] } : d)) }, ...def.lists.slice(1)],
    });
    expect(await app.dispatch('campaign:updateDefinition', { campaignId: id, definition: restored({ min: 0, max: 5, step: 0.5 }) })).toMatchObject({
      ok: false,
      error: { code: 'DEFINITION_SCALE_HAS_SCORES', params: { dimension: 'creativity', count: creativity.length } },
    });
    expect(await ok(app.dispatch('campaign:updateDefinition', { campaignId: id, definition: restored(def.lists[0].rubric[1].scale), reason: 'creativity back' }))).toEqual({ version: 3 });
    expect((await ok<RankingSummary>(app.dispatch('ranking:summary', { campaignId: id }))).setAside).toBeNull();
    expect(rowsOn(app, 'creativity')).toEqual(creativity);
    app.ctx.close();
  });

  it('still refuses, even as a new version, what no statement makes valid', async () => {
    const app = await openMergedSample();
    const id = app.works.id;
    const def = app.ctx.campaigns.definition(id);
    const before = storedJson(app, id);
    const usedCategory = app.ctx.db.prepare(`SELECT category FROM entries WHERE campaign_id = ? AND kind = 'work' AND category IS NOT NULL LIMIT 1`).pluck().get(id) as string;
    const [first, ...rest] = def.lists;
    const cases: [string, unknown][] = [
      ['DEFINITION_SCALE_HAS_SCORES', { ...def, lists: [{ ...first, rubric: first.rubric.map((d, i) => (i === 0 ? { ...d, scale: { ...d.scale, max: 100 }, anchors: [] } : d)) }, ...rest] }],
      ['DEFINITION_CATEGORY_HAS_ENTRIES', { ...def, entryKinds: def.entryKinds.map((k) => (k.kind === 'work' ? { ...k, categories: k.categories.filter((c) => c.key !== usedCategory) } : k)) }],
      ['DEFINITION_KIND_HAS_ENTRIES', { ...def, entryKinds: def.entryKinds.filter((k) => k.kind !== 'account'), lists: def.lists.map((l) => ({ ...l, feeds: l.feeds.filter((f) => f.kind !== 'account') })) }],
      ['DEFINITION_KIND_FIXED', { ...def, kind: 'committee' }],
    ];
    for (const [code, definition] of cases) {
      expect(await app.dispatch('campaign:updateDefinition', { campaignId: id, definition, newVersion: { statement: STATEMENT } }), code).toMatchObject({ ok: false, error: { code } });
      expect(await app.dispatch('campaign:definitionImpact', { campaignId: id, definition }), code).toMatchObject({ ok: false, error: { code } });
      expect(storedJson(app, id), code).toBe(before);
    }
    expect(app.ctx.db.prepare('SELECT count(*) FROM definition_versions').pluck().get()).toBe(0);
    app.ctx.close();
  });

  it('removes an answered eligibility item as a new version: the answers stay, the committee selection no longer tallies them', async () => {
    const app = await openMergedSample();
    const committee = (await ok<CampaignSummary[]>(app.dispatch('campaign:list', {}))).find((c) => c.kind === 'committee')!;
    const dir = path.join(app.dataDir, 'sample-bundles-committee');
    const files = fs.readdirSync(dir).map((f) => ({ fileName: f, contentBase64: fs.readFileSync(path.join(dir, f)).toString('base64') }));
    await ok(app.dispatch('bundle:merge', { campaignId: committee.id, files }));
    const answersOn = () => app.ctx.db.prepare(`SELECT entry_id, judge_id, item_key, answer, note, updated_at FROM eligibility_answers WHERE item_key = 'methods_experience' ORDER BY entry_id, judge_id`).all();
    const answers = answersOn();
    expect(answers.length).toBeGreaterThan(0);
    const view = async () => (await ok<CommitteeView>(app.dispatch('ranking:committee', { campaignId: committee.id })))!;
    expect((await view()).members.concat((await view()).rejected)[0].items.map((i) => i.item)).toContain('methods_experience');

    const def = app.ctx.campaigns.definition(committee.id);
    const next = { ...def, lists: def.lists.map((l) => ({ ...l, eligibility: l.eligibility.filter((i) => i.key !== 'methods_experience') })) };
    expect(await app.dispatch('campaign:updateDefinition', { campaignId: committee.id, definition: next })).toMatchObject({
      ok: false,
      error: { code: 'DEFINITION_ITEM_HAS_ANSWERS', params: { item: 'methods_experience', count: answers.length } },
    });
    const statement = 'Outreach experience is now judged from the works; the judges’ answers are kept for the record.';
    expect(await ok(app.dispatch('campaign:updateDefinition', { campaignId: committee.id, definition: next, newVersion: { statement } }))).toEqual({ version: 2 });

    expect(answersOn()).toEqual(answers);
    const after = await view();
    for (const applicant of [...after.members, ...after.rejected, ...after.held]) expect(applicant.items.map((i) => i.item)).not.toContain('methods_experience');
    const summary = await ok<RankingSummary>(app.dispatch('ranking:summary', { campaignId: committee.id }));
    expect(summary.setAside).toMatchObject({ scores: 0, answers: answers.length, items: [{ key: 'methods_experience', answers: answers.length, since: { version: 2, statement } }] });
    app.ctx.close();
  });
});
