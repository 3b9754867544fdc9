// Programme files (.kepuprog): export → create → export gives the same file, every validation code
// is reported with its path, a refused file stores nothing, and the CLI does the same.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CampaignSummary, errorCodes, type ExportFile, type ProgrammeCheck, type ProgrammeFile } from '../../../src-main/contract';
import { programmeBytes } from '../../../src-main/core/campaigns/programme-file';
import { ok, openTestApp, repoRoot, resourcesDir, tempDir } from '../../helpers';

const builtIn = (id: string) => fs.readFileSync(path.join(resourcesDir, 'templates', `${id}.kepuprog`));
const source = (bytes: Buffer, fileName = 'programme.kepuprog') => ({ fileName, contentBase64: bytes.toString('base64') });

/** A third programme nobody ships: a provincial nursing video contest, as an association writes it. */
function nursingProgramme(): ProgrammeFile {
  const base = JSON.parse(builtIn('sichuan-influence-2023').toString('utf8')) as ProgrammeFile;
  return {
    ...base,
    id: 'nursing-video-2025',
    description: { 'zh-CN': '省级护理科普视频大赛', en: 'Provincial nursing science video contest' },
    source: 'made up for a test',
    definition: {
      ...base.definition,
      name: { 'zh-CN': '2025 年护理科普视频大赛', en: '2025 Nursing Science Video Contest' },
      opensAt: '2025-03-01T00:00:00+08:00',
      deadline: '2025-05-31T18:00:00+08:00',
    },
  };
}

describe('programme files', () => {
  it('export → create → export gives the same file, for a built-in template and for a programme of its own', async () => {
    const app = openTestApp();
    for (const bytes of [builtIn('sichuan-influence-2023'), builtIn('caca-committee-2021'), programmeBytes(nursingProgramme())]) {
      const created = await ok<CampaignSummary>(app.dispatch('campaign:createFromProgramme', { file: source(bytes) }));
      const exported = await ok<ExportFile>(app.dispatch('campaign:exportProgramme', { campaignId: created.id }));
      expect(Buffer.from(exported.contentBase64, 'base64').toString('utf8')).toBe(bytes.toString('utf8'));
      expect(exported.fileName.endsWith('.kepuprog')).toBe(true);
      expect(fs.readFileSync(exported.savedTo).equals(bytes)).toBe(true);
      const again = await ok<CampaignSummary>(app.dispatch('campaign:createFromProgramme', { file: source(Buffer.from(exported.contentBase64, 'base64')) }));
      expect(app.ctx.campaigns.definition(again.id)).toEqual(app.ctx.campaigns.definition(created.id));
    }
    // A campaign made from the built-in template exports as that template's file.
    const fromTemplate = await ok<CampaignSummary>(app.dispatch('campaign:create', { templateId: 'caca-committee-2021' }));
    const file = await ok<ExportFile>(app.dispatch('campaign:exportProgramme', { campaignId: fromTemplate.id }));
    expect(Buffer.from(file.contentBase64, 'base64').equals(builtIn('caca-committee-2021'))).toBe(true);
    expect(await ok<ProgrammeFile>(app.dispatch('template:show', { templateId: 'caca-committee-2021' }))).toEqual(JSON.parse(builtIn('caca-committee-2021').toString('utf8')));
    app.ctx.close();
  });

  it('names every problem with its code and path, and a refused file stores nothing', async () => {
    const app = openTestApp();
    const broken = nursingProgramme();
    const def = broken.definition;
    def.deadline = '2025-02-01T00:00:00+08:00'; // before opening
    def.lists[0].rubric = [...def.lists[0].rubric, { ...def.lists[0].rubric[0] }]; // duplicate key
    def.lists[0].rubric[1] = { ...def.lists[0].rubric[1], anchors: [{ score: 42, label: { 'zh-CN': '超纲', en: 'Off scale' } }] };
    def.lists[0].rubric[2] = { ...def.lists[0].rubric[2], scale: { min: 0, max: 10, step: 3 } };
    def.entryKinds[0] = { ...def.entryKinds[0], fields: [...def.entryKinds[0].fields, { key: 'format', label: { 'zh-CN': '形式', en: 'Format' }, type: 'choice', required: false, aliases: [] }] };
    const check = await ok<ProgrammeCheck>(app.dispatch('programme:check', { file: source(programmeBytes(broken), 'nursing.kepuprog') }));
    expect(check.valid).toBe(false);
    expect(check.problems.map((p) => [p.code, p.path])).toEqual([
      ['DEFINITION_DEADLINE_BEFORE_OPENING', 'definition.deadline'],
      ['DEFINITION_CHOICES_MISSING', `definition.entryKinds.0.fields.${def.entryKinds[0].fields.length - 1}.choices`],
      ['DEFINITION_DUPLICATE_KEY', 'definition.lists.0.rubric.3'],
      ['DEFINITION_WEIGHTS_TOTAL', 'definition.lists.0.rubric'],
      ['DEFINITION_ANCHOR_OUT_OF_SCALE', 'definition.lists.0.rubric.1.anchors.0.score'],
      ['DEFINITION_SCALE_STEP', 'definition.lists.0.rubric.2.scale.step'],
    ]);
    for (const p of check.problems) {
      expect(errorCodes).toContain(p.code);
      expect(p.params.file).toBe('nursing.kepuprog');
    }
    const before = app.ctx.db.prepare('SELECT count(*) FROM campaigns').pluck().get();
    expect(await app.dispatch('campaign:createFromProgramme', { file: source(programmeBytes(broken)) })).toMatchObject({ ok: false, error: { code: 'DEFINITION_DEADLINE_BEFORE_OPENING' } });
    const cases: [Buffer, string, string][] = [
      [Buffer.from('{ not json'), 'PROGRAMME_INVALID', '(file)'],
      [Buffer.from(JSON.stringify({ ...nursingProgramme(), format: 'kepu-programme/9' })), 'PROGRAMME_FORMAT_UNSUPPORTED', 'format'],
      [Buffer.from(JSON.stringify({ ...nursingProgramme(), definition: { ...nursingProgramme().definition, judgesPerEntry: 0 } })), 'PROGRAMME_INVALID', 'definition.judgesPerEntry'],
      [Buffer.from(JSON.stringify({ ...nursingProgramme(), extra: 1 })), 'PROGRAMME_INVALID', '(file)'],
    ];
    for (const [bytes, code, where] of cases) {
      const result = await app.dispatch('campaign:createFromProgramme', { file: source(bytes) });
      expect(result, code).toMatchObject({ ok: false, error: { code } });
      if (code === 'PROGRAMME_INVALID') expect((result as unknown as { error: { params: { path: string } } }).error.params.path).toBe(where);
    }
    expect(app.ctx.db.prepare('SELECT count(*) FROM campaigns').pluck().get()).toBe(before);
    // People edit these files: a byte-order mark and other key orders are fine.
    const edited = Buffer.concat([Buffer.from('\ufeff'), Buffer.from(JSON.stringify(nursingProgramme()))]);
    expect((await ok<ProgrammeCheck>(app.dispatch('programme:check', { file: source(edited) }))).valid).toBe(true);
    app.ctx.close();
  });

  it('checks the lists: keys unique across lists, feeds that overlap or leave entries without a list, unknown kinds, categories, certificate kinds and rule fields, a list\'s own tiers', async () => {
    const app = openTestApp();
    const broken = JSON.parse(builtIn('sichuan-influence-2023').toString('utf8')) as ProgrammeFile;
    const def = broken.definition;
    const [influence, brand] = def.lists;
    def.lists = [
      // The influence list now also takes brands (overlap with the brand list) but no longer accounts (unfed).
      { ...influence, feeds: [{ kind: 'work', categories: ['video', 'graphic', 'cartoon', 'other', 'podcast'] }, { kind: 'individual', categories: null }, { kind: 'brand', categories: null }] },
      // A dimension key the influence list already uses; a certificate kind nobody defined.
      { ...brand, rubric: [{ ...brand.rubric[0], key: 'content' }, ...brand.rubric.slice(1)], certificateKind: 'gold_medal' },
      // Award tiers of its own: one without a name (certificates print it), a key used twice.
      {
        ...brand,
        key: 'extra',
        feeds: [{ kind: 'applicant', categories: null }],
        rubric: brand.rubric.map((d) => ({ ...d, key: `extra_${d.key}` })),
        method: 'median',
        tiers: [
          { key: 'gold', by: 'rank', count: 1 },
          { key: 'gold', label: { 'zh-CN': '金奖', en: 'Gold' }, by: 'rank', count: 2 },
        ],
      },
    ];
    def.entryKinds[1] = { ...def.entryKinds[1], rules: [{ key: 'link_or_screenshot', anyOf: [{ field: 'homepage' }, { media: 'screenshot' }] }] };
    const check = await ok<ProgrammeCheck>(app.dispatch('programme:check', { file: source(programmeBytes(broken), 'sichuan.kepuprog') }));
    expect(check.problems.map((p) => [p.code, p.path])).toEqual([
      ['DEFINITION_RULE_FIELD_UNKNOWN', 'definition.entryKinds.1.rules.0.anyOf.0'],
      ['DEFINITION_DUPLICATE_KEY', 'definition.lists.1.rubric.0'],
      ['DEFINITION_CERTIFICATE_KIND_UNKNOWN', 'definition.lists.1.certificateKind'],
      ['DEFINITION_DUPLICATE_KEY', 'definition.lists.2.tiers.1'],
      ['DEFINITION_TIER_LABEL_MISSING', 'definition.lists.2.tiers.0.label'],
      ['DEFINITION_LIST_CATEGORY_UNKNOWN', 'definition.lists.0.feeds.0.categories'],
      ['DEFINITION_LIST_OVERLAP', 'definition.lists.1.feeds.0'],
      ['DEFINITION_LIST_KIND_UNKNOWN', 'definition.lists.2.feeds.0.kind'],
      ['DEFINITION_LIST_UNFED', 'definition.entryKinds.1'],
    ]);
    for (const p of check.problems) expect(errorCodes).toContain(p.code);
    app.ctx.close();
  });

  it('reads a programme file of the first format (one rubric, organizers as names) and writes it back in the current one', async () => {
    const app = openTestApp();
    const v1 = fs.readFileSync(path.join(repoRoot, 'tests', 'fixtures', 'programmes', 'sichuan-influence-2023.v1.kepuprog'));
    expect(JSON.parse(v1.toString('utf8')).format).toBe('kepu-programme/1');
    const check = await ok<ProgrammeCheck>(app.dispatch('programme:check', { file: source(v1, 'old.kepuprog') }));
    expect(check).toMatchObject({ valid: true, problems: [] });
    const created = await ok<CampaignSummary>(app.dispatch('campaign:createFromProgramme', { file: source(v1, 'old.kepuprog') }));
    const def = app.ctx.campaigns.definition(created.id);
    const old = JSON.parse(v1.toString('utf8')).definition;
    // One list, named like the campaign, fed by every kind, with the file's rubric; organizers keep their names.
    expect(def.lists).toEqual([{ key: 'main', name: old.name, feeds: old.entryKinds.map((k: { kind: string }) => ({ kind: k.kind, categories: null })), rubric: old.rubric, eligibility: old.eligibility, certificateKind: null, method: null, tiers: null }]);
    expect(def.organizers.map((o) => o.name)).toEqual(old.organizers);
    expect(def.organizers.map((o) => o.role)).toEqual(['host', ...old.organizers.slice(1).map(() => 'organizer')]);
    const exported = await ok<ExportFile>(app.dispatch('campaign:exportProgramme', { campaignId: created.id }));
    expect(JSON.parse(Buffer.from(exported.contentBase64, 'base64').toString('utf8')).format).toBe('kepu-programme/2');
    app.ctx.close();
  });

  it('starts a programme from nothing: valid, named, hosted, and exported as a programme file of its own', async () => {
    const app = openTestApp();
    for (const kind of ['works', 'committee'] as const) {
      const name = { 'zh-CN': '2025 年护理科普视频大赛', en: '2025 Nursing Science Video Contest' };
      const host = { 'zh-CN': '某省护理学会', en: 'Provincial Nursing Association' };
      const created = await ok<CampaignSummary>(app.dispatch('campaign:createBlank', { kind, name, host }));
      expect(created).toMatchObject({ kind, name, entryCount: 0 });
      const def = app.ctx.campaigns.definition(created.id);
      expect(def.organizers).toEqual([{ name: host, role: 'host' }]);
      expect(def.entryKinds.map((k) => k.kind)).toEqual([kind === 'works' ? 'work' : 'applicant']);
      expect(def.lists).toHaveLength(1);
      expect(def.lists[0].rubric.map((d) => [d.key, d.weight])).toEqual([['overall', 1]]);
      expect(Date.parse(def.deadline)).toBeGreaterThan(Date.parse(def.opensAt!));
      const file = await ok<ExportFile>(app.dispatch('campaign:exportProgramme', { campaignId: created.id }));
      const check = await ok<ProgrammeCheck>(app.dispatch('programme:check', { file: { fileName: file.fileName, contentBase64: file.contentBase64 } }));
      expect(check).toMatchObject({ valid: true, programme: { id: 'own-programme', name } });
    }
    expect(await app.dispatch('campaign:createBlank', { kind: 'works', name: { 'zh-CN': '', en: '' }, host: { 'zh-CN': 'x', en: 'x' } })).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    app.ctx.close();
  });

  it('kepu campaign validate / create --from / export / template show', () => {
    const dir = tempDir();
    const dataDir = path.join(dir, 'data');
    const kepu = (...args: string[]) => spawnSync(process.execPath, [path.join(repoRoot, 'bin/kepu.mjs'), ...args], { encoding: 'utf8', env: { ...process.env, KEPU_LANG: 'en' } });
    const good = path.join(dir, 'nursing.kepuprog');
    fs.writeFileSync(good, programmeBytes(nursingProgramme()));
    const bad = path.join(dir, 'bad.kepuprog');
    fs.writeFileSync(bad, programmeBytes({ ...nursingProgramme(), definition: { ...nursingProgramme().definition, deadline: '2024-01-01T00:00:00+08:00' } }));

    const valid = kepu('campaign', 'validate', good);
    expect(valid.status, valid.stderr).toBe(0);
    expect(valid.stdout).toContain('nursing-video-2025');
    const invalid = kepu('campaign', 'validate', bad, '--json');
    expect(invalid.status).toBe(1);
    expect(JSON.parse(invalid.stdout)).toMatchObject({ ok: false, valid: false, problems: [{ code: 'DEFINITION_DEADLINE_BEFORE_OPENING' }] });

    const created = kepu('campaign', 'create', '--from', good, '--data-dir', dataDir, '--json');
    expect(created.status, created.stderr).toBe(0);
    const campaign = JSON.parse(created.stdout) as CampaignSummary;
    expect(campaign.name.en).toBe('2025 Nursing Science Video Contest');
    const refused = kepu('campaign', 'create', '--from', bad, '--data-dir', dataDir, '--json');
    expect(refused.status).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ ok: false, code: 'DEFINITION_DEADLINE_BEFORE_OPENING' });

    // People read places and labels in their language; --json keeps the code, the path and the key.
    const stepped = nursingProgramme();
    const creativity = stepped.definition.lists[0].rubric[1];
    expect(creativity).toMatchObject({ key: 'creativity', label: { en: 'Creativity', 'zh-CN': '创意' } });
    stepped.definition.lists[0].rubric[1] = { ...creativity, scale: { min: 0, max: 10, step: 3 } };
    const steppedFile = path.join(dir, 'stepped.kepuprog');
    fs.writeFileSync(steppedFile, programmeBytes(stepped));
    const listName = stepped.definition.lists[0].name;
    const told = kepu('campaign', 'validate', steppedFile);
    expect(told.status).toBe(1);
    expect(told.stdout).toContain(`Lists & rubrics › ${listName.en} › Rubric › Creativity: The step 3 of dimension “Creativity” does not divide its scale 0–10.`);
    expect(told.stdout).not.toMatch(/creativity|definition\.lists/);
    const toldZh = spawnSync(process.execPath, [path.join(repoRoot, 'bin/kepu.mjs'), 'campaign', 'validate', steppedFile], { encoding: 'utf8', env: { ...process.env, KEPU_LANG: 'zh-CN' } });
    expect(toldZh.stdout).toContain(`榜单与评分 › ${listName['zh-CN']} › 评分标准 › 创意：评分维度“创意”的步长 3 不能整分其分值范围 0–10。`);
    expect(toldZh.stdout).not.toContain('creativity');
    const asJson = JSON.parse(kepu('campaign', 'validate', steppedFile, '--json').stdout) as ProgrammeCheck & { ok: boolean };
    expect(asJson).not.toHaveProperty('definition');
    expect(asJson.problems).toEqual([
      { code: 'DEFINITION_SCALE_STEP', path: 'definition.lists.0.rubric.1.scale.step', params: { file: 'stepped.kepuprog', dimension: 'creativity', min: 0, max: 10, step: 3, path: 'definition.lists.0.rubric.1.scale.step' } },
    ]);
    const refusedText = kepu('campaign', 'create', '--from', steppedFile, '--data-dir', dataDir);
    expect(refusedText.status).toBe(1);
    expect(refusedText.stderr).toContain('Creativity: The step 3 of dimension “Creativity” does not divide its scale 0–10. [DEFINITION_SCALE_STEP]');
    expect(refusedText.stderr).not.toContain('creativity');
    const refusedJson = JSON.parse(kepu('campaign', 'create', '--from', steppedFile, '--data-dir', dataDir, '--json').stdout);
    expect(refusedJson).toMatchObject({ ok: false, code: 'DEFINITION_SCALE_STEP', params: { dimension: 'creativity', path: 'definition.lists.0.rubric.1.scale.step' } });

    const out = path.join(dir, '导出', 'again.kepuprog');
    const exported = kepu('campaign', 'export', '--campaign', campaign.id, '--out', out, '--data-dir', dataDir);
    expect(exported.status, exported.stderr).toBe(0);
    expect(fs.readFileSync(out).equals(fs.readFileSync(good))).toBe(true);

    const shown = kepu('template', 'show', 'sichuan-influence-2023', '--data-dir', dataDir, '--json');
    expect(shown.status, shown.stderr).toBe(0);
    expect(JSON.parse(shown.stdout)).toEqual(JSON.parse(builtIn('sichuan-influence-2023').toString('utf8')));
    fs.rmSync(dir, { recursive: true, force: true });
  }, 300_000); // ten CLI processes, each starting TypeScript through tsx
});
