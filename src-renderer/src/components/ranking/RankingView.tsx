// The Ranking tab: the computed result of the merged scores per category, methods side by side,
// charts, stability and agreement figures, held entries with their reasons, the committee list,
// settings, the shortlist to the next round per list, publishing (signed lock) and exports.
import { keepPreviousData } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { withHeldOpenNote } from '../../held-open';
import { useTranslation } from 'react-i18next';
import type { CampaignDetail, RankingMethod } from '../../../../src-main/contract';
import { invoke } from '../../api';
import { useDeliveredExport } from '../../hooks/useDeliveredExport';
import { useJob } from '../../hooks/useJob';
import { ExportActions } from '../ExportActions';
import { formatInstant, localized } from '../../format';
import { channelKey, invalidateCampaign, queryClient, useChannel } from '../../queries';
import { roundsOf } from '../../../../src-main/contract/lists';
import { useKeptValue } from '../../hooks/useKeptList';
import { useAppStore } from '../../stores/useAppStore';
import { EmptyState } from '../EmptyState';
import { CommitteePanel } from './CommitteePanel';
import { LockPanel } from './LockPanel';
import { Histogram, JudgeBoxPlots } from './RankingCharts';
import { RankingEntryDetail } from './RankingEntryDetail';
import { RankingSettings } from './RankingSettings';
import { RankingTable } from './RankingTable';
import { ScoreExports } from './ScoreExports';
import { ShortlistPanel } from './ShortlistPanel';
import { StabilityPanel } from './StabilityPanel';
import { setAsideLines } from './rankingText';
import './ranking.css';

export function RankingView({ campaign }: { campaign: CampaignDetail }) {
  const { t, i18n } = useTranslation();
  const [exported, deliver] = useDeliveredExport();
  const run = useAppStore((s) => s.run);
  // The category and method shown are kept when the user switches tabs and comes back.
  const [selected, setSelected] = useKeptValue(campaign.id, 'ranking', 'category', 0);
  const [method, setMethod] = useKeptValue<RankingMethod | null>(campaign.id, 'ranking', 'method', null);
  const [showSettings, setShowSettings] = useState(false);
  const [open, setOpen] = useState<number | null>(null);
  const [notice, setNotice] = useState('');
  // The scoring round chosen per list (issue 14); lists not chosen: the server's default round.
  const [rounds, setRounds] = useState<Record<string, number> | undefined>(undefined);
  const summary = useChannel('ranking:summary', { campaignId: campaign.id, ...(rounds ? { rounds } : {}) }, { placeholderData: keepPreviousData }).data ?? null;

  // The rounds asked for travel in the request, so each choice of round is its own cached answer.
  const summaryRequest = { campaignId: campaign.id, ...(rounds ? { rounds } : {}) };
  /**
   * After a change (settings saved, a lock, an override): every read of the campaign is stale.
   * `refresh` asks the main side to compute the ranking again even though no input changed.
   */
  async function load(refresh = false) {
    if (refresh) {
      const s = await run(() => invoke('ranking:summary', { ...summaryRequest, refresh }));
      if (s) queryClient.setQueryData(channelKey('ranking:summary', summaryRequest), s);
    }
    await invalidateCampaign(campaign.id);
  }

  // Exports run as a background job on a worker thread (ranking:exportJob): the window stays
  // answered while a large report is written, with progress and cancel.
  const exportJob = useJob<'ranking.export'>((finished) => {
    const file = finished.state === 'done' ? finished.result?.file : null;
    if (!file) return;
    deliver(file);
    setNotice(withHeldOpenNote(t, file, t('ranking.export.saved', { file: file.savedTo })));
  });
  async function exportAs(format: 'csv' | 'xlsx' | 'pdf') {
    setNotice('');
    // The rounds on screen: the file is the ranking the coordinator is looking at.
    await exportJob.start(() => invoke('ranking:exportJob', { campaignId: campaign.id, format, ...(rounds ? { rounds } : {}) }));
  }

  if (!summary) return <p className="muted">{t('ranking.computing')}</p>;
  const scoringRounds = (listKey: string) => roundsOf(campaign.definition.lists.find((l) => l.key === listKey) ?? {}).filter((r) => r.kind === 'scoring');
  const tz = campaign.definition.timeZone;
  const category = summary.categories[Math.min(selected, summary.categories.length - 1)];
  const lists = campaign.definition.lists;
  // What the page says it publishes by: the one method every list is ranked by, else the
  // settings' primary method, said to apply to the lists without a method of their own.
  const publishedMethods = new Set(summary.categories.map((c) => c.method));
  const headline = publishedMethods.size === 1 ? [...publishedMethods][0] : summary.config.primary;
  // A list ranked by a method of its own (the programme's) shows it even when the settings do not.
  const methods = category && !summary.config.methods.includes(category.method) ? [...summary.config.methods, category.method] : summary.config.methods;
  const published = category?.method ?? summary.config.primary;
  const shown = method && methods.includes(method) ? method : published;
  const nothing = summary.counts.counted === 0;
  const ownRules = category ? lists.find((l) => l.key === category.list) : undefined;
  const severalLists = lists.length > 1;
  const listName = (key: string) => localized(lists.find((l) => l.key === key)?.name ?? lists[0].name, i18n.language);

  return (
    <div className="ranking-view" data-testid="ranking-view">
      <section className="panel">
        <div className="section-head">
          <h2>{t('ranking.title')}</h2>
          <div className="actions">
            <span className="muted small" data-testid="ranking-computed">{t('ranking.computedAt', { time: formatInstant(summary.computedAt, tz) })}</span>
            <button type="button" onClick={() => void load(true)}>{t('ranking.recompute')}</button>
            <button type="button" onClick={() => setShowSettings((v) => !v)} aria-expanded={showSettings} data-testid="ranking-settings-toggle">
              {showSettings ? t('ranking.settings.hide') : t('ranking.settings.show')}
            </button>
            <span className="export-group" role="group" aria-label={t('ranking.export.label')}>
              {(['csv', 'xlsx', 'pdf'] as const).map((f) => (
                <button key={f} type="button" disabled={nothing || exportJob.running} onClick={() => void exportAs(f)} data-testid={`ranking-export-${f}`}>
                  {t(`ranking.export.${f}`)}
                </button>
              ))}
            </span>
          </div>
        </div>
        <div className="stat-row">
          <div className="stat"><span className="stat-value">{summary.counts.entries}</span><span className="stat-label">{t('ranking.stats.entries')}</span></div>
          <div className="stat"><span className="stat-value">{summary.counts.ranked}</span><span className="stat-label">{t('ranking.stats.ranked')}</span></div>
          <div className="stat"><span className="stat-value">{summary.counts.held}</span><span className="stat-label">{t('ranking.stats.held')}</span></div>
          <div className="stat"><span className="stat-value">{summary.judges.length}</span><span className="stat-label">{t('ranking.stats.judges')}</span></div>
        </div>
        <p className="small muted">
          {t('ranking.primary')}{t('common.colon')}<strong>{t(`ranking.methods.${headline}`)}</strong> — {t(`ranking.methodHelp.${headline}`, { n: summary.config.trimMinJudges })}
          {publishedMethods.size > 1 && <> {t('ranking.primaryForOthers')}</>}
        </p>
        {summary.meanByDefault && (
          <p className="small muted" data-testid="ranking-mean-by-default">{t('ranking.meanByDefault', summary.meanByDefault)}</p>
        )}
        {summary.setAside && (
          <ul className="plain-list small set-aside" data-testid="ranking-set-aside">
            {setAsideLines(t, summary.setAside, i18n.language).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
        {summary.latestLock && (
          <p className="small" data-testid="ranking-latest-lock">
            {t('ranking.lock.locked', { time: formatInstant(summary.latestLock.lockedAt, tz), name: summary.latestLock.signerName || '—', fingerprint: summary.latestLock.signerFingerprint })}
          </p>
        )}
        {exportJob.job && exportJob.job.state !== 'done' && (
          <div className="job-status small" data-testid="ranking-export-job" role="status">
            {exportJob.running && (
              <>
                <progress max={exportJob.progress?.total || 1} value={exportJob.progress?.done ?? 0} />{' '}
                {exportJob.progress ? t('ranking.export.running', { done: exportJob.progress.done, total: exportJob.progress.total }) : t('ranking.export.starting')}{' '}
                <button type="button" onClick={() => void exportJob.cancel()} data-testid="ranking-export-cancel">
                  {t('common.cancelAction')}
                </button>
              </>
            )}
            {exportJob.job.state === 'cancelled' && <span>{t('ranking.export.cancelled')}</span>}
            {exportJob.errorText && <span className="verdict-fail">{exportJob.errorText}</span>}
          </div>
        )}
        {notice && <p className="muted small">{notice}</p>}
        <ExportActions file={exported} testId="ranking-export-actions" />
      </section>

      {showSettings && <RankingSettings campaign={campaign} config={summary.config} appliedTieBreaks={summary.applied.tieBreaks} onSaved={() => void load(true)} />}

      {nothing ? (
        <EmptyState testId="ranking-nothing" text={t('empty.ranking.text')} actionLabel={t('empty.ranking.action')} tab="exchange" />
      ) : (
        <>
          {campaign.definition.kind === 'committee' && <CommitteePanel campaign={campaign} computedAt={summary.computedAt} tableMethod={summary.categories[0]?.method} />}
          <nav className="category-tabs" role="tablist" aria-label={t('ranking.columns.title')}>
            {summary.categories.map((c, i) => (
              <Fragment key={`${c.kind}-${c.category}`}>
                {/* Several lists (e.g. the influence list and the brand value list): each list's categories under its name. */}
                {severalLists && (i === 0 || summary.categories[i - 1].list !== c.list) && (
                  <span className="category-tabs-list" data-testid={`ranking-list-${c.list}`}>
                    {listName(c.list)}
                  </span>
                )}
                <button type="button" role="tab" aria-selected={i === selected} className={i === selected ? 'active' : ''} onClick={() => setSelected(i)}>
                  {localized(c.label, i18n.language)} <span className="muted small">{t('ranking.categoryCount', { ranked: c.ranked, held: c.held })}</span>
                </button>
              </Fragment>
            ))}
          </nav>
          {category && (
            <section className="panel" data-testid="ranking-category">
              <div className="section-head">
                <h2>
                  {severalLists && <span className="muted">{listName(category.list)} · </span>}
                  {localized(category.label, i18n.language)}
                </h2>
                {scoringRounds(category.list).length > 1 && (
                  <label className="inline-label">
                    {t('ranking.round')}{' '}
                    <select
                      value={rounds?.[category.list] ?? summary.rounds?.[category.list] ?? 1}
                      onChange={(e) => setRounds({ ...(summary.rounds ?? {}), ...rounds, [category.list]: Number(e.target.value) })}
                      data-testid="ranking-round"
                    >
                      {scoringRounds(category.list).map((r, i) => (
                        <option key={r.key} value={i + 1}>{t('rounds.numbered', { roundNo: i + 1 })} · {localized(r.name, i18n.language)}</option>
                      ))}
                    </select>
                  </label>
                )}
                <label className="inline-label">
                  {t('ranking.method')}{' '}
                  <select value={shown} onChange={(e) => setMethod(e.target.value as RankingMethod)} data-testid="ranking-method">
                    {methods.map((m) => (
                      <option key={m} value={m}>{t(`ranking.methods.${m}`)}</option>
                    ))}
                  </select>
                </label>
              </div>
              {ownRules && (ownRules.method !== null || ownRules.tiers !== null) && (
                <p className="small muted" data-testid="ranking-own-rules">
                  {ownRules.method !== null && t('ranking.ownMethod', { method: t(`ranking.methods.${ownRules.method}`) })} {ownRules.tiers !== null && t('ranking.ownTiers')}
                </p>
              )}
              {category.tiers.length > 0 ? (
                <p className="small">
                  {category.tiers.map((tier) => t('common.labelled', { label: tier.label ? localized(tier.label, i18n.language) : tier.key, value: tier.count })).join(' · ')}
                </p>
              ) : (
                // No tiers: the award column is left out of the table, and this says where tiers are set.
                <p className="small muted" data-testid="ranking-no-tiers">{t('ranking.noTiers')}</p>
              )}
              {category.fallback && (
                // The trimmed mean could not drop extremes for these entries: said, never silent.
                <p className="small stat-warn" data-testid="ranking-fallback">{t('ranking.fallback.trimmed', { count: category.fallback.entries, n: category.fallback.needed })}</p>
              )}
              <div className="ranking-figures">
                <Histogram histogram={category.histogram} title={t('ranking.charts.histogram', { method: t(`ranking.methods.${published}`) })} />
                <StabilityPanel stability={category.stability} published={published} methods={methods} />
              </div>
              <h3>{t('ranking.sections.ranked', { count: category.ranked })}</h3>
              <RankingTable campaign={campaign} summary={summary} kind={category.kind} category={category.category} section="ranked" method={shown} rounds={rounds} onOpen={setOpen} />
              {category.held > 0 && (
                <>
                  <h3>{t('ranking.sections.held', { count: category.held })}</h3>
                  <p className="small muted">{t('ranking.heldHelp')}</p>
                  <RankingTable campaign={campaign} summary={summary} kind={category.kind} category={category.category} section="held" method={published} rounds={rounds} onOpen={setOpen} />
                </>
              )}
            </section>
          )}
          <section className="panel">
            <JudgeBoxPlots judges={summary.judges} scale={summary.scale} />
          </section>
          {/* The shortlist to the next round, per list (入围名单, issue 14). */}
          {campaign.definition.kind !== 'committee' && lists.map((l) => <ShortlistPanel key={l.key} campaign={campaign} listKey={l.key} computedAt={summary.computedAt} />)}
          <ScoreExports campaign={campaign} />
          <LockPanel campaign={campaign} onLocked={() => void load()} />
        </>
      )}
      {open !== null && <RankingEntryDetail campaign={campaign} entryId={open} rounds={rounds} onClose={() => setOpen(null)} onChanged={() => void load()} />}
    </div>
  );
}
