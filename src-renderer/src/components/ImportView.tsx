// The coordinator's import screen: pick a CSV/XLSX, an .eml/.mbox or a folder of mails, check the
// column mapping against a preview with per-cell problems, import, read the report. Every change of
// encoding, sheet, mapping or a kind chosen for a mail re-runs the preview on the real importer, so
// what is shown is what will happen.
import type { TFunction } from 'i18next';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignDetail, ColumnMapping, EntryKind, ImportPreview, ImportReport, RegNoGeneration } from '../../../src-main/contract';
import { invoke } from '../api';
import { fileToBase64 } from '../files';
import { useDeliveredExport } from '../hooks/useDeliveredExport';
import { ExportActions } from './ExportActions';
import { localized } from '../format';
import { useAppStore } from '../stores/useAppStore';
import { ImportPreviewTable } from './ImportPreviewTable';
import { ImportReportView } from './ImportReportView';
import { MappingTable } from './MappingTable';
import { ReachImport } from './ReachImport';
import { RegNoChoice } from './RegNoChoice';
import { ShortlistFileImport } from './ShortlistFileImport';

type Encoding = 'auto' | 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be';

interface Session {
  /** The file's name, or the folder's for a folder of mails. */
  name: string;
  contentBase64: string;
  /** A folder of mails: its .eml / .mbox files. */
  files?: { fileName: string; contentBase64: string }[];
  /** Kinds chosen by hand for mails whose kind could not be read (row → kind). */
  rowKinds?: Record<string, EntryKind>;
  encoding: Encoding;
  sheet?: string;
  mapping?: ColumnMapping;
  /** Generated registration numbers: chosen here (null: from the file); absent: as the importer suggests. */
  generateRegNos?: RegNoGeneration | null;
  /** One value for every row, per target the file has no column for. */
  constants?: Record<string, string>;
  /** Readings of unknown values given here (target → raw → allowed value); remembered at import. */
  valueMap?: Record<string, Record<string, string>>;
}

/** The generation in force: as chosen, else as the last preview had it (so a re-preview keeps it). */
function generationOf(session: Session, preview: ImportPreview | null): RegNoGeneration | null | undefined {
  if (session.generateRegNos !== undefined) return session.generateRegNos;
  const g = preview?.generatedRegNos;
  return g ? { keyColumns: g.keyColumns, prefix: g.prefix } : session.mapping ? null : undefined;
}

export function ImportView({ campaign, onImported }: { campaign: CampaignDetail; onImported(): void }) {
  const { t, i18n } = useTranslation();
  const { run, busy } = useAppStore();
  const language = i18n.language === 'en' ? 'en' : 'zh-CN';
  const [templateFile, deliverTemplate] = useDeliveredExport();
  const [refusedFile, deliverRefused] = useDeliveredExport();
  const [session, setSession] = useState<Session | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);

  const sourceOf = (s: Session) => ({ fileName: s.name, contentBase64: s.contentBase64, ...(s.files ? { files: s.files } : {}) });

  async function refresh(next: Session) {
    setSession(next);
    const result = await run(() =>
      invoke('intake:preview', {
        campaignId: campaign.id,
        source: sourceOf(next),
        options: {
          encoding: next.encoding,
          ...(next.sheet ? { sheet: next.sheet } : {}),
          ...(next.mapping ? { mapping: next.mapping } : {}),
          ...(next.rowKinds ? { rowKinds: next.rowKinds } : {}),
          ...(next.generateRegNos !== undefined ? { generateRegNos: next.generateRegNos } : {}),
          ...(next.constants ? { constants: next.constants } : {}),
          ...(next.valueMap ? { valueMap: next.valueMap } : {}),
        },
      }),
    );
    if (result) setPreview(result);
  }

  async function pick(file: File | undefined) {
    if (!file) return;
    setReport(null);
    setPreview(null);
    await refresh({ name: file.name, contentBase64: await fileToBase64(file), encoding: 'auto' });
  }

  /** A folder of mails: its .eml and .mbox files (the browser gives every file below it). */
  async function pickFolder(list: FileList | null) {
    const all = [...(list ?? [])];
    const mails = all.filter((f) => /\.(eml|mbox|mbx)$/i.test(f.name) && !f.name.startsWith('.'));
    if (all.length === 0) return;
    setReport(null);
    setPreview(null);
    const folderName = all[0].webkitRelativePath.split('/')[0] || all[0].name;
    const files = await Promise.all(mails.map(async (f) => ({ fileName: f.webkitRelativePath || f.name, contentBase64: await fileToBase64(f) })));
    await refresh({ name: folderName, contentBase64: '', files, encoding: 'auto' });
  }

  /** The options the import ran with (the preview's mapping and number generation). */
  const optionsOf = (s: Session, p: ImportPreview) => ({
    encoding: s.encoding,
    ...(s.sheet ? { sheet: s.sheet } : {}),
    mapping: p.mapping,
    ...(s.rowKinds ? { rowKinds: s.rowKinds } : {}),
    generateRegNos: p.generatedRegNos ? { keyColumns: p.generatedRegNos.keyColumns, prefix: p.generatedRegNos.prefix } : null,
    ...(s.constants ? { constants: s.constants } : {}),
    ...(s.valueMap ? { valueMap: s.valueMap } : {}),
  });

  async function downloadTemplate() {
    const file = await run(() => invoke('intake:template', { campaignId: campaign.id, language }));
    if (file) deliverTemplate(file);
  }

  async function exportRefused() {
    if (!session || !preview) return;
    const file = await run(() => invoke('intake:rejectedRows', { campaignId: campaign.id, source: sourceOf(session), options: optionsOf(session, preview), language }));
    if (file) deliverRefused(file);
  }

  async function doImport() {
    if (!session || !preview) return;
    const result = await run(() =>
      invoke('intake:import', {
        campaignId: campaign.id,
        source: sourceOf(session),
        options: optionsOf(session, preview),
      }),
    );
    if (result) {
      setReport(result);
      onImported();
    }
  }

  const generatedColumn = preview?.generatedRegNos?.column ?? null;
  /** The file's own headers; the generated-number column is shown under a translated name. */
  const constantColumns = new Set(Object.values(preview?.constants ?? {}).map((c) => c.column));
  const fileHeaders = preview ? preview.headers.filter((_, i) => i !== generatedColumn && !constantColumns.has(i)) : [];
  /** Added columns under translated names; a constant shown by its label, never its key. */
  const shown = preview && withAddedColumnsNamed(preview, t, i18n.language);

  return (
    <div className="import-view" data-testid="import-view">
      <section className="panel">
        <h2>{t('intake.pickTitle')}</h2>
        <p className="muted">{t('intake.pickHint')}</p>
        <div className="muted small">
          <button type="button" className="link" onClick={() => void downloadTemplate()} data-testid="import-template">
            {t('intake.template.download')}
          </button>{' '}
          {t('intake.template.hint')}
            <ExportActions file={templateFile} testId="import-template-actions" />
        </div>
        <div className="row">
          {/* A styled label instead of the browser's own button, whose text follows the OS, not the app. */}
          <label className="file-button">
            {t('intake.chooseFile')}
            <input
              ref={input}
              type="file"
              className="visually-hidden"
              accept=".csv,.txt,.tsv,.xlsx,.eml,.mbox,.mbx,text/csv,message/rfc822,application/mbox,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              data-testid="import-file"
              onChange={(e) => void pick(e.target.files?.[0])}
            />
          </label>
          <label className="file-button">
            {t('intake.mail.chooseFolder')}
            <input
              ref={folderInput}
              type="file"
              className="visually-hidden"
              // A folder of .eml files as mail clients save them; React does not know the attribute's type.
              {...{ webkitdirectory: '', directory: '' }}
              multiple
              data-testid="import-folder"
              onChange={(e) => void pickFolder(e.target.files)}
            />
          </label>
          <span className="mono" data-testid="import-source-name">
            {session ? (session.files ? t('intake.mail.folderName', { name: session.name, count: session.files.length }) : session.name) : t('intake.noFile')}
          </span>
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
              {preview.format !== 'mail' && <span className="muted small">{t('intake.headerRow', { row: preview.headerRow })}</span>}
            </>
          )}
        </div>
      </section>

      {preview && !report && (
        <>
          <RegNoChoice
            preview={preview}
            headers={fileHeaders}
            onChange={(generateRegNos) =>
              session && void refresh({ ...session, generateRegNos, mapping: { ...preview.mapping, 'sys.regNo': null } })
            }
          />
          <MappingTable
            preview={shown!}
            onChange={(mapping) => {
              if (!session) return;
              // Picking a column for the registration number ends generating them.
              const picked = mapping['sys.regNo'] !== preview.mapping['sys.regNo'];
              void refresh({ ...session, mapping, generateRegNos: picked ? null : generationOf(session, preview) });
            }}
            onConstant={(target, value) => {
              if (!session) return;
              const constants = { ...(session.constants ?? {}) };
              if (value === null) delete constants[target];
              else constants[target] = value;
              // The importer's own added columns are not part of the mapping sent back.
              const mapping = { ...preview.mapping };
              for (const key of Object.keys(preview.constants)) mapping[key] = null;
              void refresh({ ...session, constants, mapping, generateRegNos: generationOf(session, preview) });
            }}
          />
          <ImportPreviewTable
            preview={shown!}
            kinds={campaign.definition.entryKinds.map((k) => ({ kind: k.kind, label: k.label }))}
            chosenKinds={session?.rowKinds ?? {}}
            onReadValue={(target, raw, value) => {
              if (!session) return;
              const valueMap = { ...(session.valueMap ?? {}), [target]: { ...(session.valueMap?.[target] ?? {}), [raw]: value } };
              void refresh({ ...session, valueMap, generateRegNos: generationOf(session, preview) });
            }}
            onChooseKind={(row, kind) => {
              if (!session) return;
              const rowKinds = { ...(session.rowKinds ?? {}) };
              if (kind) rowKinds[String(row)] = kind;
              else delete rowKinds[String(row)];
              void refresh({ ...session, rowKinds });
            }}
          />
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
          onExportRefused={() => void exportRefused()}
          refusedFile={refusedFile}
          onAnother={() => {
            setReport(null);
            setPreview(null);
            setSession(null);
            if (input.current) input.current.value = '';
            if (folderInput.current) folderInput.current.value = '';
          }}
        />
      )}

      {!preview && !report && <ReachImport campaign={campaign} onImported={onImported} />}
      {!preview && !report && <ShortlistFileImport campaign={campaign} onImported={onImported} />}
    </div>
  );
}

function withAddedColumnsNamed(preview: ImportPreview, t: TFunction, language: string): ImportPreview {
  const headers = [...preview.headers];
  const labelOf = new Map<number, (cell: string) => string>();
  if (preview.generatedRegNos) headers[preview.generatedRegNos.column] = t('intake.generate.columnHeader');
  for (const [key, constant] of Object.entries(preview.constants)) {
    const target = preview.targets.find((x) => x.key === key);
    headers[constant.column] = t('intake.constant.header', { field: target ? localized(target.label, language) : '' });
    const choice = preview.choices[key]?.find((c) => c.value === constant.value);
    if (choice) labelOf.set(constant.column, () => localized(choice.label, language));
  }
  if (labelOf.size === 0) return { ...preview, headers };
  return { ...preview, headers, rows: preview.rows.map((r) => ({ ...r, cells: r.cells.map((c, i) => labelOf.get(i)?.(c) ?? c) })) };
}
