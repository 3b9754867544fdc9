// Where an import's registration numbers come from: a column of the file, or numbers the app
// generates (prefix + sequence) and remembers by a key the coordinator picks, so the next export of
// the same questionnaire updates the same entries. Shown when the file has no number column, when
// it is a questionnaire export, or when numbers are being generated.
import { useTranslation } from 'react-i18next';
import type { ImportPreview, RegNoGeneration } from '../../../src-main/contract';
import { columnLetter } from '../files';

interface Props {
  preview: ImportPreview;
  /** The file's own headers (the generated column left out). */
  headers: string[];
  onChange(generation: RegNoGeneration | null): void;
}

export const DEFAULT_PREFIX = 'BM-';

export function RegNoChoice({ preview, headers, onChange }: Props) {
  const { t } = useTranslation();
  const generated = preview.generatedRegNos;
  const fromFile = !generated && preview.mapping['sys.regNo'] !== null && preview.mapping['sys.regNo'] !== undefined;
  if (preview.format === 'mail' || (fromFile && !preview.questionnaire)) return null;
  const unique = new Set(preview.uniqueColumns);
  // Columns that could key the numbers: all-different ones first, then the rest.
  const keyOptions = [...headers.keys()].sort((a, b) => Number(unique.has(b)) - Number(unique.has(a)) || a - b);
  const firstKey = preview.uniqueColumns[0] ?? 0;
  const label = (column: number) =>
    `${columnLetter(column)} · ${headers[column] || t('intake.untitledColumn')}${unique.has(column) ? ` ${t('intake.generate.allDifferent')}` : ''}`;
  const setKey = (at: number, value: string) => {
    if (!generated) return;
    const keys = [...generated.keyColumns];
    if (value === '') keys.splice(at, 1);
    else keys[at] = Number(value);
    if (keys.length > 0) onChange({ keyColumns: [...new Set(keys)], prefix: generated.prefix });
  };

  return (
    <section className="panel reg-no-choice" aria-labelledby="reg-no-heading" data-testid="reg-no-choice">
      <div className="section-head">
        <h2 id="reg-no-heading">{t('intake.generate.title')}</h2>
        {preview.questionnaire && (
          <span className="badge" data-testid="questionnaire-source">
            {t('intake.generate.recognised', {
              service: t(`intake.questionnaire.${preview.questionnaire.source}`),
              count: preview.questionnaire.ignoredColumns.length,
            })}
          </span>
        )}
      </div>
      <div className="stacked">
        <label className="radio-line">
          <input type="radio" name="reg-no-source" checked={!generated} onChange={() => onChange(null)} data-testid="reg-no-from-file" />
          {t('intake.generate.fromFile')}
        </label>
        <label className="radio-line">
          <input
            type="radio"
            name="reg-no-source"
            checked={generated !== null}
            onChange={() => onChange({ keyColumns: [firstKey], prefix: DEFAULT_PREFIX })}
            data-testid="reg-no-generate"
          />
          {t('intake.generate.generate')}
        </label>
        {generated && (
          <div className="row wrap reg-no-generation">
            <label>
              {t('intake.generate.prefix')}{' '}
              <input
                type="text"
                className="short"
                value={generated.prefix}
                maxLength={12}
                pattern="[A-Za-z0-9-]*"
                data-testid="reg-no-prefix"
                onChange={(e) => {
                  const prefix = e.target.value.replace(/[^A-Za-z0-9-]/g, '');
                  onChange({ keyColumns: generated.keyColumns, prefix });
                }}
              />
            </label>
            <label>
              {t('intake.generate.key')}{' '}
              <select value={String(generated.keyColumns[0])} onChange={(e) => setKey(0, e.target.value)} data-testid="reg-no-key">
                {keyOptions.map((c) => (
                  <option key={c} value={c}>
                    {label(c)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('intake.generate.keyAlso')}{' '}
              <select value={generated.keyColumns[1] === undefined ? '' : String(generated.keyColumns[1])} onChange={(e) => setKey(1, e.target.value)} data-testid="reg-no-key-2">
                <option value="">{t('intake.generate.noSecondKey')}</option>
                {keyOptions
                  .filter((c) => c !== generated.keyColumns[0])
                  .map((c) => (
                    <option key={c} value={c}>
                      {label(c)}
                    </option>
                  ))}
              </select>
            </label>
            <span className="muted small" data-testid="reg-no-counts">
              {t('intake.generate.counts', { example: `${generated.prefix}0001`, fresh: generated.fresh, known: generated.known })}
            </span>
          </div>
        )}
        <p className="muted small">{generated ? t('intake.generate.hint') : t('intake.generate.fromFileHint')}</p>
      </div>
    </section>
  );
}
