import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { onKeyLocked, onPublishedChange } from '../api';
import { useMenuCommands } from '../hooks/useMenuCommands';
import { useConfirmStore } from '../stores/useConfirmStore';
import { ConfirmDialog } from './ConfirmDialog';
import { useAppStore } from '../stores/useAppStore';
import { CampaignListView } from './CampaignListView';
import { ErrorBanner } from './ErrorBanner';
import { OpenedFileDialog } from './exchange/OpenedFileDialog';
import { TabErrorBoundary } from './TabErrorBoundary';
import { CampaignView, RosterView, SettingsView, VerifyCertificate, ViewSuspense } from './lazy-views';
import './certificates/certificates.css';
import { TopBar } from './TopBar';

export function App() {
  const view = useAppStore((s) => s.view);
  const { t } = useTranslation();
  const ask = useConfirmStore((s) => s.ask);
  const askText = useConfirmStore((s) => s.askText);
  useMenuCommands();
  // A signing action with a locked key asks for the passphrase here, then goes on (api.ts).
  useEffect(() => {
    onKeyLocked((wrong) =>
      askText({
        title: t('unlockInPlace.title'),
        body: t(wrong ? 'unlockInPlace.bodyWrong' : 'unlockInPlace.body'),
        text: { label: t('identity.passphrase'), required: true, secret: true },
        confirmLabel: t('unlockInPlace.confirm'),
        cancelLabel: t('common.cancelAction'),
      }),
    );
    return () => onKeyLocked(null);
  }, [askText, t]);
  useEffect(() => {
    onPublishedChange((params) =>
      ask({
        title: t('publishedChange.title'),
        body: t('publishedChange.body', { lockedAt: params.lockedAt }),
        confirmLabel: t('publishedChange.confirm'),
        cancelLabel: t('common.cancelAction'),
        danger: true,
      }),
    );
    return () => onPublishedChange(null);
  }, [ask, t]);

  return (
    <div className="app">
      <TopBar />
      <ErrorBanner />
      <main className="app-main">
        {/* The top bar stays usable when a whole view fails (the campaign's tabs have their own). */}
        <TabErrorBoundary key={view.name === 'campaign' ? `campaign:${view.campaignId}` : view.name}>
          {view.name === 'campaigns' && <CampaignListView />}
          <ViewSuspense>
            {view.name === 'campaign' && <CampaignView key={view.campaignId} campaignId={view.campaignId} />}
            {view.name === 'settings' && <SettingsView />}
            {view.name === 'verify' && <VerifyCertificate />}
            {view.name === 'roster' && <RosterView />}
          </ViewSuspense>
        </TabErrorBoundary>
      </main>
      <ConfirmDialog />
      <OpenedFileDialog />
    </div>
  );
}
