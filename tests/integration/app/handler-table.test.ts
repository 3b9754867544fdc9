// The CLI's handler table loads one group of handlers at a time (app/handler-table.ts). Every
// contract channel must be reachable through it, implemented by the group that lists it, and
// answer as the eager table (app/handlers.ts) does, behind the same guards.
import { describe, expect, it } from 'vitest';
import { channelSchemas, GROUP_SCHEMAS } from '../../../src-main/app/channel-schemas';
import { createDispatch } from '../../../src-main/app/dispatch';
import { GROUP_CHANNELS, HANDLER_GROUPS, type HandlerGroupName, handlerGroupOf, isListedChannel, lazyHandlers } from '../../../src-main/app/handler-table';
import type { AppContext } from '../../../src-main/app/context';
import { type CampaignSummary, channelNames, channels, type Handlers, isChannelName } from '../../../src-main/contract';
import { checkingResponses, ok, openTestApp } from '../../helpers';

const groupNames = Object.keys(HANDLER_GROUPS) as HandlerGroupName[];

describe('the lazy handler table', () => {
  it('lists every contract channel in exactly one group, and nothing else', () => {
    const listed = groupNames.flatMap((g) => GROUP_CHANNELS[g]);
    expect([...listed].sort()).toEqual([...channelNames].sort());
    expect(new Set(listed).size).toBe(listed.length);
    for (const channel of channelNames) expect(GROUP_CHANNELS[handlerGroupOf(channel)]).toContain(channel);
    expect(Object.keys(GROUP_CHANNELS).sort()).toEqual([...groupNames].sort());
  });

  it('answers which names are channels as the contract does, without loading a schema', () => {
    for (const name of [...channelNames, 'toString', '__proto__', 'constructor', 'campaign:dropEverything', '', 42, null]) {
      expect(isListedChannel(name), String(name)).toBe(isChannelName(name));
    }
  });

  it("gives every channel the contract's own schemas, from its group's contract modules", async () => {
    expect(Object.keys(GROUP_SCHEMAS).sort()).toEqual([...groupNames].sort());
    for (const channel of channelNames) expect(await channelSchemas(channel), channel).toBe(channels[channel]);
    // A group's loader declares no channel of another group.
    for (const group of groupNames) {
      const declared = Object.keys(await GROUP_SCHEMAS[group]());
      expect(declared.sort(), group).toEqual([...GROUP_CHANNELS[group]].sort());
    }
  });

  it('refuses a bad request on every channel with the same answer as the eager table', async () => {
    const app = openTestApp();
    try {
      const lazy = createDispatch(lazyHandlers(app.ctx), () => {});
      for (const channel of channelNames) {
        const answer = await lazy(channel, 'not an object');
        expect(answer, channel).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST', params: { channel, path: '(request)' } } });
        expect(answer, channel).toEqual(await app.dispatch(channel, 'not an object'));
      }
    } finally {
      app.ctx.close();
    }
  });

  it("loads each group's module, which implements exactly the channels the table gives it", async () => {
    const app = openTestApp();
    try {
      for (const group of groupNames) {
        const make = (await HANDLER_GROUPS[group]()) as (ctx: AppContext) => Partial<Handlers>;
        expect(Object.keys(make(app.ctx)).sort(), group).toEqual([...GROUP_CHANNELS[group]].sort());
      }
    } finally {
      app.ctx.close();
    }
  });

  it('resolves a handler for every channel', async () => {
    const app = openTestApp();
    try {
      const lookup = lazyHandlers(app.ctx);
      for (const channel of channelNames) expect(await lookup(channel), channel).toBeTypeOf('function');
    } finally {
      app.ctx.close();
    }
  });

  it('answers through the one dispatch as the eager table does, behind the archive guard', async () => {
    const app = openTestApp();
    try {
      const lazy = checkingResponses(createDispatch(lazyHandlers(app.ctx), () => {}));
      expect(await lazy('campaign:list', {})).toEqual(await app.dispatch('campaign:list', {}));
      const created = await ok<CampaignSummary>(lazy('campaign:create', { templateId: 'sichuan-influence-2023' }));
      expect(await ok<CampaignSummary[]>(app.dispatch('campaign:list', {}))).toEqual([created]);
      expect(await lazy('campaign:get', { campaignId: created.id })).toEqual(await app.dispatch('campaign:get', { campaignId: created.id }));
      // The request is parsed before any group loads; unknown channels never reach the table.
      expect(await lazy('campaign:list', { includeArchived: 'yes' })).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
      expect(await lazy('campaign:dropEverything', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
      // Handlers loaded group by group are wrapped like the eager table's.
      await ok(lazy('campaign:archive', { campaignId: created.id, archived: true, reason: 'done' }));
      expect(await lazy('judge:create', { campaignId: created.id, name: '新评委' })).toMatchObject({
        ok: false,
        error: { code: 'CAMPAIGN_ARCHIVED', params: { id: created.id } },
      });
    } finally {
      app.ctx.close();
    }
  });
});
