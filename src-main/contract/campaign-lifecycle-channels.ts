// Listing, archiving, deleting and restoring campaigns (handler group `lifecycle`).
import { z } from 'zod';
import type { ChannelMap } from './channel-def';
import { CampaignSummary } from './campaign-views';
import { ImportSource } from './import-source';
import { TypedPath } from './typed-path';

const Id = z.string().min(1).max(100);

export const campaignLifecycleChannels = {
  /** Newest first; archived campaigns only when asked for (each item says whether it is archived). */
  'campaign:list': { request: z.object({ includeArchived: z.boolean().default(false) }).strict(), response: z.array(CampaignSummary) },
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
} as const satisfies ChannelMap;
