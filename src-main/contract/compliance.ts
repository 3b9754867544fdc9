// Media linking (a background job) and the compliance report built on the probe results.
import { z } from 'zod';
import { AssetInfo } from './assets';
import { jobStatus } from './job-status';
import { EntryKind, LocalizedText } from './basics';
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
  /** Registration numbers of entries that, with the files now linked, still miss a completeness rule. */
  incompleteEntries: z.array(z.string()).default([]),
  checked: z.object({ pass: z.number().int(), fail: z.number().int(), unreadable: z.number().int() }),
  cancelled: z.boolean(),
});
export type MediaLinkReport = z.infer<typeof MediaLinkReport>;

/** Linking a folder of works and checking every file (`media:link`, followed with `job:status`). */
export const MediaLinkJob = jobStatus('media.link', JobProgress, MediaLinkReport);
export type MediaLinkJob = z.infer<typeof MediaLinkJob>;

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
  /** The eligibility item the file is evidence for (AssetInfo.eligibilityItem). */
  eligibilityItem: z.string().nullable(),
});
export type ComplianceRow = z.infer<typeof ComplianceRow>;

/** One option of a completeness rule: a field (with its label) or linked media of a role. */
export const EntryRuleOption = z.union([z.object({ field: z.string(), label: LocalizedText }), z.object({ media: AssetInfo.shape.role })]);
export type EntryRuleOption = z.infer<typeof EntryRuleOption>;

/**
 * An entry that does not meet a completeness rule of its kind (definition entryKinds[].rules):
 * none of the options has a value or a linked file. Translated under `compliance.entryProblems.<code>`.
 */
export const EntryProblem = z.object({
  entryId: z.number().int(),
  regNo: z.string(),
  title: z.string(),
  kind: EntryKind,
  category: z.string().nullable(),
  code: z.enum(['ENTRY_RULE_ANY_OF']),
  /** The rule's key in the definition. */
  rule: z.string(),
  options: z.array(EntryRuleOption),
});
export type EntryProblem = z.infer<typeof EntryProblem>;

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
  /** Entries whose completeness rules are not met (all of them, whatever the file filter). */
  entryProblems: z.array(EntryProblem),
});
export type ComplianceReport = z.infer<typeof ComplianceReport>;

export const exportFormats = ['csv', 'xlsx', 'html'] as const;

export const ExportFile = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  contentBase64: z.string(),
  /** Where the file was written (a copy kept in the data folder's exports/ folder, or the target asked for). */
  savedTo: z.string(),
  /** The path asked for, when another program (Excel, Acrobat) held it open and savedTo is "name (2).ext" beside it. */
  heldOpen: z.string().optional(),
});
export type ExportFile = z.infer<typeof ExportFile>;
