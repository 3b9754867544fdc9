// Each handler group's channel schemas, loaded with the group (issue 18): the dispatch parses a
// request with its channel's schema from here, so a `kepu` command builds the zod schemas of the
// channels it calls and not the whole contract's (building every channel's schemas cost a command
// 170–240 ms). Every shell goes through this table, the Electron main process too (its bundle holds
// the contract anyway; there the dynamic imports resolve to modules already loaded). The types
// require each group's loader to give its channels exactly the schemas declared in the contract's
// gathered map (contract/channels.ts), and a test checks they are the same objects for every channel.
import type { ChannelName, Channels } from '../contract';
import { GROUP_CHANNELS, type HandlerGroupName, handlerGroupOf } from './handler-table';

/** The named channels of a contract map (for a group whose map declares another group's too). */
function pick<M extends object, K extends keyof M>(map: M, keys: readonly K[]): Pick<M, K> {
  return Object.fromEntries(keys.map((key) => [key, map[key]])) as Pick<M, K>;
}

type GroupSchemas<G extends HandlerGroupName> = { readonly [K in (typeof GROUP_CHANNELS)[G][number]]: Channels[K] };

type SchemaTable = { readonly [G in HandlerGroupName]: () => Promise<GroupSchemas<G>> };

/** The contract module(s) declaring each group's channels, imported on first use. */
export const GROUP_SCHEMAS: SchemaTable = {
  basic: async () => (await import('../contract/campaign-channels')).campaignChannels,
  jobs: async () => (await import('../contract/jobs')).jobChannels,
  entry: async () => (await import('../contract/entry-channels')).entryChannels,
  intakeMedia: async () => (await import('../contract/intake-media-channels')).intakeMediaChannels,
  programme: async () => (await import('../contract/programme-channels')).programmeChannels,
  decision: async () => (await import('../contract/decisions')).decisionChannels,
  feedback: async () => (await import('../contract/feedback')).feedbackChannels,
  letter: async () => (await import('../contract/letters')).letterChannels,
  showcase: async () => (await import('../contract/showcase')).showcaseChannels,
  backup: async () => (await import('../contract/backup')).backupChannels,
  definition: async () => (await import('../contract/definition-channels')).definitionChannels,
  review: async () => (await import('../contract/review-channels')).reviewChannels,
  assignment: async () => {
    const [run, matrix] = await Promise.all([import('../contract/assignment-channels'), import('../contract/assignment-matrix')]);
    return { ...run.assignmentChannels, ...matrix.assignmentMatrixChannels };
  },
  // The key's channels are declared among the exchange's (contract/exchange.ts) but handled apart.
  identity: async () => pick((await import('../contract/exchange')).exchangeChannels, GROUP_CHANNELS.identity),
  exchange: async () => pick((await import('../contract/exchange')).exchangeChannels, GROUP_CHANNELS.exchange),
  ranking: async () => (await import('../contract/ranking')).rankingChannels,
  certificate: async () => (await import('../contract/certificates')).certificateChannels,
  lifecycle: async () => (await import('../contract/campaign-lifecycle-channels')).campaignLifecycleChannels,
  noticeFile: async () => (await import('../contract/notice-files')).noticeFileChannels,
  audit: async () => (await import('../contract/audit')).auditChannels,
  moderation: async () => (await import('../contract/moderation')).moderationChannels,
  formalCheck: async () => (await import('../contract/formal-check')).formalCheckChannels,
  shortlist: async () => (await import('../contract/shortlist')).shortlistChannels,
  round: async () => (await import('../contract/scoring-rounds')).scoringRoundChannels,
  shortlistFile: async () => (await import('../contract/shortlist-file')).shortlistFileChannels,
  notice: async () => (await import('../contract/notices')).noticeChannels,
  scores: async () => (await import('../contract/scores')).scoresChannels,
  progress: async () => (await import('../contract/progress')).progressChannels,
  membership: async () => (await import('../contract/membership')).membershipChannels,
  roster: async () => (await import('../contract/roster')).rosterChannels,
  intakeFile: async () => (await import('../contract/intake-files')).intakeFileChannels,
  reach: async () => (await import('../contract/reach')).reachChannels,
};

// Schemas are immutable and the same for every context: one cache per process.
const loaded = new Map<HandlerGroupName, Promise<Partial<Channels>>>();

/** `channel`'s request and response schemas, its group's contract modules loaded on first use. */
export async function channelSchemas<K extends ChannelName>(channel: K): Promise<Channels[K]> {
  const group = handlerGroupOf(channel);
  let schemas = loaded.get(group);
  if (!schemas) {
    schemas = GROUP_SCHEMAS[group]() as Promise<Partial<Channels>>;
    loaded.set(group, schemas);
    // A failed import is not kept: the next call tries again.
    schemas.catch(() => loaded.delete(group));
  }
  const def = (await schemas)[channel];
  if (!def) throw new Error(`app: the schemas of group ${group} do not declare ${channel}`);
  return def as Channels[K];
}
