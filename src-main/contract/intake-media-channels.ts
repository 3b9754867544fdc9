// The demo, registrations imported, media linked and checked (handler group `intakeMedia`).
import { z } from 'zod';
import type { ChannelMap } from './channel-def';
import { AssetFileState, AssetRecheck } from './assets';
import { CampaignSummary } from './campaign-views';
import { ComplianceFilter, ComplianceReport, ExportFile, exportFormats, MediaLinkJob } from './compliance';
import { ImportOptions, ImportPreview, ImportReport, IntakeSource } from './intake';
import { TypedPath } from './typed-path';

const Empty = z.object({}).strict();
const Id = z.string().min(1).max(100);

export const intakeMediaChannels = {
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
  'compliance:report': {
    request: z.object({ campaignId: Id, filter: ComplianceFilter.default({}), limit: z.number().int().min(1).max(5000).default(500) }).strict(),
    response: ComplianceReport,
  },
  'compliance:export': {
    request: z.object({ campaignId: Id, format: z.enum(exportFormats) }).strict(),
    response: ExportFile,
  },
} as const satisfies ChannelMap;
