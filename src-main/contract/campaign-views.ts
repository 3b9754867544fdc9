// The campaign and entry views the older channels answer with (campaign:list, entry:list…), apart
// from the channel maps so a module that needs one view does not build every channel's schemas.
import { z } from 'zod';
import { CampaignKind, EntrantType, EntryKind, Language, LocalizedText } from './basics';

const Id = z.string().min(1).max(100);

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

/** An entry of a judge's campaign that the newest package no longer assigns (read-only; campaign:get). */
export const WithdrawnEntry = z.object({
  entryId: z.number().int(),
  regNo: z.string(),
  title: z.string(),
  /** The judge's saved scores by rubric dimension, shown read-only. */
  scores: z.record(z.string(), z.number()),
});
export type WithdrawnEntry = z.infer<typeof WithdrawnEntry>;
