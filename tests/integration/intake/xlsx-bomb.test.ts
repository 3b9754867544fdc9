// Issue 11, item 5: a 300 KB XLSX holding one 300 MB shared string took 326 s and 3.5 GB in
// intake:preview. The bomb is built here (a workbook exceljs wrote, with one more shared string of
// 300 MB of one letter streamed in, deflated by yazl to ~290 KB) and must be refused with a code
// naming the file, in seconds, whether the central directory tells the truth about its size or lies.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignSummary } from '../../../src-main/contract';
import { importRegistrations, previewImport } from '../../../src-main/core/intake/import-registrations';
import { checkXlsxArchive, EXCEL_MAX_CELL_CHARS, textRunAfter, XLSX_LIMITS } from '../../../src-main/core/intake/xlsx-guard';
import { openTestApp, repoRoot, tempDir } from '../../helpers';

const BOMB_TEXT_BYTES = 300_000_000;


/** The parts of a small genuine workbook, as exceljs writes it (shared strings on). */
async function genuineParts(rows: (string | number)[][]): Promise<Map<string, Buffer>> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('报名表');
  for (const row of rows) sheet.addRow(row);
  const zip = await yauzl.fromBufferPromise(Buffer.from(await workbook.xlsx.writeBuffer()), { lazyEntries: true });
  const parts = new Map<string, Buffer>();
  for await (const entry of zip.eachEntry()) {
    if (entry.fileName.endsWith('/')) continue; // folder records
    const chunks: Buffer[] = [];
    for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    parts.set(entry.fileName, Buffer.concat(chunks));
  }
  return parts;
}

/**
 * The workbook's shared strings plus one more string of `length` copies of one letter at the end,
 * streamed (never in memory whole): the workbook stays valid, so the old code parsed all of it.
 */
function withHugeSharedString(sharedStrings: Buffer, length: number): () => Readable {
  const xml = sharedStrings.toString('utf8');
  const end = xml.lastIndexOf('</sst>');
  const head = `${xml.slice(0, end)}<si><t>`;
  return () => {
    const block = Buffer.alloc(1 << 20, 'A');
    let left = length;
    let started = false;
    return new Readable({
      read() {
        if (!started) {
          started = true;
          this.push(head);
        } else if (left > 0) {
          const take = Math.min(left, block.length);
          left -= take;
          this.push(block.subarray(0, take));
        } else {
          this.push('</t></si></sst>');
          this.push(null);
        }
      },
    });
  };
}

async function zipOf(parts: Map<string, Buffer>, replace: Record<string, () => Readable> = {}): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, bytes] of parts) {
    if (replace[name]) zip.addReadStream(replace[name](), name);
    else zip.addBuffer(bytes, name);
  }
  for (const [name, make] of Object.entries(replace)) if (!parts.has(name)) zip.addReadStream(make(), name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The same archive with the central directory claiming `size` uncompressed bytes for `part`. */
function lieAboutSize(archive: Buffer, part: string, size: number): Buffer {
  const out = Buffer.from(archive);
  const signature = Buffer.from([0x50, 0x4b, 0x01, 0x02]); // central directory file header
  for (let at = out.indexOf(signature); at !== -1; at = out.indexOf(signature, at + 4)) {
    const nameLength = out.readUInt16LE(at + 28);
    if (out.toString('utf8', at + 46, at + 46 + nameLength) === part) {
      out.writeUInt32LE(size, at + 24);
      return out;
    }
  }
  throw new Error(`no central directory record for ${part}`);
}

function setup() {
  const app = openTestApp();
  const template = app.ctx.templates.get('sichuan-influence-2023');
  const campaign: CampaignSummary = app.ctx.campaigns.create(template.id, template.definition);
  return { ...app, campaign };
}

const HEADER = ['报名编号', '申报类型', '作品类别', '作品名称', '作者', '联系电话', '提交时间', '推荐理由'];
const ROW = ['SC-0001', '作品', '视频', '七步洗手法', '李晓雯', '13800138000', '2023-12-10 09:30', '原创'];

describe('an XLSX decompression bomb', () => {
  let parts: Map<string, Buffer>;
  let bomb: Buffer;
  const dirs: string[] = [];
  beforeAll(async () => {
    parts = await genuineParts([HEADER, ROW]);
    expect(parts.has('xl/sharedStrings.xml')).toBe(true);
    bomb = await zipOf(parts, { 'xl/sharedStrings.xml': withHugeSharedString(parts.get('xl/sharedStrings.xml')!, BOMB_TEXT_BYTES) });
    expect(bomb.length).toBeLessThan(400_000); // a "300 KB" file
  }, 60_000);
  afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it('is refused through intake:preview from its declared size, in seconds, naming the file', async () => {
    const { ctx, dispatch, campaign, dataDir } = setup();
    dirs.push(dataDir);
    const started = performance.now();
    const result = await dispatch('intake:preview', { campaignId: campaign.id, source: { fileName: '报名表-bomb.xlsx', contentBase64: bomb.toString('base64') } });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'IMPORT_XLSX_PART_TOO_LARGE', params: { file: '报名表-bomb.xlsx', part: 'xl/sharedStrings.xml', sizeMb: 301, limitMb: 150 } },
    });
    ctx.close();
  });

  it('is refused when the central directory lies about the size: the inflated bytes are counted', async () => {
    const { ctx, campaign, dataDir } = setup();
    dirs.push(dataDir);
    const liar = lieAboutSize(bomb, 'xl/sharedStrings.xml', 4_000);
    const started = performance.now();
    await expect(previewImport(ctx, campaign.id, { fileName: 'liar.xlsx', bytes: liar })).rejects.toMatchObject({
      code: 'IMPORT_XLSX_SIZE_MISMATCH',
      params: { file: 'liar.xlsx', part: 'xl/sharedStrings.xml' },
    });
    await expect(importRegistrations(ctx, campaign.id, { fileName: 'liar.xlsx', bytes: liar })).rejects.toMatchObject({ code: 'IMPORT_XLSX_SIZE_MISMATCH' });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(ctx.db.prepare('SELECT count(*) FROM entries').pluck().get()).toBe(0);
    ctx.close();
  });

  it('costs a fresh process under 300 MB of memory and a few seconds, lying or not', () => {
    const dir = tempDir('kepu-bomb-');
    dirs.push(dir);
    const honest = path.join(dir, 'bomb.xlsx');
    const liar = path.join(dir, 'liar.xlsx');
    fs.writeFileSync(honest, bomb);
    fs.writeFileSync(liar, lieAboutSize(bomb, 'xl/sharedStrings.xml', 4_000));
    for (const [file, code] of [
      [honest, 'IMPORT_XLSX_PART_TOO_LARGE'],
      [liar, 'IMPORT_XLSX_SIZE_MISMATCH'],
    ] as const) {
      const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'preview-child.ts'), file], {
        cwd: repoRoot,
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(child.status, child.stderr).toBe(0);
      const measured = JSON.parse(child.stdout) as { code: string; ms: number; rssGrowthMb: number };
      expect(measured.code).toBe(code);
      expect(measured.ms).toBeLessThan(5_000);
      expect(measured.rssGrowthMb).toBeLessThan(300);
    }
  }, 90_000);
});

describe('text longer than a cell can hold', () => {
  it('is refused before the XML is parsed when one shared string is over the limit but the part is small', async () => {
    const { ctx, campaign } = setup();
    const parts = await genuineParts([HEADER, ROW]);
    const oneMegabyte = await zipOf(parts, { 'xl/sharedStrings.xml': withHugeSharedString(parts.get('xl/sharedStrings.xml')!, 1_000_000) });
    await expect(previewImport(ctx, campaign.id, { fileName: 'long.xlsx', bytes: oneMegabyte })).rejects.toMatchObject({
      code: 'IMPORT_XLSX_TEXT_TOO_LONG',
      params: { file: 'long.xlsx', limit: EXCEL_MAX_CELL_CHARS },
    });
    ctx.close();
  });

  it('names the cell, in XLSX and CSV alike, when a cell is longer than 32,767 characters', async () => {
    const { ctx, campaign } = setup();
    const title = '长'.repeat(EXCEL_MAX_CELL_CHARS + 1);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('报名表');
    sheet.addRow(HEADER);
    sheet.addRow(ROW);
    sheet.addRow(['SC-0002', '作品', '视频', title, '李晓雯', '13800138000', '2023-12-10 09:30', '原创']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    await expect(previewImport(ctx, campaign.id, { fileName: 'cell.xlsx', bytes: xlsx })).rejects.toMatchObject({
      code: 'IMPORT_CELL_TOO_LONG',
      params: { file: 'cell.xlsx', cell: 'D3', limit: EXCEL_MAX_CELL_CHARS },
    });
    const csv = Buffer.from(`${HEADER.join(',')}\nSC-0002,作品,视频,${title},李晓雯,13800138000,2023-12-10 09:30,原创\n`);
    await expect(importRegistrations(ctx, campaign.id, { fileName: 'cell.csv', bytes: csv })).rejects.toMatchObject({
      code: 'IMPORT_CELL_TOO_LONG',
      params: { file: 'cell.csv', cell: 'D2' },
    });
    // Exactly the limit is a cell Excel can hold: imported.
    const fits = Buffer.from(`${HEADER.join(',')}\nSC-0003,作品,视频,${'长'.repeat(EXCEL_MAX_CELL_CHARS)},李晓雯,13800138000,2023-12-10 09:30,原创\n`);
    expect((await importRegistrations(ctx, campaign.id, { fileName: 'fits.csv', bytes: fits })).added).toEqual([2]);
    ctx.close();
  });

  it('measures text runs across chunk boundaries', () => {
    // The run is every byte after the last '<' (tag and text alike).
    const limit = 10;
    expect(textRunAfter(Buffer.from('<a>0123'), 0, limit)).toBe(6);
    expect(textRunAfter(Buffer.from('4567'), 6, limit)).toBe(10);
    expect(textRunAfter(Buffer.from('8</a>'), 10, limit)).toBeGreaterThan(limit);
    expect(textRunAfter(Buffer.from('</a>'), 10, limit)).toBe(3);
    // A chunk longer than the limit is searched inside too.
    expect(textRunAfter(Buffer.from(`<a>${'x'.repeat(9)}<b>`), 0, limit)).toBeGreaterThan(limit);
    expect(textRunAfter(Buffer.from(`<a>${'x'.repeat(7)}<b>${'y'.repeat(7)}<c>`), 0, limit)).toBe(2);
  });
});

describe('the archive limits', () => {
  it('refuse too many parts and too much in total, from the central directory alone', async () => {
    const many = new Map(Array.from({ length: 12 }, (_, i) => [`xl/part${i}.bin`, Buffer.from('x')]));
    await expect(checkXlsxArchive(await zipOf(many), 'many.xlsx', { ...XLSX_LIMITS, maxParts: 10 })).rejects.toMatchObject({
      code: 'IMPORT_XLSX_TOO_MANY_PARTS',
      params: { file: 'many.xlsx', count: 12, limit: 10 },
    });
    const big = new Map(Array.from({ length: 3 }, (_, i) => [`xl/media/image${i}.png`, Buffer.alloc(400_000)]));
    await expect(checkXlsxArchive(await zipOf(big), 'big.xlsx', { ...XLSX_LIMITS, maxPartBytes: 500_000, maxTotalBytes: 1_000_000 })).rejects.toMatchObject({
      code: 'IMPORT_XLSX_TOO_LARGE',
      params: { file: 'big.xlsx', limitMb: 1 },
    });
    await expect(checkXlsxArchive(Buffer.from('PK\x03\x04garbage'), 'broken.xlsx')).rejects.toMatchObject({ code: 'IMPORT_FILE_UNREADABLE', params: { file: 'broken.xlsx' } });
  });

  it('let a genuine 50,000-row registration sheet through with room to spare', async () => {
    // 50,000 rows of 14 columns of Chinese text, written with inline strings (the larger way: the
    // worksheet holds every text itself, as some form tools write it) into a workbook exceljs made.
    const columns = [...HEADER, '单位', '电子邮箱', '平台全称', '账号全称', '账号链接', '姓名'];
    const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
    const letters = columns.map((_, i) => String.fromCharCode(65 + i));
    const rows: string[] = [`<row r="1">${columns.map((h, i) => cell(`${letters[i]}1`, h)).join('')}</row>`];
    for (let i = 0; i < 50_000; i++) {
      const r = i + 2;
      const values = [
        `SC-${String(i).padStart(6, '0')}`, '作品', '视频', `科普作品第${i}号:如何预防季节性流感与儿童呼吸道感染`, '李晓雯', String(13800138000 + i), '2023-12-10 09:30',
        '原创科普视频,内容准确,通俗易懂,传播效果好,已在多个平台发布并获得广泛关注。'.repeat(2), '四川大学华西医院第二附属医院儿科', `user${i}@example.cn`, '抖音', '华西妇产科王医生', `https://www.douyin.com/user/${i}`, '陈静',
      ];
      rows.push(`<row r="${r}">${values.map((v, c) => cell(`${letters[c]}${r}`, v)).join('')}</row>`);
    }
    const sheetXml = Buffer.from(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`,
    );
    const parts = await genuineParts([HEADER]);
    parts.set('xl/worksheets/sheet1.xml', sheetXml);
    const bytes = await zipOf(parts);
    await expect(checkXlsxArchive(bytes, 'genuine.xlsx')).resolves.toBeUndefined();
    const total = [...parts.values()].reduce((sum, b) => sum + b.length, 0);
    expect(sheetXml.length).toBeGreaterThan(40_000_000); // tens of MB, as the issue says
    expect(sheetXml.length * 2.5).toBeLessThanOrEqual(XLSX_LIMITS.maxPartBytes);
    expect(total * 4).toBeLessThan(XLSX_LIMITS.maxTotalBytes);
  }, 60_000);
});
