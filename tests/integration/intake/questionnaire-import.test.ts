// Issue 16: a questionnaire export (问卷星 here, as its "按选项文本下载" XLSX looks) has no
// registration number and carries the service's bookkeeping columns. The import recognises it,
// leaves the bookkeeping unmapped, takes the submission time from 提交答卷时间, numbers the rows
// keyed by the answer number (序号), and gives the same rows the same numbers on the next export.
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CampaignSummary } from '../../../src-main/contract';
import { importRegistrations, previewImport } from '../../../src-main/core/intake/import-registrations';
import { recogniseQuestionnaire } from '../../../src-main/core/intake/questionnaire';
import { openTestApp, repoRoot, tempDir } from '../../helpers';

const HEADERS = ['序号', '提交答卷时间', '所用时间', '来源', '来源详情', '来自IP', '1、申报类型', '2、作品类别', '3、作品名称', '4、作者', '5、单位', '6、联系电话', '7、电子邮箱', '8、推荐理由', '总分'];
const row = (n: number, title: string, phone: string, email = '') => [
  String(n), `2023/12/1${n} 10:0${n}:00`, '185秒', '微信', 'N/A', `110.184.1.${n}(四川-成都)`, '作品', '视频', title, `作者${n}`, '四川大学华西医院', phone, email, '原创', '0',
];

async function workbook(rows: string[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Sheet1');
  sheet.addRow(HEADERS);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

function setup() {
  const app = openTestApp();
  const template = app.ctx.templates.get('sichuan-influence-2023');
  const campaign: CampaignSummary = app.ctx.campaigns.create(template.id, template.definition);
  return { ...app, campaign };
}

describe('questionnaire exports without registration numbers', () => {
  it('recognises each service by two of its own columns, not by one common header', () => {
    expect(recogniseQuestionnaire(HEADERS)?.source).toBe('wjx');
    expect(recogniseQuestionnaire(['编号', '开始答题时间', '结束答题时间', '答题时长', '作品名称'])).toMatchObject({ source: 'tencent', answerIdColumn: 0, submittedAtColumn: 2 });
    expect(recogniseQuestionnaire(['序号', '作品名称', '提交人', '填写设备', '浏览器', '提交时间'])).toMatchObject({ source: 'jinshuju', submittedAtColumn: 5 });
    expect(recogniseQuestionnaire(['答卷ID', '提交时间', '作答时长', '作品名称'])).toMatchObject({ source: 'toutiao', answerIdColumn: 0 });
    // A hand-made sheet with a 序号 and a 提交时间 column is no questionnaire.
    expect(recogniseQuestionnaire(['序号', '报名编号', '作品名称', '提交时间'])).toBeNull();
  });

  it('numbers the rows by the answer number and keeps the numbers on the next export', async () => {
    const { ctx, campaign } = setup();
    const first = { fileName: '问卷星导出.xlsx', bytes: await workbook([row(1, '七步洗手法', '13800138001'), row(2, '膳食宝塔', '13800138002', 'not-an-email'), row(3, '科学补钙', '13800138003')]) };
    const preview = await previewImport(ctx, campaign.id, first);
    expect(preview.questionnaire?.source).toBe('wjx');
    // Bookkeeping columns are left unmapped; the submission time is the service's own column.
    const mapped = new Set(Object.values(preview.mapping).filter((c) => c !== null));
    for (const header of ['序号', '所用时间', '来源', '来源详情', '来自IP', '总分']) expect(mapped.has(HEADERS.indexOf(header))).toBe(false);
    expect(preview.mapping['sys.submittedAt']).toBe(1);
    expect(preview.generatedRegNos).toMatchObject({ keyColumns: [0], prefix: 'BM-', column: HEADERS.length, fresh: 3, known: 0 });
    expect(preview.unmappedRequired).toEqual([]);
    expect(preview.rows.map((r) => r.cells[HEADERS.length])).toEqual(['BM-0001', 'BM-0002', 'BM-0003']);

    const report = await importRegistrations(ctx, campaign.id, first);
    expect(report.added).toEqual([2, 3, 4]);
    const byTitle = () => Object.fromEntries(ctx.entries.list({ campaignId: campaign.id, limit: 50 }).rows.map((r) => [r.title, r]));
    expect(byTitle()['七步洗手法']).toMatchObject({ regNo: 'BM-0001', submittedAt: '2023-12-11T02:01:00.000Z' });

    // The next export: one answer deleted in the service, rows in another order, a new answer, a title corrected.
    const second = { fileName: '问卷星导出 (2).xlsx', bytes: await workbook([row(4, '合理用药', '13800138004'), row(3, '科学补钙(修订)', '13800138003'), row(1, '七步洗手法', '13800138001')]) };
    const again = await previewImport(ctx, campaign.id, second);
    expect(again.generatedRegNos).toMatchObject({ fresh: 1, known: 2 });
    const report2 = await importRegistrations(ctx, campaign.id, second);
    expect(report2.added).toEqual([2]);
    expect(report2.updated).toEqual([3]);
    expect(report2.unchanged).toEqual([4]);
    const titles = byTitle();
    expect(titles['合理用药'].regNo).toBe('BM-0004');
    expect(titles['科学补钙(修订)'].regNo).toBe('BM-0003');
    expect(Object.keys(titles)).toHaveLength(4);
    ctx.close();
  });

  it('keys by phone and title when asked, and names a row whose key is empty', async () => {
    const { ctx, campaign } = setup();
    const file = { fileName: 'export.xlsx', bytes: await workbook([row(1, '七步洗手法', '13800138001'), row(2, '膳食宝塔', '')]) };
    const generateRegNos = { keyColumns: [HEADERS.indexOf('6、联系电话'), HEADERS.indexOf('3、作品名称')], prefix: 'Q2023-' };
    const report = await importRegistrations(ctx, campaign.id, { ...file, generateRegNos });
    expect(report.added).toEqual([2]);
    expect(report.rejected).toEqual([{ row: 3, regNo: null, errors: expect.arrayContaining([expect.objectContaining({ code: 'ROW_KEY_EMPTY', column: HEADERS.indexOf('6、联系电话') })]) }]);
    expect(report.rejected[0].errors.map((e) => e.code)).not.toContain('ROW_DUPLICATE_REG_NO');
    expect(ctx.entries.list({ campaignId: campaign.id, limit: 5 }).rows.map((r) => r.regNo)).toEqual(['Q2023-0001']);
    // The choice is remembered for this form: the next preview of it uses the same key and prefix.
    const next = await previewImport(ctx, campaign.id, file);
    expect(next.generatedRegNos).toMatchObject({ keyColumns: generateRegNos.keyColumns, prefix: 'Q2023-', known: 1 });
    ctx.close();
  });

  it('takes the number from the file when the coordinator says so (null), and then needs a column', async () => {
    const { ctx, campaign } = setup();
    const file = { fileName: 'export.xlsx', bytes: await workbook([row(1, '七步洗手法', '13800138001')]) };
    const preview = await previewImport(ctx, campaign.id, { ...file, generateRegNos: null });
    expect(preview.generatedRegNos).toBeNull();
    expect(preview.unmappedRequired).toContain('sys.regNo');
    ctx.close();
  });

  it('a committee selection is not offered work categories or "unit or individual"', async () => {
    const app = openTestApp();
    const offered = async (templateId: string) => {
      const template = app.ctx.templates.get(templateId);
      const campaign = app.ctx.campaigns.create(template.id, template.definition);
      const preview = await previewImport(app.ctx, campaign.id, { fileName: 'a.csv', bytes: Buffer.from('报名编号,姓名\nA-1,张三\n') });
      return preview.targets.map((t) => t.key);
    };
    expect(await offered('caca-committee-2021')).not.toEqual(expect.arrayContaining(['sys.category']));
    expect(await offered('caca-committee-2021')).not.toContain('sys.entrantType');
    expect(await offered('sichuan-influence-2023')).toEqual(expect.arrayContaining(['sys.category', 'sys.entrantType']));
    app.ctx.close();
  });

  it('kepu import --number-by names the key columns by their headers', async () => {
    const dir = tempDir();
    const dataDir = path.join(dir, 'data');
    const file = path.join(dir, '问卷.xlsx');
    fs.writeFileSync(file, await workbook([row(1, '七步洗手法', '13800138001'), row(2, '膳食宝塔', '13800138002')]));
    const kepu = (...args: string[]) =>
      spawnSync(process.execPath, [path.join(repoRoot, 'bin/kepu.mjs'), ...args, '--data-dir', dataDir], { encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' } });
    const created = kepu('campaign', 'create', '--template', 'sichuan-influence-2023', '--json');
    expect(created.status, created.stderr).toBe(0);
    const campaignId = (JSON.parse(created.stdout) as { id: string }).id;
    const wrong = kepu('import', file, '--campaign', campaignId, '--number-by', '手机');
    expect(wrong.status).not.toBe(0);
    expect(wrong.stderr).toContain('"手机"');
    const done = kepu('import', file, '--campaign', campaignId, '--number-by', '6、联系电话', '--prefix', 'TT-', '--json');
    expect(done.status, done.stderr).toBe(0);
    expect((JSON.parse(done.stdout) as { added: number[] }).added).toEqual([2, 3]);
    // The same export again: the same numbers (remembered with the form), so nothing is added.
    const again = kepu('import', file, '--campaign', campaignId, '--json');
    expect(again.status, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ added: [], unchanged: [2, 3] });
  });
});
