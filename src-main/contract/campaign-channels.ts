// The app's own channels (handler group `basic`: app info, settings, templates, a campaign) and the
// campaign's detail view. Each channel map is its own module so that a command loads the
// schemas of the channels it calls and no others (app/channel-schemas.ts, issue 18).
import { z } from 'zod';
import type { ChannelMap } from './channel-def';
import { AppInfo, CampaignSummary, Settings, TemplateSummary, WithdrawnEntry } from './campaign-views';
import { CampaignDefinition, LocalizedText } from './domain';

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
} as const satisfies ChannelMap;
