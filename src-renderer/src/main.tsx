import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError, call } from './api';
import { App } from './components/App';
import { initI18n, loadAllLanguages, preloadLanguage, systemLanguage } from './i18n';
import { readChannel } from './queries';
import { channelKey, queryClient } from './query-client';
import { useAppStore } from './stores/useAppStore';
import './styles.css';

async function boot(): Promise<void> {
  // The texts of the likely language load while the saved choice is asked for (usually the same).
  preloadLanguage(systemLanguage());
  // The campaign list's reads start now too, not after the first render (issue 18: first paint).
  if (useAppStore.getState().view.name === 'campaigns') {
    void queryClient.prefetchQuery({ queryKey: channelKey('campaign:list', { includeArchived: true }), queryFn: () => readChannel('campaign:list', { includeArchived: true }) });
    void queryClient.prefetchQuery({ queryKey: channelKey('template:list', {}), queryFn: () => readChannel('template:list', {}) });
  }
  const settings = await call('settings:get', {});
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

void boot();
