// Media linking (a background job) and the compliance report built on the probe results.
import { z } from 'zod';
import { AssetInfo } from './assets';
import { EntryKind } from './basics';
import { MediaClass, MediaFacts, Verdict, Violation, ViolationCode } from './media';

export const JobProgress = z.object({
  done: z.number().int(),
  total: z.number().int(),
  failed: z.number().int(),
  unreadable: z.number().int(),
  etaSeconds: z.number().nullable(),
});
export type JobProgress = z.infer<typeof JobProgress>;

export const MediaLinkReport = z.object({
  folder: z.string(),
  filesFound: z.number().int(),
  filesLinked: z.number().int(),
  entriesLinked: z.number().int(),
  /** Paths relative to the folder. */
  unmatchedFiles: z.array(z.string()),
  entriesWithoutFiles: z.array(z.string()),
  checked: z.object({ pass: z.number().int(), fail: z.number().int(), unreadable: z.number().int() }),
  cancelled: z.boolean(),
});
export type MediaLinkReport = z.infer<typeof MediaLinkReport>;

export const JobStatus = z.object({
  jobId: z.string(),
  kind: z.enum(['media.link']),
  state: z.enum(['running', 'done', 'cancelled', 'failed']),
  progress: JobProgress.nullable(),
  result: MediaLinkReport.nullable(),
  error: z.object({ code: z.string(), message: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() }).nullable(),
});
export type JobStatus = z.infer<typeof JobStatus>;

/** A linked file that has not been probed yet (e.g. linked before the check finished). */
export const ReportVerdict = z.union([Verdict, z.literal('unchecked')]);
export type ReportVerdict = z.infer<typeof ReportVerdict>;

/** A violation with its limit and measurement written for people (e.g. "104.9 MB", "10:05"). */
export const ShownViolation = Violation.extend({ limitText: z.string(), actualText: z.string() });
export type ShownViolation = z.infer<typeof ShownViolation>;

export const ComplianceRow = z.object({
  assetId: z.number().int(),
  entryId: z.number().int(),
  regNo: z.string(),
  title: z.string(),
  kind: EntryKind,
  category: z.string().nullable(),
  fileName: z.string(),
  path: z.string(),
  role: AssetInfo.shape.role,
  sizeBytes: z.number().int(),
  mediaClass: MediaClass.nullable(),
  verdict: ReportVerdict,
  violations: z.array(ShownViolation),
  facts: MediaFacts.nullable(),
  sha256: z.string(),
});
export type ComplianceRow = z.infer<typeof ComplianceRow>;

export const ComplianceFilter = z.object({
  verdict: ReportVerdict.optional(),
  code: ViolationCode.optional(),
  kind: EntryKind.optional(),
});

export const ComplianceReport = z.object({
  summary: z.object({
    files: z.number().int(),
    byVerdict: z.record(z.string(), z.number().int()),
    byCode: z.record(z.string(), z.number().int()),
    /** How "MB" in the campaign's rules was read: "MB" (10^6 bytes) or "MiB" (2^20 bytes). */
    sizeUnit: z.enum(['MB', 'MiB']),
  }),
  total: z.number().int(),
  rows: z.array(ComplianceRow),
});
export type ComplianceReport = z.infer<typeof ComplianceReport>;

export const exportFormats = ['csv', 'xlsx', 'html'] as const;

export const ExportFile = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  contentBase64: z.string(),
  /** A copy kept in the data folder's exports/ folder. */
  savedTo: z.string(),
});
export type ExportFile = z.infer<typeof ExportFile>;
