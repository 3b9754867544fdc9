import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../src-main/contract';
import { columnLetter } from '../files';
import { useRowErrorText } from '../hooks/useRowErrorText';

/** The first rows as the importer reads them; a cell with a problem is marked and explained. */
export function ImportPreviewTable({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const describe = useRowErrorText(preview.targets);
  return (
    <section className="panel" aria-labelledby="preview-heading">
      <h2 id="preview-heading">{t('intake.previewTitle', { count: preview.rows.length, total: preview.totalRows })}</h2>
      <div className="preview-scroll">
        <table className="data-table compact preview-table" data-testid="import-preview">
          <thead>
            <tr>
              <th>{t('intake.row')}</th>
              <th>{t('intake.problems')}</th>
              {preview.headers.map((h, i) => (
                <th key={i}>
                  <span className="muted small">{columnLetter(i)}</span> {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row) => {
              const bad = new Map(row.errors.filter((e) => e.column !== null).map((e) => [e.column!, describe(e)]));
              const flagged = new Map(row.warnings.filter((w) => w.column !== null).map((w) => [w.column!, describe(w)]));
              const clean = row.errors.length === 0 && row.warnings.length === 0;
              return (
                <tr key={row.row} className={row.errors.length ? 'row-error' : ''}>
                  <td className="num">{row.row}</td>
                  <td className={`problems ${clean ? 'ok' : ''}`}>
                    {clean ? '✓' : row.errors.map(describe).join(';')}
                    {row.warnings.length > 0 && <span className="row-warning">⚠ {row.warnings.map(describe).join(';')}</span>}
                  </td>
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
