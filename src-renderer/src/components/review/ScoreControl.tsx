// One rubric dimension as a keyboard-first slider: digits set a whole score ("1" then "0" quickly
// gives 10), arrows move by the step, Backspace clears, and the level descriptors are shown with
// the one the current score reaches highlighted.
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { RubricDimension } from '../../../../src-main/contract';
import { localized } from '../../format';

interface Props {
  dimension: RubricDimension;
  value: number | null;
  disabled: boolean;
  onChange(value: number | null): void;
}

const DIGIT_WINDOW_MS = 700;

export function clampToScale(dimension: RubricDimension, value: number): number {
  const { min, max, step } = dimension.scale;
  const snapped = Math.round((value - min) / step) * step + min;
  return Math.min(max, Math.max(min, Math.round(snapped * 1000) / 1000));
}

export function ScoreControl({ dimension, value, disabled, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const lastDigit = useRef<{ digit: number; at: number } | null>(null);
  const { min, max, step } = dimension.scale;
  const ticks = Array.from({ length: Math.floor(max - min) + 1 }, (_, i) => min + i);
  const reached = [...dimension.anchors].sort((a, b) => a.score - b.score).filter((a) => value !== null && value >= a.score).pop();

  function onKeyDown(e: React.KeyboardEvent) {
    if (disabled || e.altKey || e.ctrlKey || e.metaKey) return;
    if (/^[0-9]$/.test(e.key)) {
      const digit = Number(e.key);
      const now = Date.now();
      const previous = lastDigit.current;
      const combined = previous && now - previous.at < DIGIT_WINDOW_MS ? previous.digit * 10 + digit : null;
      const next = combined !== null && combined <= max ? combined : digit;
      lastDigit.current = { digit, at: now };
      if (next >= min && next <= max) onChange(next);
      e.preventDefault();
    } else if (e.key === 'ArrowUp' || e.key === 'ArrowRight') {
      onChange(clampToScale(dimension, (value ?? min - step) + step));
      e.preventDefault();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowLeft') {
      onChange(clampToScale(dimension, (value ?? min + step) - step));
      e.preventDefault();
    } else if (e.key === 'Backspace' || e.key === 'Delete') {
      onChange(null);
      e.preventDefault();
    } else if (e.key === 'Home') {
      onChange(min);
      e.preventDefault();
    } else if (e.key === 'End') {
      onChange(max);
      e.preventDefault();
    }
  }

  return (
    <div className={`score-control ${value === null ? 'empty' : ''}`} data-testid={`score-${dimension.key}`}>
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
          onKeyDown={onKeyDown}
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
