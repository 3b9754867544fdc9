// The kinds of entries the programme takes (works, science accounts, individuals, committee
// applicants, health brands), each with its name in both languages and its categories. A kind
// added here starts in the first list (the Lists section can move it); a kind already saved stays —
// the core refuses removing a kind that has registrations.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntryKind } from '../../../../src-main/contract';
import { isFresh, replaceAt } from './draft-keys';
import { addKind, removeKind, type SectionProps } from './draft-ops';
import { CategoriesEditor } from './CategoriesEditor';
import { entryKindNames } from './setup-terms';
import { TextPair } from './SetupControls';

export function EntryKindsEditor(props: SectionProps) {
  const { draft, update } = props;
  const { t, i18n } = useTranslation();
  const unused = entryKindNames.filter((k) => !draft.entryKinds.some((x) => x.kind === k));
  const [adding, setAdding] = useState<EntryKind | ''>('');
  const choice = adding && unused.includes(adding) ? adding : (unused[0] ?? '');
  const add = () => {
    if (!choice) return;
    // The kind's usual name in both languages, ready to be reworded.
    const label = { 'zh-CN': i18n.getFixedT('zh-CN')(`setup.entryKinds.${choice}`), en: i18n.getFixedT('en')(`setup.entryKinds.${choice}`) };
    update((d) => addKind(d, choice, label));
    setAdding('');
  };
  return (
    <>
      <section className="panel" aria-labelledby="setup-kinds-title">
        <div className="section-head">
          <h2 id="setup-kinds-title">{t('setup.kinds')}</h2>
          {unused.length > 0 && (
            <span className="add-kind">
              <select value={choice} aria-label={t('setup.kindToAdd')} onChange={(e) => setAdding(e.target.value as EntryKind)} data-testid="setup-add-kind-select">
                {unused.map((k) => (
                  <option key={k} value={k}>
                    {t(`setup.entryKinds.${k}`)}
                  </option>
                ))}
              </select>
              <button type="button" onClick={add} data-testid="setup-add-kind">
                + {t('setup.addKind')}
              </button>
            </span>
          )}
        </div>
        <p className="muted small">{t('setup.kindsHint')}</p>
      </section>
      {draft.entryKinds.map((kind, ki) => (
        <section key={kind.kind} className="panel setup-kind" data-testid={`setup-kind-${kind.kind}`}>
          <div className="kind-head">
            <span className="kind-badge">{t(`setup.entryKinds.${kind.kind}`)}</span>
            <TextPair value={kind.label} onChange={(label) => update((d) => ({ ...d, entryKinds: replaceAt(d.entryKinds, ki, { ...d.entryKinds[ki], label }) }))} testId={`setup-kind-label-${kind.kind}`} />
            {isFresh(kind) && (
              <button type="button" className="subtle" onClick={() => update((d) => removeKind(d, ki))} data-testid={`setup-kind-remove-${kind.kind}`}>
                {t('setup.remove')}
              </button>
            )}
          </div>
          {kind.categories.length > 0 && <h3>{t('setup.categoriesOf', { kind: kind.label[i18n.language === 'zh-CN' ? 'zh-CN' : 'en'] || t(`setup.entryKinds.${kind.kind}`) })}</h3>}
          <CategoriesEditor {...props} kindIndex={ki} />
        </section>
      ))}
    </>
  );
}
