import { useTranslation } from 'react-i18next';
import type { ColumnMapping, ImportPreview } from '../../../src-main/contract';
import { columnLetter } from '../files';
import { localized } from '../format';

/** Campaign fields on the left, the file's columns to choose from on the right. */
export function MappingTable({ preview, onChange }: { preview: ImportPreview; onChange(mapping: ColumnMapping): void }) {
  const { t, i18n } = useTranslation();
  const used = new Map<number, string>();
  for (const [key, column] of Object.entries(preview.mapping)) if (column !== null) used.set(column, key);

  return (
    <section className="panel" aria-labelledby="mapping-heading">
      <div className="section-head">
        <h2 id="mapping-heading">{t('intake.mappingTitle')}</h2>
        <span className="muted small">{t(`intake.mappingSource.${preview.mappingSource}`)}</span>
      </div>
      <div className="mapping-grid" data-testid="mapping-table">
        {preview.targets.map((target) => {
          const column = preview.mapping[target.key];
          const missing = target.required && column === null;
          return (
            <label key={target.key} className={`mapping-row ${missing ? 'missing' : ''}`}>
              <span className="mapping-target">
                {localized(target.label, i18n.language)}
                {target.required && <span className="required" aria-label={t('intake.required')}> *</span>}
              </span>
              <select
                value={column === null ? '' : String(column)}
                data-target={target.key}
                onChange={(e) => onChange({ ...preview.mapping, [target.key]: e.target.value === '' ? null : Number(e.target.value) })}
              >
                <option value="">{t('intake.notInFile')}</option>
                {preview.headers.map((header, index) => (
                  <option key={index} value={index}>
                    {columnLetter(index)} · {header || t('intake.untitledColumn')}
                    {used.has(index) && used.get(index) !== target.key ? ` (${t('intake.alsoUsed')})` : ''}
                  </option>
                ))}
              </select>
            </label>
          );
        })}
      </div>
    </section>
  );
}
