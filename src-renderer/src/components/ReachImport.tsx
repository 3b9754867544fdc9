// Issue 16, in the Import tab: reach figures and public votes from a spreadsheet by registration
// number (core/intake/reach-figures.ts); the report names refused rows like a registration import.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignDetail, ReachImportReport } from '../../../src-main/contract';
import { invoke } from '../api';
import { fileToBase64 } from '../files';
import { useRowErrorText } from '../hooks/useRowErrorText';
import { useAppStore } from '../stores/useAppStore';

const COLUMN_LABELS = [
  { key: 'regNo', label: { 'zh-CN': '报名编号', en: 'Registration no.' }, required: true },
  { key: 'asOf', label: { 'zh-CN': '统计日期', en: 'As of' }, required: false },
];

export function ReachImport({ campaign, onImported }: { campaign: CampaignDetail; onImported(): void }) {
  const { t } = useTranslation();
  const run = useAppStore((s) => s.run);
  const [report, setReport] = useState<ReachImportReport | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const metricTargets = ['followers', 'views', 'likes', 'shares', 'comments', 'votes'].map((m) => ({ key: m, label: { 'zh-CN': t(`reach.metric.${m}`), en: t(`reach.metric.${m}`) }, required: false }));
  const describe = useRowErrorText([...COLUMN_LABELS, ...metricTargets]);

  async function pick(file: File | undefined) {
    setReport(null);
    if (!file) return;
    const contentBase64 = await fileToBase64(file);
    const result = await run(() => invoke('reach:import', { campaignId: campaign.id, source: { fileName: file.name, contentBase64 } }));
    if (input.current) input.current.value = '';
    if (result) {
      setReport(result);
      onImported();
    }
  }

  return (
    <section className="panel" aria-labelledby="reach-heading" data-testid="reach-import">
      <h2 id="reach-heading">{t('reach.title')}</h2>
      <p className="muted small">{t('reach.hint')}</p>
      <label className="file-button">
        {t('reach.choose')}
        <input ref={input} type="file" className="visually-hidden" accept=".csv,.xlsx,text/csv" data-testid="reach-file" onChange={(e) => void pick(e.target.files?.[0])} />
      </label>
      {report && (
        <div data-testid="reach-report">
          <p>{t('reach.report', { file: report.fileName, stored: report.stored.length, unchanged: report.unchanged.length, rejected: report.rejected.length })}</p>
          {report.rejected.length > 0 && (
            <ul className="plain small">
              {report.rejected.map((r) => (
                <li key={r.row}>
                  {t('intake.row')} {r.row}: {r.errors.map(describe).join(';')}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
