// The app proper, loaded by the entry script (main.tsx) while the first reads are on their way.
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError } from './api';
import { App } from './components/App';
import { CAMPAIGN_LIST_REQUEST, type FirstReads } from './first-reads';
import { initI18n, loadAllLanguages, systemLanguage } from './i18n';
import { readChannel } from './queries';
import { channelKey, queryClient } from './query-client';
import { useAppStore } from './stores/useAppStore';

const FIRST_READS_FRESH_MS = 2000;

/** Renders the app once the saved language's texts are there; `reads`: sent by the entry (main.tsx). */
export async function boot(reads: FirstReads): Promise<void> {
  // The campaign list's answers go into the query cache as they arrive (useCampaigns, the templates).
  // They count as fresh for a moment: otherwise the list, mounting after they arrived, would ask
  // for the same again at once (a change still invalidates them, fresh or not).
  if (reads.campaigns) {
    const sent = reads.campaigns;
    const queryKey = channelKey('campaign:list', CAMPAIGN_LIST_REQUEST);
    queryClient.setQueryDefaults(queryKey, { staleTime: FIRST_READS_FRESH_MS });
    void queryClient.prefetchQuery({ queryKey, queryFn: () => readChannel('campaign:list', CAMPAIGN_LIST_REQUEST, sent) });
  }
  if (reads.templates) {
    const sent = reads.templates;
    const queryKey = channelKey('template:list', {});
    queryClient.setQueryDefaults(queryKey, { staleTime: FIRST_READS_FRESH_MS });
    void queryClient.prefetchQuery({ queryKey, queryFn: () => readChannel('template:list', {}, sent) });
  }
  const settings = await reads.settings;
  const language = (settings.ok && settings.value.language) || systemLanguage();
  await initI18n(language);
  useAppStore.setState({ language });
  if (!settings.ok) useAppStore.setState({ error: new ApiError(settings.error) });
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </StrictMode>,
  );
  // The other language's texts once the window is idle (after the first paint: evaluating them
  // takes the main thread for a moment); the other views need both (i18n.ts).
  const loadRest = () => void loadAllLanguages().catch(() => undefined);
  if (typeof requestIdleCallback === 'function') requestIdleCallback(loadRest, { timeout: 2000 });
  else setTimeout(loadRest, 500);
}

