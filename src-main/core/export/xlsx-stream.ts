// A streamed XLSX writer for the exports that write a row per entry (the ranking's 50,000 rows
// and more). exceljs (which the app keeps for reading workbooks and for the small, styled or
// validated ones) spends most of a large export building a model object per cell and rendering
// one style per cell: 9 s of the ranking's XLSX at 50,000 entries (issue 18 aim 4: ≤ 5 s).
// Here a row is one string of XML, written as it is made into the sheet's deflate stream.
// It is the one writer of the app's XLSX exports (ranking, score matrix, compliance, notice,
// roster, refused rows, mail merge); exceljs stays for reading workbooks and for the import
// template, whose cells carry drop-down lists (data validation) this writer does not write.
// What it writes, deliberately little: inline strings (no shared-string table to hold), numbers,
// a bold style for header rows and a larger one for titles, column widths, a frozen header row; sheets in order, each
// finished before the next starts (the zip is written front to back, nothing held in memory).
// Text is XML-escaped (a carriage return kept as &#13;); characters XML cannot carry (C0 controls other than tab, CR and LF, lone
// surrogates, U+FFFE/U+FFFF) become U+FFFD, so a hostile title cannot make the file unreadable.
// Every cell is a value, never a formula: '=…' stays text (the CSV writer guards the same).
import { once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';
import yazl from 'yazl';

export type XlsxCell = string | number | null | undefined;

/** A row's look: plain, bold (a header) or a title (bold, 14 pt). */
export type XlsxRowStyle = 'plain' | 'bold' | 'title';
const STYLE_ID: Record<XlsxRowStyle, string> = { plain: '', bold: ' s="1"', title: ' s="2"' };

export interface XlsxSheetOptions {
  /** ≤ 31 characters, none of []:*?/\ and unique in the workbook (checked). */
  name: string;
  /** Column widths in characters, first column first. */
  widths?: readonly number[];
  /** Rows kept in view when scrolling (1: the header row). */
  frozenRows?: number;
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Rows of XML gathered before they go to the deflate stream. */
const FLUSH_AT = 256 * 1024;

// Characters that are not allowed in XML 1.0, and the five that must be escaped.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// A carriage return as a reference: an XML reader turns a literal one into a line feed.
const ESCAPED = /[<>&"\r]/g;
const ENTITY: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', '\r': '&#13;' };

export function xmlText(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replace(ESCAPED, (c) => ENTITY[c]);
}

/** "A", "B", … "Z", "AA", … for a zero-based column index. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

export class XlsxSheet {
  private buffer = '';
  private rowNo = 0;
  private closed = false;
  private readonly columns: string[] = [];

  constructor(
    private readonly out: PassThrough,
    options: XlsxSheetOptions,
  ) {
    const frozen = options.frozenRows ?? 0;
    const pane = frozen > 0 ? `<pane ySplit="${frozen}" topLeftCell="A${frozen + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${frozen + 1}" sqref="A${frozen + 1}"/>` : '';
    const cols = (options.widths ?? []).map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
    this.buffer = `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>${cols ? `<cols>${cols}</cols>` : ''}<sheetData>`;
  }

  /** One row; 'bold' for a header. Empty cells (null, undefined, '') are left out. */
  addRow(cells: readonly XlsxCell[], look: XlsxRowStyle = 'plain'): void {
    if (this.closed) throw new Error('xlsx: row added to a finished sheet');
    const r = ++this.rowNo;
    const style = STYLE_ID[look];
    let xml = `<row r="${r}">`;
    for (let i = 0; i < cells.length; i++) {
      const v = cells[i];
      if (v === null || v === undefined || v === '') continue;
      const ref = `${this.columns[i] ?? (this.columns[i] = columnName(i))}${r}`;
      if (typeof v === 'number') {
        if (Number.isFinite(v)) xml += `<c r="${ref}"${style}><v>${v}</v></c>`;
      } else {
        xml += `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${xmlText(v)}</t></is></c>`;
      }
    }
    this.buffer += `${xml}</row>`;
    if (this.buffer.length >= FLUSH_AT) this.flush();
  }

  /** Waits while the file is behind (call between slices of rows: memory stays bounded). */
  async drained(): Promise<void> {
    if (this.out.writableNeedDrain) await once(this.out, 'drain');
  }

  /** Drops the sheet (the workbook was abandoned). */
  destroy(): void {
    this.closed = true;
    this.buffer = '';
    this.out.destroy();
  }

  end(): void {
    if (this.closed) return;
    this.buffer += '</sheetData></worksheet>';
    this.flush();
    this.closed = true;
    this.out.end();
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    this.out.write(this.buffer, 'utf8');
    this.buffer = '';
  }
}

export class XlsxStreamWriter {
  private readonly zip = new yazl.ZipFile();
  private readonly names: string[] = [];
  private current: XlsxSheet | undefined;
  private readonly piped: Promise<void>;

  /** The workbook goes to `out` as it is made (out is ended by finish()). */
  constructor(private readonly out: Writable) {
    this.zip.outputStream.pipe(out);
    this.piped = new Promise((resolve, reject) => {
      out.on('finish', resolve);
      out.on('error', reject);
      this.zip.outputStream.on('error', reject);
    });
    // Awaited by finish(); an abandoned workbook's end is nobody's concern.
    this.piped.catch(() => undefined);
  }

  /**
   * Stops writing (a cancelled or failed export): nothing more reaches `out`, which the caller
   * closes and removes. Without it the zip would go on writing into a closed file.
   */
  abort(): void {
    this.zip.outputStream.unpipe(this.out);
    this.current?.destroy();
    (this.zip.outputStream as unknown as PassThrough).destroy();
  }

  /** A new sheet; the previous one is finished first. */
  addSheet(options: XlsxSheetOptions): XlsxSheet {
    const { name } = options;
    if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name) || this.names.some((n) => n.toLowerCase() === name.toLowerCase())) {
      throw new Error(`xlsx: sheet name "${name}" is empty, too long, has []:*?/\\ or is used twice`);
    }
    this.current?.end();
    this.names.push(name);
    const stream = new PassThrough({ highWaterMark: 1024 * 1024 });
    // Level 1: the sheets are repetitive XML, and the faster level costs a few percent in size.
    this.zip.addReadStream(stream, `xl/worksheets/sheet${this.names.length}.xml`, { compressionLevel: 1, mtime: FIXED_TIME });
    this.current = new XlsxSheet(stream, options);
    return this.current;
  }

  async finish(): Promise<void> {
    if (this.names.length === 0) throw new Error('xlsx: a workbook needs a sheet');
    this.current?.end();
    const n = this.names.length;
    const sheets = this.names.map((_, i) => i + 1);
    const part = (path: string, xml: string) => this.zip.addBuffer(Buffer.from(XML_HEAD + xml, 'utf8'), path, { mtime: FIXED_TIME });
    part(
      '[Content_Types].xml',
      `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheets.map((i) => `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`,
    );
    part('_rels/.rels', `<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
    part(
      'xl/workbook.xml',
      `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews><sheets>${this.names.map((name, i) => `<sheet name="${xmlText(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    );
    part(
      'xl/_rels/workbook.xml.rels',
      `<Relationships xmlns="${PKG_REL_NS}">${sheets.map((i) => `<Relationship Id="rId${i}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i}.xml"/>`).join('')}<Relationship Id="rId${n + 1}" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`,
    );
    part('xl/styles.xml', STYLES);
    this.zip.end();
    await this.piped;
  }
}

/** A small workbook in memory (the exports that are saved as one buffer). */
export async function xlsxBuffer(write: (book: XlsxStreamWriter) => void | Promise<void>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const out = new PassThrough();
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const book = new XlsxStreamWriter(out);
  try {
    await write(book);
  } catch (error) {
    book.abort();
    throw error;
  }
  await book.finish();
  return Buffer.concat(chunks);
}

/** Entries dated alike (the zip's timestamps are not the export's time; the file's own is). */
const FIXED_TIME = new Date(Date.UTC(2020, 0, 1));

// Style 0: the default; 1: bold (header rows); 2: bold 14 pt (titles).
const STYLES =
  `<styleSheet xmlns="${MAIN_NS}">` +
  '<fonts count="3"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="14"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';
