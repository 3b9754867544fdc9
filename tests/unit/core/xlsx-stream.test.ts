// The streamed XLSX writer (core/export/xlsx-stream.ts), read back with exceljs (a strict XML
// reader): values and types, hostile text, the bold header, widths, the frozen row, sheet names,
// and a workbook abandoned half-way.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { columnName, XlsxStreamWriter, xmlText } from '../../../src-main/core/export/xlsx-stream';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function written(write: (book: XlsxStreamWriter) => Promise<void>): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kepu-xlsx-'));
  dirs.push(dir);
  const file = path.join(dir, 'book.xlsx');
  const out = fs.createWriteStream(file);
  await write(new XlsxStreamWriter(out));
  return file;
}

describe('XlsxStreamWriter', () => {
  it('writes sheets that Excel readers load, with values, types, header style, widths and a frozen row', async () => {
    const hostile = ['=HYPERLINK("http://evil.example","x")', '+1+1', '@SUM(A1)', 'a\u0000b\u0007c', 'lone \uD800 high', 'lone \uDC00 low', 'tab\tcr\rlf\n', '<b>&amp;</b> "q"', '七步洗手法 😷'];
    const file = await written(async (book) => {
      const a = book.addSheet({ name: '作品 Works', widths: [10, 36], frozenRows: 1 });
      a.addRow(['名次 / Rank', '标题 / Title', 'Score'], 'bold');
      a.addRow([1, '七步洗手法', 9.25]);
      a.addRow([2, '', -0.53, null, undefined, 'last']);
      for (const text of hostile) a.addRow([text]);
      const b = book.addSheet({ name: 'Judges' });
      b.addRow(['only']);
      await book.finish();
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['作品 Works', 'Judges']);
    const sheet = wb.worksheets[0];
    expect(sheet.getRow(1).values).toEqual([undefined, '名次 / Rank', '标题 / Title', 'Score']);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.getRow(2).getCell(1).font?.bold).toBeFalsy();
    expect(sheet.getRow(2).values).toEqual([undefined, 1, '七步洗手法', 9.25]);
    expect(sheet.getRow(3).getCell(3).value).toBe(-0.53);
    expect(sheet.getRow(3).getCell(2).value).toBeNull(); // '' is an empty cell
    expect(sheet.getRow(3).getCell(6).value).toBe('last');
    expect(sheet.getColumn(2).width).toBe(36);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const texts = hostile.map((_, i) => sheet.getRow(4 + i).getCell(1));
    expect(texts.every((c) => c.type === ExcelJS.ValueType.String)).toBe(true); // never a formula
    expect(texts.map((c) => c.value)).toEqual(hostile.map((t) => t.replace(/[\u0000\u0007]|\uD800|\uDC00/g, '\uFFFD')));
    expect(wb.worksheets[1].getRow(1).getCell(1).value).toBe('only');
  });

  it('refuses sheet names Excel refuses', async () => {
    await written(async (book) => {
      for (const name of ['', 'a'.repeat(32), 'a/b', 'x[1]', 'what?']) expect(() => book.addSheet({ name })).toThrow();
      book.addSheet({ name: 'Sheet' });
      expect(() => book.addSheet({ name: 'SHEET' })).toThrow();
      await book.finish();
    });
  });

  it('stops writing when abandoned (the caller removes the file)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kepu-xlsx-'));
    dirs.push(dir);
    const out = fs.createWriteStream(path.join(dir, 'book.xlsx'));
    const book = new XlsxStreamWriter(out);
    const sheet = book.addSheet({ name: 'Big' });
    for (let i = 0; i < 20000; i++) sheet.addRow([i, `row ${i} ${'x'.repeat(40)}`]);
    book.abort();
    await new Promise<void>((resolve) => out.close(() => resolve()));
    // Nothing writes into the closed file afterwards (an error here would be 'write after end').
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(() => sheet.addRow([1])).toThrow();
  });

  it('names columns and escapes text as XML wants', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
    expect(xmlText('<a & "b">\u0001\uFFFF')).toBe('&lt;a &amp; &quot;b&quot;&gt;\uFFFD\uFFFD');
  });
});
