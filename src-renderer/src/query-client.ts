// The one query cache of the renderer (see queries.ts for how views read and changes invalidate).
// Apart from queries.ts so that the app store can invalidate without importing the hooks.
import { QueryClient } from '@tanstack/react-query';
import type { ChannelName, RequestOf } from '../../src-main/contract';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // The app is offline by design: a query never waits for the browser to report a network.
      networkMode: 'always',
      // A failure is shown once in the error banner (useAppStore.run); asking again is the user's call.
      retry: false,
      // Focus changes are frequent (file pickers, the PDF window) and change no data.
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
    },
  },
});

/** The cache key of a channel read: the channel first, so one channel's reads are invalidated together. */
export function channelKey<K extends ChannelName>(channel: K, request?: RequestOf<K>): readonly unknown[] {
  return request === undefined ? [channel] : [channel, request];
}

/** Marks every read of these channels stale; the ones on screen fetch again (awaited). */
export async function invalidateChannels(...channels: ChannelName[]): Promise<void> {
  await Promise.all(channels.map((channel) => queryClient.invalidateQueries({ queryKey: [channel] })));
}
