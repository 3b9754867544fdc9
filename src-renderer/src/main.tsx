import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError, call } from './api';
import { App } from './components/App';
import { initI18n, loadAllLanguages, preloadLanguage, systemLanguage } from './i18n';
import { queryClient } from './query-client';
import { useAppStore } from './stores/useAppStore';
import './styles.css';

async function boot(): Promise<void> {
  // The texts of the likely language load while the saved choice is asked for (usually the same).
  preloadLanguage(systemLanguage());
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
  // The other language's texts, after the first paint: the other views need both (i18n.ts).
  setTimeout(() => void loadAllLanguages().catch(() => undefined), 0);
}

void boot();
