// Completeness rules of one entry kind: "at least one of these" — fields with a value or linked
// media of a role (Sichuan: a science account needs its link or a screenshot). A new rule's key is
// made from what it asks for ("link_or_screenshot"), so nobody types one.
import { useTranslation } from 'react-i18next';
import type { EntryRule } from '../../../../src-main/contract';
import { localized } from '../../format';
import { fresh, isFresh, proposeKey, removeAt, replaceAt } from './draft-keys';
import type { SectionProps } from './draft-ops';
import { mediaRoleNames } from './setup-terms';
import { Check } from './SetupControls';

type Option = EntryRule['anyOf'][number];
const same = (a: Option, b: Option) => ('field' in a && 'field' in b && a.field === b.field) || ('media' in a && 'media' in b && a.media === b.media);
const optionKey = (o: Option) => ('field' in o ? o.field : o.media);

export function CompletenessRulesEditor({ draft, original, update, kindIndex }: SectionProps & { kindIndex: number }) {
  const { t, i18n } = useTranslation();
  const kind = draft.entryKinds[kindIndex];
  const savedKeys = original.entryKinds.find((k) => k.kind === kind.kind)?.rules.map((r) => r.key) ?? [];
  const setRules = (rules: EntryRule[]) => update((d) => ({ ...d, entryKinds: replaceAt(d.entryKinds, kindIndex, { ...d.entryKinds[kindIndex], rules }) }));

  const toggle = (ri: number, option: Option, on: boolean) => {
    const rule = kind.rules[ri];
    const anyOf = on ? [...rule.anyOf, option] : rule.anyOf.filter((o) => !same(o, option));
    const taken = [...kind.rules.filter((_, j) => j !== ri).map((r) => r.key), ...savedKeys];
    const key = isFresh(rule) ? proposeKey(anyOf.map(optionKey).join('_or_'), taken, 'rule') : rule.key;
    setRules(replaceAt(kind.rules, ri, { ...rule, anyOf, key }));
  };

  const fieldOptions = (rule: EntryRule) => kind.fields.filter((f) => !f.retired || rule.anyOf.some((o) => 'field' in o && o.field === f.key));
  return (
    <section className="panel" aria-labelledby="setup-rules-title" data-testid={`setup-rules-${kind.kind}`}>
      <h2 id="setup-rules-title">{t('setup.rules')}</h2>
      <p className="muted small">{t('setup.rulesHint')}</p>
      {kind.rules.length === 0 && <p className="muted">{t('setup.noRules')}</p>}
      {kind.rules.map((rule, ri) => (
        <div key={ri} className="rule" data-testid={`setup-rule-${kind.kind}-${ri}`}>
          <div className="rule-head">
            <strong>{t('setup.atLeastOneOf')}</strong>
            {!isFresh(rule) && <code className="saved-key" title={t('setup.keyFixed')}>{rule.key}</code>}
            <button type="button" className="subtle" onClick={() => setRules(removeAt(kind.rules, ri))} data-testid={`setup-rule-remove-${kind.kind}-${ri}`}>
              {t('setup.remove')}
            </button>
          </div>
          <div className="chip-checks">
            {fieldOptions(rule).map((f) => (
              <Check key={`field-${f.key}`} checked={rule.anyOf.some((o) => same(o, { field: f.key }))} onChange={(on) => toggle(ri, { field: f.key }, on)} testId={`setup-rule-${kind.kind}-${ri}-field-${f.key}`}>
                {t('setup.ruleField', { field: localized(f.label, i18n.language) || t('setup.unnamedField') })}
              </Check>
            ))}
            {mediaRoleNames.map((role) => (
              <Check key={`media-${role}`} checked={rule.anyOf.some((o) => same(o, { media: role }))} onChange={(on) => toggle(ri, { media: role }, on)} testId={`setup-rule-${kind.kind}-${ri}-media-${role}`}>
                {t(`setup.mediaRoles.${role}`)}
              </Check>
            ))}
          </div>
          {rule.anyOf.length < 2 && <p className="field-problem">{t('setup.ruleNeedsTwo')}</p>}
        </div>
      ))}
      <button type="button" className="subtle add" onClick={() => setRules([...kind.rules, fresh({ key: proposeKey('', [...kind.rules.map((r) => r.key), ...savedKeys], 'rule'), anyOf: [] })])} data-testid={`setup-add-rule-${kind.kind}`}>
        + {t('setup.addRule')}
      </button>
    </section>
  );
}
