import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CampaignSummary } from '../../../src-main/contract';
import { importRegistrations, previewImport } from '../../../src-main/core/intake/import-registrations';
import { openTestApp, repoRoot } from '../../helpers';

const fixtures = path.join(repoRoot, 'tests/fixtures/intake');
const read = (name: string) => ({ fileName: name, bytes: fs.readFileSync(path.join(fixtures, name)) });

function setup(templateId = 'sichuan-influence-2023') {
  const app = openTestApp();
  const template = app.ctx.templates.get(templateId);
  const campaign: CampaignSummary = app.ctx.campaigns.create(template.id, template.definition);
  return { ...app, campaign };
}

describe('importing registrations', () => {
  for (const file of ['sichuan-registrations.gbk.csv', 'sichuan-registrations.utf8-bom.csv']) {
    it(`reads ${file}: accepted rows in, bad rows reported by row number and code, late flagged`, async () => {
      const { ctx, campaign } = setup();
      const report = await importRegistrations(ctx, campaign.id, read(file));
      expect(report.encoding).toBe(file.includes('gbk') ? 'gb18030' : 'utf-8');
      expect(report.totalRows).toBe(11);
      expect(report.added).toEqual([2, 3, 4, 5, 6, 13]);
      expect(report.late).toEqual([6]);
      const codes = Object.fromEntries(report.rejected.map((r) => [r.row, r.errors.map((e) => e.code).sort()]));
      expect(codes).toEqual({
        7: ['ROW_BAD_PHONE', 'ROW_MISSING_FIELD'],
        8: ['ROW_UNKNOWN_KIND'],
        9: ['ROW_DUPLICATE_REG_NO'],
        10: ['ROW_UNKNOWN_CATEGORY'],
        11: ['ROW_BAD_DATE'],
      });
      // Its malformed e-mail (optional) is no refusal (issue 16); the phone and the title are.
      const missing = report.rejected.find((r) => r.row === 7)!.errors.find((e) => e.code === 'ROW_MISSING_FIELD')!;
      expect(missing.target).toBe('field.title');

      const rows = ctx.entries.list({ campaignId: campaign.id, limit: 50 }).rows;
      expect(rows.map((r) => r.regNo)).toEqual(['SC-0001', 'SC-0002', 'SC-0003', 'SC-0004', 'SC-0005', 'SC-0010']);
      const byReg = Object.fromEntries(rows.map((r) => [r.regNo, r]));
      expect(byReg['SC-0002'].title).toBe('一图读懂"膳食宝塔"');
      expect(byReg['SC-0003']).toMatchObject({ kind: 'account', title: '抖音 · 华西妇产科王医生', submittedAt: '2023-12-12T02:05:00.000Z' });
      expect(byReg['SC-0004']).toMatchObject({ kind: 'individual', entrantName: '陈静', late: false, submittedAt: '2023-12-25T10:00:00.000Z' });
      expect(byReg['SC-0005']).toMatchObject({ category: 'cartoon', late: true, entrantType: 'individual', entrantName: '张敏' });
      const detail = ctx.entries.get(byReg['SC-0001'].id);
      expect(detail).toMatchObject({ contactPhone: '13800138000', entrantUnit: '四川大学华西医院', category: 'video' });
      expect(detail.reason).toBe('原创科普视频');
      expect(ctx.entries.get(byReg['SC-0010'].id).contactPhone).toBe('028-85501234');
      ctx.close();
    });
  }

  it('updates by registration number on re-import instead of duplicating', async () => {
    const { ctx, campaign } = setup();
    await importRegistrations(ctx, campaign.id, read('sichuan-registrations.gbk.csv'));
    const again = await importRegistrations(ctx, campaign.id, read('sichuan-registrations.gbk.csv'));
    expect(again.added).toEqual([]);
    expect(again.unchanged).toEqual([2, 3, 4, 5, 6, 13]);
    const edited = fs
      .readFileSync(path.join(fixtures, 'sichuan-registrations.utf8-bom.csv'), 'utf8')
      .replace('七步洗手法', '七步洗手法(修订版)');
    const third = await importRegistrations(ctx, campaign.id, { fileName: 'edited.csv', bytes: Buffer.from(edited) });
    expect(third.updated).toEqual([2]);
    expect(third.unchanged).toHaveLength(5);
    expect(ctx.db.prepare('SELECT count(*) FROM entries').pluck().get()).toBe(6);
    expect(ctx.db.prepare(`SELECT title FROM entries WHERE reg_no = 'SC-0001'`).pluck().get()).toBe('七步洗手法(修订版)');
    expect(ctx.db.prepare('SELECT count(*) FROM imports').pluck().get()).toBe(3);
    ctx.close();
  });

  it('previews with per-cell errors and remembers the mapping for the same form', async () => {
    const { ctx, campaign } = setup();
    const first = await previewImport(ctx, campaign.id, read('sichuan-registrations.gbk.csv'), 5);
    expect(first.mappingSource).toBe('auto');
    expect(first.headerRow).toBe(1);
    expect(first.rows.map((r) => r.row)).toEqual([2, 3, 4, 5, 6]);
    expect(first.rejectedCount).toBe(5);
    expect(first.unmappedRequired).toEqual([]);
    // The coordinator unmaps the e-mail column on purpose; the import saves that choice.
    const mapping = { ...first.mapping, 'field.email': null };
    await importRegistrations(ctx, campaign.id, { ...read('sichuan-registrations.gbk.csv'), mapping });
    const next = await previewImport(ctx, campaign.id, read('sichuan-registrations.utf8-bom.csv'));
    expect(next.mappingSource).toBe('saved');
    expect(next.mapping['field.email']).toBeNull();
    ctx.close();
  });

  it('refuses an import whose required columns are not mapped, storing nothing', async () => {
    const { ctx, campaign } = setup();
    const csv = Buffer.from('标题,电话\n甲,13800138000\n');
    const preview = await previewImport(ctx, campaign.id, { fileName: 'thin.csv', bytes: csv });
    expect(preview.unmappedRequired).toContain('sys.regNo');
    await expect(importRegistrations(ctx, campaign.id, { fileName: 'thin.csv', bytes: csv })).rejects.toMatchObject({
      code: 'IMPORT_MAPPING_INCOMPLETE',
      params: { file: 'thin.csv' },
    });
    expect(ctx.db.prepare('SELECT count(*) FROM entries').pluck().get()).toBe(0);
    ctx.close();
  });

  it('refuses old .xls, unknown formats and broken XLSX with the file named', async () => {
    const { ctx, campaign } = setup();
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await expect(importRegistrations(ctx, campaign.id, { fileName: 'old.xls', bytes: xls })).rejects.toMatchObject({
      code: 'IMPORT_UNSUPPORTED_FORMAT',
      params: { file: 'old.xls' },
    });
    await expect(importRegistrations(ctx, campaign.id, { fileName: 'photo.png', bytes: Buffer.from('x') })).rejects.toMatchObject({
      code: 'IMPORT_UNSUPPORTED_FORMAT',
    });
    await expect(importRegistrations(ctx, campaign.id, { fileName: 'broken.xlsx', bytes: Buffer.from('PK\x03\x04garbage') })).rejects.toMatchObject({
      code: 'IMPORT_FILE_UNREADABLE',
      params: { file: 'broken.xlsx' },
    });
    ctx.close();
  });

  it('reads committee applicants from an XLSX whose header is on row 2 of the second sheet', async () => {
    const { ctx, campaign } = setup('caca-committee-2021');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('填表说明').addRow(['请如实填写']);
    const sheet = workbook.addWorksheet('委员申报表');
    sheet.addRow(['癌症患者关爱工程健康科普专家委员会委员申报表(2021)']);
    sheet.addRow(['编号', '姓名', '职称', '医院', '科室', '报名方式', '联系电话', '作品链接', '提交时间']);
    sheet.addRow(['CA-01', '郭志强', '主任医师', '四川省肿瘤医院', '胸部肿瘤科', '本人自荐', 13812345678, 'https://example.cn/a/1', new Date(Date.UTC(2021, 10, 1, 14, 20))]);
    sheet.addRow(['CA-02', '何雨桐', '主治医师', '四川大学华西医院', '肿瘤中心', '单位推介', '13912345678', '', '2022-04-02 10:15']);
    sheet.addRow(['CA-03', '林嘉怡', '主治医师', '某医院', '肿瘤科', '朋友推荐', '13712345678', '', '2021-11-03']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());

    const preview = await previewImport(ctx, campaign.id, { fileName: 'committee.xlsx', bytes, sheet: '委员申报表' });
    expect(preview).toMatchObject({ format: 'xlsx', sheets: ['填表说明', '委员申报表'], sheet: '委员申报表', headerRow: 2 });
    const report = await importRegistrations(ctx, campaign.id, { fileName: 'committee.xlsx', bytes, sheet: '委员申报表' });
    expect(report.added).toEqual([3, 4]);
    expect(report.late).toEqual([4]);
    expect(report.rejected).toEqual([{ row: 5, regNo: 'CA-03', errors: [expect.objectContaining({ code: 'ROW_BAD_CHOICE', target: 'field.nomination', value: '朋友推荐' })] }]);
    const rows = ctx.entries.list({ campaignId: campaign.id }).rows;
    const first = ctx.entries.get(rows[0].id);
    expect(first).toMatchObject({ kind: 'applicant', contactPhone: '13812345678', submittedAt: '2021-11-01T06:20:00.000Z', title: '郭志强 · 四川省肿瘤医院 · 胸部肿瘤科' });
    expect(first.fields.nomination).toBe('self');
    await expect(previewImport(ctx, campaign.id, { fileName: 'committee.xlsx', bytes, sheet: 'Sheet9' })).rejects.toMatchObject({
      code: 'IMPORT_SHEET_NOT_FOUND',
      params: { sheets: '填表说明, 委员申报表' },
    });
    ctx.close();
  });
});
