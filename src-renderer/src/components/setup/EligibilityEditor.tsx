// One list's eligibility checklist (committee selections: 执业医师, 主治及以上职称 …): each item
// with its name and the evidence judges look for, in both languages. Item keys are unique across
// lists (a stored answer names only its item), proposed from the English name like every key.
import { useTranslation } from 'react-i18next';
import type { EligibilityItem, ListDef, LocalizedText } from '../../../../src-main/contract';
import { allEligibility } from '../../../../src-main/contract/lists';
import { followKey, fresh, isFresh, proposeKey, removeAt, replaceAt } from './draft-keys';
import { emptyText, type SectionProps } from './draft-ops';
import { KeyCell, TextPair } from './SetupControls';

export function EligibilityEditor({ draft, original, listIndex, onChange }: Pick<SectionProps, 'draft' | 'original'> & { listIndex: number; onChange(next: ListDef): void }) {
  const { t } = useTranslation();
  const list = draft.lists[listIndex];
  const savedKeys = allEligibility(original).map((e) => e.key);
  const taken = (item: EligibilityItem | null) => [...allEligibility(draft).filter((e) => e !== item).map((e) => e.key), ...savedKeys];
  const setItem = (i: number, next: EligibilityItem) => onChange({ ...list, eligibility: replaceAt(list.eligibility, i, next) });
  const setLabel = (i: number, label: LocalizedText) => {
    const e = list.eligibility[i];
    setItem(i, { ...e, label, key: isFresh(e) ? followKey(e.key, e.label.en, label.en, taken(e), 'item') : e.key });
  };
  return (
    <section className="panel" aria-labelledby="setup-eligibility-title" data-testid="setup-eligibility">
      <h2 id="setup-eligibility-title">{t('overview.eligibility')}</h2>
      <p className="muted small">{t('setup.eligibilityHint')}</p>
      {list.eligibility.length > 0 && (
        <table className="data-table compact setup-table">
          <thead>
            <tr>
              <th className="col-key">{t('setup.key')}</th>
              <th>{t('setup.itemLabel')}</th>
              <th>{t('overview.evidence')}</th>
              <th className="col-actions-narrow" />
            </tr>
          </thead>
          <tbody>
            {list.eligibility.map((e, i) => (
              <tr key={i} data-testid={`setup-item-${i}`}>
                <td>
                  <KeyCell value={e.key} editable={isFresh(e)} onChange={(key) => setItem(i, { ...e, key })} testId={`setup-item-key-${i}`} />
                </td>
                <td>
                  <TextPair value={e.label} onChange={(label) => setLabel(i, label)} testId={`setup-item-${i}`} />
                </td>
                <td>
                  <TextPair value={e.evidence} onChange={(evidence) => setItem(i, { ...e, evidence })} testId={`setup-item-evidence-${i}`} />
                </td>
                <td>
                  <button type="button" className="subtle" onClick={() => onChange({ ...list, eligibility: removeAt(list.eligibility, i) })} data-testid={`setup-item-remove-${i}`}>
                    {t('setup.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button type="button" className="subtle add" onClick={() => onChange({ ...list, eligibility: [...list.eligibility, fresh({ key: proposeKey('', taken(null), 'item'), label: emptyText(), evidence: emptyText() })] })} data-testid="setup-add-item">
        + {t('setup.addItem')}
      </button>
    </section>
  );
}
