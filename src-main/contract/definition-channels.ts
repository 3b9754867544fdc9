// A campaign's definition: new versions, their impact, next year's edition (handler group `definition`).
import { z } from 'zod';
import type { ChannelMap } from './channel-def';
import { CampaignSummary } from './campaign-views';
import { DefinitionImpact, DefinitionVersionView, NewVersionRequest } from './definition-versions';

const Id = z.string().min(1).max(100);

export const definitionChannels = {
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
  /** Next year's edition: the definition (no entries, judges or scores), names and dates moved on. */
  'campaign:newEdition': { request: z.object({ campaignId: Id, shiftYears: z.number().int().min(0).max(10).default(1) }).strict(), response: CampaignSummary },
} as const satisfies ChannelMap;
