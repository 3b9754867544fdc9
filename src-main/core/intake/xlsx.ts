// XLSX registrations via exceljs. Cells come back as display text: numbers without exponent (a
// phone number typed as a number must not become 1.3800138E10), dates as local wall-clock text
// (Excel stores them without a zone; the campaign zone is applied later), formulas as their result.
// The archive's sizes are checked first (xlsx-guard.ts): exceljs inflates and parses whole parts.
import ExcelJS from 'exceljs';
import { KepuError } from '../errors';
import { checkXlsxArchive } from './xlsx-guard';

export interface SheetTable {
  sheets: string[];
  sheet: string;
  rows: string[][];
}

export async function readXlsx(bytes: Uint8Array, fileName: string, sheetName?: string): Promise<SheetTable> {
  await checkXlsxArchive(bytes, fileName);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (error) {
    throw new KepuError('IMPORT_FILE_UNREADABLE', `intake: ${fileName} is not a readable XLSX: ${(error as Error).message}`, {
      file: fileName,
    });
  }
  const sheets = workbook.worksheets.map((w) => w.name);
  const worksheet = sheetName ? workbook.getWorksheet(sheetName) : workbook.worksheets[0];
  if (!worksheet) {
    throw new KepuError('IMPORT_SHEET_NOT_FOUND', `intake: ${fileName} has no sheet "${sheetName}"`, {
      file: fileName,
      sheet: sheetName ?? '',
      sheets: sheets.join(', '),
    });
  }
  const rows: string[][] = [];
  worksheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    rows[rowNumber - 1] = Array.from(cells, (c) => c ?? '');
  });
  return { sheets, sheet: worksheet.name, rows: Array.from(rows, (r) => r ?? []) };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return wallClock(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text; // hyperlink
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return '';
  }
  return String(value);
}

/** Excel dates are zone-less; exceljs hands them over as if UTC. Keep the wall-clock digits. */
function wallClock(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = d.getUTCHours() || d.getUTCMinutes() || d.getUTCSeconds() ? ` ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}` : '';
  return date + time;
}
