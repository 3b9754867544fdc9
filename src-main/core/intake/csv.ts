// RFC 4180 CSV, as spreadsheets write it: quoted fields with "" escapes and embedded newlines,
// CRLF, LF or CR line ends, and the delimiter sniffed from the first line (comma, semicolon or
// tab — European Excel writes semicolons, some form tools tabs). Parsed by csv-parse (maintained);
// the sniffing is ours, csv-parse has none.
import { parse } from 'csv-parse/sync';

export function sniffDelimiter(text: string): string {
  const firstLine = text.slice(0, Math.max(0, text.search(/\r?\n/)) || text.length);
  let best = ',';
  let bestCount = 0;
  for (const candidate of [',', ';', '\t']) {
    const count = countOutsideQuotes(firstLine, candidate);
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

function countOutsideQuotes(line: string, ch: string): number {
  let inQuotes = false;
  let count = 0;
  for (const c of line) {
    if (c === '"') inQuotes = !inQuotes;
    else if (c === ch && !inQuotes) count++;
  }
  return count;
}

const BASE_OPTIONS = {
  relax_quotes: true, // a quote inside an unquoted field is text (ab"c), as spreadsheets read it
  relax_column_count: true, // rows keep their own length; the mapping reports missing cells
  record_delimiter: ['\r\n', '\n', '\r'], // any mix of line ends, as files edited by hand have
  skip_empty_lines: false, // empty rows count in the row numbers people see
  bom: false, // decodeText removed it already
};

/** Rows of cells; a trailing empty line is dropped, fully empty rows are kept (they count in row numbers). */
export function parseCsv(text: string, delimiter = sniffDelimiter(text)): string[][] {
  const options = { ...BASE_OPTIONS, delimiter };
  try {
    return parse(text, options) as string[][];
  } catch (error) {
    // A quote left open at the end of the file: the rest of the file is that last cell, as it
    // always was here (closing it at the very end reads exactly that).
    if ((error as { code?: string }).code === 'CSV_QUOTE_NOT_CLOSED') return parse(`${text}"`, options) as string[][];
    throw error;
  }
}
