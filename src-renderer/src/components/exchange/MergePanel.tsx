// Dropping the judges' result bundles: each is verified and merged (or refused with the reason);
// the report shows coverage, who has not sent anything yet, and where judges disagree strongly. A
// bundle answering an older definition version that still fits says so on its line. The merge runs
// as a job on a worker thread (bundle:mergeJob): the window keeps answering while 200 bundles are
// checked and written, with progress per stage and Cancel (a cancelled merge writes nothing).
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignDetail, MergeReport } from '../../../../src-main/contract';
import { invoke } from '../../api';
import { fileToBase64 } from '../../files';
import { useJob } from '../../hooks/useJob';
import { useKeptScroll, useKeptValue } from '../../hooks/useKeptList';
import { EmptyState } from '../EmptyState';

export function MergePanel({ campaign, onMerged }: { campaign: CampaignDetail; onMerged(): void }) {
  const { t } = useTranslation();
  // The last merge report (and where the tab was scrolled) stays when the user switches tabs and comes back.
  const [report, setReport] = useKeptValue<MergeReport | null>(campaign.id, 'merge', 'report', null);
  const keptScroll = useKeptScroll<HTMLElement>(campaign.id, 'merge', report !== null, 'main');
  const [dragging, setDragging] = useState(false);
  // How many bundles are being checked: the previous report leaves at once, so what shows is never
  // the last merge's counts standing in for this one's.
  const [merging, setMerging] = useState(0);
  const bundleInput = useRef<HTMLInputElement>(null);
  const mergeJob = useJob<'bundle.merge'>((finished) => {
    setMerging(0);
    if (finished.state === 'done' && finished.result?.report) {
      setReport(finished.result.report);
      onMerged();
    }
  });

  async function merge(list: FileList | null) {
    if (!list || list.length === 0 || mergeJob.running) return;
    setReport(null);
    setMerging(list.length);
    const files = await Promise.all([...list].map(async (f) => ({ fileName: f.name, contentBase64: await fileToBase64(f) })));
    const started = await mergeJob.start(() => invoke('bundle:mergeJob', { campaignId: campaign.id, files }));
    if (!started) setMerging(0);
  }
  const progress = mergeJob.running ? mergeJob.progress : null;

  return (
    <section
      className={`panel drop-zone ${dragging ? 'dragging' : ''}`}
      data-testid="merge-panel"
      ref={keptScroll}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        void merge(e.dataTransfer.files);
      }}
    >
      <div className="section-head">
        <h2>{t('exchange.merge')}</h2>
        {/* With nothing merged yet the empty state offers the same button: one is enough on screen. */}
        <label className={report ? 'file-button' : 'visually-hidden'}>
          {t('exchange.chooseBundles')}
          <input ref={bundleInput} type="file" multiple className="visually-hidden" accept=".kepubundle,application/json" data-testid="bundle-files" onChange={(e) => void merge(e.target.files)} />
        </label>
      </div>
      <p className="muted small">{t('exchange.mergeHint')}</p>
      {merging > 0 && (
        <p className="muted" role="status" data-testid="merge-busy">
          {t('exchange.mergingBundles', { count: merging })}{' '}
          {progress && (
            <>
              <progress max={progress.total || 1} value={progress.done} /> {t(`exchange.mergeStage.${progress.stage}`, { done: progress.done, total: progress.total })}{' '}
            </>
          )}
          {mergeJob.running && (
            <button type="button" onClick={() => void mergeJob.cancel()} data-testid="merge-cancel">
              {t('common.cancelAction')}
            </button>
          )}
        </p>
      )}
      {mergeJob.job?.state === 'cancelled' && merging === 0 && !report && (
        <p className="muted" role="status" data-testid="merge-cancelled">
          {t('exchange.mergeCancelled')}
        </p>
      )}
      {mergeJob.errorText && merging === 0 && (
        <p className="verdict-fail" role="alert" data-testid="merge-failed">
          {mergeJob.errorText}
        </p>
      )}
      {!report && merging === 0 && !mergeJob.job?.error && mergeJob.job?.state !== 'cancelled' && (
        <EmptyState testId="empty-merge" text={t('empty.merge.text')} actionLabel={t('exchange.chooseBundles')} onAction={() => bundleInput.current?.click()} />
      )}
      {report && (
        <>
          <table className="data-table compact" data-testid="merge-files">
            <thead>
              <tr>
                <th>{t('compliance.columns.fileName')}</th>
                <th>{t('exchange.status')}</th>
                <th>{t('review.activeJudge')}</th>
                <th className="num">{t('exchange.revision')}</th>
                <th>{t('intake.problems')}</th>
              </tr>
            </thead>
            <tbody>
              {report.files.map((f, i) => (
                <tr key={`${f.fileName}-${i}`} className={f.status === 'rejected' ? 'verdict-fail' : ''}>
                  <td className="mono">{f.fileName}</td>
                  <td>
                    {/* Plain words here; the CLI keeps its status words (cli.bundle.status.*). */}
                    <span className={`badge ${f.status === 'accepted' ? 'verdict-pass' : f.status === 'rejected' ? 'verdict-fail' : 'verdict-unchecked'}`} data-testid="merge-file-status">
                      {t(`exchange.fileStatus.${f.status}`)}
                    </span>
                  </td>
                  <td>{f.judgeName ?? '—'}</td>
                  <td className="num">{f.revision ?? '—'}</td>
                  <td>
                    {f.error
                      ? t(`errors.${f.error.code}`, { ...f.error.params })
                      : f.status === 'accepted' && f.definitionVersion && f.definitionVersion.answered !== f.definitionVersion.current
                        ? <span data-testid="merge-older-version">{t('exchange.definitionVersion.older', f.definitionVersion)}</span>
                        : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p data-testid="merge-coverage">{t('exchange.mergeCoverage', report.coverage)}</p>
          {report.missingJudges.length > 0 && <p className="muted" data-testid="merge-missing-judges">{t('exchange.mergeMissingJudges', { names: report.missingJudges.map((j) => j.name).join(', ') })}</p>}
          {report.disagreements.length > 0 && (
            <details>
              <summary>{t('exchange.disagreements', { count: report.disagreements.length })}</summary>
              <ul className="small">
                {report.disagreements.map((d) => (
                  <li key={d.entryId}>
                    <span className="mono">{d.regNo}</span> {d.title}: {d.min}–{d.max} ({d.judges})
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </section>
  );
}
