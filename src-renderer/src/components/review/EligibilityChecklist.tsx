// Committee campaigns: each eligibility criterion answered yes / no / unsure with a note on the
// evidence seen. Answers save on click or by key (y / n / u on the item that has the focus, arrows
// move between items); notes save when the field is left.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EligibilityItem, ReviewAsset, ReviewState } from '../../../../src-main/contract';
import { useEvidenceFocusStore } from '../../stores/useEvidenceFocusStore';
import { Icon } from '../preview/icons';
import { localized } from '../../format';
import { eligibilityKey } from './scoreKeys';

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
  const list = useRef<HTMLFieldSetElement>(null);
  const [focused, setFocused] = useState<string | null>(null);
  const focusItem = (index: number) => list.current?.querySelectorAll<HTMLElement>('.eligibility-answers')[index]?.focus();
  return (
    <fieldset className="eligibility-list" disabled={disabled} ref={list}>
      <legend>
        {t('review.eligibility')} <span className="muted small">{t('review.eligibilityKeys')}</span>
      </legend>
      {items.map((item, index) => (
        <EligibilityRow
          key={`${review.entryId}-${item.key}`}
          item={item}
          lang={i18n.language}
          current={review.eligibility[item.key]}
          evidence={review.assets.filter((a) => a.eligibilityItem === item.key)}
          focused={focused === item.key}
          onFocus={(on) => setFocused((f) => (on ? item.key : f === item.key ? null : f))}
          onMove={(by) => focusItem(Math.min(items.length - 1, Math.max(0, index + by)))}
          onAnswer={disabled ? () => undefined : onAnswer}
          t={t}
        />
      ))}
    </fieldset>
  );
}

function EligibilityRow({
  item,
  lang,
  current,
  evidence,
  focused,
  onFocus,
  onMove,
  onAnswer,
  t,
}: {
  item: EligibilityItem;
  lang: string;
  current: { answer: Answer; note: string } | undefined;
  /** The entry's files tied to this item (issue 16): a click opens one in the preview. */
  evidence: ReviewAsset[];
  focused: boolean;
  onFocus(on: boolean): void;
  onMove(by: 1 | -1): void;
  onAnswer(item: string, answer: Answer | null, note: string): void;
  t: (key: string) => string;
}) {
  const [note, setNote] = useState(current?.note ?? '');
  const showEvidence = useEvidenceFocusStore((s) => s.show);
  return (
    <div className={`eligibility-item ${focused ? 'current' : ''}`} data-testid={`eligibility-${item.key}`} data-answer={current?.answer ?? ''}>
      <div className="eligibility-text" onClick={(e) => (e.currentTarget.nextElementSibling as HTMLElement | null)?.focus()}>
        {localized(item.label, lang)}
        <div className="muted small">{localized(item.evidence, lang)}</div>
      </div>
      <div
        className="segmented eligibility-answers"
        role="radiogroup"
        tabIndex={0}
        aria-label={localized(item.label, lang)}
        aria-keyshortcuts="y n u ArrowUp ArrowDown"
        data-testid={`eligibility-answers-${item.key}`}
        onFocus={() => onFocus(true)}
        onBlur={() => onFocus(false)}
        onKeyDown={(e) => {
          if (e.altKey || e.ctrlKey || e.metaKey) return;
          const action = eligibilityKey(e.key);
          if (!action) return;
          // Handled here: the workspace's n / u (next entry) must not also act.
          e.preventDefault();
          if (action.kind === 'move') onMove(action.by);
          else onAnswer(item.key, action.answer, note);
        }}
      >
        {ANSWERS.map((a) => (
          <button
            key={a}
            type="button"
            role="radio"
            tabIndex={-1}
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
      {/* After the answers and the note: Tab goes from the rubric straight to the answers (the keyboard flow), then here. */}
      {evidence.length > 0 && (
        <div className="eligibility-evidence" data-testid={`evidence-${item.key}`}>
          {evidence.map((a) => (
            <button
              key={a.id}
              type="button"
              className="link small"
              title={t('review.showEvidence')}
              onClick={() => showEvidence(a.id)}
            >
              <Icon name="file" size={13} /> {a.fileName}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
