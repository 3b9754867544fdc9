// One rubric dimension: its score, the level descriptors (the one the score reaches highlighted)
// and clickable ticks. The keys themselves are read by the score panel (see scoreKeys.ts), which
// sends them to the *current* dimension: this one when it is marked `current`. Focusing its score
// or clicking anywhere in it (the description too) makes it current.
import { useTranslation } from 'react-i18next';
import type { RubricDimension } from '../../../../src-main/contract';
import { localized } from '../../format';

interface Props {
  dimension: RubricDimension;
  value: number | null;
  disabled: boolean;
  /** The dimension digits go to; drawn marked. */
  current: boolean;
  onActivate(): void;
  onChange(value: number | null): void;
}

export function ScoreControl({ dimension, value, disabled, current, onActivate, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { min, max } = dimension.scale;
  const ticks = Array.from({ length: Math.floor(max - min) + 1 }, (_, i) => min + i);
  const reached = [...dimension.anchors].sort((a, b) => a.score - b.score).filter((a) => value !== null && value >= a.score).pop();

  return (
    <div
      className={`score-control ${value === null ? 'empty' : ''} ${current ? 'current' : ''}`}
      data-testid={`score-${dimension.key}`}
      data-current={current ? 'true' : undefined}
      onClick={(e) => {
        onActivate();
        // Keep the focus on the score (not the page) so Tab goes on from here.
        if (!disabled && !(e.target instanceof HTMLButtonElement)) e.currentTarget.querySelector<HTMLElement>('[role="slider"]')?.focus();
      }}
    >
      <div className="score-head">
        <span className="score-label">{localized(dimension.label, lang)}</span>
        <span className="muted small">{t('review.weight', { percent: Math.round(dimension.weight * 100) })}</span>
        <span
          className="score-value"
          role="slider"
          tabIndex={disabled ? -1 : 0}
          aria-label={localized(dimension.label, lang)}
          aria-valuemin={min}
          aria-valuemax={max}
          aria-valuenow={value ?? undefined}
          aria-valuetext={value === null ? t('review.notScored') : String(value)}
          aria-disabled={disabled}
          aria-current={current ? 'true' : undefined}
          onFocus={onActivate}
          data-testid={`score-value-${dimension.key}`}
        >
          {value === null ? '–' : value}
          <span className="muted small"> / {max}</span>
        </span>
      </div>
      <div className="muted small">{localized(dimension.description, lang)}</div>
      <div className="score-ticks" aria-hidden="true">
        {ticks.map((tick) => (
          <button
            key={tick}
            type="button"
            tabIndex={-1}
            disabled={disabled}
            className={value !== null && Math.floor(value) === tick ? (value === tick ? 'on' : 'half') : ''}
            onClick={() => onChange(tick)}
          >
            {tick}
          </button>
        ))}
      </div>
      {dimension.anchors.length > 0 && (
        <ul className="anchors small">
          {dimension.anchors.map((a) => (
            <li key={a.score} className={reached?.score === a.score ? 'reached' : ''}>
              <strong>{a.score}</strong> {localized(a.label, lang)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
