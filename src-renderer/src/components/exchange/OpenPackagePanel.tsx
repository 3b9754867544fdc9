// A judge opens the review package the coordinator sent (USB stick, e-mail attachment saved to
// disk): the signature and every file's hash are checked before anything is shown. A package for a
// campaign opened from another coordinator key is not opened; the judge sees both fingerprints
// and may open it as a separate campaign (CoordinatorChangedDialog).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unquotePath } from '../../../../src-main/contract/path-text';
import { ApiError, invoke, packagePicker } from '../../api';
import { useAppStore } from '../../stores/useAppStore';
import { useOpenedFileStore } from '../../stores/useOpenedFileStore';
import { usePackageStore } from '../../stores/usePackageStore';
import { type CoordinatorChange, CoordinatorChangedDialog } from './CoordinatorChangedDialog';

export function OpenPackagePanel() {
  const { t } = useTranslation();
  const pick = packagePicker(t('exchange.packageFilter'));
  const { run, go, refreshCampaigns } = useAppStore();
  const remember = usePackageStore((s) => s.remember);
  const [file, setFile] = useState('');
  const [change, setChange] = useState<CoordinatorChange | null>(null);
  // A package double-clicked in Explorer / Finder (OpenedFileDialog): shown in the field and opened.
  const pendingPackage = useOpenedFileStore((s) => s.pendingPackage);
  const takePendingPackage = useOpenedFileStore((s) => s.takePendingPackage);
  const closePackagePanel = useOpenedFileStore((s) => s.closePackagePanel);
  useEffect(() => {
    if (!pendingPackage) return;
    takePendingPackage();
    setFile(pendingPackage);
    void open(undefined, pendingPackage);
  }, [pendingPackage]); // eslint-disable-line react-hooks/exhaustive-deps -- once per handed-over file; open is a new function every render

  async function open(separately?: { packageFingerprint: string }, typed = file) {
    const path = unquotePath(typed); // Explorer's "Copy as path" adds quotes
    const result = await run(async () => {
      try {
        return await invoke('package:open', separately ? { path, openAsSeparateCampaign: separately } : { path });
      } catch (error) {
        // Not an error to dismiss but a decision to make: shown as the dialog, not the banner.
        if (error instanceof ApiError && error.code === 'PACKAGE_COORDINATOR_CHANGED') {
          setChange({
            campaignId: String(error.params.campaignId),
            pinnedFingerprint: String(error.params.pinnedFingerprint),
            packageFingerprint: String(error.params.packageFingerprint),
          });
          return undefined;
        }
        throw error;
      }
    });
    if (!result) return;
    setChange(null);
    closePackagePanel();
    remember(result);
    await refreshCampaigns();
    go({ name: 'campaign', campaignId: result.campaignId });
  }

  return (
    <section className="panel" aria-labelledby="open-package-heading">
      <h2 id="open-package-heading">{t('exchange.openPackage')}</h2>
      <p className="muted small">{t('exchange.openPackageHint')}</p>
      <form
        className="link-form"
        onSubmit={(e) => {
          e.preventDefault();
          void open();
        }}
      >
        <label className="grow">
          <span>{t('exchange.packageFile')}</span>
          <input value={file} onChange={(e) => setFile(e.target.value)} placeholder={t('exchange.packagePlaceholder')} data-testid="package-path" spellCheck={false} />
        </label>
        {pick && (
          // The desktop app's file picker; the browser shell has none that gives a path (typed instead).
          <button type="button" onClick={() => void pick().then((chosen) => chosen && setFile(chosen))} data-testid="package-pick">
            {t('exchange.choosePackage')}
          </button>
        )}
        <button type="submit" className="primary" disabled={!unquotePath(file)} data-testid="package-open">
          {t('exchange.open')}
        </button>
      </form>
      {change && (
        <CoordinatorChangedDialog
          change={change}
          onCancel={() => {
            setChange(null);
            closePackagePanel();
          }}
          onConfirm={() => void open({ packageFingerprint: change.packageFingerprint })}
        />
      )}
    </section>
  );
}
