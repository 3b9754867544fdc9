// Levels (issue 14), in the Import tab: a shortlist file from another installation (a provincial
// first round) is picked, verified and previewed — where it comes from, who signed it (the
// fingerprint to confirm with the sender), how many entries per category, and what this campaign
// lacks — and imported only after a confirmation in the app's own dialog. The core verifies and
// decides (core/shortlist/shortlist-file-import.ts); a refused file is named in the error banner.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignDetail, ShortlistFilePreview } from '../../../src-main/contract';
import { invoke } from '../api';
import { fileToBase64 } from '../files';
import { formatInstant, localized } from '../format';
import { useAppStore } from '../stores/useAppStore';
import { useConfirmStore } from '../stores/useConfirmStore';

export function ShortlistFileImport({ campaign, onImported }: { campaign: CampaignDetail; onImported(): void }) {
  const { t, i18n } = useTranslation();
  const { run, busy } = useAppStore();
  const ask = useConfirmStore((s) => s.ask);
  const [source, setSource] = useState<{ fileName: string; contentBase64: string } | null>(null);
  const [preview, setPreview] = useState<ShortlistFilePreview | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const text = (v: { 'zh-CN': string; en: string }) => localized(v, i18n.language);

  async function pick(file: File | undefined) {
    setPreview(null);
    setDone(null);
    if (!file) return;
    const next = { fileName: file.name, contentBase64: await fileToBase64(file) };
    setSource(next);
    const p = await run(() => invoke('shortlist:inspectFile', { campaignId: campaign.id, file: next }));
    if (p) setPreview(p);
    if (input.current) input.current.value = '';
  }

  async function doImport() {
    if (!source || !preview) return;
    const sure = await ask({
      title: t('shortlistFile.confirmTitle'),
      body: t('shortlistFile.confirmBody', { count: preview.entries, organiser: preview.origin.organiser, fingerprint: preview.signer.fingerprint }),
      confirmLabel: t('shortlistFile.importRun', { count: preview.entries }),
      cancelLabel: t('common.cancelAction'),
    });
    if (!sure) return;
    const result = await run(() => invoke('shortlist:importFile', { campaignId: campaign.id, file: source }));
    if (!result) return;
    setDone(result.imported);
    setPreview(null);
    onImported();
  }

  const blocked = preview !== null && (preview.missing.length > 0 || preview.takenRegNos.length > 0 || preview.alreadyImportedAt !== null || preview.entries === 0);
  return (
    <section className="panel" data-testid="shortlist-file-import">
      <h2>{t('shortlistFile.importTitle')}</h2>
      <p className="muted">{t('shortlistFile.importHint')}</p>
      <div className="row">
        <label className="file-button">
          {t('shortlistFile.choose')}
          <input ref={input} type="file" className="visually-hidden" accept=".kepulist" data-testid="shortlist-file-input" onChange={(e) => void pick(e.target.files?.[0])} />
        </label>
        <span className="mono">{source?.fileName ?? t('intake.noFile')}</span>
      </div>
      {done !== null && <p data-testid="shortlist-file-done"><strong>{t('shortlistFile.imported', { count: done })}</strong></p>}
      {preview && (
        <div data-testid="shortlist-file-preview">
          <p>
            {t('shortlistFile.from', {
              campaign: text(preview.origin.campaignName),
              organiser: [preview.origin.organiser, preview.origin.institution].filter(Boolean).join(' · '),
              list: text(preview.origin.listName),
              round: preview.origin.roundName ? text(preview.origin.roundName) : t('shortlist.round', { round: preview.origin.roundNo }),
            })}
          </p>
          <p className="small">
            {t('shortlistFile.signedBy', { name: preview.signer.name, at: formatInstant(preview.origin.exportedAt, campaign.definition.timeZone), version: preview.origin.shortlistVersion })}{' '}
            <span className="mono" data-testid="shortlist-file-fingerprint">{preview.signer.fingerprint}</span>
          </p>
          <p className="small muted">{t('shortlistFile.fingerprintHint')}</p>
          <table className="data-table compact">
            <thead>
              <tr>
                <th>{t('shortlistFile.category')}</th>
                <th>{t('shortlistFile.count')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.perCategory.map((c) => (
                <tr key={`${c.kind}/${c.category ?? ''}`}>
                  <td>{c.label ? text(c.label) : <span className="badge warn">{t('shortlistFile.lacking', { kind: c.kind, category: c.category ?? '—' })}</span>}</td>
                  <td>{c.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview.missing.length > 0 && <p className="badge warn" data-testid="shortlist-file-missing">{t('shortlistFile.missing', { regNos: preview.missing.flatMap((m) => m.regNos).slice(0, 5).join(', ') })}</p>}
          {preview.takenRegNos.length > 0 && <p className="badge warn">{t('shortlistFile.taken', { regNos: preview.takenRegNos.slice(0, 5).join(', ') })}</p>}
          {preview.alreadyImportedAt && <p className="badge warn">{t('shortlistFile.already', { at: formatInstant(preview.alreadyImportedAt, campaign.definition.timeZone) })}</p>}
          <p className="small muted">{t('shortlistFile.keptNumbers')}</p>
          <button type="button" className="primary" disabled={busy || blocked} onClick={() => void doImport()} data-testid="shortlist-file-import-run">
            {t('shortlistFile.importRun', { count: preview.entries })}
          </button>
        </div>
      )}
    </section>
  );
}
