// The registration fields of one entry kind: name in both languages, type, required, whether it
// identifies the entrant (hidden from judges under blind review), the header names a spreadsheet
// may use for it, and the choices of a choice field. A saved field is retired rather than deleted
// (its values stay with the entries); one added in this draft can be deleted. Below the fields:
// the kind's completeness rules.
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldDef, FieldType, LocalizedText } from '../../../../src-main/contract';
import { localized } from '../../format';
import { followKey, fresh, isFresh, move, proposeKey, removeAt, replaceAt } from './draft-keys';
import { emptyText, rekeyField, setFields, type SectionProps } from './draft-ops';
import { ChoicesEditor } from './ChoicesEditor';
import { CompletenessRulesEditor } from './CompletenessRulesEditor';
import { fieldTypeNames } from './setup-terms';
import { KeyCell, OrderButtons, RetiredBadge, TextPair, WordListInput } from './SetupControls';

export function FieldsEditor(props: SectionProps & { kindIndex: number; onKind(index: number): void }) {
  const { draft, original, update, kindIndex, onKind } = props;
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const ki = Math.min(kindIndex, draft.entryKinds.length - 1);
  const kind = draft.entryKinds[ki];
  const [open, setOpen] = useState<string | null>(null);
  const savedKeys = original.entryKinds.find((k) => k.kind === kind.kind)?.fields.map((f) => f.key) ?? [];
  const takenBy = (i: number) => [...kind.fields.filter((_, j) => j !== i).map((f) => f.key), ...savedKeys];

  const setField = (i: number, next: FieldDef) => update((d) => rekeyField(setFields(d, ki, replaceAt(d.entryKinds[ki].fields, i, next)), ki, kind.fields[i].key, next.key));
  const setLabel = (i: number, label: LocalizedText) => {
    const f = kind.fields[i];
    setField(i, { ...f, label, key: isFresh(f) ? followKey(f.key, f.label.en, label.en, takenBy(i), 'field') : f.key });
  };
  const setType = (i: number, type: FieldType) => {
    const f = kind.fields[i];
    setField(i, { ...f, type, choices: type === 'choice' ? (f.choices ?? []) : undefined });
    if (type === 'choice') setOpen(`${kind.kind}-${i}`);
  };
  const add = () =>
    update((d) =>
      setFields(d, ki, [
        ...d.entryKinds[ki].fields,
        fresh({ key: proposeKey('', [...kind.fields.map((f) => f.key), ...savedKeys], 'field'), label: emptyText(), type: 'text' as FieldType, required: false, aliases: [], identifying: false }),
      ]),
    );

  return (
    <>
      <section className="panel" aria-labelledby="setup-fields-title">
        <div className="section-head">
          <h2 id="setup-fields-title">{t('setup.fields')}</h2>
          <div className="picker" role="tablist" aria-label={t('setup.kinds')}>
            {draft.entryKinds.map((k, i) => (
              <button key={k.kind} type="button" role="tab" aria-selected={i === ki} className={i === ki ? 'on' : ''} onClick={() => onKind(i)} data-testid={`setup-fields-kind-${k.kind}`}>
                {localized(k.label, lang) || t(`setup.entryKinds.${k.kind}`)}
              </button>
            ))}
          </div>
        </div>
        <p className="muted small">{t('setup.fieldsHint')}</p>
        <table className="data-table compact setup-table setup-fields" data-testid={`setup-fields-${kind.kind}`}>
          <thead>
            <tr>
              <th className="col-order" />
              <th className="col-key">{t('setup.key')}</th>
              <th>{t('setup.label')}</th>
              <th className="col-type">{t('setup.fieldType')}</th>
              <th className="col-flag flag">{t('setup.required')}</th>
              <th className="col-flag flag" title={t('setup.identifyingHint')}>{t('setup.identifying')}</th>
              <th className="col-actions field-actions" />
            </tr>
          </thead>
          <tbody>
            {kind.fields.map((f, i) => {
              const name = localized(f.label, lang) || f.key;
              const id = `${kind.kind}-${i}`;
              return (
                <Fragment key={i}>
                  <tr className={f.retired ? 'retired-row' : undefined} data-testid={`setup-field-${id}`}>
                    <td>
                      <OrderButtons index={i} count={kind.fields.length} label={name} onMove={(delta) => update((d) => setFields(d, ki, move(d.entryKinds[ki].fields, i, delta)))} />
                    </td>
                    <td>
                      <KeyCell value={f.key} editable={isFresh(f)} onChange={(key) => setField(i, { ...f, key })} testId={`setup-field-key-${id}`} />
                    </td>
                    <td>
                      <div className="label-cell">
                        <TextPair value={f.label} onChange={(label) => setLabel(i, label)} testId={`setup-field-${id}`} />
                        {f.retired && <RetiredBadge />}
                      </div>
                    </td>
                    <td>
                      <select value={f.type} aria-label={t('setup.fieldType')} onChange={(e) => setType(i, e.target.value as FieldType)} data-testid={`setup-field-type-${id}`}>
                        {fieldTypeNames.map((type) => (
                          <option key={type} value={type}>
                            {t(`setup.fieldTypes.${type}`)}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td className="flag">
                      <input type="checkbox" aria-label={t('setup.required')} checked={f.required} onChange={(e) => setField(i, { ...f, required: e.target.checked })} data-testid={`setup-field-required-${id}`} />
                    </td>
                    <td className="flag">
                      <input type="checkbox" aria-label={t('setup.identifying')} checked={f.identifying ?? false} onChange={(e) => setField(i, { ...f, identifying: e.target.checked })} data-testid={`setup-identifying-${kind.kind}-${f.key}`} />
                    </td>
                    <td className="row-actions">
                      <button type="button" className="subtle" aria-expanded={open === id} onClick={() => setOpen(open === id ? null : id)} title={f.type === 'choice' ? t('setup.choicesAndAliases') : t('setup.aliases')} data-testid={`setup-field-details-${id}`}>
                        {t('setup.details')} {open === id ? '▴' : '▾'}
                      </button>
                      <button type="button" className="subtle" onClick={() => setField(i, { ...f, retired: f.retired ? undefined : true })} data-testid={`setup-field-retire-${id}`}>
                        {f.retired ? t('setup.unretire') : t('setup.retire')}
                      </button>
                      {isFresh(f) && (
                        <button type="button" className="subtle" onClick={() => update((d) => setFields(rekeyField(d, ki, f.key, null), ki, removeAt(d.entryKinds[ki].fields, i)))} data-testid={`setup-field-remove-${id}`}>
                          {t('setup.remove')}
                        </button>
                      )}
                    </td>
                  </tr>
                  {(open === id || (f.type === 'choice' && !f.choices?.length)) && (
                    <tr className="detail-row">
                      <td />
                      <td colSpan={6}>
                        <label className="stacked">
                          <span className="stacked-title">{t('setup.aliasesLabel')}</span>
                          <WordListInput value={f.aliases} onChange={(aliases) => setField(i, { ...f, aliases })} placeholder={t('setup.aliasesPlaceholder')} aria-label={t('setup.aliasesLabel')} className="wide-input" testId={`setup-field-aliases-${id}`} />
                        </label>
                        {f.type === 'choice' && <ChoicesEditor choices={f.choices ?? []} saved={original.entryKinds.find((k) => k.kind === kind.kind)?.fields.find((x) => x.key === f.key)?.choices ?? []} onChange={(choices) => setField(i, { ...f, choices })} testId={`setup-field-choices-${id}`} />}
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
        <button type="button" className="subtle add" onClick={add} data-testid="setup-add-field">
          + {t('setup.addField')}
        </button>
      </section>
      <CompletenessRulesEditor {...props} kindIndex={ki} />
    </>
  );
}
