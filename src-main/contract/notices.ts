// 公示 (public notice) and objections (issue 14). A notice shows one programme list of the latest
// locked ranking (the provisional result) without scores, for a period in the campaign's time
// zone, with the campaign's contact for objections. Objections are recorded during the period and
// resolved: upheld (with the decision it leads to on the entry) or rejected (with the reason).
// Core: core/notices/*; exports: app/notice-export*.ts.
import { z } from 'zod';
import { TypedPath } from './typed-path';
import type { ChannelMap } from './channel-def';
import { LocalizedText } from './basics';
import { ExportFile } from './compliance';
import { Contact } from './domain';
import { ImportSource } from './intake';

const Id = z.string().min(1).max(100);
const RowId = z.number().int().positive();

export const noticeLanguages = ['zh', 'en', 'both'] as const;
export const NoticeLanguage = z.enum(noticeLanguages);
export type NoticeLanguage = z.infer<typeof NoticeLanguage>;

/** upcoming: before the start; open: objections may be made; ended: the final result may be published. */
export const NoticeStatus = z.enum(['upcoming', 'open', 'ended']);
export type NoticeStatus = z.infer<typeof NoticeStatus>;

/**
 * A time as the coordinator enters it: "2026-12-03 09:00" (or "2026-12-03") read as wall-clock
 * time in the campaign's time zone, or an instant with its offset ("2026-12-03T09:00:00+08:00").
 */
const PeriodTime = z.string().trim().min(10).max(40);

export const NoticeInfo = z.object({
  id: z.number().int(),
  campaignId: z.string(),
  listKey: z.string(),
  listName: LocalizedText,
  snapshotId: z.string(),
  /** When the result the notice is made from was published (UTC ISO); shown instead of its id. */
  snapshotLockedAt: z.string(),
  /** false: 排名不分先后 — listed by award tier, in registration order within a tier. */
  ranked: z.boolean(),
  /** UTC ISO instants. */
  periodStart: z.string(),
  periodEnd: z.string(),
  /** The same, as wall-clock time in the campaign's time zone ("2026-12-03 09:00 UTC+08:00"). */
  periodStartLocal: z.string(),
  periodEndLocal: z.string(),
  language: NoticeLanguage,
  status: NoticeStatus,
  openObjections: z.number().int(),
  objections: z.number().int(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type NoticeInfo = z.infer<typeof NoticeInfo>;

export const NoticeEntry = z.object({
  entryId: z.number().int(),
  /** Null in an unranked (排名不分先后) notice. */
  rank: z.number().int().nullable(),
  regNo: z.string(),
  title: z.string(),
  entrantName: z.string(),
  entrantUnit: z.string().nullable(),
  tier: z.string().nullable(),
  tierLabel: LocalizedText.nullable(),
});
export type NoticeEntry = z.infer<typeof NoticeEntry>;

export const NoticeGroup = z.object({ kind: z.string(), category: z.string().nullable(), label: LocalizedText, entries: z.array(NoticeEntry) });
export type NoticeGroup = z.infer<typeof NoticeGroup>;

/** The list as it will be published (no scores). */
export const NoticeDocument = z.object({
  campaignName: LocalizedText,
  listKey: z.string(),
  listName: LocalizedText,
  snapshotId: z.string(),
  ranked: z.boolean(),
  timeZone: z.string(),
  contact: Contact.nullable(),
  groups: z.array(NoticeGroup),
});
export type NoticeDocument = z.infer<typeof NoticeDocument>;

export const ObjectionFileInfo = z.object({ id: z.number().int(), fileName: z.string(), mediaType: z.string(), size: z.number().int(), sha256: z.string(), addedAt: z.string(), addedBy: z.string() });
export type ObjectionFileInfo = z.infer<typeof ObjectionFileInfo>;

export const decisionKindsForObjections = ['disqualify', 'withdraw'] as const;
export const ObjectionStatus = z.enum(['open', 'upheld', 'rejected']);

export const ObjectionInfo = z.object({
  id: z.number().int(),
  noticeId: z.number().int(),
  entryId: z.number().int(),
  regNo: z.string(),
  entryTitle: z.string(),
  /** The day it was received (YYYY-MM-DD, the campaign's calendar). */
  receivedOn: z.string(),
  from: z.string(),
  text: z.string(),
  status: ObjectionStatus,
  resolution: z.string().nullable(),
  decisionKind: z.enum(decisionKindsForObjections).nullable(),
  /** The entry decision (entry_decisions.id) an upheld objection led to. */
  decisionId: z.number().int().nullable(),
  recordedBy: z.string(),
  recordedAt: z.string(),
  resolvedBy: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  files: z.array(ObjectionFileInfo),
});
export type ObjectionInfo = z.infer<typeof ObjectionInfo>;

const Text = (max: number) => z.string().trim().min(1).max(max);

export const noticeChannels = {
  /** The campaign's notices, newest first. */
  'notice:list': { request: z.object({ campaignId: Id }).strict(), response: z.array(NoticeInfo) },
  /** The list as a notice of `listKey` would publish it from the latest locked ranking (or as notice `noticeId` does). */
  'notice:preview': {
    request: z.object({ campaignId: Id, listKey: Id.optional(), ranked: z.boolean().default(true), noticeId: RowId.optional() }).strict(),
    response: NoticeDocument,
  },
  /** A notice of one programme list, made from the latest locked ranking (NOTICE_NO_LOCKED_RANKING before). */
  'notice:create': {
    request: z.object({ campaignId: Id, listKey: Id, ranked: z.boolean().default(true), periodStart: PeriodTime, periodEnd: PeriodTime, language: NoticeLanguage.default('both') }).strict(),
    response: NoticeInfo,
  },
  /** Changes the period, the order or the language (audited with the values before). */
  'notice:update': {
    request: z.object({ campaignId: Id, noticeId: RowId, ranked: z.boolean().optional(), periodStart: PeriodTime.optional(), periodEnd: PeriodTime.optional(), language: NoticeLanguage.optional() }).strict(),
    response: NoticeInfo,
  },
  /** The notice as PDF, HTML (self-contained, no script) or XLSX; language and order default to the notice's. */
  'notice:export': {
    request: z
      .object({ campaignId: Id, noticeId: RowId, format: z.enum(['pdf', 'html', 'xlsx']), language: NoticeLanguage.optional(), ranked: z.boolean().optional(), targetPath: TypedPath.optional() })
      .strict(),
    response: ExportFile,
  },
  'objection:list': { request: z.object({ campaignId: Id, noticeId: RowId.optional() }).strict(), response: z.array(ObjectionInfo) },
  /** Records an objection about one entry (by id or registration number) of the notice's list. */
  'objection:add': {
    request: z
      .object({ campaignId: Id, noticeId: RowId, entryId: RowId.optional(), regNo: Text(100).optional(), receivedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), from: Text(200), text: Text(20_000) })
      .strict()
      .refine((r) => (r.entryId === undefined) !== (r.regNo === undefined), { message: 'give either entryId or regNo' }),
    response: ObjectionInfo,
  },
  /** upheld: `decision` (disqualify | withdraw) is recorded on the entry with the resolution as reason; rejected: the resolution is the reason. */
  'objection:resolve': {
    request: z
      .object({ campaignId: Id, objectionId: RowId, outcome: z.enum(['upheld', 'rejected']), resolution: Text(20_000), decision: z.enum(decisionKindsForObjections).optional() })
      .strict(),
    response: ObjectionInfo,
  },
  /** Adds an attachment (sent inline, or a path on this machine), limits as the notice files'. */
  'objection:addFile': {
    request: z
      .object({ campaignId: Id, objectionId: RowId, file: ImportSource.optional(), path: TypedPath.optional() })
      .strict()
      .refine((r) => (r.file === undefined) !== (r.path === undefined), { message: 'give either file or path' }),
    response: ObjectionInfo,
  },
  /** A copy of an attachment: to `targetPath`, or in the answer (download / save dialog) and among the exports. */
  'objection:saveFile': {
    request: z.object({ campaignId: Id, fileId: RowId, targetPath: TypedPath.optional() }).strict(),
    response: ExportFile,
  },
} as const satisfies ChannelMap;
