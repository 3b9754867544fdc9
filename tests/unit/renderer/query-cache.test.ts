// The renderer's query cache (src-renderer/src/queries.ts): reads are keyed by channel and request,
// a failed read goes to the error banner and rejects, and invalidation marks exactly the reads a
// change made stale (one channel, or everything of one campaign plus the campaign list).
import { QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { invoke, ApiError } from './fake-api';

vi.mock('../../../src-renderer/src/api', () => import('./fake-api'));
vi.mock('../../../src-renderer/src/i18n', () => ({ applyLanguage: vi.fn() }));

const { channelKey, invalidateCampaign, invalidateChannels, queryClient, readChannel } = await import('../../../src-renderer/src/queries');
const { useAppStore } = await import('../../../src-renderer/src/stores/useAppStore');

/** Keeps a query active (as a mounted view would) so invalidation fetches it again. */
function watch(key: readonly unknown[], channel: string, request: object) {
  const observer = new QueryObserver(queryClient, { queryKey: key, queryFn: () => readChannel(channel as never, request as never) });
  return observer.subscribe(() => {});
}

/** Every query in the cache has its first answer. */
const settled = () => vi.waitFor(() => expect(queryClient.getQueryCache().getAll().every((q) => q.state.status === 'success')).toBe(true));

const answers = new Map<string, unknown>();
invoke.mockImplementation(async (channel: string, request: { campaignId?: string }) => {
  if (channel === 'notice:list' && request.campaignId === 'broken') throw new ApiError({ code: 'CAMPAIGN_NOT_FOUND', message: 'no such campaign' });
  return answers.get(`${channel} ${request.campaignId ?? ''}`) ?? [];
});

afterEach(() => {
  queryClient.clear();
  invoke.mockClear();
  useAppStore.setState({ error: null });
});

const calls = () => invoke.mock.calls.map(([channel, request]) => `${channel} ${(request as { campaignId?: string }).campaignId ?? ''}`);

describe('the query cache', () => {
  it('keys a read by channel and request, and answers a second read from the cache', async () => {
    answers.set('notice:list c1', [{ id: 1 }]);
    const key = channelKey('notice:list', { campaignId: 'c1' });
    expect(key).toEqual(['notice:list', { campaignId: 'c1' }]);
    const first = await queryClient.fetchQuery({ queryKey: key, queryFn: () => readChannel('notice:list', { campaignId: 'c1' }), staleTime: Infinity });
    const second = await queryClient.fetchQuery({ queryKey: key, queryFn: () => readChannel('notice:list', { campaignId: 'c1' }), staleTime: Infinity });
    expect(first).toEqual([{ id: 1 }]);
    expect(second).toBe(first);
    expect(calls()).toEqual(['notice:list c1']);
  });

  it('shows a failed read in the error banner, clears the busy flag and rejects with the code', async () => {
    await expect(readChannel('notice:list', { campaignId: 'broken' })).rejects.toMatchObject({ code: 'CAMPAIGN_NOT_FOUND' });
    expect(useAppStore.getState().error).toMatchObject({ code: 'CAMPAIGN_NOT_FOUND', message: 'no such campaign' });
    expect(useAppStore.getState().busy).toBe(false);
  });

  it('after a change, fetches again exactly the reads on screen that it made stale', async () => {
    const stops = [
      watch(channelKey('notice:list', { campaignId: 'c1' }), 'notice:list', { campaignId: 'c1' }),
      watch(channelKey('audit:list', { campaignId: 'c1' }), 'audit:list', { campaignId: 'c1' }),
      watch(channelKey('notice:list', { campaignId: 'c2' }), 'notice:list', { campaignId: 'c2' }),
      watch(channelKey('campaign:list', { includeArchived: true }), 'campaign:list', { includeArchived: true }),
    ];
    await settled();
    invoke.mockClear();

    await invalidateChannels('campaign:list');
    expect(calls()).toEqual(['campaign:list ']);
    invoke.mockClear();

    await invalidateCampaign('c1');
    expect(calls().sort()).toEqual(['audit:list c1', 'campaign:list ', 'notice:list c1']);
    for (const stop of stops) stop();
  });

  it('refreshCampaigns of the app store is an invalidation of the campaign list', async () => {
    answers.set('campaign:list ', [{ id: 'c1' }]);
    const stop = watch(channelKey('campaign:list', { includeArchived: true }), 'campaign:list', { includeArchived: true });
    await settled();
    answers.set('campaign:list ', [{ id: 'c1' }, { id: 'c2' }]);
    await useAppStore.getState().refreshCampaigns();
    expect(queryClient.getQueryData(channelKey('campaign:list', { includeArchived: true }))).toEqual([{ id: 'c1' }, { id: 'c2' }]);
    stop();
  });
});
