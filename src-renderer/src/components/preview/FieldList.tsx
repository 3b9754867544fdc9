// Registration fields as label/value pairs, two columns when the pane is wide enough. Links are
// text with a copy button (LinkText), choices show their label, counts are grouped.
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntryKindDef } from '../../../../src-main/contract';
import { formatCount, localized } from '../../format';
import { isCount, shownFields, type ShownField } from './fields';
import { LinkText } from './LinkText';

interface Props {
  fields: Record<string, string>;
  kindDef: EntryKindDef | undefined;
  omit?: readonly string[];
  /** Keys listed first (and in this order). */
  first?: readonly string[];
  className?: string;
}

export function useFieldText() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const label = (f: ShownField) =>
    f.def
      ? localized(f.def.label, lang)
      : f.key === 'followers'
        ? t('preview.followers')
        : t(`entries.extraFields.${f.key}`, { defaultValue: f.key });
  const value = (f: ShownField): JSX.Element | string => {
    if (f.def?.type === 'url' || /^https?:\/\//i.test(f.value.trim())) return <LinkText url={f.value.trim()} />;
    const choice = f.def?.choices?.find((c) => c.key === f.value);
    if (choice) return localized(choice.label, lang);
    if (isCount(f.key, f.value)) return formatCount(Number(f.value), lang);
    return f.value;
  };
  return { label, value };
}

export function FieldList({ fields, kindDef, omit = [], first = [], className }: Props): JSX.Element | null {
  const text = useFieldText();
  const shown = shownFields(fields, kindDef, omit);
  const rank = (key: string) => (first.includes(key) ? first.indexOf(key) : first.length);
  const ordered = [...shown].sort((a, b) => rank(a.key) - rank(b.key));
  if (ordered.length === 0) return null;
  return (
    <dl className={`pv-fields${className ? ` ${className}` : ''}`}>
      {ordered.map((f) => (
        <div key={f.key} className={`pv-field${f.def?.type === 'longtext' ? ' wide' : ''}`}>
          <dt>{text.label(f)}</dt>
          <dd>{text.value(f)}</dd>
        </div>
      ))}
    </dl>
  );
}
