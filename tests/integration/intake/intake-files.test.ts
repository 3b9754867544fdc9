// Issue 16: the campaign's import template (headers that map themselves, allowed values as lists)
// and the refused rows of an import as XLSX, with the file's own columns and the reasons in words.
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportFile } from '../../../src-main/contract';
import { previewImport, importRegistrations } from '../../../src-main/core/intake/import-registrations';
import { ok, openTestApp, repoRoot } from '../../helpers';

async function readBook(file: ExportFile) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
  return book;
}
const rowValues = (sheet: ExcelJS.Worksheet, n: number) => (sheet.getRow(n).values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)));

describe('import template and refused rows', () => {
  it('the template has the campaign headers, lists of allowed values, and a filled copy imports without mapping', async () => {
    const app = openTestApp();
    const template = app.ctx.templates.get('sichuan-influence-2023');
    const campaign = app.ctx.campaigns.create(template.id, template.definition);
    const file = await ok<ExportFile>(app.dispatch('intake:template', { campaignId: campaign.id, language: 'zh-CN' }));
    expect(file.fileName).toMatch(/^报名模板-.*\.xlsx$/);
    expect(fs.existsSync(file.savedTo!)).toBe(true);
    const book = await readBook(file);
    const sheet = book.getWorksheet('报名表')!;
    const headers = rowValues(sheet, 1);
    expect(headers.slice(0, 3)).toEqual(['报名编号*', '申报类型*', '作品类别']);
    const kindColumn = headers.indexOf('申报类型*') + 1;
    const validation = sheet.getCell(2, kindColumn).dataValidation;
    expect(validation).toMatchObject({ type: 'list', formulae: ["'可选值'!$A$2:$A$5"] });
    expect(sheet.getCell(2001, kindColumn).dataValidation?.type).toBe('list');
    const lists = book.getWorksheet('可选值')!;
    expect(rowValues(lists, 2)[0]).toBe('科普作品');

    // Fill one row as an entrant would, with the words from the lists, and import it.
    const at = (label: string) => headers.findIndex((h) => h.replace('*', '') === label) + 1;
    const row = sheet.getRow(2);
    row.getCell(at('报名编号')).value = 'T-1';
    row.getCell(at('申报类型')).value = '科普作品';
    row.getCell(at('作品类别')).value = '视频';
    row.getCell(at('作品名称')).value = '七步洗手法';
    row.getCell(at('作者')).value = '李晓雯';
    row.getCell(at('联系电话')).value = '13800138000';
    row.getCell(at('推荐理由')).value = '原创';
    const filled = { fileName: 'filled.xlsx', bytes: Buffer.from(await book.xlsx.writeBuffer()) };
    const preview = await previewImport(app.ctx, campaign.id, filled);
    expect(preview.mappingSource).toBe('auto');
    expect(preview.unmappedRequired).toEqual([]);
    const report = await importRegistrations(app.ctx, campaign.id, filled);
    expect(report.rejected).toEqual([]);
    expect(report.added).toEqual([2]);
    expect(app.ctx.entries.list({ campaignId: campaign.id, limit: 5 }).rows[0]).toMatchObject({ regNo: 'T-1', kind: 'work', category: 'video' });
    app.ctx.close();
  });

  it('the refused rows come back with the file columns and the reasons in the language asked for', async () => {
    const app = openTestApp();
    const template = app.ctx.templates.get('sichuan-influence-2023');
    const campaign = app.ctx.campaigns.create(template.id, template.definition);
    const bytes = fs.readFileSync(path.join(repoRoot, 'tests/fixtures/intake/sichuan-registrations.gbk.csv'));
    const source = { fileName: 'sichuan-registrations.gbk.csv', contentBase64: bytes.toString('base64') };
    await ok(app.dispatch('intake:import', { campaignId: campaign.id, source }));
    for (const language of ['zh-CN', 'en'] as const) {
      const file = await ok<ExportFile>(app.dispatch('intake:rejectedRows', { campaignId: campaign.id, source, language }));
      const sheet = (await readBook(file)).worksheets[0];
      const header = rowValues(sheet, 1);
      expect(header[0]).toBe(language === 'zh-CN' ? '原文件行号' : 'Row in the file');
      expect(header[1]).toBe('报名编号');
      expect(header.at(-1)).toBe(language === 'zh-CN' ? '未导入原因' : 'Why it was refused');
      expect(sheet.rowCount).toBe(6);
      const rows = [2, 3, 4, 5, 6].map((n) => rowValues(sheet, n));
      expect(rows.map((r) => r[0])).toEqual(['7', '8', '9', '10', '11']);
      const lecture = rows.find((r) => r[0] === '8')!;
      expect(lecture[2]).toBe('讲座');
      expect(lecture.at(-1)).toBe(language === 'zh-CN' ? '申报类型“讲座”不是可识别的申报类型' : 'Application type “讲座” is not a known entry type');
    }
    app.ctx.close();
  });
});
