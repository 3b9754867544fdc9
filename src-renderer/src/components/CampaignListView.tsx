import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../api';
import { useCampaigns, useChannel } from '../queries';
import { formatCount, formatInstant, localized } from '../format';
import { useAppStore } from '../stores/useAppStore';
import { useOpenedFileStore } from '../stores/useOpenedFileStore';
import { OpenPackagePanel } from './exchange/OpenPackagePanel';
import { BlankProgrammeCard } from './BlankProgrammeCard';
import { openCampaignOnTab } from './campaignTabs';
import { ProgrammeFileCard } from './ProgrammeFileCard';
import { RestoreBackupButton } from './CampaignLifecycle';

// Whether archived campaigns are listed too: remembered for the window's session.
const SHOW_ARCHIVED_KEY = 'kepu.showArchived';

export function CampaignListView() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const campaigns = useCampaigns();
  const { go, run, refreshCampaigns, busy } = useAppStore();
  const notice = useAppStore((s) => s.notice);
  const packagePanelShown = useOpenedFileStore((s) => s.packagePanelShown);
  const programmeShown = useOpenedFileStore((s) => s.programmeShown);
  const setNotice = useAppStore((s) => s.setNotice);
  const templates = useChannel('template:list', {}, { staleTime: Infinity }).data ?? [];
  const [creating, setCreating] = useState(false);
  const [showArchived, setShowArchivedState] = useState(() => sessionStorage.getItem(SHOW_ARCHIVED_KEY) === '1');
  const setShowArchived = (show: boolean) => {
    sessionStorage.setItem(SHOW_ARCHIVED_KEY, show ? '1' : '0');
    setShowArchivedState(show);
  };

  // Making the sample takes a few seconds (real media files, signing keys, packages and bundles):
  // say so while it runs instead of a greyed-out button and nothing else.
  const [loadingSample, setLoadingSample] = useState(false);
  async function loadSample() {
    setLoadingSample(true);
    const campaign = await run(() => invoke('demo:load', {})).finally(() => setLoadingSample(false));
    if (!campaign) return;
    await refreshCampaigns();
    go({ name: 'campaign', campaignId: campaign.id });
  }

  async function create(templateId: string) {
    const campaign = await run(() => invoke('campaign:create', { templateId }));
    if (!campaign) return;
    setCreating(false);
    await refreshCampaigns();
    go({ name: 'campaign', campaignId: campaign.id });
  }

  if (campaigns === null) return <p className="muted">{t('common.loading')}</p>;
  const archivedCount = campaigns.filter((c) => c.archived).length;
  const shown = showArchived ? campaigns : campaigns.filter((c) => !c.archived);
  const noticeLine = notice && (
    <p className="notice" role="status" data-testid="notice">
      <span>{notice}</span>
      <button type="button" className="link small" onClick={() => setNotice(null)} aria-label={t('common.dismiss')}>
        ×
      </button>
    </p>
  );

  const templatePicker = (
    <section className="panel" aria-labelledby="templates-heading">
      <h2 id="templates-heading">{t('campaigns.chooseTemplate')}</h2>
      <div className="template-grid">
        {templates.map((tpl) => (
          <article key={tpl.id} className="template-card" data-testid={`template-${tpl.id}`}>
            <span className={`kind-badge kind-${tpl.kind}`}>{t(`campaignKinds.${tpl.kind}`)}</span>
            <h3>{localized(tpl.name, lang)}</h3>
            <p>{localized(tpl.description, lang)}</p>
            <p className="muted small">
              {t('common.labelled', { label: t('campaigns.deadline'), value: formatInstant(tpl.deadline, tpl.timeZone) })}
            </p>
            <button type="button" className="primary" disabled={busy} onClick={() => void create(tpl.id)}>
              {t('campaigns.createFromThis')}
            </button>
          </article>
        ))}
        <ProgrammeFileCard
          onCreated={async (campaignId) => {
            setCreating(false);
            await refreshCampaigns();
            go({ name: 'campaign', campaignId });
          }}
        />
        <BlankProgrammeCard
          onCreated={async (campaignId) => {
            setCreating(false);
            await refreshCampaigns();
            openCampaignOnTab(campaignId, 'setup');
            go({ name: 'campaign', campaignId });
          }}
        />
      </div>
    </section>
  );

  if (campaigns.length === 0) {
    return (
      <div className="empty-start">
        {noticeLine}
        <section className="hero panel">
          <h1>{t('start.title')}</h1>
          <p>{t('start.intro')}</p>
          <div className="hero-actions">
            <button type="button" className="primary large" disabled={busy} onClick={() => void loadSample()} data-testid="load-sample">
              {t('start.loadSample')}
            </button>
          </div>
          {loadingSample && (
            <p className="progress-line" role="status" data-testid="sample-loading">
              <span className="spinner" aria-hidden="true" /> {t('start.sampleLoading')}
            </p>
          )}
          <p className="muted small">{t('start.sampleHint')}</p>
          <p className="small">
            <RestoreBackupButton />
          </p>
        </section>
        {templatePicker}
        <OpenPackagePanel />
      </div>
    );
  }

  return (
    <div className="campaign-list">
      <div className="view-header">
        <h1>{t('campaigns.title')}</h1>
        <div className="actions">
          <RestoreBackupButton />
          <button type="button" onClick={() => void loadSample()} disabled={busy}>
            {t('start.loadSample')}
          </button>
          <button type="button" className="primary" onClick={() => setCreating((v) => !v)}>
            {t('campaigns.new')}
          </button>
        </div>
      </div>
      {noticeLine}
      {loadingSample && (
        <p className="progress-line" role="status" data-testid="sample-loading">
          <span className="spinner" aria-hidden="true" /> {t('start.sampleLoading')}
        </p>
      )}
      {/* Also when a double-clicked programme file is being checked (OpenedFileDialog). */}
      {(creating || programmeShown) && templatePicker}
      {/* Also when a double-clicked package waits to be opened (OpenedFileDialog). */}
      {(creating || packagePanelShown) && <OpenPackagePanel />}
      <div className="list-tools">
        <label className="checkbox">
          <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} data-testid="show-archived" />
          {t('lifecycle.showArchived', { count: archivedCount })}
        </label>
      </div>
      {shown.length === 0 && <p className="muted" data-testid="all-archived">{t('lifecycle.allArchived')}</p>}
      <table className="data-table" data-testid="campaign-table">
        <thead>
          <tr>
            <th>{t('campaigns.name')}</th>
            <th>{t('campaigns.kind')}</th>
            <th>{t('campaigns.deadline')}</th>
            <th className="num">{t('campaigns.entries')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((c) => (
            <tr key={c.id} className={c.archived ? 'clickable archived' : 'clickable'} onClick={() => go({ name: 'campaign', campaignId: c.id })} data-testid={`campaign-row-${c.id}`}>
              <td>
                <button type="button" className="link" onClick={() => go({ name: 'campaign', campaignId: c.id })}>
                  {localized(c.name, lang)}
                </button>
                {c.archived && (
                  <span className="badge archived" title={t('lifecycle.archivedTitle', { at: formatInstant(c.archived.at, c.timeZone) })} data-testid="archived-badge">
                    {t('lifecycle.archivedBadge')}
                  </span>
                )}
              </td>
              <td>{t(`campaignKinds.${c.kind}`)}</td>
              <td>{formatInstant(c.deadline, c.timeZone)}</td>
              <td className="num">{formatCount(c.entryCount, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
