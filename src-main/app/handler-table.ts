// The handler table in groups, each loaded when one of its channels is first called: a `kepu`
// command loads the modules of the channels it calls and nothing else (issue 18: each command's own
// start-up ≤ 300 ms; the whole table pulled in every feature's core modules, 0.6 MB of code, on
// every start). The groups are the feature modules handlers.ts spreads into its eager table; a test
// checks that every contract channel resolves here to the same handler as there.
import type { ChannelName, Handlers } from '../contract';
import type { AppContext } from './context';
import { guardHandlers } from './handler-guards';
import { type LazyServiceName, loadServices } from './services';

/** Each group's module, imported on first use (in the built CLI each is its own chunk). */
export const HANDLER_GROUPS = {
  basic: async () => (await import('./basic-handlers')).basicHandlers,
  jobs: async () => (await import('./job-handlers')).jobHandlers,
  entry: async () => (await import('./entry-handlers')).entryHandlers,
  intakeMedia: async () => (await import('./intake-media-handlers')).intakeMediaHandlers,
  programme: async () => (await import('./programme-handlers')).programmeHandlers,
  decision: async () => (await import('./decision-handlers')).decisionHandlers,
  feedback: async () => (await import('./feedback-handlers')).feedbackHandlers,
  letter: async () => (await import('./letter-handlers')).letterHandlers,
  showcase: async () => (await import('./showcase-handlers')).showcaseHandlers,
  backup: async () => (await import('./backup-handlers')).backupHandlers,
  definition: async () => (await import('./definition-handlers')).definitionHandlers,
  review: async () => (await import('./review-handlers')).reviewHandlers,
  assignment: async () => (await import('./assignment-handlers')).assignmentHandlers,
  identity: async () => (await import('./identity-handlers')).identityHandlers,
  exchange: async () => (await import('./exchange-handlers')).exchangeHandlers,
  ranking: async () => (await import('./ranking-handlers')).rankingHandlers,
  certificate: async () => (await import('./certificate-handlers')).certificateHandlers,
  lifecycle: async () => (await import('./campaign-lifecycle-handlers')).lifecycleHandlers,
  noticeFile: async () => (await import('./notice-file-handlers')).noticeFileHandlers,
  audit: async () => (await import('./audit-handlers')).auditHandlers,
  moderation: async () => (await import('./moderation-handlers')).moderationHandlers,
  formalCheck: async () => (await import('./formal-check-handlers')).formalCheckHandlers,
  shortlist: async () => (await import('./shortlist-handlers')).shortlistHandlers,
  round: async () => (await import('./round-handlers')).roundHandlers,
  shortlistFile: async () => (await import('./shortlist-file-handlers')).shortlistFileHandlers,
  notice: async () => (await import('./notice-handlers')).noticeHandlers,
  scores: async () => (await import('./scores-handlers')).scoresHandlers,
  progress: async () => (await import('./progress-handlers')).progressHandlers,
  membership: async () => (await import('./membership-handlers')).membershipHandlers,
  roster: async () => (await import('./roster-handlers')).rosterHandlers,
  intakeFile: async () => (await import('./intake-file-handlers')).intakeFileHandlers,
  reach: async () => (await import('./reach-handlers')).reachHandlers,
} as const;

export type HandlerGroupName = keyof typeof HANDLER_GROUPS;

/** The channels group `G` implements (read from its module's types: nothing is loaded). */
type ChannelsOf<G extends HandlerGroupName> = keyof ReturnType<Awaited<ReturnType<(typeof HANDLER_GROUPS)[G]>>> & ChannelName;

/**
 * Which group implements each channel: the types allow a channel only in the group whose module
 * implements it, and `everyChannelListed` below does not compile while a channel is missing.
 */
export const GROUP_CHANNELS = {
  basic: [
    'app:info',
    'settings:get',
    'settings:update',
    'template:list',
    'campaign:get',
    'campaign:create',
  ],
  jobs: ['job:status', 'job:cancel'],
  entry: ['entry:list', 'entry:get', 'entry:tieEvidence'],
  intakeMedia: [
    'demo:load',
    'intake:preview',
    'intake:import',
    'media:link',
    'media:lastFolder',
    'media:assetState',
    'media:recheckAsset',
    'compliance:report',
    'compliance:export',
  ],
  programme: [
    'template:show',
    'programme:check',
    'campaign:createFromProgramme',
    'campaign:createBlank',
    'campaign:exportProgramme',
  ],
  decision: ['decision:list', 'decision:set'],
  feedback: ['feedback:get', 'feedback:choose', 'feedback:hold'],
  letter: ['letters:export', 'letters:jobFile'],
  showcase: ['showcase:export', 'posters:export', 'showcase:videoWinners', 'showcase:storeFrame', 'showcase:jobFile'],
  backup: ['backup:create', 'backup:list', 'backup:restore', 'backup:restart', 'backup:settings'],
  definition: ['campaign:updateDefinition', 'campaign:definitionImpact', 'campaign:definitionVersions', 'campaign:newEdition'],
  review: [
    'judge:list',
    'judge:create',
    'judge:update',
    'judge:activate',
    'review:queue',
    'review:get',
    'review:score',
    'review:comment',
    'review:entrantComment',
    'review:eligibility',
    'review:conflict',
    'review:complete',
  ],
  assignment: [
    'assignment:matrix',
    'assignment:move',
    'assignment:entry',
    'assignment:set',
    'assignment:run',
    'assignment:coverage',
  ],
  identity: ['identity:status', 'identity:create', 'identity:unlock', 'identity:sealWithPassphrase', 'identity:lock', 'identity:keycard'],
  exchange: [
    'judge:registerKeyCard',
    'package:export',
    'package:open',
    'package:locateMedia',
    'bundle:export',
    'bundle:merge',
    'bundle:mergeJob',
  ],
  ranking: [
    'ranking:config',
    'ranking:configure',
    'ranking:allowChanges',
    'ranking:summary',
    'ranking:warm',
    'ranking:list',
    'ranking:entry',
    'ranking:committee',
    'ranking:lock',
    'ranking:snapshots',
    'ranking:verify',
    'ranking:export',
    'ranking:exportJob',
  ],
  certificate: [
    'certificates:settings',
    'certificates:saveSettings',
    'certificates:setImage',
    'certificates:lists',
    'certificates:preview',
    'certificates:export',
    'certificates:jobFile',
    'certificates:issuers',
    'certificates:trustIssuer',
    'certificates:issued',
    'certificates:reissue',
    'certificates:renew',
    'certificates:revoke',
    'certificates:verify',
  ],
  lifecycle: ['campaign:list', 'campaign:archive', 'campaign:delete', 'campaign:restore'],
  noticeFile: ['campaign:noticeFiles', 'campaign:addNoticeFile', 'campaign:removeNoticeFile', 'campaign:saveNoticeFile'],
  audit: ['audit:list', 'audit:verify', 'audit:export'],
  moderation: ['moderation:list', 'moderation:set', 'moderation:withdraw'],
  formalCheck: ['formalCheck:list', 'formalCheck:set', 'formalCheck:acceptSuggestions'],
  shortlist: ['shortlist:get', 'shortlist:preview', 'shortlist:make', 'shortlist:adjust'],
  round: ['round:list', 'round:close'],
  shortlistFile: ['shortlist:exportFile', 'shortlist:inspectFile', 'shortlist:importFile'],
  notice: [
    'notice:list',
    'notice:preview',
    'notice:create',
    'notice:update',
    'notice:export',
    'objection:list',
    'objection:add',
    'objection:resolve',
    'objection:addFile',
    'objection:saveFile',
  ],
  scores: ['scores:entry', 'scores:export', 'scores:sheet', 'scores:exportJob'],
  progress: ['progress:board'],
  membership: ['membership:board', 'membership:record', 'membership:history', 'membership:screenshot'],
  roster: ['roster:list', 'roster:addActivity', 'roster:export'],
  intakeFile: ['intake:template', 'intake:rejectedRows'],
  reach: ['reach:import', 'reach:entry'],
} as const satisfies { readonly [G in HandlerGroupName]: readonly ChannelsOf<G>[] };

/**
 * The context's lazily built services (services.ts) each group's handlers read, loaded with the
 * group. tests/integration/app/lazy-services.test.ts reads every group's modules and fails when
 * one reads a service not listed here (the handler would throw on first use in the CLI).
 */
export const GROUP_SERVICES: { readonly [G in HandlerGroupName]?: readonly LazyServiceName[] } = {
  intakeMedia: ['publishedChanges'],
  decision: ['publishedChanges'],
  definition: ['publishedChanges'],
  review: ['reviews', 'publishedChanges'],
  assignment: ['publishedChanges'],
  exchange: ['publishedChanges'],
  ranking: ['ranking', 'publishedChanges'],
  moderation: ['publishedChanges'],
  formalCheck: ['publishedChanges'],
  // The shortlist ranks the round (core/shortlist/shortlist-service.ts reads deps.ranking).
  shortlist: ['ranking'],
  shortlistFile: ['ranking', 'publishedChanges'],
  notice: ['publishedChanges'],
};

type Listed = (typeof GROUP_CHANNELS)[HandlerGroupName][number];
// A compile error here names the channels no group lists.
const everyChannelListed: [Exclude<ChannelName, Listed>] extends [never] ? true : Exclude<ChannelName, Listed> = true;
void everyChannelListed;

const groupOfChannel = new Map<ChannelName, HandlerGroupName>(
  (Object.entries(GROUP_CHANNELS) as [HandlerGroupName, readonly ChannelName[]][]).flatMap(([group, names]) => names.map((name) => [name, group] as const)),
);

/**
 * Whether `value` names a contract channel: the dispatch's allow-list, answered from the lists
 * above without loading a schema (the types keep them equal to the contract's channels).
 */
export function isListedChannel(value: unknown): value is ChannelName {
  return typeof value === 'string' && groupOfChannel.has(value as ChannelName);
}

/** The group that implements `channel`. */
export function handlerGroupOf(channel: ChannelName): HandlerGroupName {
  const group = groupOfChannel.get(channel);
  if (!group) throw new Error(`app: no handler group lists ${channel}`);
  return group;
}

export type Handler = (request: unknown) => unknown;
/** How a dispatch finds a channel's handler when the table is loaded group by group. */
export type HandlerLookup = (channel: ChannelName) => Promise<Handler>;

/**
 * The handlers of `ctx`, each group loaded, built and guarded (handler-guards.ts) once, when the
 * first of its channels is called.
 */
export function lazyHandlers(ctx: AppContext): HandlerLookup {
  const loaded = new Map<HandlerGroupName, Promise<Partial<Handlers>>>();
  return async (channel) => {
    const name = handlerGroupOf(channel);
    let group = loaded.get(name);
    if (!group) {
      group = Promise.all([HANDLER_GROUPS[name](), loadServices(GROUP_SERVICES[name] ?? [])]).then(([make]) =>
        guardHandlers(ctx, (make as (ctx: AppContext) => Partial<Handlers>)(ctx)),
      );
      loaded.set(name, group);
    }
    const handler = (await group)[channel];
    if (!handler) throw new Error(`app: handler group ${name} does not implement ${channel}`);
    return handler as Handler;
  };
}
