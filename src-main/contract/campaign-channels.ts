// The app's own channels (handler group `basic`: app info, settings, templates, a campaign, its
// entries) and their detail views. Each channel map is its own module so that a command loads the
// schemas of the channels it calls and no others (app/channel-schemas.ts, issue 18).
import { z } from 'zod';
import type { ChannelMap } from './channel-def';
import { AssetInfo } from './assets';
import { CampaignSummary, EntryListRequest, EntryRow, AppInfo, Settings, TemplateSummary } from './campaign-views';
import { EntryProblem } from './compliance';
import { CampaignDefinition, LocalizedText } from './domain';
import { WithdrawnEntry } from './exchange';
import { DefinitionKey } from './identifiers';
import { MediaToFetch } from './intake';
import { EntryOrigin } from './shortlist-file';

const Empty = z.object({}).strict();
const Id = z.string().min(1).max(100);

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

export const campaignChannels = {
  'app:info': { request: Empty, response: AppInfo },
  'settings:get': { request: Empty, response: Settings },
  'settings:update': { request: Settings.partial().strict(), response: Settings },
  'template:list': { request: Empty, response: z.array(TemplateSummary) },
  'campaign:get': { request: z.object({ campaignId: Id }).strict(), response: CampaignDetail },
  'campaign:create': {
    request: z.object({ templateId: Id, name: LocalizedText.optional() }).strict(),
    response: CampaignSummary,
  },
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
} as const satisfies ChannelMap;
