// The ranking's XLSX is written by our own streamed writer (core/export/xlsx-stream.ts), so a real
// office suite reads it here: LibreOffice Calc (headless) opens the merged sample's workbook and
// saves every sheet as CSV, and each sheet must read exactly as exceljs reads it — the same
// sheets, rows and cells: text with Chinese, line breaks and hostile-looking values, and numbers.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import type { CampaignSummary, ExportFile } from '../../../src-main/contract';
import { ok, openTestApp } from '../../helpers';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kepu-lo-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** Every sheet as CSV through LibreOffice (filter token 12 = -1: all sheets, one file each). */
function sheetsByLibreOffice(file: string): Map<string, string[][]> {
  const out = path.join(work, 'lo-out');
  const run = spawnSync('soffice', ['--headless', `-env:UserInstallation=${pathToFileURL(path.join(work, 'lo-profile')).href}`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', out, file], { encoding: 'utf8', timeout: 120_000 });
  expect(run.status, run.stderr).toBe(0);
  const base = path.basename(file, '.xlsx');
  const sheets = new Map<string, string[][]>();
  for (const name of fs.readdirSync(out)) {
    if (!name.startsWith(`${base}-`) || !name.endsWith('.csv')) continue;
    sheets.set(name.slice(base.length + 1, -4), parse(fs.readFileSync(path.join(out, name), 'utf8'), { relaxColumnCount: true }) as string[][]);
  }
  return sheets;
}

/** A cell as text the way both readers agree on: numbers to 6 decimals, text as is. */
const same = (v: unknown) => (typeof v === 'number' ? String(Math.round(v * 1e6) / 1e6) : v === null || v === undefined ? '' : String(v));
const fromCsv = (text: string) => (text !== '' && /^-?\d+(\.\d+)?(E-?\d+)?$/i.test(text) ? same(Number(text)) : text);

describe('the ranking XLSX in LibreOffice Calc', () => {
  it('opens and reads cell for cell as exceljs reads it, every sheet', async () => {
    const app = openTestApp();
    const works = await ok<CampaignSummary>(app.dispatch('demo:load', {}));
    const read = (dir: string) => fs.readdirSync(path.join(app.dataDir, dir)).map((f) => ({ fileName: f, contentBase64: fs.readFileSync(path.join(app.dataDir, dir, f)).toString('base64') }));
    await ok(app.dispatch('bundle:merge', { campaignId: works.id, files: read('sample-bundles') }));
    const xlsx = await ok<ExportFile>(app.dispatch('ranking:export', { campaignId: works.id, format: 'xlsx' }));
    const file = path.join(work, 'ranking.xlsx');
    fs.copyFileSync(xlsx.savedTo!, file);
    app.ctx.close();

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const byLibreOffice = sheetsByLibreOffice(file);
    // LibreOffice names each file after its sheet (characters a file name cannot hold replaced).
    expect(byLibreOffice.size).toBe(book.worksheets.length);
    let cells = 0;
    for (const sheet of book.worksheets) {
      const rows = [...byLibreOffice.entries()].find(([name]) => name === sheet.name || name.replace(/_/g, ' ') === sheet.name.replace(/[/\\]/g, ' '))?.[1];
      expect(rows, sheet.name).toBeDefined();
      const expected: string[][] = [];
      sheet.eachRow({ includeEmpty: true }, (row, r) => {
        const values: string[] = [];
        for (let c = 1; c <= sheet.columnCount; c++) values.push(same(row.getCell(c).value));
        while (values.length > 0 && values[values.length - 1] === '') values.pop();
        expected[r - 1] = values;
      });
      const actual = rows!.map((r) => {
        const values = r.map(fromCsv);
        while (values.length > 0 && values[values.length - 1] === '') values.pop();
        return values;
      });
      expect(actual, sheet.name).toEqual(expected);
      cells += expected.flat().filter((v) => v !== '').length;
    }
    expect(cells).toBeGreaterThan(500);
    // Chinese and English side by side, as written.
    expect(byLibreOffice.values().next().value!.flat().join('\n')).toContain('名次 / Rank');
  }, 180_000);
});
