import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnMapping, ImportPreview, MappingTarget } from '../../../src-main/contract';
import { columnLetter } from '../files';
import { localized } from '../format';

/** The select's value for "one value for every row" (not a column). */
const CONSTANT = 'constant';

interface Props {
  preview: ImportPreview;
  onChange(mapping: ColumnMapping): void;
  /** One value for every row for a target the file has no column for (null: stop). */
  onConstant?(target: string, value: string | null): void;
}

/** Campaign fields on the left, the file's columns to choose from on the right. */
export function MappingTable({ preview, onChange, onConstant }: Props) {
  const { t, i18n } = useTranslation();
  const used = new Map<number, string>();
  for (const [key, column] of Object.entries(preview.mapping)) if (column !== null && !preview.constants[key]) used.set(column, key);
  // Columns the importer added (generated numbers, constants) are not the file's to choose.
  const added = new Set([...Object.values(preview.constants).map((c) => c.column), ...(preview.generatedRegNos ? [preview.generatedRegNos.column] : [])]);
  const [asking, setAsking] = useState<string | null>(null);

  return (
    <section className="panel" aria-labelledby="mapping-heading">
      <div className="section-head">
        <h2 id="mapping-heading">{t('intake.mappingTitle')}</h2>
        <span className="muted small">{t(`intake.mappingSource.${preview.mappingSource}`)}</span>
      </div>
      <div className="mapping-grid" data-testid="mapping-table">
        {preview.targets.map((target) => {
          const constant = preview.constants[target.key];
          const column = preview.mapping[target.key];
          const missing = target.required && column === null;
          const value = constant || asking === target.key ? CONSTANT : column === null ? '' : String(column);
          return (
            <div key={target.key} className={`mapping-row ${missing ? 'missing' : ''}`}>
              <label className="mapping-target" htmlFor={`map-${target.key}`}>
                {localized(target.label, i18n.language)}
                {target.required && <span className="required" aria-label={t('intake.required')}> *</span>}
              </label>
              <div className="mapping-choice">
                <select
                  id={`map-${target.key}`}
                  value={value}
                  data-target={target.key}
                  onChange={(e) => {
                    const next = e.target.value;
                    if (next === CONSTANT) return setAsking(target.key);
                    setAsking(null);
                    if (constant) onConstant?.(target.key, null);
                    onChange({ ...preview.mapping, [target.key]: next === '' ? null : Number(next) });
                  }}
                >
                  <option value="">{t('intake.notInFile')}</option>
                  {onConstant && target.key !== 'sys.regNo' && <option value={CONSTANT}>{t('intake.constant.option')}</option>}
                  {preview.headers.map((header, index) =>
                    added.has(index) && index !== column ? null : (
                      <option key={index} value={index} hidden={added.has(index)}>
                        {columnLetter(index)} · {header || t('intake.untitledColumn')}
                        {used.has(index) && used.get(index) !== target.key ? ` (${t('intake.alsoUsed')})` : ''}
                      </option>
                    ),
                  )}
                </select>
                {value === CONSTANT && onConstant && <ConstantValue target={target} preview={preview} current={constant?.value ?? ''} onSet={(v) => onConstant(target.key, v)} />}
              </div>
            </div>
          );
        })}
      </div>
    </section>
  );
}

/** The value for every row: one of the allowed values, or a text typed and confirmed. */
function ConstantValue({ target, preview, current, onSet }: { target: MappingTarget; preview: ImportPreview; current: string; onSet(value: string): void }) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState(current);
  const choices = preview.choices[target.key];
  if (choices && choices.length > 0) {
    return (
      <select value={current} aria-label={t('intake.constant.valueFor', { field: localized(target.label, i18n.language) })} data-testid={`constant-${target.key}`} onChange={(e) => e.target.value && onSet(e.target.value)}>
        <option value="">{t('intake.constant.choose')}</option>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {localized(c.label, i18n.language)}
          </option>
        ))}
      </select>
    );
  }
  return (
    <input
      type="text"
      value={text}
      aria-label={t('intake.constant.valueFor', { field: localized(target.label, i18n.language) })}
      placeholder={t('intake.constant.typeValue')}
      data-testid={`constant-${target.key}`}
      onChange={(e) => setText(e.target.value)}
      onBlur={() => text.trim() && text.trim() !== current && onSet(text.trim())}
      onKeyDown={(e) => e.key === 'Enter' && text.trim() && onSet(text.trim())}
    />
  );
}
