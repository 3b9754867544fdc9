import { useTranslation } from 'react-i18next';
import type { EntryKind, ImportPreview, LocalizedText } from '../../../src-main/contract';
import { columnLetter } from '../files';
import { useRowErrorText } from '../hooks/useRowErrorText';
import { localized } from '../format';
import { MailRowCell } from './MailRowCell';

interface Props {
  preview: ImportPreview;
  /** The campaign's kinds, for the "choose the kind" select of a row whose kind could not be read. */
  kinds?: { kind: EntryKind; label: LocalizedText }[];
  chosenKinds?: Record<string, EntryKind>;
  onChooseKind?(row: number, kind: EntryKind | null): void;
  /** Read a value the importer did not know as one of the target's allowed values (remembered). */
  onReadValue?(target: string, raw: string, value: string): void;
}

/** Problems about a value outside a closed list: the cell can be read as one of the allowed values. */
const READABLE = new Set(['ROW_UNKNOWN_KIND', 'ROW_UNKNOWN_CATEGORY', 'ROW_BAD_CHOICE']);

/** The first rows as the importer reads them; a cell with a problem is marked and explained. */
export function ImportPreviewTable({ preview, kinds = [], chosenKinds = {}, onChooseKind, onReadValue }: Props) {
  const { t, i18n } = useTranslation();
  const describe = useRowErrorText(preview.targets);
  const isMail = preview.format === 'mail';
  return (
    <section className="panel" aria-labelledby="preview-heading">
      <h2 id="preview-heading">{t('intake.previewTitle', { count: preview.rows.length, total: preview.totalRows })}</h2>
      <div className="preview-scroll">
        <table className="data-table compact preview-table" data-testid="import-preview">
          <thead>
            <tr>
              <th>{isMail ? t('intake.mail.number') : t('intake.row')}</th>
              <th>{t('intake.problems')}</th>
              {isMail && <th>{t('intake.mail.column')}</th>}
              {preview.headers.map((h, i) => (
                <th key={i}>
                  {!isMail && <span className="muted small">{columnLetter(i)}</span>} {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row) => {
              const bad = new Map(row.errors.filter((e) => e.column !== null).map((e) => [e.column!, describe(e)]));
              const flagged = new Map(row.warnings.filter((w) => w.column !== null).map((w) => [w.column!, describe(w)]));
              const clean = row.errors.length === 0 && row.warnings.length === 0;
              const chosen = chosenKinds[String(row.row)];
              // A row whose kind could not be read (or was chosen here) offers the campaign's kinds.
              // (A spreadsheet's unknown kind word is read as a kind instead, below, for every row holding it.)
              const needsKind =
                onChooseKind && kinds.length > 1 && (chosen !== undefined || row.errors.some((e) => e.target === 'sys.kind' && (isMail || e.value === '')));
              return (
                <tr key={row.row} className={row.errors.length ? 'row-error' : ''} data-testid={`preview-row-${row.row}`}>
                  <td className="num">{row.row}</td>
                  <td className={`problems ${clean ? 'ok' : ''}`}>
                    {clean ? '✓' : row.errors.map(describe).join(';')}
                    {row.warnings.length > 0 && <span className="row-warning">⚠ {row.warnings.map(describe).join(';')}</span>}
                    {needsKind && (
                      <label className="choose-kind">
                        {t('intake.mail.chooseKind')}{' '}
                        <select
                          value={chosen ?? ''}
                          data-testid={`choose-kind-${row.row}`}
                          onChange={(e) => onChooseKind!(row.row, (e.target.value || null) as EntryKind | null)}
                        >
                          <option value="">{t('intake.mail.kindNotChosen')}</option>
                          {kinds.map((k) => (
                            <option key={k.kind} value={k.kind}>
                              {localized(k.label, i18n.language)}
                            </option>
                          ))}
                        </select>
                      </label>
                    )}
                    {onReadValue &&
                      row.errors
                        .filter((e) => READABLE.has(e.code) && e.value !== '' && !(isMail && e.target === 'sys.kind') && (preview.choices[e.target]?.length ?? 0) > 0)
                        .map((e) => (
                          <label key={e.target} className="choose-kind">
                            {t('intake.readAs', { value: e.value })}{' '}
                            <select value="" data-testid={`read-value-${row.row}-${e.target}`} onChange={(ev) => ev.target.value && onReadValue(e.target, e.value, ev.target.value)}>
                              <option value="">{t('intake.readAsChoose')}</option>
                              {preview.choices[e.target].map((c) => (
                                <option key={c.value} value={c.value}>
                                  {localized(c.label, i18n.language)}
                                </option>
                              ))}
                            </select>
                          </label>
                        ))}
                  </td>
                  {isMail && <td>{row.mail && <MailRowCell mail={row.mail} />}</td>}
                  {preview.headers.map((_, i) => (
                    <td key={i} className={bad.has(i) ? 'cell-error' : flagged.has(i) ? 'cell-warning' : ''} title={bad.get(i) ?? flagged.get(i)}>
                      {row.cells[i] ?? ''}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
