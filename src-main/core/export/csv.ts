// The one CSV writer behind every CSV the app writes (compliance report, ranking export,
// `kepu rank --csv`). RFC 4180 quoting, plus formula neutralising (OWASP "CSV injection"):
// Excel, WPS and LibreOffice run a cell that starts with = + - @ as a formula (OWASP adds tab and
// CR, which some of them skip first), so a title such as =HYPERLINK("http://…"&B2,"Click me") sent in a
// registration form would leak neighbouring cells on a click, and =cmd|… can start programs.
// Such a text cell gets a leading apostrophe, which spreadsheets show as text.
// Only text is neutralised: a number is written as a number, so a z-score of -0.53 stays -0.53 and
// sorts and sums as one. Callers therefore pass numbers as numbers, never pre-formatted strings.
// Written here rather than with a library: the rule depends on the cell's type, which only the
// caller knows, and RFC 4180 quoting is a few lines.

export type CsvValue = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One field: text quoted (formula-like text neutralised), finite numbers bare, nothing empty. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${text.replace(/"/g, '""')}"`;
}

/** One record, without its line end. */
export function csvRow(values: readonly CsvValue[]): string {
  return values.map(csvField).join(',');
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
