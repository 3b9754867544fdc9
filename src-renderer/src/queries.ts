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
import { keepPreviousData, useInfiniteQuery, useQuery, type UseQueryOptions } from '@tanstack/react-query';
import type { ChannelName, RequestOf, ResponseOf, Result } from '../../src-main/contract';
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

/**
 * One read, through the error banner and busy counter; a failure rejects (the banner already shows
 * it). `sent`: the same call's answer, already on its way (invoke).
 */
export async function readChannel<K extends ChannelName>(channel: K, request: RequestOf<K>, sent?: Promise<Result<ResponseOf<K>>>): Promise<ResponseOf<K>> {
  let failure: ApiError | undefined;
  const value = await useAppStore.getState().run(async () => {
    try {
      return await invoke(channel, request, sent);
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

/** Channels answering a page `{ total, rows }` for a request with `offset` and `limit`. */
type PagedChannel = {
  [K in ChannelName]: RequestOf<K> extends { offset?: number; limit?: number } ? (ResponseOf<K> extends { total: number; rows: unknown[] } ? K : never) : never;
}[ChannelName];

/**
 * Reads a paged channel a page at a time ("show more"): the pages are cached under the channel and
 * the request without its offset, so a change that invalidates the channel fetches the pages shown
 * again and a new filter starts from its first page.
 */
export function usePagedChannel<K extends PagedChannel>(channel: K, request: Omit<RequestOf<K>, 'offset' | 'limit'>, pageSize: number) {
  type Page = ResponseOf<K> & { total: number; rows: unknown[] };
  const query = useInfiniteQuery<Page, ApiError>({
    queryKey: channelKey(channel, request as RequestOf<K>),
    queryFn: ({ pageParam }) => readChannel(channel, { ...request, offset: pageParam as number, limit: pageSize } as RequestOf<K>) as Promise<Page>,
    initialPageParam: 0,
    // A new filter keeps the rows shown until its first page arrives (no flash of an empty list).
    placeholderData: keepPreviousData,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, p) => n + p.rows.length, 0);
      return loaded < last.total && last.rows.length > 0 ? loaded : undefined;
    },
  });
  const pages = query.data?.pages ?? [];
  return {
    /** The newest page's answer (its `total` and any other fields), or undefined while loading. */
    last: pages.at(-1),
    rows: pages.flatMap((p) => p.rows) as Page['rows'],
    more: () => void query.fetchNextPage(),
  };
}
