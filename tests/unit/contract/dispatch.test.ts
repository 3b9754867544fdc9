import { describe, expect, it } from 'vitest';
import { channelNames, channels, type Handlers, isChannelName } from '../../../src-main/contract';
import { createDispatch } from '../../../src-main/app/dispatch';
import { createHandlers } from '../../../src-main/app/handlers';
import { KepuError } from '../../../src-main/core/errors';
import { openTestApp } from '../../helpers';

function fakeHandlers(overrides: Partial<Handlers> = {}): Handlers {
  const unused = () => {
    throw new Error('not used in this test');
  };
  const all = Object.fromEntries(channelNames.map((c) => [c, unused])) as unknown as Handlers;
  return { ...all, ...overrides };
}

describe('the contract boundary', () => {
  it('declares a request and a response schema for every channel name', () => {
    expect(Object.keys(channels).sort()).toEqual([...channelNames].sort());
    for (const name of channelNames) expect(channels[name].request.safeParse).toBeTypeOf('function');
  });

  it('derives the name list from the declarations: names are feature:action, each declared once', () => {
    expect(channelNames).toEqual(Object.keys(channels));
    expect(new Set(channelNames).size).toBe(channelNames.length);
    for (const name of channelNames) expect(name).toMatch(/^[a-z][A-Za-z]*:[a-z][A-Za-z]*$/);
    expect(isChannelName('campaign:list')).toBe(true);
    expect(isChannelName('toString')).toBe(false);
    expect(isChannelName('__proto__')).toBe(false);
  });

  it('has a handler for every declared channel and declares every handler the app implements', () => {
    const app = openTestApp();
    try {
      // createHandlers wraps the map twice (archive guard, disk full): the keys must survive both.
      const handlers = createHandlers(app.ctx);
      expect(Object.keys(handlers).sort()).toEqual([...channelNames].sort());
      for (const name of channelNames) expect(handlers[name]).toBeTypeOf('function');
    } finally {
      app.ctx.close();
    }
  });

  it('refuses an unknown channel with UNKNOWN_CHANNEL', async () => {
    const result = await createDispatch(fakeHandlers())('entry:delete-everything', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('refuses an invalid payload with the failing path, before any handler runs', async () => {
    let called = false;
    const dispatch = createDispatch(fakeHandlers({ 'entry:list': () => ((called = true), { total: 0, rows: [] }) }));
    const result = await dispatch('entry:list', { campaignId: 'c', limit: 100000 });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST', params: { path: 'limit' } } });
    expect(called).toBe(false);
    const extra = await dispatch('settings:update', { language: 'fr' });
    expect(extra).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST', params: { path: 'language' } } });
  });

  it('passes coded errors through and hides other failures behind INTERNAL', async () => {
    const dispatch = createDispatch(
      fakeHandlers({
        'campaign:get': ({ campaignId }) => {
          throw new KepuError('CAMPAIGN_NOT_FOUND', 'x', { id: campaignId });
        },
        'campaign:list': () => {
          throw new TypeError('boom');
        },
      }),
      () => {},
    );
    expect(await dispatch('campaign:get', { campaignId: 'c1' })).toEqual({
      ok: false,
      error: { code: 'CAMPAIGN_NOT_FOUND', message: 'x', params: { id: 'c1' } },
    });
    expect(await dispatch('campaign:list', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('applies request defaults before the handler sees the request', async () => {
    let seen: unknown;
    const dispatch = createDispatch(fakeHandlers({ 'entry:list': (r) => ((seen = r), { total: 0, rows: [] }) }));
    await dispatch('entry:list', { campaignId: 'c' });
    expect(seen).toEqual({ campaignId: 'c', offset: 0, limit: 100, sort: { field: 'regNo', direction: 'asc' }, filter: {} });
  });
});
