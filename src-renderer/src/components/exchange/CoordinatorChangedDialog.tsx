// Shown instead of opening a package for a campaign pinned to another coordinator key
// (PACKAGE_COORDINATOR_CHANGED): both fingerprints side by side, so the judge can read them to the
// coordinator over the phone. The safe choice has the focus; opening anyway makes a separate
// campaign, confirmed with the very fingerprint shown here.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { localized } from '../../format';
import { useCampaigns } from '../../queries';

export interface CoordinatorChange {
  campaignId: string;
  pinnedFingerprint: string;
  packageFingerprint: string;
}

export function CoordinatorChangedDialog({ change, onCancel, onConfirm }: { change: CoordinatorChange; onCancel(): void; onConfirm(): void }) {
  const { t, i18n } = useTranslation();
  const campaign = useCampaigns()?.find((c) => c.id === change.campaignId);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onCancel();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onCancel]);
  return (
    <div className="overlay" role="presentation">
      <div className="sheet coordinator-changed" role="alertdialog" aria-modal="true" aria-labelledby="coordinator-changed-title" aria-describedby="coordinator-changed-body" data-testid="coordinator-changed">
        <h2 id="coordinator-changed-title">{t('exchange.coordinatorChanged.title')}</h2>
        <p id="coordinator-changed-body">{t('exchange.coordinatorChanged.body', { campaign: campaign ? localized(campaign.name, i18n.language) : '—' })}</p>
        <dl className="fingerprint-pair">
          <dt>{t('exchange.coordinatorChanged.pinned')}</dt>
          <dd className="fingerprint" data-testid="pinned-fingerprint">{change.pinnedFingerprint}</dd>
          <dt>{t('exchange.coordinatorChanged.package')}</dt>
          <dd className="fingerprint changed" data-testid="package-fingerprint">{change.packageFingerprint}</dd>
        </dl>
        <p className="muted">{t('exchange.coordinatorChanged.advice')}</p>
        <div className="dialog-actions">
          <button type="button" className="primary" autoFocus onClick={onCancel} data-testid="coordinator-changed-cancel">
            {t('exchange.coordinatorChanged.cancel')}
          </button>
          <button type="button" className="danger" onClick={onConfirm} data-testid="open-separately">
            {t('exchange.coordinatorChanged.confirm')}
          </button>
        </div>
      </div>
    </div>
  );
}
