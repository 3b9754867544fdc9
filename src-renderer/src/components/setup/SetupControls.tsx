// The small inputs every Setup section is built from: a text in both languages, a key (fixed once
// saved), up/down buttons, a number that may be left empty, a comma-separated list of words.
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '../../../../src-main/contract';
import { cleanKey } from './draft-keys';

/** Chinese and English side by side; each input says which language it holds. */
export function TextPair({ value, onChange, testId, required = true, placeholder }: {
  value: LocalizedText;
  onChange(v: LocalizedText): void;
  testId: string;
  /** Empty is allowed (optional texts); otherwise an empty input is marked. */
  required?: boolean;
  placeholder?: LocalizedText;
}) {
  const { t } = useTranslation();
  return (
    <span className="text-pair">
      <input lang="zh-CN" required={required} aria-label={t('setup.zh')} placeholder={placeholder?.['zh-CN'] ?? t('setup.zh')} value={value['zh-CN']} onChange={(e) => onChange({ ...value, 'zh-CN': e.target.value })} data-testid={`${testId}-zh`} />
      <input lang="en" required={required} aria-label={t('setup.en')} placeholder={placeholder?.en ?? t('setup.en')} value={value.en} onChange={(e) => onChange({ ...value, en: e.target.value })} data-testid={`${testId}-en`} />
    </span>
  );
}

/** A saved key is shown as code and never changes; a new item's key may be typed (it follows the English name until then). */
export function KeyCell({ value, editable, onChange, testId }: { value: string; editable: boolean; onChange(key: string): void; testId?: string }) {
  const { t } = useTranslation();
  if (!editable) return <code className="saved-key" title={t('setup.keyFixed')} data-testid={testId}>{value}</code>;
  return (
    <input className="key-input" required pattern="[a-z][a-z0-9_]*" value={value} aria-label={t('setup.key')} title={t('setup.keyHint')} onChange={(e) => onChange(cleanKey(e.target.value))} data-testid={testId} />
  );
}

export function OrderButtons({ index, count, onMove, label }: { index: number; count: number; onMove(delta: number): void; label: string }) {
  const { t } = useTranslation();
  return (
    <span className="order-buttons">
      <button type="button" className="subtle icon" disabled={index === 0} aria-label={t('setup.moveUp', { item: label })} title={t('setup.moveUp', { item: label })} onClick={() => onMove(-1)}>
        ↑
      </button>
      <button type="button" className="subtle icon" disabled={index === count - 1} aria-label={t('setup.moveDown', { item: label })} title={t('setup.moveDown', { item: label })} onClick={() => onMove(1)}>
        ↓
      </button>
    </span>
  );
}

const parseNumber = (text: string): number | null => (text.trim() === '' || !Number.isFinite(Number(text)) ? null : Number(text));

/**
 * A number kept as typed ("0." on the way to "0.5" stays on screen); `nullable`: empty means none
 * (no limit, no expiry). A non-nullable one left empty keeps its last number.
 */
export function NumberInput({ value, onChange, nullable = false, testId, className = 'num-input', ...rest }: {
  value: number | null;
  onChange(v: number | null): void;
  nullable?: boolean;
  testId?: string;
  className?: string;
  min?: number;
  max?: number;
  step?: number | 'any';
  placeholder?: string;
  'aria-label'?: string;
  id?: string;
}) {
  const [text, setText] = useState(value === null ? '' : String(value));
  useEffect(() => {
    if (parseNumber(text) !== value) setText(value === null ? '' : String(value));
  }, [value]); // eslint-disable-line react-hooks/exhaustive-deps -- only an outside change of value resets the text; typing must not
  return (
    <input
      type="number"
      className={className}
      value={text}
      required={!nullable}
      onChange={(e) => {
        setText(e.target.value);
        const n = parseNumber(e.target.value);
        if (n !== null || nullable) onChange(n);
      }}
      data-testid={testId}
      {...rest}
    />
  );
}

/** Words separated by commas (Chinese 、 and ， too), kept as typed while editing. */
export function WordListInput({ value, onChange, testId, ...rest }: { value: readonly string[]; onChange(words: string[]): void; testId?: string; placeholder?: string; 'aria-label'?: string; className?: string }) {
  const { i18n } = useTranslation();
  const joiner = i18n.language === 'zh-CN' ? '，' : ', ';
  const split = (text: string) => text.split(/[,，、;；]/).map((w) => w.trim()).filter(Boolean);
  const [text, setText] = useState(value.join(joiner));
  useEffect(() => {
    if (split(text).join('\n') !== value.join('\n')) setText(value.join(joiner));
  }, [value]); // eslint-disable-line react-hooks/exhaustive-deps -- only an outside change of value resets the text; typing must not
  return (
    <input
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onChange(split(e.target.value));
      }}
      data-testid={testId}
      {...rest}
    />
  );
}

/** A labelled checkbox on one line. */
export function Check({ checked, onChange, children, testId, disabled, title }: { checked: boolean; onChange(v: boolean): void; children: ReactNode; testId?: string; disabled?: boolean; title?: string }) {
  return (
    <label className="checkbox" title={title}>
      <input type="checkbox" checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} data-testid={testId} />
      <span>{children}</span>
    </label>
  );
}

/** "Retired" next to an item no longer in use. */
export function RetiredBadge() {
  const { t } = useTranslation();
  return <span className="badge retired">{t('setup.retired')}</span>;
}
