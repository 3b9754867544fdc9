// Judge side: sign the current state of every review in this package as the next revision of the
// result bundle, download it, and keep a copy in the data folder.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignDetail } from '../../../../src-main/contract';
import { invoke } from '../../api';
import { useDeliveredExport } from '../../hooks/useDeliveredExport';
import { ExportActions } from '../ExportActions';
import { useAppStore } from '../../stores/useAppStore';
import { useReviewStore } from '../../stores/useReviewStore';

export function ExportBundleButton({ campaign }: { campaign: CampaignDetail }) {
  const { t } = useTranslation();
  const [exported, deliver] = useDeliveredExport();
  const run = useAppStore((s) => s.run);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <span className="export-bundle">
      <button
        type="button"
        className="primary"
        data-testid="export-bundle"
        onClick={async () => {
          await useReviewStore.getState().whenSaved();
          const file = await run(() => invoke('bundle:export', { campaignId: campaign.id }));
          if (!file) return;
          deliver(file);
          setNotice(t('exchange.bundleSaved', { revision: file.revision, path: file.savedTo }));
        }}
      >
        {t('exchange.exportBundle')}
      </button>
      {notice && (
        <span className="muted small" data-testid="bundle-notice">
          {' '}
          {notice}
        </span>
      )}
      <ExportActions file={exported} testId="bundle-export-actions" />
    </span>
  );
}
