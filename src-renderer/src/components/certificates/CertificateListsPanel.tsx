// The lists the published ranking gives (award tiers, committee members, judges' thanks): preview
// a holder's certificate, export a whole list as one PDF for printing and/or one PDF per holder,
// with progress and cancel, then print the batch from its own file, save a copy or open the folder.
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../EmptyState';
import { scoringRoundsOf } from '../../../../src-main/contract/lists';
import type { CampaignDetail } from '../../../../src-main/contract';
import { invoke, printExport } from '../../api';
import { localized } from '../../format';
import { useJob } from '../../hooks/useJob';
import { useChannel } from '../../queries';
import { useAppStore } from '../../stores/useAppStore';
import { ExportActions } from '../ExportActions';
import { CertificateDrawingSvg } from './CertificateDrawingSvg';

type Mode = 'single' | 'perHolder' | 'both';

export function CertificateListsPanel({ campaign, onExported, onOpenRanking }: { campaign: CampaignDetail; onExported(): void; onOpenRanking?(): void }) {
  const { t, i18n } = useTranslation();
  const run = useAppStore((s) => s.run);
  const lists = useChannel('certificates:lists', { campaignId: campaign.id }).data ?? null;
  // The list whose preview is open. A changed setting (orientation, language, images) invalidates
  // the campaign's reads, which redraws the open preview.
  const [previewList, setPreviewList] = useState<string | null>(null);
  // Which holder of the list the preview shows; print staff page through every one before printing.
  const [previewIndex, setPreviewIndex] = useState(0);
  const preview = useChannel('certificates:preview', { campaignId: campaign.id, list: previewList ?? '', index: previewIndex }, { enabled: previewList !== null, placeholderData: keepPreviousData }).data;
  function openPreview(list: string) {
    setPreviewList(list);
    setPreviewIndex(0);
  }
  const [mode, setMode] = useState<Mode>('both');
  /** Whether a ranking was ever published: award and member lists come only from a published one. */
  const snapshots = useChannel('ranking:snapshots', { campaignId: campaign.id }).data;
  const published = snapshots === undefined ? null : snapshots.length > 0;

  // A finished export (done, cancelled or failed) may have issued certificates: count them again.
  const { job, errorText, start, cancel } = useJob<'certificates.export'>(onExported);

  function exportList(list: string) {
    return start(() => invoke('certificates:export', { campaignId: campaign.id, list, mode }));
  }
  // The batch PDF (certificates-<list>-<date>.pdf) when there is one, else the first holder's.
  const jobFiles = job?.result?.files ?? [];
  const combined = jobFiles.find((f) => /certificates-[^/\\]*\.pdf$/.test(f)) ?? jobFiles[0];
  async function print() {
    // Printed from the file the job wrote (no copy through the page): the desktop app's print
    // window, or the browser's own print of that file.
    if (combined) await run(() => printExport(combined));
  }

  if (!lists) return null;
  return (
    <section className="panel" data-testid="certificate-lists">
      <div className="section-head">
        <h2>{t('certificates.lists.title')}</h2>
        <label className="inline-label">
          {t('certificates.lists.mode')}{' '}
          <select value={mode} onChange={(e) => setMode(e.target.value as Mode)} data-testid="export-mode">
            <option value="both">{t('certificates.lists.modes.both')}</option>
            <option value="single">{t('certificates.lists.modes.single')}</option>
            <option value="perHolder">{t('certificates.lists.modes.perHolder')}</option>
          </select>
        </label>
      </div>
      {published === false && (
        <EmptyState
          testId="certificates-unpublished"
          text={t(campaign.kind === 'committee' ? 'certificates.lists.unpublishedCommittee' : 'certificates.lists.unpublished')}
          actionLabel={t('certificates.lists.openRanking')}
          onAction={onOpenRanking}
          tab="ranking"
          actionTestId="certificates-open-ranking"
        />
      )}
      {lists.length === 0 && published !== false && (
        // With rounds, a published first round certifies nothing: say which ranking is missing.
        <p className="muted" data-testid="certificates-none">
          {t(campaign.definition.lists.some((l) => scoringRoundsOf(l).length > 1) ? 'certificates.lists.noneFinalRound' : 'certificates.lists.none')}
        </p>
      )}
      <table className="data-table compact">
        <thead>
          <tr>
            <th>{t('certificates.lists.list')}</th>
            <th className="num">{t('certificates.lists.holders')}</th>
            <th className="num">{t('certificates.lists.issued')}</th>
            <th>{t('certificates.lists.validity')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {lists.map((l) => (
            <tr key={l.name} data-testid="certificate-list">
              <td>{localized(l.label, i18n.language)}</td>
              <td className="num">{l.holders}</td>
              <td className="num">
                {l.issued}
                {l.waiting > 0 && (
                  <div className="small muted" data-testid="list-waiting">
                    {t('membership.waitingCount', { count: l.waiting })}
                  </div>
                )}
              </td>
              <td>{l.validityMonths === null ? t('certificates.fields.noExpiry') : t('certificates.lists.months', { count: l.validityMonths })}</td>
              <td className="actions">
                <button type="button" onClick={() => openPreview(l.name)} disabled={l.holders === 0}>
                  {t('certificates.lists.preview')}
                </button>
                <button type="button" className="primary" onClick={() => void exportList(l.name)} disabled={l.holders === 0 || job?.state === 'running'} data-testid={`export-${l.name}`}>
                  {t('certificates.lists.export')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {job && (
        <div className="job-status" data-testid="certificate-job" role="status">
          {job.state === 'running' && (
            <>
              <progress max={job.progress?.total || 1} value={job.progress?.done ?? 0} />{' '}
              {t('certificates.job.running', { done: job.progress?.done ?? 0, total: job.progress?.total ?? 0 })}{' '}
              <button type="button" onClick={() => void cancel()}>
                {t('common.cancelAction')}
              </button>
            </>
          )}
          {job.state === 'done' && job.result && (
            <>
              <p>{t('certificates.job.done', { count: job.result.certificates, fresh: job.result.newlyIssued, dir: job.result.outDir })}</p>
              {job.result.waiting > 0 && <p data-testid="certificate-job-waiting">{t('certificates.job.waiting', { count: job.result.waiting })}</p>}
              <button type="button" onClick={() => void print()} disabled={!combined} data-testid="print-certificates">
                {t('certificates.job.print')}
              </button>
              {combined && <ExportActions file={{ fileName: combined.split(/[\\/]/).pop() ?? combined, savedTo: combined }} testId="certificate-export" printable={false} />}
            </>
          )}
          {job.state === 'cancelled' && <p>{t('certificates.job.cancelled')}</p>}
          {errorText && <p className="verdict-fail">{errorText}</p>}
        </div>
      )}
      {preview && (
        <figure className="certificate-preview">
          <figcaption className="small muted preview-pager">
            <button type="button" onClick={() => setPreviewIndex(Math.max(0, preview.holder.index - 1))} disabled={preview.holder.index === 0} data-testid="preview-previous">
              {t('certificates.lists.previousHolder')}
            </button>
            <span data-testid="preview-position">{t('certificates.lists.holderPosition', { n: preview.holder.index + 1, total: preview.holder.total, name: preview.holder.name })}</span>
            <button type="button" onClick={() => setPreviewIndex(Math.min(preview.holder.total - 1, preview.holder.index + 1))} disabled={preview.holder.index >= preview.holder.total - 1} data-testid="preview-next">
              {t('certificates.lists.nextHolder')}
            </button>
            <span>{t('certificates.lists.previewNote')}</span>
          </figcaption>
          <CertificateDrawingSvg drawing={preview.drawing} images={preview.images} label={t('certificates.lists.preview')} />
        </figure>
      )}
    </section>
  );
}
