// Judge side, at the top of a campaign opened from packages: what the last opened package did
// (opened, updated, already open, opened as a separate campaign) and, for as long as there are
// any, the entries the coordinator's newest package no longer assigns — kept read-only and left
// out of the next bundle.
import { useTranslation } from 'react-i18next';
import type { CampaignDetail } from '../../../../src-main/contract';
import { allDimensions } from '../../../../src-main/contract/lists';
import { localized } from '../../format';
import { usePackageStore } from '../../stores/usePackageStore';

export function PackageNotice({ campaign }: { campaign: CampaignDetail }) {
  const { t, i18n } = useTranslation();
  const lastOpen = usePackageStore((s) => s.lastOpen);
  const dismiss = usePackageStore((s) => s.dismiss);
  const withdrawn = campaign.openedPackage?.withdrawn ?? [];
  const outcome = lastOpen?.campaignId === campaign.id ? lastOpen : null;
  if (!outcome && withdrawn.length === 0) return null;
  return (
    <div className="package-notice" data-testid="package-notice">
      {outcome && (
        <p className="package-outcome" role="status" data-testid="package-outcome">
          <span>
            {outcome.outcome === 'alreadyOpen'
              ? t('exchange.alreadyOpen')
              : outcome.outcome === 'updated'
                ? t('exchange.updated', { count: outcome.entries, added: outcome.added })
                : t('exchange.opened', { count: outcome.entries, fingerprint: outcome.coordinatorFingerprint })}
            {outcome.separateCampaign && ` ${t('exchange.separateOpened', { fingerprint: outcome.coordinatorFingerprint })}`}
          </span>
          <button type="button" className="link small" onClick={dismiss} aria-label={t('common.dismiss')}>
            ×
          </button>
        </p>
      )}
      {withdrawn.length > 0 && (
        <section className="withdrawn panel" aria-labelledby="withdrawn-title" data-testid="withdrawn-entries">
          <h2 id="withdrawn-title">{t('exchange.withdrawn.title', { count: withdrawn.length })}</h2>
          <p className="small">{t('exchange.withdrawn.body')}</p>
          <ul className="plain small">
            {withdrawn.map((e) => (
              <li key={e.entryId}>
                <span className="mono">{e.regNo}</span> {e.title}
                {Object.keys(e.scores).length > 0 && (
                  <span className="muted">
                    {' · '}
                    {allDimensions(campaign.definition)
                      .filter((d) => e.scores[d.key] !== undefined)
                      .map((d) => `${localized(d.label, i18n.language)} ${e.scores[d.key]}`)
                      .join(' · ')}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
