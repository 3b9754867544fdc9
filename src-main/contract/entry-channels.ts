// A campaign's entries: the list, one entry's detail, evidence tied to an eligibility item (handler
// group `entry`). Apart from the campaign's channels: the entry detail's schemas (problems, files,
// origin, mail links) are built only by a call that reads entries (issue 18).
import { z } from 'zod';
import type { ChannelMap } from './channel-def';
import { AssetInfo } from './assets';
import { EntryListRequest, EntryRow } from './campaign-views';
import { EntryProblem } from './compliance';
import { DefinitionKey } from './identifiers';
import { MediaToFetch } from './intake';
import { EntryOrigin } from './shortlist-file';

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

export const entryChannels = {
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
