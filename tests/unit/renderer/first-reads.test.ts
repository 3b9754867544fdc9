// The entry script's first reads (src-renderer/src/first-reads.ts): on the campaign list it sends
// the settings, the list and the templates before the app's code arrives, and boot hands those very
// answers to the query cache (readChannel with `sent`), so nothing is asked twice before the list
// mounts; inside a campaign (after a reload) it asks only for the settings.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { invoke } from './fake-api';

const call = vi.fn(async (channel: string, _request?: unknown) => ({ ok: true, value: channel === 'settings:get' ? { language: 'en' } : [{ id: 'c1', timeZone: 'Asia/Shanghai' }] }));
vi.mock('../../../src-renderer/src/api', async () => ({ ...(await import('./fake-api')), call }));
vi.mock('../../../src-renderer/src/i18n', () => ({ applyLanguage: vi.fn() }));
const stored = new Map<string, string>();
vi.stubGlobal('sessionStorage', { getItem: (k: string) => stored.get(k) ?? null, setItem: (k: string, v: string) => stored.set(k, v) });
vi.stubGlobal('navigator', { languages: ['zh-CN'], language: 'zh-CN' });

const { sendFirstReads, CAMPAIGN_LIST_REQUEST } = await import('../../../src-renderer/src/first-reads');
const { readChannel } = await import('../../../src-renderer/src/queries');

afterEach(() => {
  call.mockClear();
  invoke.mockReset();
  stored.clear();
});

describe('the first reads', () => {
  it('on the campaign list: settings, the list and the templates, each once', async () => {
    const reads = sendFirstReads();
    expect(call.mock.calls.map(([channel, request]) => `${channel} ${JSON.stringify(request)}`)).toEqual([
      'settings:get {}',
      `campaign:list ${JSON.stringify(CAMPAIGN_LIST_REQUEST)}`,
      'template:list {}',
    ]);
    expect(await reads.settings).toEqual({ ok: true, value: { language: 'en' } });
    // boot's read of the list awaits the answer already sent: invoke gets it, nothing is called again.
    invoke.mockImplementation(async (_channel: string, _request: unknown, sent: Promise<{ ok: true; value: unknown }>) => (await sent).value);
    expect(await readChannel('campaign:list', CAMPAIGN_LIST_REQUEST, reads.campaigns!)).toEqual([{ id: 'c1', timeZone: 'Asia/Shanghai' }]);
    expect(invoke.mock.calls[0]?.[2]).toBe(reads.campaigns);
    expect(call).toHaveBeenCalledTimes(3);
  });

  it('inside a campaign after a reload: only the settings', () => {
    stored.set('kepu.view', JSON.stringify({ name: 'campaign', campaignId: 'c1' }));
    const reads = sendFirstReads();
    expect(call.mock.calls.map(([channel]) => channel)).toEqual(['settings:get']);
    expect(reads.campaigns).toBeNull();
    expect(reads.templates).toBeNull();
  });
});
