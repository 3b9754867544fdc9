// The coordinator's import screen: pick a CSV/XLSX, check the column mapping against a preview
// with per-cell problems, import, read the report. Every change of encoding, sheet or mapping
// re-runs the preview on the real importer, so what is shown is what will happen.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignDetail, ColumnMapping, ImportPreview, ImportReport } from '../../../src-main/contract';
import { invoke } from '../api';
import { fileToBase64 } from '../files';
import { useAppStore } from '../stores/useAppStore';
import { ImportPreviewTable } from './ImportPreviewTable';
import { ImportReportView } from './ImportReportView';
import { MappingTable } from './MappingTable';
import { ShortlistFileImport } from './ShortlistFileImport';

type Encoding = 'auto' | 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be';

interface Session {
  file: File;
  contentBase64: string;
  encoding: Encoding;
  sheet?: string;
  mapping?: ColumnMapping;
}

export function ImportView({ campaign, onImported }: { campaign: CampaignDetail; onImported(): void }) {
  const { t } = useTranslation();
  const { run, busy } = useAppStore();
  const [session, setSession] = useState<Session | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const input = useRef<HTMLInputElement>(null);

  async function refresh(next: Session) {
    setSession(next);
    const result = await run(() =>
      invoke('intake:preview', {
        campaignId: campaign.id,
        source: { fileName: next.file.name, contentBase64: next.contentBase64 },
        options: { encoding: next.encoding, ...(next.sheet ? { sheet: next.sheet } : {}), ...(next.mapping ? { mapping: next.mapping } : {}) },
      }),
    );
    if (result) setPreview(result);
  }

  async function pick(file: File | undefined) {
    if (!file) return;
    setReport(null);
    setPreview(null);
    await refresh({ file, contentBase64: await fileToBase64(file), encoding: 'auto' });
  }

  async function doImport() {
    if (!session || !preview) return;
    const result = await run(() =>
      invoke('intake:import', {
        campaignId: campaign.id,
        source: { fileName: session.file.name, contentBase64: session.contentBase64 },
        options: { encoding: session.encoding, ...(session.sheet ? { sheet: session.sheet } : {}), mapping: preview.mapping },
      }),
    );
    if (result) {
      setReport(result);
      onImported();
    }
  }

  return (
    <div className="import-view" data-testid="import-view">
      <section className="panel">
        <h2>{t('intake.pickTitle')}</h2>
        <p className="muted">{t('intake.pickHint')}</p>
        <div className="row">
          {/* A styled label instead of the browser's own button, whose text follows the OS, not the app. */}
          <label className="file-button">
            {t('intake.chooseFile')}
            <input
              ref={input}
              type="file"
              className="visually-hidden"
              accept=".csv,.txt,.tsv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              data-testid="import-file"
              onChange={(e) => void pick(e.target.files?.[0])}
            />
          </label>
          <span className="mono">{session?.file.name ?? t('intake.noFile')}</span>
          {preview && (
            <>
              {preview.format === 'csv' && (
                <label>
                  {t('intake.encoding')}{' '}
                  <select
                    value={session?.encoding ?? 'auto'}
                    onChange={(e) => session && void refresh({ ...session, encoding: e.target.value as Encoding, mapping: undefined })}
                  >
                    <option value="auto">{t('intake.encodingAuto', { detected: preview.encoding ?? '' })}</option>
                    <option value="utf-8">UTF-8</option>
                    <option value="gb18030">GBK / GB18030</option>
                    <option value="utf-16le">UTF-16 LE</option>
                    <option value="utf-16be">UTF-16 BE</option>
                    <option value="utf-32le">UTF-32 LE</option>
                    <option value="utf-32be">UTF-32 BE</option>
                  </select>
                </label>
              )}
              {preview.format === 'xlsx' && preview.sheets.length > 1 && (
                <label>
                  {t('intake.sheet')}{' '}
                  <select value={preview.sheet ?? ''} onChange={(e) => session && void refresh({ ...session, sheet: e.target.value, mapping: undefined })}>
                    {preview.sheets.map((s) => (
                      <option key={s} value={s}>
                        {s}
                      </option>
                    ))}
                  </select>
                </label>
              )}
              <span className="muted small">{t('intake.headerRow', { row: preview.headerRow })}</span>
            </>
          )}
        </div>
      </section>

      {preview && !report && (
        <>
          <MappingTable preview={preview} onChange={(mapping) => session && void refresh({ ...session, mapping })} />
          <ImportPreviewTable preview={preview} />
          <div className="import-actions panel">
            <span data-testid="import-summary">
              {t('intake.previewSummary', { total: preview.totalRows, rejected: preview.rejectedCount })}
            </span>
            {preview.unmappedRequired.length > 0 && <span className="badge warn">{t('intake.mapRequiredFirst')}</span>}
            <button
              type="button"
              className="primary"
              disabled={busy || preview.unmappedRequired.length > 0 || preview.totalRows === 0}
              onClick={() => void doImport()}
              data-testid="import-run"
            >
              {t('intake.importRows', { count: preview.totalRows - preview.rejectedCount })}
            </button>
          </div>
        </>
      )}

      {report && preview && (
        <ImportReportView
          report={report}
          targets={preview.targets}
          onAnother={() => {
            setReport(null);
            setPreview(null);
            setSession(null);
            if (input.current) input.current.value = '';
          }}
        />
      )}

      {!preview && !report && <ShortlistFileImport campaign={campaign} onImported={onImported} />}
    </div>
  );
}
