// The renderer's data layer: every read of a channel goes through one query cache, keyed by the
// channel and its request, and a change invalidates what it made stale. A view that reads
// declares what it reads (`useChannel`); it is not remounted to read again, so its own state (the
// selected row, a filter, a scroll position) survives a change elsewhere.
//
// Reads: `useChannel('notice:list', { campaignId })` → the cached answer at once when there is one,
// fetched again in the background when the view mounts (a tab shows what the database holds now,
// as it did when each tab fetched on mount).
// Changes: `await invoke('notice:create', …)` then `invalidateCampaign(campaignId)` (most changes
// write the audit record and may move a ranking, so every read of that campaign is marked stale;
// only the views on screen fetch again) or `invalidateChannels('campaign:list')` for one channel.
import { useQuery, type UseQueryOptions } from '@tanstack/react-query';
import type { ChannelName, RequestOf, ResponseOf } from '../../src-main/contract';
import { ApiError, invoke } from './api';
import { channelKey, queryClient } from './query-client';
import { useAppStore } from './stores/useAppStore';

export { channelKey, invalidateChannels, queryClient } from './query-client';

/**
 * Reads a channel through the cache. Failures go where they always went (the translated error
 * banner, via useAppStore.run, which also counts the call in the busy flag); the query then holds
 * the error and `data` stays at its last good value.
 */
export function useChannel<K extends ChannelName>(
  channel: K,
  request: RequestOf<K>,
  options: Omit<UseQueryOptions<ResponseOf<K>, ApiError>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<ResponseOf<K>, ApiError>({
    queryKey: channelKey(channel, request),
    queryFn: () => readChannel(channel, request),
    ...options,
  });
}

/** One read, through the error banner and busy counter; a failure rejects (the banner already shows it). */
export async function readChannel<K extends ChannelName>(channel: K, request: RequestOf<K>): Promise<ResponseOf<K>> {
  let failure: ApiError | undefined;
  const value = await useAppStore.getState().run(async () => {
    try {
      return await invoke(channel, request);
    } catch (error) {
      failure = error instanceof ApiError ? error : new ApiError({ code: 'INTERNAL', message: String(error) });
      throw error;
    }
  });
  if (failure) throw failure;
  return value as ResponseOf<K>;
}

/** Marks every read of one campaign stale (any channel whose request names it), and the campaign list. */
export async function invalidateCampaign(campaignId: string): Promise<void> {
  await queryClient.invalidateQueries({
    predicate: (query) => {
      const [channel, request] = query.queryKey as [string, { campaignId?: unknown } | undefined];
      return channel === 'campaign:list' || request?.campaignId === campaignId;
    },
  });
}

/** Every campaign, archived ones included (the list shows those only when asked to); null while loading. */
export function useCampaigns() {
  return useChannel('campaign:list', { includeArchived: true }).data ?? null;
}
