// Templates and programme files (handler group `programme`).
import { z } from 'zod';
import type { ChannelMap } from './channel-def';
import { CampaignSummary } from './campaign-views';
import { ExportFile } from './compliance';
import { CampaignKind, LocalizedText } from './basics';
import { ImportSource } from './import-source';
import { ProgrammeCheck, ProgrammeFile } from './programme';

const Id = z.string().min(1).max(100);

export const programmeChannels = {
  /** The whole definition of a built-in template (`kepu template show <id> --json`). */
  'template:show': { request: z.object({ templateId: Id }).strict(), response: ProgrammeFile },
  /** Checks a programme file (.kepuprog) without storing anything. */
  'programme:check': { request: z.object({ file: ImportSource }).strict(), response: ProgrammeCheck },
  /** A new campaign from a programme file; refused with its first problem when it is not valid. */
  'campaign:createFromProgramme': {
    request: z.object({ file: ImportSource, name: LocalizedText.optional() }).strict(),
    response: CampaignSummary,
  },
  /** A programme started from nothing: named, with its host; the rest is edited in the Setup tab. */
  'campaign:createBlank': {
    request: z.object({ kind: CampaignKind, name: LocalizedText, host: LocalizedText }).strict(),
    response: CampaignSummary,
  },
  /** The campaign's definition as a programme file, saved among the exports. */
  'campaign:exportProgramme': { request: z.object({ campaignId: Id }).strict(), response: ExportFile },
} as const satisfies ChannelMap;
