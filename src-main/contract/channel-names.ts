// The channel names alone, without schemas, so the preload can allow-list them without bundling
// zod. channels.ts is checked against this list in both directions by the type system.
export const channelNames = [
  'app:info',
  'settings:get',
  'settings:update',
  'template:list',
  'campaign:list',
  'campaign:get',
  'campaign:create',
  'entry:list',
  'entry:get',
  'demo:load',
  'intake:preview',
  'intake:import',
  'media:link',
  'job:status',
  'job:cancel',
  'compliance:report',
  'compliance:export',
  'judge:list',
  'judge:create',
  'judge:activate',
  'review:queue',
  'review:get',
  'review:score',
  'review:comment',
  'review:eligibility',
  'review:conflict',
  'review:complete',
  'assignment:run',
  'assignment:coverage',
  'assignment:entry',
  'assignment:set',
  'identity:status',
  'identity:create',
  'identity:unlock',
  'identity:lock',
  'identity:keycard',
  'judge:registerKeyCard',
  'package:export',
  'package:open',
  'package:locateMedia',
  'bundle:export',
  'bundle:merge',
] as const;

export type ChannelName = (typeof channelNames)[number];

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && (channelNames as readonly string[]).includes(value);
}
