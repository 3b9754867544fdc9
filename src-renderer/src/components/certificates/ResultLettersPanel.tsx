// Result letters (issue 19) beside the certificates: pick a list, the language (the entrant's own
// when the registration names one, else both; or one language for all) and whether to print the
// score band, export as a job with progress and cancel, then open a letter or the merge table.
// The letters carry only the feedback chosen in each entry's panel (Entries tab).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignDetail, LetterLanguage } from '../../../../src-main/contract';
import { invoke } from '../../api';
import { useDeliveredExport } from '../../hooks/useDeliveredExport';
import { ExportActions } from '../ExportActions';
import { localized } from '../../format';
import { useJob } from '../../hooks/useJob';
import { useChannel } from '../../queries';
import { useAppStore } from '../../stores/useAppStore';

const baseName = (file: string) => file.split(/[\\/]/).pop() ?? file;

export function ResultLettersPanel({ campaign }: { campaign: CampaignDetail }) {
  const { t, i18n } = useTranslation();
  const [exported, deliver] = useDeliveredExport();
  const run = useAppStore((s) => s.run);
  const lists = campaign.definition.lists;
  const [list, setList] = useState(lists[0]?.key ?? '');
  const [language, setLanguage] = useState<LetterLanguage | 'entrant'>('entrant');
  const [scoreBand, setScoreBand] = useState(false);
  const snapshots = useChannel('ranking:snapshots', { campaignId: campaign.id }).data;
  const { job, errorText, start, cancel } = useJob<'letters.export'>();

  const exportLetters = () =>
    start(() => invoke('letters:export', { campaignId: campaign.id, list, scoreBand, ...(language === 'entrant' ? {} : { language }) }));
  const open = async (file: string) => {
    if (!job) return;
    const got = await run(() => invoke('letters:jobFile', { jobId: job.jobId, file }));
    if (got) deliver(got);
  };

  const files = job?.result?.files ?? [];
  const letters = files.filter((f) => f.endsWith('.pdf'));
  const merge = files.filter((f) => f.endsWith('.xlsx') || f.endsWith('.csv'));
  return (
    <section className="panel" data-testid="result-letters">
      <div className="section-head">
        <h2>{t('letters.title')}</h2>
      </div>
      <p className="muted small">{t('letters.explain')}</p>
      {snapshots !== undefined && snapshots.length === 0 && <p className="muted" data-testid="letters-unpublished">{t('letters.unpublished')}</p>}
      <div className="letters-form">
        <label className="inline-label">
          {t('letters.list')}{' '}
          <select value={list} onChange={(e) => setList(e.target.value)} data-testid="letters-list">
            {lists.map((l) => (
              <option key={l.key} value={l.key}>
                {localized(l.name, i18n.language)}
              </option>
            ))}
          </select>
        </label>{' '}
        <label className="inline-label">
          {t('letters.language')}{' '}
          <select value={language} onChange={(e) => setLanguage(e.target.value as LetterLanguage | 'entrant')} data-testid="letters-language">
            <option value="entrant">{t('letters.languages.entrant')}</option>
            <option value="both">{t('letters.languages.both')}</option>
            <option value="zh-CN">{t('letters.languages.zh')}</option>
            <option value="en">{t('letters.languages.en')}</option>
          </select>
        </label>{' '}
        <label className="inline-label">
          <input type="checkbox" checked={scoreBand} onChange={(e) => setScoreBand(e.target.checked)} data-testid="letters-score-band" /> {t('letters.scoreBand')}
        </label>{' '}
        <button type="button" className="primary" disabled={!list || job?.state === 'running' || snapshots?.length === 0} onClick={() => void exportLetters()} data-testid="letters-export">
          {t('letters.export')}
        </button>
      </div>
      {job && (
        <div className="job-status" data-testid="letters-job" role="status">
          {job.state === 'running' && (
            <>
              <progress max={job.progress?.total || 1} value={job.progress?.done ?? 0} />{' '}
              {t('letters.running', { done: job.progress?.done ?? 0, total: job.progress?.total ?? 0 })}{' '}
              <button type="button" onClick={() => void cancel()} data-testid="letters-cancel">
                {t('common.cancelAction')}
              </button>
            </>
          )}
          {job.state !== 'running' && job.result && (
            <div className="letters-result">
              <p data-testid="letters-done">
                {t(job.result.cancelled ? 'letters.cancelled' : 'letters.done', { count: job.result.letters, dir: job.result.outDir })}
                {job.result.withoutEmail > 0 && <> {t('letters.withoutEmail', { count: job.result.withoutEmail })}</>}
              </p>
              <div className="letters-files">
                {merge.map((f) => (
                  <button key={f} type="button" onClick={() => void open(f)} data-testid={`letters-file-${f.endsWith('.csv') ? 'csv' : 'xlsx'}`}>
                    {baseName(f)}
                  </button>
                ))}
              </div>
              <ul className="plain small letters-list" data-testid="letters-files">
                {letters.map((f) => (
                  <li key={f}>
                    <button type="button" className="link" onClick={() => void open(f)} data-testid="letters-open">
                      {baseName(f)}
                    </button>
                  </li>
                ))}
              </ul>
              <ExportActions file={exported} testId="letters-export-actions" showWhere />
            </div>
          )}
          {errorText && <p className="verdict-fail">{errorText}</p>}
        </div>
      )}
    </section>
  );
}
