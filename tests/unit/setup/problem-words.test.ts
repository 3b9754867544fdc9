// Definition problems as people read them, outside the Setup editor too (a programme file's check
// list, the CLI): the place as the editor names it and labels for keys, from the definition in the
// file (and, for something a change removed, the definition before it). Real Sichuan template, the
// core's own validation, the real locale files.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CampaignDefinition } from '../../../src-main/contract';
import { createNodeI18n } from '../../../src-main/app/translate';
import { checkProgramme } from '../../../src-main/core/campaigns/programme-file';
import { definitionProblems } from '../../../src-main/core/campaigns/validate-definition';
import { explainParams, problemLine } from '../../../src-renderer/src/components/setup/problem-place';

const root = path.resolve(import.meta.dirname, '../../..');
const programme = () => JSON.parse(fs.readFileSync(path.join(root, 'resources/templates/sichuan-influence-2023.kepuprog'), 'utf8')) as { definition: CampaignDefinition } & Record<string, unknown>;
const en = createNodeI18n('en').t;
const zh = createNodeI18n('zh-CN').t;

/** Sichuan with problems of every kind the rules find, each naming keys. */
function broken(): CampaignDefinition {
  const def = CampaignDefinition.parse(programme().definition);
  const [influence, brand] = def.lists;
  const step = { ...influence.rubric[1], scale: { min: 0, max: 10, step: 3 }, anchors: [{ score: 42, label: { 'zh-CN': '超纲', en: 'Off scale' } }] };
  def.lists = [
    { ...influence, rubric: [influence.rubric[0], step, influence.rubric[2]], feeds: [...influence.feeds, { kind: 'brand', categories: null }] },
    { ...brand, rubric: [{ ...brand.rubric[0], key: 'content' }, ...brand.rubric.slice(1)], certificateKind: 'gold_medal' },
  ];
  const work = def.entryKinds[0];
  def.entryKinds[0] = { ...work, fields: [...work.fields, { key: 'format_choice', label: { 'zh-CN': '形式', en: 'Format' }, type: 'choice', required: false, identifying: false, aliases: [] } as never] };
  return def;
}

// Keys the broken definition's problems name; none may reach a person.
const KEYS = ['creativity', 'brand_reputation', 'gold_medal', 'format_choice', 'brand_value', 'influence', 'definition.', 'lists.', 'entryKinds'];

describe('definition problems in words', () => {
  it('say where and what by label in both languages, never a key or a path', () => {
    const def = broken();
    const problems = definitionProblems(def);
    expect(problems.map((p) => p.code)).toEqual(
      expect.arrayContaining(['DEFINITION_DUPLICATE_KEY', 'DEFINITION_SCALE_STEP', 'DEFINITION_ANCHOR_OUT_OF_SCALE', 'DEFINITION_CHOICES_MISSING', 'DEFINITION_CERTIFICATE_KIND_UNKNOWN', 'DEFINITION_LIST_OVERLAP']),
    );
    const lines = problems.map((p) => problemLine(p, def, en, 'en'));
    const byCode = (code: string) => lines[problems.findIndex((p) => p.code === code)];
    expect(byCode('DEFINITION_SCALE_STEP')).toEqual({
      place: `Lists & rubrics › ${def.lists[0].name.en} › Rubric › Creativity`,
      message: 'The step 3 of dimension “Creativity” does not divide its scale 0–10.',
    });
    expect(byCode('DEFINITION_DUPLICATE_KEY')).toEqual({ place: `Lists & rubrics › ${def.lists[1].name.en} › Rubric › Reputation`, message: '“Reputation” has the same key as another item in Lists & rubrics; every key must be unique.' });
    expect(byCode('DEFINITION_CHOICES_MISSING')).toEqual({ place: 'Registration fields › Work › Format', message: 'The choice field “Format” has no choices.' });
    expect(byCode('DEFINITION_CERTIFICATE_KIND_UNKNOWN').place).toBe(`Lists & rubrics › ${def.lists[1].name.en} › Certificate it awards`);
    expect(byCode('DEFINITION_LIST_OVERLAP').message).toContain(`“${def.lists[0].name.en}”`);
    const zhLines = problems.map((p) => problemLine(p, def, zh, 'zh-CN'));
    expect(zhLines[problems.findIndex((p) => p.code === 'DEFINITION_SCALE_STEP')]).toEqual({
      place: `榜单与评分 › ${def.lists[0].name['zh-CN']} › 评分标准 › 创意`,
      message: '评分维度“创意”的步长 3 不能整分其分值范围 0–10。',
    });
    for (const text of [...lines, ...zhLines].flatMap((l) => [l.place ?? '', l.message])) {
      for (const key of KEYS) expect(text, text).not.toContain(key);
      expect(text).not.toMatch(/\{\{|DEFINITION_/);
    }
  });

  it('names what a change removed by its label from the definition before it', () => {
    const before = CampaignDefinition.parse(programme().definition);
    const after = { ...before, lists: [{ ...before.lists[0], rubric: before.lists[0].rubric.filter((d) => d.key !== 'creativity') }, before.lists[1]] };
    const line = problemLine({ code: 'DEFINITION_DIMENSION_HAS_SCORES', params: { dimension: 'creativity', count: 12, path: 'definition.lists' } }, after, en, 'en');
    expect(line.message).toContain('"creativity"'); // without the definition before, nothing knows its name
    const known = explainParams({ dimension: 'creativity', count: 12, path: 'definition.lists' }, after, zh, 'zh-CN', before);
    expect(known.params).toMatchObject({ dimension: '创意', path: '榜单与评分' });
    expect(explainParams({ category: 'video', count: 3, path: 'definition.entryKinds.0.categories' }, after, en, 'en', before).params.category).toBe('Video');
  });

  it('names the parts of a programme file outside its definition, and the parser\'s words', () => {
    const notJson = checkProgramme(Buffer.from('{ "format": '), 'broken.kepuprog');
    expect(notJson.definition).toBeNull();
    const line = problemLine(notJson.problems[0], notJson.definition, en, 'en');
    expect(line.place).toBeNull();
    expect(line.message).toMatch(/^broken\.kepuprog is not a usable programme file: at the file as a whole, the text is not valid JSON/);
    const schema = checkProgramme(Buffer.from(JSON.stringify({ ...programme(), definition: { ...programme().definition, judgesPerEntry: 0 } })), 'zero.kepuprog');
    expect(problemLine(schema.problems[0], schema.definition, zh, 'zh-CN').message).toBe('zero.kepuprog 不是可用的活动方案文件：评审安排 处，必须大于 0。');
    // A file whose schema holds carries its definition, so the check list can name places and labels.
    const rules = checkProgramme(Buffer.from(JSON.stringify({ ...programme(), definition: broken() })), 'rules.kepuprog');
    expect(rules.valid).toBe(false);
    expect(rules.definition?.lists[1].certificateKind).toBe('gold_medal');
  });
});
