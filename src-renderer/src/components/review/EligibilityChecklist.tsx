// Committee campaigns: each eligibility criterion answered yes / no / unsure with a note on the
// evidence seen. Answers save on click; notes save when the field is left.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EligibilityItem, ReviewState } from '../../../../src-main/contract';
import { localized } from '../../format';

type Answer = 'yes' | 'no' | 'unsure';
const ANSWERS: Answer[] = ['yes', 'no', 'unsure'];

export function EligibilityChecklist({
  items,
  review,
  disabled,
  onAnswer,
}: {
  items: EligibilityItem[];
  review: ReviewState;
  disabled: boolean;
  onAnswer(item: string, answer: Answer | null, note: string): void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <fieldset className="eligibility-list" disabled={disabled}>
      <legend>{t('review.eligibility')}</legend>
      {items.map((item) => (
        <EligibilityRow key={`${review.entryId}-${item.key}`} item={item} lang={i18n.language} current={review.eligibility[item.key]} onAnswer={onAnswer} t={t} />
      ))}
    </fieldset>
  );
}

function EligibilityRow({
  item,
  lang,
  current,
  onAnswer,
  t,
}: {
  item: EligibilityItem;
  lang: string;
  current: { answer: Answer; note: string } | undefined;
  onAnswer(item: string, answer: Answer | null, note: string): void;
  t: (key: string) => string;
}) {
  const [note, setNote] = useState(current?.note ?? '');
  return (
    <div className="eligibility-item" data-testid={`eligibility-${item.key}`}>
      <div className="eligibility-text">
        {localized(item.label, lang)}
        <div className="muted small">{localized(item.evidence, lang)}</div>
      </div>
      <div className="segmented" role="radiogroup" aria-label={localized(item.label, lang)}>
        {ANSWERS.map((a) => (
          <button
            key={a}
            type="button"
            role="radio"
            aria-checked={current?.answer === a}
            className={current?.answer === a ? `on ${a}` : ''}
            onClick={() => onAnswer(item.key, current?.answer === a ? null : a, note)}
          >
            {t(`review.answers.${a}`)}
          </button>
        ))}
      </div>
      <input
        type="text"
        className="eligibility-note"
        value={note}
        placeholder={t('review.evidenceNote')}
        onChange={(e) => setNote(e.target.value)}
        onBlur={() => current && note !== current.note && onAnswer(item.key, current.answer, note)}
      />
    </div>
  );
}
