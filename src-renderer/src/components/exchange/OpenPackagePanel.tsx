// A judge opens the review package the coordinator sent (USB stick, e-mail attachment saved to
// disk): the signature and every file's hash are checked before anything is shown.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api';
import { useAppStore } from '../../stores/useAppStore';

export function OpenPackagePanel() {
  const { t } = useTranslation();
  const { run, go, refreshCampaigns } = useAppStore();
  const [file, setFile] = useState('');
  const [opened, setOpened] = useState<string | null>(null);
  return (
    <section className="panel" aria-labelledby="open-package-heading">
      <h2 id="open-package-heading">{t('exchange.openPackage')}</h2>
      <p className="muted small">{t('exchange.openPackageHint')}</p>
      <form
        className="link-form"
        onSubmit={async (e) => {
          e.preventDefault();
          const result = await run(() => invoke('package:open', { path: file.trim() }));
          if (!result) return;
          setOpened(t('exchange.opened', { count: result.entries, fingerprint: result.coordinatorFingerprint }));
          await refreshCampaigns();
          go({ name: 'campaign', campaignId: result.campaignId });
        }}
      >
        <label className="grow">
          <span>{t('exchange.packageFile')}</span>
          <input value={file} onChange={(e) => setFile(e.target.value)} placeholder="E:\\评审包\\zhang-wei.kepupkg" data-testid="package-path" spellCheck={false} />
        </label>
        <button type="submit" className="primary" disabled={!file.trim()} data-testid="package-open">
          {t('exchange.open')}
        </button>
      </form>
      {opened && <p className="muted">{opened}</p>}
    </section>
  );
}
