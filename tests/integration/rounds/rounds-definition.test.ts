// Rounds in the campaign definition (issue 14): validated with their own codes and places in the
// editor's words; a programme file with rounds round-trips byte for byte; definitions without
// rounds (every built-in template) read and write exactly as before — no `rounds` key appears.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CampaignDefinition, type CampaignSummary, errorCodes, type ExportFile, type ProgrammeCheck, type ProgrammeFile } from '../../../src-main/contract';
import { problemText } from '../../../src-main/contract/definition-places';
import { createNodeI18n } from '../../../src-main/app/translate';
import { programmeBytes } from '../../../src-main/core/campaigns/programme-file';
import { definitionProblems } from '../../../src-main/core/campaigns/validate-definition';
import { ok, openTestApp, resourcesDir } from '../../helpers';

const builtIn = (id: string) => fs.readFileSync(path.join(resourcesDir, 'templates', `${id}.kepuprog`));
const source = (bytes: Buffer, fileName = 'programme.kepuprog') => ({ fileName, contentBase64: bytes.toString('base64') });
const sichuan = () => JSON.parse(builtIn('sichuan-influence-2023').toString('utf8')) as ProgrammeFile;

const formal = { key: 'formal', name: { 'zh-CN': '形式审查', en: 'Formal check' }, kind: 'formal' as const };
const first = { key: 'first', name: { 'zh-CN': '初评', en: 'First round' }, kind: 'scoring' as const, shortlist: { by: 'percent' as const, value: 30 } };
const final = { key: 'final', name: { 'zh-CN': '终评', en: 'Final round' }, kind: 'scoring' as const, panel: ['judge-a', 'judge-b', 'judge-c'], judgesPerEntry: 3, dueAt: '2024-01-20T18:00:00+08:00', carryOver: 0.3 };

function withRounds(rounds: unknown[]): ProgrammeFile {
  const p = sichuan();
  p.definition.lists[0] = { ...p.definition.lists[0], rounds: rounds as never };
  return p;
}

describe('rounds in the definition', () => {
  it('are read with their defaults, and a definition without rounds gains no key', () => {
    const parsed = CampaignDefinition.parse(withRounds([formal, first, final]).definition);
    expect(parsed.lists[0].rounds).toEqual([
      formal,
      { ...first, panel: null, judgesPerEntry: null, rubric: null, dueAt: null, carryOver: 0 },
      { ...final, rubric: null, shortlist: null },
    ]);
    for (const id of ['sichuan-influence-2023', 'caca-committee-2021']) {
      const text = builtIn(id).toString('utf8');
      expect(text).not.toContain('"rounds"');
      const def = CampaignDefinition.parse(JSON.parse(text).definition);
      for (const l of def.lists) expect('rounds' in l).toBe(false);
    }
    // Unknown round kinds and keys are refused by the schema.
    expect(CampaignDefinition.safeParse(withRounds([{ ...formal, kind: 'oral' }]).definition).success).toBe(false);
    expect(CampaignDefinition.safeParse(withRounds([{ ...formal, panel: ['x'] }, first]).definition).success).toBe(false);
    expect(CampaignDefinition.safeParse(withRounds([formal, { ...first, carryOver: 1.5 }]).definition).success).toBe(false);
    // w < 1: a round carrying everything over would not count at all; w < 0 means nothing.
    expect(CampaignDefinition.safeParse(withRounds([formal, first, { ...final, carryOver: 1 }]).definition).success).toBe(false);
    expect(CampaignDefinition.safeParse(withRounds([formal, first, { ...final, carryOver: -0.1 }]).definition).success).toBe(false);
    expect(CampaignDefinition.safeParse(withRounds([formal, first, { ...final, carryOver: 0.99 }]).definition).success).toBe(true);
  });

  it('name every round problem with its code and path, in words in both languages', () => {
    const def = CampaignDefinition.parse(
      withRounds([
        first,
        formal,
        { ...formal, key: 'formal_2' },
        { ...final, key: 'first', panel: ['a', 'a'], judgesPerEntry: 5, shortlist: { by: 'top', value: 2.5 } },
      ]).definition,
    );
    def.lists[1] = { ...def.lists[1], rounds: [formal] };
    const problems = definitionProblems(def);
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['DEFINITION_DUPLICATE_KEY', 'definition.lists.0.rounds.3'],
      ['DEFINITION_ROUND_FORMAL_ORDER', 'definition.lists.0.rounds.1'],
      ['DEFINITION_ROUND_FORMAL_TWICE', 'definition.lists.0.rounds.2'],
      ['DEFINITION_ROUND_SHORTLIST_LAST', 'definition.lists.0.rounds.3.shortlist'],
      ['DEFINITION_ROUND_SHORTLIST_VALUE', 'definition.lists.0.rounds.3.shortlist.value'],
      ['DEFINITION_DUPLICATE_KEY', 'definition.lists.0.rounds.3.panel.1'],
      ['DEFINITION_ROUND_PANEL_SMALL', 'definition.lists.0.rounds.3.panel'],
      ['DEFINITION_ROUND_NO_SCORING', 'definition.lists.1.rounds'],
    ]);
    const en = createNodeI18n('en').t;
    const zh = createNodeI18n('zh-CN').t;
    const lines = problems.map((p) => problemText(p, def, en as never, 'en'));
    const list = def.lists[0].name.en;
    expect(lines[1]).toBe(`Lists & rubrics › ${list} › Rounds › Formal check: In the list “${list}” the formal check comes after a scoring round; it must come first.`);
    expect(lines[6]).toBe(`Lists & rubrics › ${list} › Rounds › Final round: The round asks 5 judges per entry, but its panel has only 2.`);
    const zhLines = problems.map((p) => problemText(p, def, zh as never, 'zh-CN'));
    for (const line of [...lines, ...zhLines]) {
      expect(line).not.toMatch(/definition\.|lists\.|errors\.|setup\./);
    }
    expect(zhLines[7]).toContain('没有评分轮');
    for (const p of problems) expect(errorCodes).toContain(p.code);
    // Carry-over on the first scoring round has nothing to carry.
    const carry = CampaignDefinition.parse(withRounds([{ ...first, carryOver: 0.5 }, { ...final, carryOver: 0 }]).definition);
    expect(definitionProblems(carry).map((p) => [p.code, p.path])).toEqual([['DEFINITION_ROUND_CARRY_FIRST', 'definition.lists.0.rounds.0.carryOver']]);
  });

  it('round-trip through a programme file byte for byte; templates export unchanged', async () => {
    const app = openTestApp();
    const bytes = programmeBytes(withRounds([formal, first, final]));
    const check = await ok<ProgrammeCheck>(app.dispatch('programme:check', { file: source(bytes) }));
    expect(check.problems).toEqual([]);
    const created = await ok<CampaignSummary>(app.dispatch('campaign:createFromProgramme', { file: source(bytes) }));
    const exported = await ok<ExportFile>(app.dispatch('campaign:exportProgramme', { campaignId: created.id }));
    const text = Buffer.from(exported.contentBase64, 'base64').toString('utf8');
    expect(text).toBe(bytes.toString('utf8'));
    expect(JSON.parse(text).definition.lists[0].rounds.map((r: { key: string }) => r.key)).toEqual(['formal', 'first', 'final']);
    for (const id of ['sichuan-influence-2023', 'caca-committee-2021']) {
      const fromTemplate = await ok<CampaignSummary>(app.dispatch('campaign:create', { templateId: id }));
      const file = await ok<ExportFile>(app.dispatch('campaign:exportProgramme', { campaignId: fromTemplate.id }));
      expect(Buffer.from(file.contentBase64, 'base64').equals(builtIn(id))).toBe(true);
      const stored = app.ctx.db.prepare('SELECT definition_json FROM campaigns WHERE id = ?').pluck().get(fromTemplate.id) as string;
      expect(stored).not.toContain('"rounds"');
    }
    app.ctx.close();
  });
});
