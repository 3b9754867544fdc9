// The score matrix and the judges' score sheets (issue 15), from the Ranking tab: "Export score
// matrix" as CSV or XLSX (judge × entry × dimension with totals, comments, eligibility answers),
// and the 评审打分表 PDF for one judge or all judges in one file, in Chinese, English or both.
// Each file is offered as a download and kept among the exports (its path is shown).
import { useState } from 'react';
import { withHeldOpenNote } from '../../held-open';
import { useTranslation } from 'react-i18next';
import type { CampaignDetail, ExportFile, NoticeLanguage, ScoresExportRequest } from '../../../../src-main/contract';
import { roundsOf } from '../../../../src-main/contract/lists';
import { invoke } from '../../api';
import { useDeliveredExport } from '../../hooks/useDeliveredExport';
import { useJob } from '../../hooks/useJob';
import { ExportActions } from '../ExportActions';
import { useChannel } from '../../queries';

const LANGUAGES: readonly NoticeLanguage[] = ['zh', 'en', 'both'];

export function ScoreExports({ campaign }: { campaign: CampaignDetail }) {
  const { t, i18n } = useTranslation();
  const [exported, deliver] = useDeliveredExport();
  const judges = useChannel('judge:list', { campaignId: campaign.id }).data?.judges ?? [];
  const [judgeId, setJudgeId] = useState('');
  const [language, setLanguage] = useState<NoticeLanguage>(i18n.language === 'en' ? 'en' : 'zh');
  const [saved, setSaved] = useState('');
  // A round for every list (1-based among scoring rounds); '' : each list's current round.
  const [round, setRound] = useState('');
  const roundCount = Math.max(1, ...campaign.definition.lists.map((l) => roundsOf(l).filter((r) => r.kind === 'scoring').length));
  const roundNo = round ? { roundNo: Number(round) } : {};
  const offer = (file: ExportFile | undefined | null) => {
    if (!file) return;
    deliver(file);
    setSaved(withHeldOpenNote(t, file, t('scores.export.saved', { file: file.savedTo })));
  };
  // Written on a worker thread (scores:exportJob): the window stays answered meanwhile.
  const job = useJob<'scores.export'>((finished) => offer(finished.state === 'done' ? finished.result?.file : null));
  const exportAs = (request: Omit<ScoresExportRequest, 'campaignId'>) => {
    setSaved('');
    void job.start(() => invoke('scores:exportJob', { campaignId: campaign.id, ...request }));
  };
  return (
    <section className="panel score-exports" data-testid="score-exports">
      <h2>{t('scores.export.label')}</h2>
      <div className="row">
        {roundCount > 1 && (
          <label>
            {t('scores.export.round')}{' '}
            <select value={round} onChange={(e) => setRound(e.target.value)} data-testid="scores-export-round">
              <option value="">{t('scores.export.workingRound')}</option>
              {Array.from({ length: roundCount }, (_, i) => (
                <option key={i + 1} value={String(i + 1)}>
                  {i + 1}
                </option>
              ))}
            </select>
          </label>
        )}
        {(['csv', 'xlsx'] as const).map((format) => (
          <button key={format} type="button" disabled={job.running} data-testid={`scores-export-${format}`} onClick={() => exportAs({ format, ...roundNo })}>
            {t(`scores.export.${format}`)}
          </button>
        ))}
      </div>
      <h3>{t('scores.export.sheetLabel')}</h3>
      <div className="row">
        <label>
          {t('scores.export.judge')}{' '}
          <select value={judgeId} onChange={(e) => setJudgeId(e.target.value)} data-testid="score-sheet-judge">
            <option value="">{t('scores.export.allJudges')}</option>
            {judges.map((j) => (
              <option key={j.id} value={j.id}>
                {j.name}
                {j.institution ? ` · ${j.institution}` : ''}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('scores.export.language')}{' '}
          <select value={language} onChange={(e) => setLanguage(e.target.value as NoticeLanguage)} data-testid="score-sheet-language">
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`scores.export.languages.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          data-testid="score-sheet-export"
          disabled={job.running}
          onClick={() => exportAs({ format: 'pdf', language, ...roundNo, ...(judgeId ? { judgeId } : {}) })}
        >
          {t('scores.export.sheet')}
        </button>
      </div>
      {job.job && job.job.state !== 'done' && (
        <div className="job-status small" data-testid="score-export-job" role="status">
          {job.running && (
            <>
              {t('ranking.export.starting')}{' '}
              <button type="button" onClick={() => void job.cancel()} data-testid="score-export-cancel">
                {t('common.cancelAction')}
              </button>
            </>
          )}
          {job.job.state === 'cancelled' && <span>{t('ranking.export.cancelled')}</span>}
          {job.errorText && <span className="verdict-fail">{job.errorText}</span>}
        </div>
      )}
      {saved && (
        <p className="muted small" data-testid="score-exports-saved">
          {saved}
        </p>
      )}
      <ExportActions file={exported} testId="score-export-actions" />
    </section>
  );
}
