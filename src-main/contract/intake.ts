// Registration import: what the mapping screen shows and what an import reports. Row problems
// carry codes translated under `intake.rowErrors.<CODE>`; row numbers are the spreadsheet's own
// (1-based, as Excel/WPS show them), so a coordinator can find the row in the original file.
import { z } from 'zod';
import { LocalizedText } from './basics';

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

export const ImportSource = z.object({
  fileName: z.string().min(1).max(260),
  /** The file's bytes. Sent inline so both shells work the same (a browser page has no paths). */
  contentBase64: z.string().min(1).max(200_000_000),
});

export const ImportOptions = z.object({
  encoding: z.enum(importEncodings).default('auto'),
  sheet: z.string().max(200).optional(),
  mapping: ColumnMapping.optional(),
});

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
});

export const ImportPreview = z.object({
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
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
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const RejectedRow = z.object({ row: z.number().int(), regNo: z.string().nullable(), errors: z.array(RowError) });
/** An imported row that carries warnings. */
export const FlaggedRow = z.object({ row: z.number().int(), regNo: z.string(), warnings: z.array(RowError) });

export const ImportReport = z.object({
  importId: z.number().int(),
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
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
});
export type ImportReport = z.infer<typeof ImportReport>;
