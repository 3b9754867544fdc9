// A campaign's end of life, from the coordinator's side: archive it (read-only, out of the
// campaign list; the banner says so on every tab and restores it to the list), delete it behind a
// backup file (the person types the campaign's name; the list then says where the backup went),
// and restore a deleted campaign from its backup file (on the campaign list).
import { useTranslation } from 'react-i18next';
import type { CampaignDetail } from '../../../src-main/contract';
import { invoke } from '../api';
import { fileToBase64 } from '../files';
import { formatInstant, localized } from '../format';
import { useAppStore } from '../stores/useAppStore';
import { useConfirmStore } from '../stores/useConfirmStore';

/** Brings an archived campaign back to the list (from the banner and from the Overview panel). */
function UnarchiveButton({ campaign, onChanged, testId }: { campaign: CampaignDetail; onChanged(): void; testId: string }) {
  const { t } = useTranslation();
  const { run, refreshCampaigns } = useAppStore();
  async function unarchive() {
    if (!(await run(() => invoke('campaign:archive', { campaignId: campaign.id, archived: false })))) return;
    await refreshCampaigns();
    onChanged();
  }
  return (
    <button type="button" data-testid={testId} onClick={() => void unarchive()}>
      {t('lifecycle.unarchive')}
    </button>
  );
}

/** On every tab of an archived campaign: read-only, since when, by whom, why; and the way back. */
export function ArchivedBanner({ campaign, onChanged }: { campaign: CampaignDetail; onChanged(): void }) {
  const { t } = useTranslation();
  if (!campaign.archived) return null;
  const { at, by, reason } = campaign.archived;
  return (
    <div className="archived-banner" role="status" data-testid="archived-banner">
      <div>
        <strong>{t('lifecycle.bannerTitle')}</strong>{' '}
        {t('lifecycle.banner', { at: formatInstant(at, campaign.timeZone), by: by === 'local' ? t('setup.thisComputer') : by })}
        {reason && <span className="muted"> {t('lifecycle.bannerReason', { reason })}</span>}
      </div>
      <UnarchiveButton campaign={campaign} onChanged={onChanged} testId="unarchive" />
    </div>
  );
}

/** Overview tab: archive / restore to the list, and delete. */
export function CampaignLifecyclePanel({ campaign, onChanged }: { campaign: CampaignDetail; onChanged(): void }) {
  const { t, i18n } = useTranslation();
  const { run, go, refreshCampaigns, setNotice } = useAppStore();
  const askText = useConfirmStore((s) => s.askText);
  const name = localized(campaign.name, i18n.language);

  async function archive() {
    const reason = await askText({
      title: t('lifecycle.archiveTitle', { name }),
      body: t('lifecycle.archiveBody'),
      text: { label: t('lifecycle.archiveReason'), required: false },
      confirmLabel: t('lifecycle.archive'),
      cancelLabel: t('common.cancelAction'),
    });
    if (reason === null) return;
    if (!(await run(() => invoke('campaign:archive', { campaignId: campaign.id, archived: true, reason })))) return;
    await refreshCampaigns();
    onChanged();
  }

  async function remove() {
    const typed = await askText({
      title: t('lifecycle.deleteTitle', { name }),
      body: t('lifecycle.deleteBody'),
      text: { label: t('lifecycle.deleteTypeName', { name }), required: true, mustMatch: [campaign.name['zh-CN'], campaign.name.en] },
      confirmLabel: t('lifecycle.deleteConfirm'),
      cancelLabel: t('common.cancelAction'),
      danger: true,
    });
    if (!typed) return;
    const result = await run(() => invoke('campaign:delete', { campaignId: campaign.id, confirmName: typed }));
    if (!result) return;
    await refreshCampaigns();
    go({ name: 'campaigns' });
    setNotice(t('lifecycle.deleted', { name, file: result.backupFile }));
  }

  return (
    <section className="panel lifecycle-panel" aria-labelledby="lifecycle-heading" data-testid="lifecycle-panel">
      <h2 id="lifecycle-heading">{t('lifecycle.title')}</h2>
      <div className="lifecycle-row">
        <p className="muted small">{campaign.archived ? t('lifecycle.unarchiveHint') : t('lifecycle.archiveHint')}</p>
        {campaign.archived ? (
          <UnarchiveButton campaign={campaign} onChanged={onChanged} testId="lifecycle-unarchive" />
        ) : (
          <button type="button" onClick={() => void archive()} data-testid="lifecycle-archive">
            {t('lifecycle.archive')}
          </button>
        )}
      </div>
      <div className="lifecycle-row">
        <p className="muted small">{t('lifecycle.deleteHint')}</p>
        <button type="button" className="danger-outline" onClick={() => void remove()} data-testid="lifecycle-delete">
          {t('lifecycle.delete')}
        </button>
      </div>
    </section>
  );
}

/** On the campaign list: pick a .kepubackup file; the campaign comes back and opens. */
export function RestoreBackupButton() {
  const { t } = useTranslation();
  const { run, go, refreshCampaigns, busy } = useAppStore();
  async function pick(file: File | undefined) {
    if (!file) return;
    const source = { fileName: file.name, contentBase64: await fileToBase64(file) };
    const campaign = await run(() => invoke('campaign:restore', { file: source }));
    if (!campaign) return;
    await refreshCampaigns();
    go({ name: 'campaign', campaignId: campaign.id });
  }
  return (
    // A styled label instead of the browser's own button, whose text follows the OS, not the app.
    <label className="file-button" title={t('lifecycle.restoreHint')}>
      {t('lifecycle.restoreFromBackup')}
      <input
        type="file"
        className="visually-hidden"
        accept=".kepubackup"
        disabled={busy}
        data-testid="restore-backup-file"
        onChange={(e) => {
          void pick(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
    </label>
  );
}
