// Paged loading behind the virtualized entry table: only the pages around the viewport are
// fetched, so 50,000 entries cost a few small queries, not one huge one. Each page is a read of
// the query cache (`['entry:list', {…query, offset, limit}]`), so a change that invalidates the
// campaign's reads fetches the pages in view again without resetting the scroll position or the
// selection. A change of filter or sort starts again from its first page.
import { useQueries } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { EntryListRequest, EntryRow } from '../../../src-main/contract';
import { ApiError, invoke } from '../api';
import { invalidateCampaign } from '../queries';
import { channelKey } from '../query-client';
import { useAppStore } from '../stores/useAppStore';

export const PAGE_SIZE = 200;

type Query = Pick<EntryListRequest, 'campaignId' | 'sort' | 'filter'>;

/**
 * One page. Not through useAppStore.run: scrolling fetches pages all the time and must not flicker
 * the busy flag; a failure still shows in the error banner.
 */
async function readPage(request: EntryListRequest) {
  try {
    return await invoke('entry:list', request);
  } catch (error) {
    useAppStore.setState({ error: error instanceof ApiError ? error : new ApiError({ code: 'INTERNAL', message: String(error) }) });
    throw error;
  }
}

export function useEntryPages(query: Query) {
  // The query as JSON: a new object with the same content is the same query.
  const key = JSON.stringify(query);
  const [wanted, setWanted] = useState<{ key: string; pages: number[] }>({ key, pages: [0] });
  const pageList = wanted.key === key ? wanted.pages : [0];
  const results = useQueries({
    queries: pageList.map((page) => {
      const request = { ...query, offset: page * PAGE_SIZE, limit: PAGE_SIZE };
      return { queryKey: channelKey('entry:list', request), queryFn: () => readPage(request) };
    }),
  });

  /** The total of the current query, null until its first answer. */
  const total = results.find((r) => r.data)?.data?.total ?? null;

  const ensureRange = useCallback(
    (first: number, last: number) => {
      const missing: number[] = [];
      const have = wanted.key === key ? wanted.pages : [0];
      for (let p = Math.floor(first / PAGE_SIZE); p <= Math.floor(last / PAGE_SIZE); p++) if (!have.includes(p)) missing.push(p);
      // Nothing new: no state change (the table calls this after every render).
      if (missing.length > 0) setWanted({ key, pages: [...have, ...missing] });
    },
    [wanted, key],
  );

  const rowAt = (index: number): EntryRow | undefined => {
    const at = pageList.indexOf(Math.floor(index / PAGE_SIZE));
    return at < 0 ? undefined : results[at]?.data?.rows[index % PAGE_SIZE];
  };

  /** The rows changed on the server (e.g. a decision marks an entry): the pages in view are read again. */
  const campaignId = query.campaignId;
  const reload = useCallback(() => void invalidateCampaign(campaignId), [campaignId]);

  return { total, rowAt, ensureRange, reload };
}
