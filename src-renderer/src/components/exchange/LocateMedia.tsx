// Judge side, for a package that came without media: point at the folder (a USB stick) where the
// files are; they are found by fingerprint (size, then SHA-256), whatever their names.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignDetail } from '../../../../src-main/contract';
import { unquotePath } from '../../../../src-main/contract/path-text';
import { folderPicker, invoke } from '../../api';
import { useAppStore } from '../../stores/useAppStore';
import { useReviewStore } from '../../stores/useReviewStore';

export function LocateMedia({ campaign }: { campaign: CampaignDetail }) {
  const { t } = useTranslation();
  const run = useAppStore((s) => s.run);
  const [open, setOpen] = useState(false);
  const [folder, setFolder] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const pick = folderPicker();
  if (!open) {
    return (
      <button type="button" className="subtle" onClick={() => setOpen(true)} data-testid="locate-media-open">
        {t('exchange.locateMedia')}
      </button>
    );
  }
  return (
    <form
      className="row locate-form"
      onSubmit={async (e) => {
        e.preventDefault();
        const r = await run(() => invoke('package:locateMedia', { campaignId: campaign.id, folder: unquotePath(folder) }));
        if (!r) return;
        setNotice(t('exchange.located', { found: r.found, missing: r.missing.length }));
        const { entryId, select } = useReviewStore.getState();
        if (entryId !== null) await select(entryId);
      }}
    >
      <input value={folder} onChange={(e) => setFolder(e.target.value)} placeholder={t('exchange.mediaFolder')} spellCheck={false} data-testid="locate-media-folder" />
      {pick && (
        <button type="button" onClick={() => void pick().then((f) => f && setFolder(f))}>
          {t('compliance.browse')}
        </button>
      )}
      <button type="submit" disabled={!unquotePath(folder)}>
        {t('exchange.find')}
      </button>
      {notice && <span className="muted small">{notice}</span>}
    </form>
  );
}
