// Issue 16: "use this value for every row" for a column the file lacks, and readings of values the
// importer does not know ("微视频" → the category video), remembered for the campaign's next imports.
import { describe, expect, it } from 'vitest';
import { importRegistrations, previewImport } from '../../../src-main/core/intake/import-registrations';
import { openTestApp } from '../../helpers';

const csv = (...rows: string[]) => ({ fileName: 'form.csv', bytes: Buffer.from(['报名编号,作品类别,作品名称,作者,联系电话,推荐理由', ...rows].join('\r\n'), 'utf8') });

function setup() {
  const app = openTestApp();
  const template = app.ctx.templates.get('sichuan-influence-2023');
  return { ...app, campaign: app.ctx.campaigns.create(template.id, template.definition) };
}

describe('a file that does not quite fit', () => {
  it('takes one value for every row for a column the file lacks, and shows it as a column', async () => {
    const { ctx, campaign } = setup();
    const file = csv('A-1,视频,七步洗手法,李晓雯,13800138000,原创', 'A-2,图文,膳食宝塔,王建国,13900139000,原创');
    const before = await previewImport(ctx, campaign.id, file);
    expect(before.unmappedRequired).toContain('sys.kind');
    expect(before.choices['sys.kind'].map((c) => c.value)).toEqual(['work', 'account', 'individual', 'brand']);
    const preview = await previewImport(ctx, campaign.id, { ...file, constants: { 'sys.kind': 'work' } });
    expect(preview.unmappedRequired).toEqual([]);
    expect(preview.constants).toEqual({ 'sys.kind': { value: 'work', column: 6 } });
    expect(preview.rows[0].cells[6]).toBe('work');
    const report = await importRegistrations(ctx, campaign.id, { ...file, constants: { 'sys.kind': 'work' } });
    expect(report.added).toEqual([2, 3]);
    // A column in the file wins over a constant.
    const withColumn = await previewImport(ctx, campaign.id, { ...file, constants: { 'sys.category': 'cartoon' } });
    expect(withColumn.constants).toEqual({});
    ctx.close();
  });

  it('reads an unknown value as the coordinator says, remembers it, and ignores a reading to no allowed value', async () => {
    const { ctx, campaign } = setup();
    const file = csv('A-1,微视频,七步洗手法,李晓雯,13800138000,原创', 'A-2,长图,膳食宝塔,王建国,13900139000,原创');
    const constants = { 'sys.kind': 'work' };
    const refused = await previewImport(ctx, campaign.id, { ...file, constants });
    expect(refused.rows.map((r) => r.errors.map((e) => `${e.code}:${e.value}`))).toEqual([['ROW_UNKNOWN_CATEGORY:微视频'], ['ROW_UNKNOWN_CATEGORY:长图']]);
    const valueMap = { 'sys.category': { '微视频': 'video', '长图': 'no-such-category' } };
    const preview = await previewImport(ctx, campaign.id, { ...file, constants, valueMap });
    expect(preview.valueMap).toEqual({ 'sys.category': { 微视频: 'video' } });
    expect(preview.rows[0].errors).toEqual([]);
    // The preview shows the file's own value, not the key it is read as.
    expect(preview.rows[0].cells[1]).toBe('微视频');
    expect(preview.rows[1].errors.map((e) => e.code)).toEqual(['ROW_UNKNOWN_CATEGORY']);
    const report = await importRegistrations(ctx, campaign.id, { ...file, constants, valueMap });
    expect(report.added).toEqual([2]);
    expect(ctx.entries.list({ campaignId: campaign.id, limit: 5 }).rows[0]).toMatchObject({ regNo: 'A-1', category: 'video' });

    // The next file, with no readings given: 微视频 is read as before (full-width and spaces too).
    const next = await importRegistrations(ctx, campaign.id, { ...csv('A-3, 微视频 ,科学补钙,赵六,13700137000,原创'), constants });
    expect(next.added).toEqual([2]);
    expect(ctx.entries.list({ campaignId: campaign.id, limit: 5 }).rows.find((r) => r.regNo === 'A-3')?.category).toBe('video');
    ctx.close();
  });
});
