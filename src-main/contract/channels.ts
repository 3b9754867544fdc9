// The API, declared once: every channel's name with its request and response schema, written in
// the feature's own contract module (rankingChannels in ranking.ts…) and gathered in `channels`
// below. Everything else is derived from that one map: the name list and `isChannelName`, the
// handler map the app must implement (bridge.ts: Handlers), the IPC and HTTP routes, and the
// renderer's typed `invoke`. The dispatch reads the same schema objects group by group
// (app/channel-schemas.ts, typed against this map) so that a call does not build all of them.
//
// The channels of the app's first features (campaigns, entries, judges and reviews…) are declared
// in one module per handler group (campaign-channels.ts, review-channels.ts…), like every later
// feature's: the CLI loads the schemas of a channel's group only (app/channel-schemas.ts), so a
// command does not build the whole contract's schemas (issue 18). This module gathers them all.
import type { z } from 'zod';
import type { ChannelMap } from './channel-def';
import { assignmentChannels } from './assignment-channels';
import { campaignChannels } from './campaign-channels';
import { entryChannels } from './entry-channels';
import { campaignLifecycleChannels } from './campaign-lifecycle-channels';
import { definitionChannels } from './definition-channels';
import { intakeMediaChannels } from './intake-media-channels';
import { jobChannels } from './jobs';
import { programmeChannels } from './programme-channels';
import { reviewChannels } from './review-channels';
import { exchangeChannels } from './exchange';
import { rankingChannels } from './ranking';
import { certificateChannels } from './certificates';
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
import { shortlistFileChannels } from './shortlist-file';
import { noticeChannels } from './notices';
import { scoresChannels } from './scores';
import { progressChannels } from './progress';
import { membershipChannels } from './membership';
import { rosterChannels } from './roster';
import { intakeFileChannels } from './intake-files';
import { reachChannels } from './reach';
import { assignmentMatrixChannels } from './assignment-matrix';

export const channels = {
  ...campaignChannels,
  ...entryChannels,
  ...campaignLifecycleChannels,
  ...programmeChannels,
  ...definitionChannels,
  ...intakeMediaChannels,
  ...jobChannels,
  ...reviewChannels,
  ...assignmentChannels,
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
