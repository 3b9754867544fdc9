import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignDetail } from '../../../src-main/contract';
import { invoke } from '../api';
import { localized } from '../format';
import { useAppStore } from '../stores/useAppStore';
import { CampaignOverview } from './CampaignOverview';
import { EntryBrowser } from './EntryBrowser';

type Tab = 'overview' | 'entries';

export function CampaignView({ campaignId }: { campaignId: string }) {
  const { t, i18n } = useTranslation();
  const { run, go } = useAppStore();
  const [campaign, setCampaign] = useState<CampaignDetail | null>(null);
  const [tab, setTab] = useState<Tab>('entries');

  useEffect(() => {
    void run(() => invoke('campaign:get', { campaignId })).then((c) => c && setCampaign(c));
  }, [campaignId, run]);

  if (!campaign) return <p className="muted">{t('common.loading')}</p>;
  return (
    <div className="campaign-view">
      <div className="view-header">
        <div>
          <button type="button" className="link small" onClick={() => go({ name: 'campaigns' })}>
            ← {t('campaigns.back')}
          </button>
          <h1 data-testid="campaign-title">{localized(campaign.name, i18n.language)}</h1>
        </div>
        <div className="tabs" role="tablist">
          {(['entries', 'overview'] as const).map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              aria-selected={tab === name}
              className={tab === name ? 'active' : ''}
              onClick={() => setTab(name)}
            >
              {t(`campaign.tabs.${name}`)}
            </button>
          ))}
        </div>
      </div>
      {tab === 'overview' ? <CampaignOverview campaign={campaign} /> : <EntryBrowser campaign={campaign} />}
    </div>
  );
}
