import { useTranslation } from 'react-i18next';
import type { ImportReport, MappingTarget } from '../../../src-main/contract';
import type { DeliveredExport } from '../hooks/useDeliveredExport';
import { useRowErrorText } from '../hooks/useRowErrorText';
import { ExportActions } from './ExportActions';

interface Props {
  report: ImportReport;
  targets: MappingTarget[];
  onAnother(): void;
  /** Writes the refused rows as XLSX (the file's columns and the reasons), to send back. */
  onExportRefused?(): void;
  /** The refused-rows workbook last written, for its Save as / Show in folder row. */
  refusedFile?: DeliveredExport | null;
}

export function ImportReportView({ report, targets, onAnother, onExportRefused, refusedFile = null }: Props) {
  const { t } = useTranslation();
  const describe = useRowErrorText(targets);
  const stats = [
    ['added', report.added.length],
    ['updated', report.updated.length],
    ['unchanged', report.unchanged.length],
    ['rejected', report.rejected.length],
    ['late', report.late.length],
    ['early', report.early.length],
    ['flagged', report.flagged.length],
  ] as const;
  return (
    <section className="panel" data-testid="import-report" aria-labelledby="report-heading">
      <div className="section-head">
        <h2 id="report-heading">{t('intake.reportTitle', { file: report.fileName })}</h2>
        <button type="button" onClick={onAnother}>
          {t('intake.importAnother')}
        </button>
      </div>
      <ul className="stat-row">
        {stats.map(([key, value]) => (
          <li key={key} className={`stat ${key === 'rejected' && value ? 'bad' : ''} ${(key === 'late' || key === 'early' || key === 'flagged') && value ? 'warn' : ''}`}>
            <span className="stat-value" data-testid={`report-${key}`}>
              {value}
            </span>
            <span className="stat-label">{t(`intake.report.${key}`)}</span>
          </li>
        ))}
      </ul>
      {report.late.length > 0 && <p className="muted">{t('intake.lateRows', { rows: report.late.join(', ') })}</p>}
      {report.early.length > 0 && <p className="muted" data-testid="early-rows">{t('intake.earlyRows', { rows: report.early.join(', ') })}</p>}
      {report.mail && (
        <div className="mail-report" data-testid="mail-report">
          <h3>{t('intake.mail.reportTitle')}</h3>
          <p data-testid="mail-report-media">
            {t('intake.mail.reportMedia', {
              stored: report.mail.attachmentsStored,
              pass: report.mail.media?.checked.pass ?? 0,
              fail: report.mail.media?.checked.fail ?? 0,
              unreadable: report.mail.media?.checked.unreadable ?? 0,
            })}
          </p>
          {report.mail.mediaToFetch > 0 && <p data-testid="mail-report-fetch">{t('intake.mail.reportFetch', { count: report.mail.mediaToFetch })}</p>}
          {report.mail.replies.length > 0 && <p className="muted">{t('intake.mail.reportReplies', { rows: report.mail.replies.join(', ') })}</p>}
        </div>
      )}
      {report.rejected.length > 0 && onExportRefused && (
        <div>
          <button type="button" onClick={onExportRefused} data-testid="export-refused">
            {t('intake.rejectedFile.download')}
          </button>
          <ExportActions file={refusedFile} testId="refused-rows-actions" />
        </div>
      )}
      {report.rejected.length > 0 && (
        <RowProblems testId="rejected-rows" rows={report.rejected.map((r) => ({ row: r.row, regNo: r.regNo ?? '—', text: r.errors.map(describe).join(';') }))} />
      )}
      {report.flagged.length > 0 && (
        <>
          <h3>{t('intake.flaggedTitle')}</h3>
          <RowProblems testId="flagged-rows" warning rows={report.flagged.map((r) => ({ row: r.row, regNo: r.regNo, text: r.warnings.map(describe).join(';') }))} />
        </>
      )}
    </section>
  );
}

/** Rows of the file with what is wrong (rejected) or worth a look (flagged), by spreadsheet row. */
function RowProblems({ rows, testId, warning = false }: { rows: { row: number; regNo: string; text: string }[]; testId: string; warning?: boolean }) {
  const { t } = useTranslation();
  return (
    <table className="data-table compact" data-testid={testId}>
      <thead>
        <tr>
          <th>{t('intake.row')}</th>
          <th>{t('entries.columns.regNo')}</th>
          <th>{t('intake.problems')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.row}>
            <td className="num">{r.row}</td>
            <td className="mono">{r.regNo}</td>
            <td className={warning ? 'warning-text' : undefined}>{r.text}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
