// Registration import, from bytes to rows in the database. Policy: a bad row is reported (with
// its spreadsheet row number and what is wrong) and never blocks the others; the accepted rows of
// one file go in as one transaction, so a crash leaves all of them or none; re-importing the same
// file updates entries by registration number instead of duplicating them. Mails (.eml, .mbox, a
// folder of them) are read into the same table shape (core/intake/mail) and take the same path.
import type { Database } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { ColumnMapping, EntryKind, ImportPreview, ImportReport, RegNoGeneration, RowError, TextEncodingName } from '../../contract';
import { showBidiControls } from '../../contract/identifiers';
import { decodeText } from '../../contract/text-encoding';
import type { CampaignRepo } from '../campaigns/campaign-repo';
import type { EntryRepo, NewEntry } from '../entries/entry-repo';
import { KepuError } from '../errors';
import { nowIso, toUtcIso } from '../time';
import { parseCsv } from './csv';
import { createRowReader } from './rows';
import { autoMap, findHeaderRow, headerSignature, mappingTargets, type Target } from './targets';
import { readXlsx } from './xlsx';
import { EXCEL_MAX_CELL_CHARS } from './xlsx-guard';
import { applyLearnedLabels, saveLearnedLabels } from './mail/learned-labels';
import { mailRowInfo, storeMailMedia } from './mail/mail-rows';
import { mailNumbering, recordMails } from './mail/mail-store';
import { type QuestionnaireShapeFound, recogniseQuestionnaire, uniqueColumns } from './questionnaire';
import { type GeneratedNumbering, generatedNumbering, recordGenerated, rowKey } from './reg-no-generation';
import { applyReadings, type Choices, choicesOf, savedValueMap, saveValueMap, type ValueMap, valueMapInForce, withConstants } from './value-readings';
import { isMailInput, type MailFile, mailTable, readMails } from './mail/mail-table';
import type { MailBatch } from './mail/mail-rows';

export interface ImportInput {
  fileName: string;
  bytes: Uint8Array;
  encoding?: TextEncodingName | 'auto';
  sheet?: string;
  mapping?: ColumnMapping;
  /** A folder of mails: its .eml / .mbox files (`bytes` is then unused). */
  files?: MailFile[];
  /** Kinds chosen by hand for rows whose kind could not be read (row number → kind). */
  rowKinds?: Record<string, EntryKind>;
  /** Generate registration numbers keyed by these columns; null: do not; absent: as last time, or as the questionnaire suggests. */
  generateRegNos?: RegNoGeneration | null;
  /** One value for every row, per target the file has no column for. */
  constants?: Record<string, string>;
  /** Readings of values the importer does not know, per target (raw → allowed value); remembered. */
  valueMap?: ValueMap;
}

/** Prefix of generated numbers when the coordinator has not chosen one: BM = 报名 (registration). */
export const DEFAULT_GENERATED_PREFIX = 'BM-';

export interface IntakeDeps {
  db: Database;
  campaigns: CampaignRepo;
  entries: EntryRepo;
  /** Where mail attachments are stored (<dataDir>/media/mail); without it they are not kept. */
  dataDir?: string;
  protectedFiles?: { isProtected(file: string): boolean; assertNotProtected(file: string): void };
}

interface LoadedTable {
  format: 'csv' | 'xlsx' | 'mail';
  encoding: TextEncodingName | null;
  sheets: string[];
  sheet: string | null;
  rows: string[][];
  /** Mail imports: the mails, one per data row, and the registration numbers they get. */
  mail?: MailBatch;
}

async function loadMailTable(deps: IntakeDeps, campaignId: string, input: ImportInput): Promise<LoadedTable> {
  const mails = await readMails(input.files ?? [{ fileName: input.fileName, bytes: input.bytes }], input.files !== undefined);
  if (mails.length === 0) throw new KepuError('IMPORT_NO_MAILS', `intake: ${input.fileName} holds no mail`, { file: input.fileName });
  const numbering = mailNumbering(deps.db, campaignId, mails.map((m) => m.key));
  const def = deps.campaigns.definition(campaignId);
  const table = mailTable(mails, numbering, mappingTargets(def), def.timeZone);
  return { format: 'mail', encoding: null, sheets: [], sheet: null, rows: [table.headers, ...table.rows], mail: { mails, numbering } };
}

async function loadTable(deps: IntakeDeps, campaignId: string, input: ImportInput): Promise<LoadedTable> {
  if (isMailInput(input.fileName, input.files)) return loadMailTable(deps, campaignId, input);
  const ext = path.extname(input.fileName).toLowerCase();
  const zip = input.bytes[0] === 0x50 && input.bytes[1] === 0x4b;
  if (ext === '.xlsx' || (zip && ext !== '.csv')) {
    const table = await readXlsx(input.bytes, input.fileName, input.sheet);
    return { format: 'xlsx', encoding: null, sheets: table.sheets, sheet: table.sheet, rows: table.rows };
  }
  if (ext === '.xls' || (input.bytes[0] === 0xd0 && input.bytes[1] === 0xcf)) {
    throw new KepuError('IMPORT_UNSUPPORTED_FORMAT', `intake: ${input.fileName} is an old .xls workbook; save it as .xlsx or CSV`, {
      file: input.fileName,
    });
  }
  if (!['.csv', '.txt', '.tsv', ''].includes(ext)) {
    throw new KepuError('IMPORT_UNSUPPORTED_FORMAT', `intake: ${input.fileName}: only CSV, XLSX and mails (.eml, .mbox) can be imported`, { file: input.fileName });
  }
  const decoded = decodeText(input.bytes, input.encoding && input.encoding !== 'auto' ? { encoding: input.encoding } : {});
  return { format: 'csv', encoding: decoded.encoding, sheets: [], sheet: null, rows: parseCsv(decoded.text) };
}

/** No spreadsheet writes a cell longer than Excel can hold; a file that does is refused whole, naming the cell. */
function refuseOverlongCells(rows: string[][], fileName: string): void {
  rows.forEach((cells, r) =>
    cells.forEach((cell, c) => {
      if (cell.length > EXCEL_MAX_CELL_CHARS) {
        throw new KepuError('IMPORT_CELL_TOO_LONG', `intake: ${fileName}: cell ${cellName(c, r + 1)} holds ${cell.length} characters, at most ${EXCEL_MAX_CELL_CHARS}`, {
          file: fileName,
          cell: cellName(c, r + 1),
          limit: EXCEL_MAX_CELL_CHARS,
        });
      }
    }),
  );
}

/** Spreadsheet cell name: column 0, row 7 → A7; column 27 → AB. */
function cellName(column: number, row: number): string {
  let letters = '';
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row}`;
}

interface Prepared {
  table: LoadedTable;
  targets: Target[];
  headerIndex: number;
  headers: string[];
  mapping: ColumnMapping;
  mappingSource: ImportPreview['mappingSource'];
  /** [spreadsheet row number, cells] for every non-empty data row. */
  dataRows: [number, string[]][];
  /** The file's own headers (without a generated-number column): what the saved mapping is keyed by. */
  fileHeaders: string[];
  questionnaire: QuestionnaireShapeFound | null;
  uniqueColumns: number[];
  generated: { generation: RegNoGeneration; column: number; numbering: GeneratedNumbering; emptyKeyRows: Set<number> } | null;
  choices: Choices;
  constants: Record<string, { value: string; column: number }>;
  /** Readings in force, and the given ones to remember when the import is made. */
  valueMap: ValueMap;
  newReadings: ValueMap;
  /** The data rows' cells as the file has them (readings not applied): what the preview shows. */
  shown: string[][];
}

async function prepare(deps: IntakeDeps, campaignId: string, input: ImportInput): Promise<Prepared> {
  const def = deps.campaigns.definition(campaignId);
  const table = await loadTable(deps, campaignId, input);
  if (table.format !== 'mail') refuseOverlongCells(table.rows, input.fileName);
  const targets = mappingTargets(def);
  const isBlank = (r: string[]) => r.every((c) => c.trim() === '');
  const header = findHeaderRow(table.rows, targets);
  const headerIndex = table.format === 'mail' ? 0 : header.matches > 0 ? header.index : table.rows.findIndex((r) => !isBlank(r));
  if (headerIndex === -1) {
    throw new KepuError('IMPORT_NO_HEADER', `intake: ${input.fileName} has no rows`, { file: input.fileName });
  }
  let headers = table.rows[headerIndex].map((h) => h.trim());
  const fileHeaders = headers;
  const questionnaire = table.format === 'mail' ? null : recogniseQuestionnaire(headers);
  let mapping: ColumnMapping;
  let mappingSource: ImportPreview['mappingSource'];
  const savedRow = deps.db
    .prepare<[string, string], { mapping_json: string; options_json: string }>('SELECT mapping_json, options_json FROM import_mappings WHERE campaign_id = ? AND header_signature = ?')
    .get(campaignId, headerSignature(headers));
  const saved = savedRow?.mapping_json;
  if (input.mapping) {
    mapping = input.mapping;
    mappingSource = 'given';
  } else if (table.format === 'mail') {
    const learned = applyLearnedLabels(deps.db, campaignId, headers, autoMap(headers, targets));
    mapping = learned.mapping;
    mappingSource = learned.learned ? 'saved' : 'auto';
  } else if (saved) {
    mapping = JSON.parse(saved) as ColumnMapping;
    mappingSource = 'saved';
  } else {
    mapping = autoMapQuestionnaire(headers, targets, questionnaire);
    mappingSource = 'auto';
  }
  // Only known targets, only columns that exist.
  const clean: ColumnMapping = {};
  for (const t of targets) {
    const column = mapping[t.key];
    clean[t.key] = typeof column === 'number' && column < headers.length ? column : null;
  }
  // Mails are numbered 1, 2, 3 … (their place in the folder or mbox); spreadsheet rows as Excel shows them.
  const rowNumberOf = (i: number) => (table.format === 'mail' ? i : i + 1);
  let dataRows: [number, string[]][] = [];
  for (let i = headerIndex + 1; i < table.rows.length; i++) if (table.format === 'mail' || !isBlank(table.rows[i])) dataRows.push([rowNumberOf(i), table.rows[i]]);
  if (input.rowKinds && Object.keys(input.rowKinds).length > 0) {
    ({ headers, dataRows } = withChosenKinds(headers, dataRows, clean, input.rowKinds));
  }
  const unique = table.format === 'mail' ? [] : uniqueColumns(fileHeaders, dataRows.map(([, cells]) => cells));
  const constant = withConstants(headers, dataRows, clean, input.constants, targets);
  ({ headers, dataRows } = constant);
  const generation = table.format === 'mail' ? null : generationFor(input, savedRow?.options_json, questionnaire, clean, fileHeaders.length);
  let generated: Prepared['generated'] = null;
  if (generation) {
    const keys = dataRows.map(([, cells]) => rowKey(cells, generation.keyColumns));
    const numbering = generatedNumbering(deps.db, campaignId, generation, keys);
    const column = headers.length;
    headers = [...headers, GENERATED_HEADER];
    clean['sys.regNo'] = column;
    const emptyKeyRows = new Set<number>();
    dataRows = dataRows.map(([row, cells], i) => {
      const regNo = numbering.regNoOf(keys[i]);
      if (regNo === null) emptyKeyRows.add(row);
      const copy = [...cells];
      while (copy.length < column) copy.push('');
      copy[column] = regNo ?? '';
      return [row, copy];
    });
    generated = { generation, column, numbering, emptyKeyRows };
  }
  const choices = choicesOf(def, targets);
  const valueMap = valueMapInForce(savedValueMap(deps.db, campaignId), input.valueMap, choices);
  const shown = dataRows.map(([, cells]) => cells);
  dataRows = applyReadings(dataRows, clean, valueMap);
  return {
    table, targets, headerIndex, headers, mapping: clean, mappingSource, dataRows, fileHeaders, questionnaire, uniqueColumns: unique, generated,
    choices, constants: constant.columns, valueMap, newReadings: valueMapInForce({}, input.valueMap, choices), shown,
  };
}

/** The header of the column of generated numbers (the preview shows it translated). */
const GENERATED_HEADER = '报名编号';

/** Automatic mapping that leaves a questionnaire's bookkeeping alone and takes its submission time. */
function autoMapQuestionnaire(headers: string[], targets: Target[], questionnaire: QuestionnaireShapeFound | null): ColumnMapping {
  if (!questionnaire) return autoMap(headers, targets);
  const ignored = new Set(questionnaire.noiseColumns);
  const mapping = autoMap(headers.map((h, i) => (ignored.has(i) ? '' : h)), targets);
  if (questionnaire.submittedAtColumn !== null) mapping['sys.submittedAt'] = questionnaire.submittedAtColumn;
  return mapping;
}

/**
 * Whether numbers are generated: as asked; else as chosen for this form last time; else, for a
 * questionnaire export with no registration-number column, keyed by the questionnaire's own answer
 * number. Key columns that the file does not have void the choice.
 */
function generationFor(
  input: ImportInput,
  savedOptions: string | undefined,
  questionnaire: QuestionnaireShapeFound | null,
  mapping: ColumnMapping,
  columnCount: number,
): RegNoGeneration | null {
  const fits = (g: RegNoGeneration | null | undefined): RegNoGeneration | null => (g && g.keyColumns.every((c) => c < columnCount) ? g : null);
  if (input.generateRegNos !== undefined) return fits(input.generateRegNos);
  if (input.mapping) return null;
  const saved = savedOptions ? (JSON.parse(savedOptions) as { generateRegNos?: RegNoGeneration }).generateRegNos : undefined;
  if (saved) return fits(saved);
  if (questionnaire && questionnaire.answerIdColumn !== null && mapping['sys.regNo'] === null) {
    return { keyColumns: [questionnaire.answerIdColumn], prefix: DEFAULT_GENERATED_PREFIX };
  }
  return null;
}

/**
 * A kind chosen by hand replaces the row's kind cell; when no column holds kinds, one is added
 * (mapped to the kind) holding the chosen kinds, empty for the other rows.
 */
function withChosenKinds(headers: string[], dataRows: [number, string[]][], mapping: ColumnMapping, rowKinds: Record<string, EntryKind>) {
  let column = mapping['sys.kind'];
  if (column === null || column === undefined) {
    column = headers.length;
    headers = [...headers, '申报类型'];
    mapping['sys.kind'] = column;
  }
  const at = column;
  return {
    headers,
    dataRows: dataRows.map(([row, cells]): [number, string[]] => {
      const chosen = rowKinds[String(row)];
      if (!chosen && at < cells.length) return [row, cells];
      const copy = [...cells];
      while (copy.length <= at) copy.push('');
      if (chosen) copy[at] = chosen;
      return [row, copy];
    }),
  };
}

/** Reads every row (so the rejected count is for the whole file) and returns the first few. */
export async function previewImport(deps: IntakeDeps, campaignId: string, input: ImportInput, limit = 20): Promise<ImportPreview> {
  const p = await prepare(deps, campaignId, input);
  const outcomes = readAll(deps, campaignId, p);
  return {
    fileName: input.fileName,
    format: p.table.format,
    encoding: p.table.encoding,
    sheets: p.table.sheets,
    sheet: p.table.sheet,
    headerRow: p.headerIndex + 1,
    headers: p.headers,
    targets: p.targets.map(({ key, label, required }) => ({ key, label, required })),
    mapping: p.mapping,
    mappingSource: p.mappingSource,
    unmappedRequired: unmappedRequired(p),
    totalRows: p.dataRows.length,
    // Every mail that needs a choice is shown, however far down it is.
    rows: outcomes.flatMap((o, i) => (i < limit || (p.table.mail && !o.entry) ? [{ o, i }] : [])).map(({ o, i }) => ({
      row: o.row,
      cells: o.cells.map(showBidiControls),
      errors: o.errors,
      warnings: o.warnings,
      ...(p.table.mail ? { mail: mailRowInfo(p.table.mail, i) } : {}),
    })),
    rejectedCount: outcomes.filter((o) => !o.entry).length,
    questionnaire: p.questionnaire ? { source: p.questionnaire.source, ignoredColumns: p.questionnaire.noiseColumns } : null,
    uniqueColumns: p.uniqueColumns,
    generatedRegNos: p.generated
      ? { ...p.generated.generation, column: p.generated.column, fresh: p.generated.numbering.fresh, known: p.generated.numbering.known }
      : null,
    choices: p.choices,
    constants: p.constants,
    valueMap: p.valueMap,
  };
}

export async function importRegistrations(deps: IntakeDeps, campaignId: string, input: ImportInput): Promise<ImportReport> {
  const p = await prepare(deps, campaignId, input);
  const missing = unmappedRequired(p);
  if (missing.length) {
    throw new KepuError('IMPORT_MAPPING_INCOMPLETE', `intake: ${input.fileName}: no column for ${missing.join(', ')}`, {
      file: input.fileName,
      targets: missing.join(', '),
    });
  }
  const outcomes = readAll(deps, campaignId, p);
  const accepted = outcomes.filter((o): o is typeof o & { entry: NewEntry } => o.entry !== null);
  const deadline = deps.campaigns.summary(campaignId).deadline;
  const def = deps.campaigns.definition(campaignId);
  const opensAt = def.opensAt === null ? null : toUtcIso(def.opensAt);
  const report: Omit<ImportReport, 'importId'> = {
    fileName: input.fileName,
    format: p.table.format,
    encoding: p.table.encoding,
    sheet: p.table.sheet,
    headerRow: p.headerIndex + 1,
    totalRows: p.dataRows.length,
    added: [],
    updated: [],
    unchanged: [],
    rejected: outcomes.filter((o) => !o.entry).map((o) => ({ row: o.row, regNo: o.regNo, errors: o.errors })),
    late: accepted.filter((o) => o.entry.submittedAt !== null && o.entry.submittedAt > deadline).map((o) => o.row),
    early: accepted.filter((o) => o.entry.submittedAt !== null && opensAt !== null && o.entry.submittedAt < opensAt).map((o) => o.row),
    flagged: accepted.filter((o) => o.warnings.length > 0).map((o) => ({ row: o.row, regNo: o.entry.regNo, warnings: o.warnings })),
  };
  const now = nowIso();
  const mail = p.table.mail;
  /** Accepted mails, by their row's place among the mails. */
  const acceptedMails = mail ? accepted.map((o) => ({ mail: mail.mails[outcomes.indexOf(o)], regNo: o.entry.regNo })) : [];
  const importId = deps.db.transaction(() => {
    const statuses = deps.entries.upsertMany(campaignId, { deadlineUtc: deadline, opensAtUtc: opensAt }, accepted.map((o) => o.entry));
    statuses.forEach((s, i) => report[s].push(accepted[i].row));
    if (mail) {
      saveLearnedLabels(deps.db, campaignId, p.headers, p.mapping, now);
      recordMails(deps.db, campaignId, acceptedMails.map((m) => ({ key: m.mail.key, messageId: m.mail.messageId, regNo: m.regNo, mediaToFetch: m.mail.cloudLinks })), now);
    } else {
      // The mapping is remembered by the file's own headers; a generated number column is not one of them.
      const mapping = p.generated ? { ...p.mapping, 'sys.regNo': null } : p.mapping;
      const options = p.generated ? { generateRegNos: p.generated.generation } : {};
      deps.db
        .prepare(`INSERT INTO import_mappings (campaign_id, header_signature, mapping_json, options_json, updated_at) VALUES (?, ?, ?, ?, ?)
                  ON CONFLICT (campaign_id, header_signature) DO UPDATE SET mapping_json = excluded.mapping_json, options_json = excluded.options_json, updated_at = excluded.updated_at`)
        .run(campaignId, headerSignature(p.fileHeaders), JSON.stringify(mapping), JSON.stringify(options), now);
    }
    saveValueMap(deps.db, campaignId, p.newReadings, now);
    if (p.generated) {
      const acceptedNumbers = new Set(accepted.map((o) => o.entry.regNo));
      recordGenerated(deps.db, campaignId, p.generated.numbering.newPairs.filter((pair) => acceptedNumbers.has(pair.regNo)), now);
    }
    const summary = { added: report.added.length, updated: report.updated.length, unchanged: report.unchanged.length, rejected: report.rejected.length, flagged: report.flagged.length };
    deps.db
      .prepare(`INSERT INTO audit_log (at, actor, action, subject, details_json) VALUES (?, 'local', 'intake.import', ?, ?)`)
      .run(now, campaignId, JSON.stringify({ file: input.fileName, ...summary }));
    const sha = fileSha256(input);
    return Number(
      deps.db
        .prepare('INSERT INTO imports (campaign_id, file_name, file_sha256, imported_at, report_json) VALUES (?, ?, ?, ?, ?)')
        .run(campaignId, input.fileName, sha, now, JSON.stringify(report)).lastInsertRowid,
    );
  })();
  if (mail) report.mail = await storeMailMedia(deps, campaignId, acceptedMails, outcomes.map((o) => o.row), mail);
  if (report.mail) deps.db.prepare('UPDATE imports SET report_json = ? WHERE id = ?').run(JSON.stringify(report), importId);
  return { importId, ...report };
}

/**
 * The rows of this file the import refuses (read exactly as importRegistrations reads them): the
 * file's own headers, and each refused row's cells and problems, to send back to the entrants.
 */
export async function refusedRows(deps: IntakeDeps, campaignId: string, input: ImportInput) {
  const p = await prepare(deps, campaignId, input);
  const width = p.table.format === 'mail' ? p.headers.length : p.fileHeaders.length;
  return {
    headers: p.headers.slice(0, width),
    targets: p.targets,
    rows: readAll(deps, campaignId, p)
      .filter((o) => !o.entry)
      .map((o) => ({ row: o.row, cells: o.cells.slice(0, width), errors: o.errors })),
  };
}

/** One file's hash, or for a folder the hash of its files' names and hashes. */
function fileSha256(input: ImportInput): string {
  if (!input.files) return createHash('sha256').update(input.bytes).digest('hex');
  const all = createHash('sha256');
  for (const f of input.files) all.update(`${f.fileName}\0${createHash('sha256').update(f.bytes).digest('hex')}\n`);
  return all.digest('hex');
}

function unmappedRequired(p: Prepared): string[] {
  return p.targets.filter((t) => t.required && p.mapping[t.key] === null).map((t) => t.key);
}

interface RowOutcome {
  row: number;
  cells: string[];
  regNo: string | null;
  entry: NewEntry | null;
  errors: RowError[];
  warnings: RowError[];
}

function readAll(deps: IntakeDeps, campaignId: string, p: Prepared): RowOutcome[] {
  const def = deps.campaigns.definition(campaignId);
  // Only needed when something is retired: an entry already filed under a retired category may be
  // imported again, and the values of retired fields stay.
  const anyRetired = def.entryKinds.some((k) => k.categories.some((c) => c.retired) || k.fields.some((f) => f.retired));
  const stored = new Map<string, { kind: EntryKind; category: string | null; fields: Record<string, string> }>();
  if (anyRetired) {
    const rows = deps.db
      .prepare<[string], { reg_no: string; kind: EntryKind; category: string | null; fields_json: string }>('SELECT reg_no, kind, category, fields_json FROM entries WHERE campaign_id = ?')
      .all(campaignId);
    for (const r of rows) stored.set(r.reg_no, { kind: r.kind, category: r.category, fields: JSON.parse(r.fields_json) as Record<string, string> });
  }
  const reader = createRowReader(def, p.targets, p.mapping, (regNo) => stored.get(regNo));
  const firstRowOf = new Map<string, number>();
  return p.dataRows.map(([row, read], i) => {
    const cells = p.shown[i];
    const { entry, regNo, errors, warnings } = reader.read(read);
    if (p.generated?.emptyKeyRows.has(row)) {
      // No number because the key is empty: say that, not "registration number missing".
      const at = errors.findIndex((e) => e.target === 'sys.regNo' && e.code === 'ROW_MISSING_FIELD');
      if (at !== -1) errors.splice(at, 1);
      errors.push({ code: 'ROW_KEY_EMPTY', target: 'sys.regNo', column: p.generated.generation.keyColumns[0], value: '' });
      return { row, cells, regNo: null, entry: null, errors, warnings };
    }
    if (regNo) {
      const first = firstRowOf.get(regNo);
      if (first !== undefined) {
        errors.push({ code: 'ROW_DUPLICATE_REG_NO', target: 'sys.regNo', column: p.mapping['sys.regNo'] ?? null, value: `${regNo} (${first})` });
        return { row, cells, regNo, entry: null, errors, warnings };
      }
      firstRowOf.set(regNo, row);
    }
    return { row, cells, regNo, entry: errors.length ? null : entry, errors, warnings };
  });
}
