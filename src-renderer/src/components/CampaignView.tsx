import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../api';
import { localized } from '../format';
import { invalidateCampaign, useChannel } from '../queries';
import { useAppStore } from '../stores/useAppStore';
import { useOpenedFileStore } from '../stores/useOpenedFileStore';
import { ArchivedBanner, CampaignLifecyclePanel } from './CampaignLifecycle';
import { PackageNotice } from './exchange/PackageNotice';
import { TabErrorBoundary } from './TabErrorBoundary';
import {
  AuditView,
  CampaignOverview,
  CertificatesView,
  EntryBrowser,
  ExchangeView,
  FormalCheckView,
  ImportView,
  MediaView,
  NoticeView,
  RankingView,
  ReviewWorkspace,
  RoundsStrip,
  SetupView,
  ViewSuspense,
} from './lazy-views';
import { hasFormalRound } from '../../../src-main/contract/lists';
import { type CampaignTab, OpenCampaignTabContext } from './campaignTabs';

type Tab = CampaignTab;

export function CampaignView({ campaignId }: { campaignId: string }) {
  const { t, i18n } = useTranslation();
  const go = useAppStore((s) => s.go);
  const campaign = useChannel('campaign:get', { campaignId }).data ?? null;
  const tabKey = `kepu.tab.${campaignId}`;
  const [tab, setTabState] = useState<Tab>(() => (sessionStorage.getItem(tabKey) as Tab | null) ?? 'entries');
  const setTab = (next: Tab) => {
    sessionStorage.setItem(tabKey, next);
    setTabState(next);
  };
  // A change here invalidates the campaign's reads: the tab on screen fetches again and keeps its
  // own state (filters, selection, scroll position), instead of being remounted.
  const changed = () => void invalidateCampaign(campaignId);
  const [openEntry, setOpenEntry] = useState<number | null>(null);
  // A bundle or key card double-clicked in Explorer / Finder went into this campaign (OpenedFileDialog).
  const exchangeShown = useOpenedFileStore((s) => (s.exchangeShown?.campaignId === campaignId ? s.exchangeShown.nonce : 0));
  // Mounted fresh, the campaign already opens on Exchange (openCampaignOnTab); on screen, it switches there.
  const seenExchange = useRef(exchangeShown);
  useEffect(() => {
    if (exchangeShown === seenExchange.current) return;
    seenExchange.current = exchangeShown;
    setTabState('exchange');
  }, [exchangeShown]);

  // A judge's campaign opened from a package starts where the work is.
  const fromPackage = Boolean(campaign?.openedPackage);
  useEffect(() => {
    if (fromPackage && !sessionStorage.getItem(tabKey)) setTabState('review');
  }, [fromPackage, tabKey]);

  // A coordinator's campaign: its ranking is computed in the background now (on the ranking
  // worker), so the Ranking tab opened a moment later shows it without waiting (seconds at 50,000 entries).
  const coordinating = campaign !== null && !campaign.openedPackage;
  useEffect(() => {
    if (coordinating) invoke('ranking:warm', { campaignId }).catch(() => {});
  }, [coordinating, campaignId]);

  if (!campaign) return <p className="muted">{t('common.loading')}</p>;
  return (
    <OpenCampaignTabContext.Provider
      value={(next) => {
        setOpenEntry(null);
        setTab(next);
      }}
    >
      <div className={tab === 'entries' || tab === 'review' ? 'campaign-view' : 'campaign-view grows'}>
        <div className="view-header">
          <div>
            <button type="button" className="link small" onClick={() => go({ name: 'campaigns' })}>
              ← {t('campaigns.back')}
            </button>
            <h1 data-testid="campaign-title">{localized(campaign.name, i18n.language)}</h1>
          </div>
          <div className="tabs" role="tablist">
            {((campaign.openedPackage ? ['review', 'entries', 'overview'] : ['entries', 'review', 'import', 'media', ...(hasFormalRound(campaign.definition) ? ['formal'] : []), 'exchange', 'ranking', 'notice', 'certificates', 'overview', 'setup', 'record']) as Tab[]).map((name) => (
              <button
                key={name}
                type="button"
                role="tab"
                aria-selected={tab === name}
                className={tab === name ? 'active' : ''}
                data-testid={`campaign-tab-${name}`}
                onClick={() => {
                  setOpenEntry(null);
                  setTab(name);
                }}
              >
                {t(`campaign.tabs.${name}`)}
              </button>
            ))}
          </div>
        </div>
        <ArchivedBanner campaign={campaign} onChanged={changed} />
        {campaign.openedPackage && <PackageNotice campaign={campaign} />}
        {/* A tab that fails to render shows a message in its place; switching tabs starts afresh. */}
        <TabErrorBoundary key={tab}>
          <ViewSuspense>
            {tab === 'overview' && <CampaignOverview campaign={campaign} />}
            {tab === 'overview' && !campaign.openedPackage && <RoundsStrip campaign={campaign} />}
            {tab === 'overview' && <CampaignLifecyclePanel campaign={campaign} onChanged={changed} />}
            {tab === 'setup' && !campaign.openedPackage && <SetupView campaign={campaign} onSaved={changed} />}
            {tab === 'record' && !campaign.openedPackage && <AuditView campaign={campaign} />}
            {tab === 'formal' && !campaign.openedPackage && <FormalCheckView campaign={campaign} />}
            {tab === 'entries' && <EntryBrowser key={String(openEntry)} campaign={campaign} initialSelected={openEntry} />}
            {tab === 'review' && <ReviewWorkspace campaign={campaign} />}
            {tab === 'exchange' && (
              <ExchangeView
                key={exchangeShown}
                campaign={campaign}
                onOpenEntry={(id) => {
                  setOpenEntry(id);
                  setTab('entries');
                }}
              />
            )}
            {tab === 'ranking' && <RankingView campaign={campaign} />}
            {tab === 'notice' && <NoticeView campaign={campaign} />}
            {tab === 'certificates' && <CertificatesView campaign={campaign} onOpenRanking={() => setTab('ranking')} />}
            {tab === 'media' && (
              <MediaView
                campaign={campaign}
                onChanged={changed}
                onOpenEntry={(id) => {
                  setOpenEntry(id);
                  setTab('entries');
                }}
              />
            )}
            {tab === 'import' && (
              <ImportView
                campaign={campaign}
                onImported={changed}
              />
            )}
          </ViewSuspense>
        </TabErrorBoundary>
      </div>
    </OpenCampaignTabContext.Provider>
  );
}
