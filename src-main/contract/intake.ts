// Registration import: what the mapping screen shows and what an import reports. Row problems
// carry codes translated under `intake.rowErrors.<CODE>`; row numbers are the spreadsheet's own
// (1-based, as Excel/WPS show them), so a coordinator can find the row in the original file.
import { z } from 'zod';
import { EntryKind, LocalizedText } from './basics';
import { MediaLinkReport } from './compliance';
import { ImportSource } from './import-source';

export const rowErrorCodes = [
  'ROW_MISSING_FIELD',
  'ROW_BAD_PHONE',
  'ROW_BAD_EMAIL',
  'ROW_BAD_URL',
  'ROW_UNKNOWN_KIND',
  'ROW_UNKNOWN_CATEGORY',
  'ROW_BAD_CHOICE',
  'ROW_DUPLICATE_REG_NO',
  'ROW_BAD_DATE',
  // hardening: intake
  /** The registration number holds characters outside the safe set (see identifiers.ts) or is too long. */
  'ROW_BAD_REG_NO',
  /** A warning, never a refusal: a text field holds bidirectional control characters. */
  'ROW_BIDI_CONTROL',
  // programme editor: number fields
  'ROW_BAD_NUMBER',
  // programmes of their own: retired categories and completeness rules
  /** The row names a category the programme retired (new registrations may not use it). */
  'ROW_CATEGORY_RETIRED',
  /** None of the fields of a completeness rule ("a link or …") has a value; `targets` names them. */
  'ROW_RULE_ANY_OF',
  // registrations as they arrive: numbers generated for files without them
  /** The registration number is generated from key columns, and this row's key is empty. */
  'ROW_KEY_EMPTY',
  // reach figures
  /** No entry of the campaign has this registration number. */
  'ROW_UNKNOWN_REG_NO',
] as const;
export const RowErrorCode = z.enum(rowErrorCodes);
export type RowErrorCode = z.infer<typeof RowErrorCode>;

export const RowError = z.object({
  code: RowErrorCode,
  /** Mapping target, e.g. "sys.regNo" or "field.phone". */
  target: z.string(),
  /** 0-based column in the file, null when the target is not mapped. */
  column: z.number().int().nullable(),
  value: z.string(),
  /** Every mapping target the problem is about, when it is about several (ROW_RULE_ANY_OF). */
  targets: z.array(z.string()).optional(),
});
export type RowError = z.infer<typeof RowError>;

/** null: the column is not in the file / not used. */
export const ColumnMapping = z.record(z.string(), z.number().int().min(0).nullable());
export type ColumnMapping = z.infer<typeof ColumnMapping>;

export const importEncodings = ['auto', 'utf-8', 'utf-16le', 'utf-16be', 'utf-32le', 'utf-32be', 'gb18030'] as const;

export { ImportSource };

/**
 * What an import reads: one file (CSV, XLSX, .eml, .mbox), or a folder of mails (`files`, each an
 * .eml or .mbox; `fileName` is then the folder's name and `contentBase64` empty).
 */
export const IntakeSource = z
  .object({
    fileName: z.string().min(1).max(260),
    contentBase64: z.string().max(200_000_000),
    files: z.array(ImportSource).max(20_000).optional(),
  })
  .refine((s) => s.contentBase64.length > 0 || (s.files?.length ?? 0) > 0, { message: 'a file or a folder of files', path: ['contentBase64'] });

/** Online questionnaire services whose exports the import recognises (core/intake/questionnaire.ts). */
export const questionnaireSources = ['wjx', 'tencent', 'toutiao', 'jinshuju'] as const;
export const QuestionnaireSource = z.enum(questionnaireSources);
export type QuestionnaireSource = z.infer<typeof QuestionnaireSource>;

/**
 * Registration numbers made by the app for a file that has none: prefix + a four-digit sequence,
 * remembered per campaign by the row's key (the values of `keyColumns`), so the next export of the
 * same questionnaire gets the same numbers.
 */
export const RegNoGeneration = z
  .object({
    keyColumns: z.array(z.number().int().min(0)).min(1).max(4),
    prefix: z.string().regex(/^[A-Za-z0-9-]{0,12}$/),
  })
  .strict();
export type RegNoGeneration = z.infer<typeof RegNoGeneration>;

export const ImportOptions = z.object({
  encoding: z.enum(importEncodings).default('auto'),
  sheet: z.string().max(200).optional(),
  mapping: ColumnMapping.optional(),
  /**
   * The kind chosen by hand for rows whose kind could not be read (row number → kind): it replaces
   * the kind cell of that row (a mail without "申报类型", a row with a misspelt one).
   */
  rowKinds: z.record(z.string().regex(/^\d+$/), EntryKind).optional(),
  /** Generate registration numbers (the file has none); the mapping's sys.regNo is then ignored. */
  generateRegNos: RegNoGeneration.nullable().optional(),
  /** One value for every row, for a target the file has no column for ("all rows are 作品"). */
  constants: z.record(z.string(), z.string().trim().min(1).max(500)).optional(),
  /**
   * How to read values the importer does not know, per target ("自荐" → "self"): remembered for the
   * campaign when the import is made, and applied to every later import.
   */
  valueMap: z.record(z.string(), z.record(z.string().max(500), z.string().max(200))).optional(),
});

/** A cloud-drive link found in a registration mail: media the coordinator fetches by hand. */
export const MediaToFetch = z.object({ provider: z.string(), url: z.string(), code: z.string().nullable() });
export type MediaToFetch = z.infer<typeof MediaToFetch>;

/** What the preview shows of a row that came from a mail. */
export const MailRowInfo = z.object({
  /** The file it came from ("registrations.mbox #3" for the third mail of an mbox). */
  source: z.string(),
  subject: z.string(),
  from: z.string().nullable(),
  reply: z.boolean(),
  forward: z.boolean(),
  /** Registration number of an already imported mail this one answers (In-Reply-To / References). */
  answersRegNo: z.string().nullable(),
  /** Imported before: the same Message-ID (or the same bytes) updates its entry. */
  seenBefore: z.boolean(),
  attachments: z.array(z.object({ fileName: z.string(), sizeBytes: z.number().int() })),
  mediaToFetch: z.array(MediaToFetch),
});
export type MailRowInfo = z.infer<typeof MailRowInfo>;

export const MappingTarget = z.object({
  key: z.string(),
  label: LocalizedText,
  required: z.boolean(),
});
export type MappingTarget = z.infer<typeof MappingTarget>;

export const PreviewRow = z.object({
  row: z.number().int(),
  /** As displayed: bidirectional control characters are shown as visible markers. */
  cells: z.array(z.string()),
  errors: z.array(RowError),
  /** Problems that do not stop the row (ROW_BIDI_CONTROL). */
  warnings: z.array(RowError),
  mail: MailRowInfo.optional(),
});

export const importFormats = ['csv', 'xlsx', 'mail'] as const;

export const ImportPreview = z.object({
  fileName: z.string(),
  format: z.enum(importFormats),
  encoding: z.string().nullable(),
  sheets: z.array(z.string()),
  sheet: z.string().nullable(),
  headerRow: z.number().int(),
  headers: z.array(z.string()),
  targets: z.array(MappingTarget),
  mapping: ColumnMapping,
  mappingSource: z.enum(['saved', 'auto', 'given']),
  /** Required targets with no column: importing would reject every row. */
  unmappedRequired: z.array(z.string()),
  totalRows: z.number().int(),
  rows: z.array(PreviewRow),
  /** Rows that would be rejected, over the whole file. */
  rejectedCount: z.number().int(),
  /** The questionnaire service the file was exported from, and its bookkeeping columns left unmapped. */
  questionnaire: z.object({ source: QuestionnaireSource, ignoredColumns: z.array(z.number().int()) }).nullable().default(null),
  /** Columns whose values are all present and all different: candidates for the number or the key. */
  uniqueColumns: z.array(z.number().int()).default([]),
  /**
   * Registration numbers the import generates: the key and prefix in use, the column of `headers`
   * (added at the end) that shows them, and how many rows get a new number or keep an earlier one.
   */
  generatedRegNos: RegNoGeneration.extend({ column: z.number().int(), fresh: z.number().int(), known: z.number().int() }).nullable().default(null),
  /** Targets with a closed list of values (kind, category, unit or individual, choice fields): what they may hold. */
  choices: z.record(z.string(), z.array(z.object({ value: z.string(), label: LocalizedText }))).default({}),
  /** Values used for every row, and the column of `headers` (added at the end) that shows each. */
  constants: z.record(z.string(), z.object({ value: z.string(), column: z.number().int() })).default({}),
  /** The value readings in force (remembered ones and those given), per target: normalised raw value → value. */
  valueMap: z.record(z.string(), z.record(z.string(), z.string())).default({}),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const RejectedRow = z.object({ row: z.number().int(), regNo: z.string().nullable(), errors: z.array(RowError) });
/** An imported row that carries warnings. */
export const FlaggedRow = z.object({ row: z.number().int(), regNo: z.string(), warnings: z.array(RowError) });

export const ImportReport = z.object({
  importId: z.number().int(),
  fileName: z.string(),
  format: z.enum(importFormats),
  encoding: z.string().nullable(),
  sheet: z.string().nullable(),
  headerRow: z.number().int(),
  totalRows: z.number().int(),
  added: z.array(z.number().int()),
  updated: z.array(z.number().int()),
  unchanged: z.array(z.number().int()),
  rejected: z.array(RejectedRow),
  late: z.array(z.number().int()),
  /** Rows submitted before the registration opened (absent in reports stored before the flag existed). */
  early: z.array(z.number().int()).default([]),
  flagged: z.array(FlaggedRow),
  /** Mail imports: attachments stored and checked, cloud links recorded, replies seen. */
  mail: z
    .object({
      attachmentsStored: z.number().int(),
      /** The linking and check of the stored attachments (absent when no mail had one). */
      media: MediaLinkReport.nullable(),
      mediaToFetch: z.number().int(),
      /** Rows that answer or forward an already imported registration. */
      replies: z.array(z.number().int()),
    })
    .optional(),
});
export type ImportReport = z.infer<typeof ImportReport>;
