// The API, declared once: every channel's name with its request and response schema, written in
// the feature's own contract module (rankingChannels in ranking.ts…) and gathered in `channels`
// below. Everything else is derived from that one map: the name list and `isChannelName` (the
// dispatch's allow-list), the handler map the app must implement (bridge.ts: Handlers), the
// request validation in dispatch.ts, the IPC and HTTP routes, and the renderer's typed `invoke`.
import { z } from 'zod';
import { TypedPath } from './typed-path';
import type { ChannelMap } from './channel-def';
import { AssetFileState, AssetInfo, AssetRecheck } from './assets';
import { ImportOptions, ImportPreview, ImportReport, ImportSource, IntakeSource, MediaToFetch } from './intake';
import { AssignmentRunResult, CoverageView, EntryJudges } from './assignment';
import { exchangeChannels, WithdrawnEntry } from './exchange';
import { DefinitionKey, withoutBidiControls } from './identifiers';
import { rankingChannels } from './ranking';
import { certificateChannels } from './certificates';
import { ProgrammeCheck, ProgrammeFile } from './programme';
import { noticeFileChannels } from './notice-files';
import { auditChannels } from './audit';
import { moderationChannels } from './moderation';
import { formalCheckChannels } from './formal-check';
import { scoringRoundChannels } from './scoring-rounds';
import { decisionChannels } from './decisions';
import { feedbackChannels } from './feedback';
import { letterChannels } from './letters';
import { showcaseChannels } from './showcase';
import { backupChannels } from './backup';
import { shortlistChannels } from './shortlist';
import { EntryOrigin, shortlistFileChannels } from './shortlist-file';
import { noticeChannels } from './notices';
import { scoresChannels } from './scores';
import { progressChannels } from './progress';
import { membershipChannels } from './membership';
import { rosterChannels } from './roster';
import { intakeFileChannels } from './intake-files';
import { reachChannels } from './reach';
import { assignmentMatrixChannels } from './assignment-matrix';
import { DefinitionImpact, DefinitionVersionView, NewVersionRequest } from './definition-versions';
import { Judge, Queue, QueueFilter, ReviewState, reviewRequests, SaveAck } from './review';
import { ComplianceFilter, ComplianceReport, EntryProblem, ExportFile, exportFormats, MediaLinkJob } from './compliance';
import { Job } from './jobs';
import {
  CampaignDefinition,
  CampaignKind,
  EntrantType,
  EntryKind,
  Language,
  LocalizedText,
} from './domain';

const Empty = z.object({}).strict();
const Id = z.string().min(1).max(100);

// A judge's roster details (issue 15): contact and the conflicts the coordinator declares.
const judgeConflictInstitutions = z.array(withoutBidiControls(z.string().trim().min(1).max(200))).max(20);
const judgeConflictEntries = z
  .array(z.object({ regNo: z.string().trim().min(1).max(60), reason: withoutBidiControls(z.string().trim().max(500)).default('') }).strict())
  .max(500);
const judgeRosterFields = {
  contact: withoutBidiControls(z.string().trim().max(200)).optional(),
  conflictInstitutions: judgeConflictInstitutions.default([]),
  conflictEntries: judgeConflictEntries.default([]),
};

export const AppInfo = z.object({
  version: z.string(),
  shell: z.enum(['electron', 'browser', 'cli']),
  dataDir: z.string(),
  schemaVersion: z.number().int(),
});

export const Settings = z.object({
  /** null: follow the system language. */
  language: Language.nullable(),
});
export type Settings = z.infer<typeof Settings>;

export const TemplateSummary = z.object({
  id: z.string(),
  kind: CampaignKind,
  name: LocalizedText,
  description: LocalizedText,
  timeZone: z.string(),
  deadline: z.string(),
});
export type TemplateSummary = z.infer<typeof TemplateSummary>;

export const CampaignSummary = z.object({
  id: z.string(),
  templateId: z.string(),
  kind: CampaignKind,
  name: LocalizedText,
  timeZone: z.string(),
  deadline: z.string(),
  entryCount: z.number().int(),
  createdAt: z.string(),
  /** Set while the campaign is archived (read-only, out of the default list): when, by whom, why. */
  archived: z.object({ at: z.string(), by: z.string(), reason: z.string() }).nullable(),
});
export type CampaignSummary = z.infer<typeof CampaignSummary>;

export const CampaignDetail = CampaignSummary.extend({
  definition: CampaignDefinition,
  /** Set on a judge's machine when the campaign came from a review package. */
  openedPackage: z
    .object({
      id: z.string(),
      coordinatorName: z.string(),
      lastRevision: z.number().int(),
      /** Entries the newest package no longer assigns: kept read-only, not in the next bundle. */
      withdrawn: z.array(WithdrawnEntry),
    })
    .nullable(),
  counts: z.object({
    byKind: z.record(z.string(), z.number().int()),
    late: z.number().int(),
    /** Entries submitted before the registration opened. */
    early: z.number().int(),
    assets: z.number().int(),
    /** Entries imported from another installation's shortlist file (they have an origin). */
    imported: z.number().int(),
  }),
});
export type CampaignDetail = z.infer<typeof CampaignDetail>;

export const entrySortFields = ['regNo', 'title', 'kind', 'entrant', 'submittedAt'] as const;
export type EntrySortField = (typeof entrySortFields)[number];

export const EntryListRequest = z.object({
  campaignId: Id,
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
  sort: z
    .object({ field: z.enum(entrySortFields), direction: z.enum(['asc', 'desc']) })
    .default({ field: 'regNo', direction: 'asc' }),
  filter: z
    .object({
      kind: EntryKind.optional(),
      late: z.boolean().optional(),
      early: z.boolean().optional(),
      /** Only entries imported from a shortlist file (true) or only those registered here (false). */
      imported: z.boolean().optional(),
      query: z.string().trim().max(200).optional(),
    })
    .default({}),
});
export type EntryListRequest = z.input<typeof EntryListRequest>;

export const EntryRow = z.object({
  id: z.number().int(),
  regNo: z.string(),
  kind: EntryKind,
  category: z.string().nullable(),
  title: z.string(),
  entrantName: z.string(),
  entrantUnit: z.string().nullable(),
  entrantType: EntrantType,
  submittedAt: z.string().nullable(),
  late: z.boolean(),
  /** Submitted before the registration opened (definition.opensAt): kept and flagged, like late. */
  early: z.boolean(),
  assetCount: z.number().int(),
  /** Decisions in effect that the entry list marks (entry:list only; decision:list has them all). */
  decisions: z.array(z.enum(['disqualify', 'withdraw', 'accept-late'])).optional(),
});
export type EntryRow = z.infer<typeof EntryRow>;


export const EntryDetail = EntryRow.extend({
  campaignId: z.string(),
  /** Completeness rules of its kind the entry does not meet, with the files linked now. */
  problems: z.array(EntryProblem),
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
  reason: z.string().nullable(),
  fields: z.record(z.string(), z.string()),
  assets: z.array(AssetInfo),
  /** Where the entry came from, when it was imported from another installation's shortlist file. */
  origin: EntryOrigin.nullable().optional(),
  /** Cloud-drive links of a registration mail: media the coordinator fetches by hand (absent: none). */
  mediaToFetch: z.array(MediaToFetch).optional(),
});
export type EntryDetail = z.infer<typeof EntryDetail>;

export const channels = {
  'app:info': { request: Empty, response: AppInfo },
  'settings:get': { request: Empty, response: Settings },
  'settings:update': { request: Settings.partial().strict(), response: Settings },
  'template:list': { request: Empty, response: z.array(TemplateSummary) },
  /** Newest first; archived campaigns only when asked for (each item says whether it is archived). */
  'campaign:list': { request: z.object({ includeArchived: z.boolean().default(false) }).strict(), response: z.array(CampaignSummary) },
  'campaign:get': { request: z.object({ campaignId: Id }).strict(), response: CampaignDetail },
  'campaign:create': {
    request: z.object({ templateId: Id, name: LocalizedText.optional() }).strict(),
    response: CampaignSummary,
  },
  /** A programme started from nothing: named, with its host; the rest is edited in the Setup tab. */
  'campaign:createBlank': {
    request: z.object({ kind: CampaignKind, name: LocalizedText, host: LocalizedText }).strict(),
    response: CampaignSummary,
  },
  /** The whole definition of a built-in template (`kepu template show <id> --json`). */
  'template:show': { request: z.object({ templateId: Id }).strict(), response: ProgrammeFile },
  /** Checks a programme file (.kepuprog) without storing anything. */
  'programme:check': { request: z.object({ file: ImportSource }).strict(), response: ProgrammeCheck },
  /** A new campaign from a programme file; refused with its first problem when it is not valid. */
  'campaign:createFromProgramme': {
    request: z.object({ file: ImportSource, name: LocalizedText.optional() }).strict(),
    response: CampaignSummary,
  },
  /**
   * Saves a changed definition as the next version (refused with a coded error, storing nothing).
   * With `newVersion`, removing a scored dimension or an answered eligibility item is allowed: the
   * rows are kept but no longer counted, and the version records the statement.
   */
  'campaign:updateDefinition': {
    request: z.object({ campaignId: Id, definition: z.unknown(), reason: z.string().trim().max(500).default(''), newVersion: NewVersionRequest.optional() }).strict(),
    response: z.object({ version: z.number().int() }),
  },
  /** What saving `definition` as a new version would set aside; stores nothing. */
  'campaign:definitionImpact': {
    request: z.object({ campaignId: Id, definition: z.unknown() }).strict(),
    response: DefinitionImpact,
  },
  'campaign:definitionVersions': {
    request: z.object({ campaignId: Id }).strict(),
    response: z.array(DefinitionVersionView),
  },
  /** Archives (read-only, out of the default list) or restores to the list; audited with the reason. */
  'campaign:archive': {
    request: z.object({ campaignId: Id, archived: z.boolean(), reason: z.string().trim().max(500).default('') }).strict(),
    response: CampaignSummary,
  },
  /**
   * Writes a backup file that restores the campaign (into `backupDir`, else the data folder's
   * backups/), then deletes the campaign. `confirmName` must be its Chinese or English name.
   */
  'campaign:delete': {
    request: z.object({ campaignId: Id, confirmName: z.string().max(500), backupDir: TypedPath.optional() }).strict(),
    response: z.object({ campaignId: z.string(), backupFile: z.string(), rows: z.number().int() }),
  },
  /** Recreates a deleted campaign from its backup file; refused while a campaign with its id exists. */
  'campaign:restore': { request: z.object({ file: ImportSource }).strict(), response: CampaignSummary },
  /** Next year's edition: the definition (no entries, judges or scores), names and dates moved on. */
  'campaign:newEdition': { request: z.object({ campaignId: Id, shiftYears: z.number().int().min(0).max(10).default(1) }).strict(), response: CampaignSummary },
  /** The campaign's definition as a programme file, saved among the exports. */
  'campaign:exportProgramme': { request: z.object({ campaignId: Id }).strict(), response: ExportFile },
  'entry:list': {
    request: EntryListRequest,
    response: z.object({ total: z.number().int(), rows: z.array(EntryRow) }),
  },
  'entry:get': { request: z.object({ entryId: z.number().int().positive() }).strict(), response: EntryDetail },
  /** Ties a file to the eligibility item it is evidence for (null: unties it); recorded in the audit log. */
  'entry:tieEvidence': {
    request: z.object({ assetId: z.number().int().positive(), item: DefinitionKey.nullable() }).strict(),
    response: z.object({ assetId: z.number().int(), eligibilityItem: z.string().nullable() }),
  },
  'demo:load': { request: Empty, response: CampaignSummary },
  'intake:preview': {
    request: z.object({ campaignId: Id, source: IntakeSource, options: ImportOptions.default({ encoding: 'auto' }) }).strict(),
    response: ImportPreview,
  },
  'intake:import': {
    request: z.object({ campaignId: Id, source: IntakeSource, options: ImportOptions.default({ encoding: 'auto' }) }).strict(),
    response: ImportReport,
  },
  'media:link': {
    request: z.object({ campaignId: Id, folder: TypedPath, pattern: z.string().max(200).optional() }).strict(),
    response: MediaLinkJob,
  },
  /** The folder last linked to the campaign (and its pattern), so the media tab can check it again. */
  'media:lastFolder': {
    request: z.object({ campaignId: Id }).strict(),
    response: z.object({ folder: z.string(), pattern: z.string().nullable(), linkedAt: z.string() }).nullable(),
  },
  'media:assetState': {
    request: z.object({ assetId: z.number().int().positive() }).strict(),
    response: z.object({ state: AssetFileState }),
  },
  'media:recheckAsset': { request: z.object({ assetId: z.number().int().positive() }).strict(), response: AssetRecheck },
  /** Any background job's status, whatever its kind (media linking, certificate export). */
  'job:status': { request: z.object({ jobId: Id }).strict(), response: Job },
  /** Asks a running job of any kind to stop; it reports `cancelled` once it has. */
  'job:cancel': { request: z.object({ jobId: Id }).strict(), response: Job },
  'compliance:report': {
    request: z.object({ campaignId: Id, filter: ComplianceFilter.default({}), limit: z.number().int().min(1).max(5000).default(500) }).strict(),
    response: ComplianceReport,
  },
  'compliance:export': {
    request: z.object({ campaignId: Id, format: z.enum(exportFormats) }).strict(),
    response: ExportFile,
  },
  'judge:list': {
    request: z.object({ campaignId: Id }).strict(),
    response: z.object({ judges: z.array(Judge), activeJudgeId: z.string().nullable() }),
  },
  'judge:create': {
    request: z
      .object({
        campaignId: Id,
        name: withoutBidiControls(z.string().trim().min(1).max(100)),
        institution: withoutBidiControls(z.string().trim().max(200).optional()),
        specialities: z.array(z.string().min(1).max(40)).max(20).default([]),
        /** Single-machine review: the new judge gets every entry of the campaign. */
        assignAll: z.boolean().default(false),
        ...judgeRosterFields,
      })
      .strict(),
    response: Judge,
  },
  /** Edits a judge of the campaign; a field left out stays as it is; conflicts given replace the old ones. */
  'judge:update': {
    request: z
      .object({
        campaignId: Id,
        judgeId: Id,
        name: withoutBidiControls(z.string().trim().min(1).max(100)).optional(),
        institution: withoutBidiControls(z.string().trim().max(200)).optional(),
        specialities: z.array(z.string().min(1).max(40)).max(20).optional(),
        contact: judgeRosterFields.contact,
        conflictInstitutions: judgeConflictInstitutions.optional(),
        conflictEntries: judgeConflictEntries.optional(),
      })
      .strict(),
    response: Judge,
  },
  'judge:activate': { request: z.object({ campaignId: Id, judgeId: Id }).strict(), response: z.object({ activeJudgeId: z.string() }) },
  'review:queue': {
    request: z.object({ campaignId: Id, judgeId: Id, filter: QueueFilter.default({}) }).strict(),
    response: Queue,
  },
  'review:get': {
    request: z.object({ campaignId: Id, judgeId: Id, entryId: z.number().int().positive() }).strict(),
    response: ReviewState,
  },
  'review:score': { request: reviewRequests.score, response: SaveAck },
  'review:comment': { request: reviewRequests.comment, response: SaveAck },
  'review:entrantComment': { request: reviewRequests.entrantComment, response: SaveAck },
  'review:eligibility': { request: reviewRequests.eligibility, response: SaveAck },
  'review:conflict': { request: reviewRequests.conflict, response: SaveAck },
  'review:complete': { request: reviewRequests.complete, response: SaveAck },
  'assignment:run': {
    // The rules default to the programme's (definition.assignment); given here, they apply to this run only.
    request: z
      .object({
        campaignId: Id,
        seed: z.string().max(100).optional(),
        categoryMatching: z.boolean().optional(),
        excludeOwnInstitution: z.boolean().optional(),
        /** A list in round 2 or later: the entries (ids) its round takes, per list key (the shortlist). */
        roundEntries: z.record(z.string(), z.array(z.number().int().positive())).optional(),
        /** Only these entries get new judges (one-click reassignment); every stored pair still counts in the loads. */
        entryIds: z.array(z.number().int().positive()).max(50_000).optional(),
      })
      .strict(),
    response: AssignmentRunResult,
  },
  'assignment:coverage': { request: z.object({ campaignId: Id }).strict(), response: CoverageView },
  'assignment:entry': { request: z.object({ campaignId: Id, entryId: z.number().int().positive() }).strict(), response: EntryJudges },
  'assignment:set': {
    request: z.object({ campaignId: Id, entryId: z.number().int().positive(), judgeId: Id, assigned: z.boolean() }).strict(),
    response: EntryJudges,
  },
  ...exchangeChannels,
  ...rankingChannels,
  ...certificateChannels,
  ...noticeFileChannels,
  ...auditChannels,
  ...moderationChannels,
  ...formalCheckChannels,
  ...scoringRoundChannels,
  ...decisionChannels,
  ...feedbackChannels,
  ...letterChannels,
  ...showcaseChannels,
  ...shortlistChannels,
  ...shortlistFileChannels,
  ...noticeChannels,
  ...scoresChannels,
  ...progressChannels,
  ...membershipChannels,
  ...rosterChannels,
  ...intakeFileChannels,
  ...reachChannels,
  ...assignmentMatrixChannels,
  ...backupChannels,
} as const satisfies ChannelMap;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;

/** Every channel's name, in declaration order. */
export const channelNames = Object.keys(channels) as ChannelName[];

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && Object.hasOwn(channels, value);
}

/** What a caller sends (defaults may be omitted). */
export type RequestOf<K extends ChannelName> = z.input<Channels[K]['request']>;
/** What a handler receives, after parsing and defaults. */
export type ParsedRequestOf<K extends ChannelName> = z.output<Channels[K]['request']>;
export type ResponseOf<K extends ChannelName> = z.output<Channels[K]['response']>;
