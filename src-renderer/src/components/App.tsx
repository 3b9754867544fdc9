import { useEffect } from 'react';
import { useAppStore } from '../stores/useAppStore';
import { CampaignListView } from './CampaignListView';
import { CampaignView } from './CampaignView';
import { ErrorBanner } from './ErrorBanner';
import { SettingsView } from './SettingsView';
import { VerifyCertificate } from './certificates/VerifyCertificate';
import './certificates/certificates.css';
import { TopBar } from './TopBar';

export function App() {
  const view = useAppStore((s) => s.view);
  const refreshCampaigns = useAppStore((s) => s.refreshCampaigns);
  useEffect(() => {
    void refreshCampaigns();
  }, [refreshCampaigns]);

  return (
    <div className="app">
      <TopBar />
      <ErrorBanner />
      <main className="app-main">
        {view.name === 'campaigns' && <CampaignListView />}
        {view.name === 'campaign' && <CampaignView key={view.campaignId} campaignId={view.campaignId} />}
        {view.name === 'settings' && <SettingsView />}
        {view.name === 'verify' && <VerifyCertificate />}
      </main>
    </div>
  );
}
