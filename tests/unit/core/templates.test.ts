import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTemplateFile, TemplateCatalog } from '../../../src-main/core/campaigns/templates';
import { resourcesDir, tempDir } from '../../helpers';

const catalog = new TemplateCatalog(path.join(resourcesDir, 'templates'));

describe('built-in campaign templates', () => {
  it('ships the two programmes from the seeds', () => {
    expect(catalog.list().map((t) => t.id).sort()).toEqual(['caca-committee-2021', 'sichuan-influence-2023']);
  });

  it('encodes the Sichuan works competition: deadline in UTC+8, MP4 ≤ 100 MB (10^6) and ≤ 10 minutes', () => {
    const def = catalog.get('sichuan-influence-2023').definition;
    expect(def.kind).toBe('works');
    expect(new Date(def.deadline).toISOString()).toBe('2023-12-25T10:00:00.000Z');
    expect(def.timeZone).toBe('Asia/Shanghai');
    expect(def.mediaRules.video).toMatchObject({ containers: ['mp4'], maxSizeBytes: 100_000_000, sizeUnit: 'MB', maxDurationSeconds: 600 });
    expect(def.lists[0].rubric.map((d) => d.key)).toEqual(['content', 'creativity', 'communication']);
    expect(def.lists[0].rubric.reduce((sum, d) => sum + d.weight, 0)).toBeCloseTo(1);
    expect(def.entryKinds.map((k) => k.kind)).toEqual(['work', 'account', 'individual', 'brand']);
    expect(def.entryKinds[0].categories.map((c) => c.key)).toEqual(['graphic', 'cartoon', 'video', 'other']);
    const account = def.entryKinds[1].fields.map((f) => f.key);
    expect(account).toEqual(expect.arrayContaining(['platform', 'account_name', 'link']));
    // "the link/screenshot should be submitted"
    expect(def.entryKinds[1].rules).toEqual([{ key: 'link_or_screenshot', anyOf: [{ field: 'link' }, { media: 'screenshot' }] }]);
    expect(def.organizers.find((o) => o.name['zh-CN'] === '成都商报-红星新闻')?.role).toBe('media');
    expect(def.editionYear).toBe(2023);
  });

  it('ships both lists the Sichuan notice names: the influence list and the brand value list, each with its own rubric', () => {
    const def = catalog.get('sichuan-influence-2023').definition;
    expect(def.lists.map((l) => l.key)).toEqual(['influence', 'brand_value']);
    expect(def.lists[0].feeds.map((f) => f.kind)).toEqual(['work', 'account', 'individual']);
    expect(def.lists[1].name['zh-CN']).toContain('健康产业品牌价值综合评价榜');
    expect(def.lists[1].feeds).toEqual([{ kind: 'brand', categories: null }]);
    expect(def.lists[1].rubric.map((d) => d.key)).toEqual(['brand_reputation', 'brand_innovation', 'brand_responsibility', 'brand_communication']);
    expect(def.lists[1].rubric.reduce((sum, d) => sum + d.weight, 0)).toBeCloseTo(1);
    expect(def.lists[1].certificateKind).toBe('brand_award');
    const brand = def.entryKinds.find((k) => k.kind === 'brand');
    expect(brand?.fields.map((f) => f.key)).toEqual(['brand_name', 'unit', 'industry_segment', 'description', 'materials', 'phone', 'email', 'reason']);
    expect(brand?.fields.find((f) => f.key === 'materials')?.type).toBe('file');
  });

  it('encodes the CACA committee selection: window, six criteria (加V is a membership step, not a criterion), 2-year certificate', () => {
    const def = catalog.get('caca-committee-2021').definition;
    expect(def.kind).toBe('committee');
    expect(new Date(def.opensAt!).toISOString()).toBe('2021-10-17T16:00:00.000Z');
    expect(def.lists[0].eligibility).toHaveLength(6);
    // The platform accounts and first publication come after selection: steps of the certificate.
    expect(def.lists[0].eligibility.map((e) => e.key)).not.toContain('identity_verified');
    expect(def.certificates[0].steps?.map((s) => s.key)).toContain('douyin_account');
    expect(def.lists[0].eligibility.map((e) => e.key)).toContain('attending_or_above');
    expect(def.certificates).toEqual([expect.objectContaining({ key: 'membership', validityMonths: 24 })]);
    expect(def.judgesPerEntry).toBe(5);
    expect(def.organizers.map((o) => o.role)).toEqual(['host', 'supporter']);
    expect(def.contact).toEqual({ person: '岳晓敏', phone: '15210190068', email: 'cacakepu@126.com' });
    expect(def.notice?.['zh-CN']).toContain('联系我们');
    const nomination = def.entryKinds[0].fields.find((f) => f.key === 'nomination');
    expect(nomination?.choices?.map((c) => c.key)).toEqual(['self', 'unit']);
  });

  it('is bilingual everywhere a person reads', () => {
    for (const t of catalog.list()) {
      const lists = t.definition.lists;
      const texts: unknown[] = [t.definition.name, ...lists.map((l) => l.name), ...t.definition.organizers.map((o) => o.name), ...lists.flatMap((l) => l.rubric.map((d) => d.label)), ...lists.flatMap((l) => l.eligibility.map((e) => e.label))];
      for (const text of texts) expect(text).toEqual({ 'zh-CN': expect.any(String), en: expect.any(String) });
    }
  });

  it('names the file and the failing path of a broken template', () => {
    const file = path.join(tempDir(), 'broken.kepuprog');
    const good = JSON.parse(fs.readFileSync(path.join(resourcesDir, 'templates', 'sichuan-influence-2023.kepuprog'), 'utf8'));
    good.definition.lists[0].rubric[1].weight = -1;
    fs.writeFileSync(file, JSON.stringify(good));
    expect(() => parseTemplateFile(file)).toThrow(
      expect.objectContaining({ code: 'TEMPLATE_INVALID', params: { file: 'broken.kepuprog', path: 'definition.lists.0.rubric.1.weight' } }),
    );
    fs.writeFileSync(file, '{ not json');
    expect(() => parseTemplateFile(file)).toThrow(expect.objectContaining({ code: 'TEMPLATE_INVALID' }));
  });

  it('refuses an unknown template id with the known ones listed', () => {
    expect(() => catalog.get('nope')).toThrow(
      expect.objectContaining({ code: 'TEMPLATE_UNKNOWN', params: { id: 'nope', known: 'caca-committee-2021, sichuan-influence-2023' } }),
    );
  });
});
