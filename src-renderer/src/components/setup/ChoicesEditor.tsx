// The choices of a choice field (e.g. 推荐方式: 本人自荐 / 单位推介). A saved choice keeps its key
// (stored answers name it); a new one's key follows its English name.
import { useTranslation } from 'react-i18next';
import type { FieldDef, LocalizedText } from '../../../../src-main/contract';
import { followKey, fresh, isFresh, move, proposeKey, removeAt, replaceAt } from './draft-keys';
import { emptyText } from './draft-ops';
import { KeyCell, OrderButtons, TextPair } from './SetupControls';

type Choice = NonNullable<FieldDef['choices']>[number];

export function ChoicesEditor({ choices, saved, onChange, testId }: { choices: Choice[]; saved: Choice[]; onChange(next: Choice[]): void; testId: string }) {
  const { t, i18n } = useTranslation();
  const savedKeys = saved.map((c) => c.key);
  const takenBy = (i: number) => [...choices.filter((_, j) => j !== i).map((c) => c.key), ...savedKeys];
  const setLabel = (i: number, label: LocalizedText) => {
    const c = choices[i];
    onChange(replaceAt(choices, i, { ...c, label, key: isFresh(c) ? followKey(c.key, c.label.en, label.en, takenBy(i), 'choice') : c.key }));
  };
  return (
    <div className="choices" data-testid={testId}>
      <span className="stacked-title">{t('setup.choices')}</span>
      {choices.length === 0 && <p className="field-problem">{t('setup.choicesNone')}</p>}
      {choices.map((c, i) => (
        <div key={i} className="setup-row">
          <OrderButtons index={i} count={choices.length} label={c.label[i18n.language === 'zh-CN' ? 'zh-CN' : 'en'] || c.key} onMove={(d) => onChange(move(choices, i, d))} />
          <KeyCell value={c.key} editable={isFresh(c)} onChange={(key) => onChange(replaceAt(choices, i, { ...c, key }))} />
          <TextPair value={c.label} onChange={(label) => setLabel(i, label)} testId={`${testId}-${i}`} />
          <button type="button" className="subtle" onClick={() => onChange(removeAt(choices, i))}>
            {t('setup.remove')}
          </button>
        </div>
      ))}
      <button type="button" className="subtle add" onClick={() => onChange([...choices, fresh({ key: proposeKey('', [...choices.map((c) => c.key), ...savedKeys], 'choice'), label: emptyText() })])} data-testid={`${testId}-add`}>
        + {t('setup.addChoice')}
      </button>
    </div>
  );
}
