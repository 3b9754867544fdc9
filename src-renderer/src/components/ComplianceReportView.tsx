// The compliance report: counts by verdict, the entries that miss a completeness rule of their
// kind, filters (verdict, problem, entry type), one row per file with every violated rule as
// measured value vs limit, exports for the office.
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { withHeldOpenNote } from '../held-open';
import { useTranslation } from 'react-i18next';
import type {
  CampaignDetail,
  EntryKind,
  ReportVerdict,
  ShownViolation,
  ViolationCode,
} from '../../../src-main/contract';
import { invoke } from '../api';
import { useDeliveredExport } from '../hooks/useDeliveredExport';
import { ExportActions } from './ExportActions';
import { formatBytes, localized } from '../format';
import { useChannel } from '../queries';
import { useAppStore } from '../stores/useAppStore';
import { entryProblemText } from './entryProblemText';

const VERDICTS: ReportVerdict[] = ['pass', 'fail', 'unreadable', 'unchecked'];

export function ComplianceReportView({ campaign, onOpenEntry }: { campaign: CampaignDetail; onOpenEntry(id: number): void }) {
  const { t, i18n } = useTranslation();
  const [exported, deliver] = useDeliveredExport();
  const lang = i18n.language;
  const run = useAppStore((s) => s.run);
  const [verdict, setVerdict] = useState<ReportVerdict | ''>('');
  const [code, setCode] = useState<ViolationCode | ''>('');
  const [kind, setKind] = useState<EntryKind | ''>('');
  const [notice, setNotice] = useState<string | null>(null);

  const filter = { ...(verdict ? { verdict } : {}), ...(code ? { code } : {}), ...(kind ? { kind } : {}) };
  // A new filter keeps the report shown until its answer arrives, as before.
  const report = useChannel('compliance:report', { campaignId: campaign.id, filter }, { placeholderData: keepPreviousData }).data ?? null;

  async function exportAs(format: 'csv' | 'xlsx' | 'html') {
    const file = await run(() => invoke('compliance:export', { campaignId: campaign.id, format }));
    if (!file) return;
    deliver(file);
    setNotice(withHeldOpenNote(t, file, t('compliance.exported', { file: file.fileName, path: file.savedTo })));
  }

  const describe = (v: ShownViolation) => t(`compliance.rules.${v.code}`, { limit: v.limitText, actual: v.actualText });
  if (!report) return <p className="muted">{t('common.loading')}</p>;
  const codes = Object.keys(report.summary.byCode) as ViolationCode[];

  return (
    <section className="panel" aria-labelledby="compliance-heading" data-testid="compliance-report">
      <div className="section-head">
        <h2 id="compliance-heading">{t('compliance.reportTitle')}</h2>
        <div className="actions">
          {(['csv', 'xlsx', 'html'] as const).map((f) => (
            <button key={f} type="button" onClick={() => void exportAs(f)} data-testid={`export-${f}`}>
              {t('compliance.export')} {f.toUpperCase()}
            </button>
          ))}
        </div>
      </div>
      {notice && <p className="muted small" data-testid="export-notice">{notice}</p>}
      <ExportActions file={exported} testId="compliance-export-actions" />
      <p className="muted small">{t(`compliance.sizeUnit.${report.summary.sizeUnit}`)}</p>
      <ul className="stat-row">
        {VERDICTS.map((v) => (
          <li key={v} className={`stat verdict-${v}`}>
            <span className="stat-value" data-testid={`verdict-count-${v}`}>
              {report.summary.byVerdict[v] ?? 0}
            </span>
            <span className="stat-label">{t(`compliance.verdicts.${v}`)}</span>
          </li>
        ))}
      </ul>
      {report.entryProblems.length > 0 && (
        <details className="entry-problems" data-testid="compliance-entry-problems" open>
          <summary>{t('compliance.entryProblems.count', { count: report.entryProblems.length })}</summary>
          <table className="data-table compact">
            <thead>
              <tr>
                <th>{t('compliance.columns.regNo')}</th>
                <th>{t('compliance.columns.title')}</th>
                <th>{t('compliance.columns.problems')}</th>
              </tr>
            </thead>
            <tbody>
              {report.entryProblems.map((p) => (
                <tr key={`${p.entryId}/${p.rule}`} className="verdict-fail">
                  <td className="mono">
                    <button type="button" className="link" onClick={() => onOpenEntry(p.entryId)} title={t('compliance.openEntry')}>
                      {p.regNo}
                    </button>
                  </td>
                  <td className="clip" title={p.title}>{p.title}</td>
                  <td className="problems-cell">{entryProblemText(t, p, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      <div className="filter-bar">
        <label>
          {t('compliance.filterVerdict')}{' '}
          <select value={verdict} onChange={(e) => setVerdict(e.target.value as ReportVerdict | '')} data-testid="filter-verdict">
            <option value="">{t('compliance.all')}</option>
            {VERDICTS.map((v) => (
              <option key={v} value={v}>
                {t(`compliance.verdicts.${v}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('compliance.filterCode')}{' '}
          <select value={code} onChange={(e) => setCode(e.target.value as ViolationCode | '')} data-testid="filter-code">
            <option value="">{t('compliance.all')}</option>
            {codes.map((c) => (
              <option key={c} value={c}>
                {t(`compliance.ruleNames.${c}`)} ({report.summary.byCode[c]})
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('compliance.filterKind')}{' '}
          <select value={kind} onChange={(e) => setKind(e.target.value as EntryKind | '')}>
            <option value="">{t('compliance.all')}</option>
            {campaign.definition.entryKinds.map((k) => (
              <option key={k.kind} value={k.kind}>
                {localized(k.label, lang)}
              </option>
            ))}
          </select>
        </label>
        <span className="muted count">{t('compliance.showing', { shown: report.rows.length, total: report.total })}</span>
      </div>
      {report.summary.files === 0 ? (
        <p className="muted">{t('compliance.noFiles')}</p>
      ) : (
        <div className="preview-scroll tall">
          <table className="data-table compact compliance-table" data-testid="compliance-table">
            <thead>
              <tr>
                {(['regNo', 'title', 'fileName', 'verdict', 'problems', 'container', 'durationShort', 'sizeShort', 'codecs', 'resolution'] as const).map((c) => (
                  <th key={c}>{t(`compliance.columns.${c}`)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {report.rows.map((r) => (
                <tr key={r.assetId} className={`verdict-${r.verdict}`}>
                  <td className="mono">
                    <button type="button" className="link" onClick={() => onOpenEntry(r.entryId)} title={t('compliance.openEntry')}>
                      {r.regNo}
                    </button>
                  </td>
                  <td className="clip" title={r.title}>{r.title}</td>
                  <td className="clip mono" title={r.path}>{r.fileName}</td>
                  <td>
                    <span className={`badge verdict-${r.verdict}`}>{t(`compliance.verdicts.${r.verdict}`)}</span>
                  </td>
                  <td className="problems-cell">{r.violations.map(describe).join(';')}</td>
                  <td>{r.facts?.container ?? '—'}</td>
                  <td className="num">{r.facts?.durationSeconds != null ? `${r.facts.durationSeconds.toFixed(1)} s` : '—'}</td>
                  <td className="num">{r.facts ? formatBytes(r.facts.sizeBytes, lang) : '—'}</td>
                  <td>{[r.facts?.videoCodec, r.facts?.audioCodec].filter(Boolean).join(' + ') || '—'}</td>
                  <td>{r.facts?.width && r.facts?.height ? `${r.facts.width}×${r.facts.height}` : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
