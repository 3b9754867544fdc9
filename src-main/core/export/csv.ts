// The one CSV writer behind every CSV the app writes (compliance report, ranking export,
// `kepu rank --csv`). RFC 4180 quoting, plus formula neutralising (OWASP "CSV injection"):
// Excel, WPS and LibreOffice run a cell that starts with = + - @ as a formula (OWASP adds tab and
// CR, which some of them skip first), so a title such as =HYPERLINK("http://…"&B2,"Click me") sent in a
// registration form would leak neighbouring cells on a click, and =cmd|… can start programs.
// Such a text cell gets a leading apostrophe, which spreadsheets show as text.
// Only text is neutralised: a number is written as a number, so a z-score of -0.53 stays -0.53 and
// sorts and sums as one. Callers therefore pass numbers as numbers, never pre-formatted strings.
// Written with csv-stringify (RFC 4180 quoting, maintained); the type-dependent rules are its
// casts: every text field quoted (so a leading zero or a long number in text stays text), finite
// numbers bare, non-finite numbers, null and undefined empty.
import { stringify } from 'csv-stringify/sync';

export type CsvValue = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

const options = {
  quoted_string: true,
  eof: false,
  cast: {
    number: (value: number) => (Number.isFinite(value) ? String(value) : ''),
    string: (value: string) => (FORMULA_START.test(value) ? `'${value}` : value),
  },
};

/** One field: text quoted (formula-like text neutralised), finite numbers bare, nothing empty. */
export function csvField(value: CsvValue): string {
  return csvRow([value]);
}

/** One record, without its line end. */
export function csvRow(values: readonly CsvValue[]): string {
  // An empty record: csv-stringify writes no line for it, the file still gets one (empty) line.
  return values.length === 0 ? '' : stringify([values as CsvValue[]], options);
}

/**
 * A whole file. The BOM (default on) lets Excel/WPS open UTF-8 with Chinese text correctly; CRLF
 * is RFC 4180's line end.
 */
export function csvDocument(rows: readonly (readonly CsvValue[])[], options: { bom?: boolean; newline?: string } = {}): string {
  const newline = options.newline ?? '\r\n';
  const body = rows.map((row) => csvRow(row) + newline).join('');
  return (options.bom ?? true) ? `\ufeff${body}` : body;
}
