// Keyboard policy of the score panel, kept pure for tests. Digits score the *current* dimension
// wherever the focus is (the video, a button, the page after a dialog closed), except while the
// judge types into a text field: a judge scoring 300 entries must never have to click back into
// the panel before a digit counts.

export interface TargetLike {
  tagName?: string;
  isContentEditable?: boolean;
  getAttribute?(name: string): string | null;
}

/** Input types that are not text: a digit typed while one of them has the focus is a score. */
const NON_TEXT_INPUTS = new Set(['range', 'checkbox', 'radio', 'button', 'submit', 'reset', 'color', 'file', 'image']);

/** True while the judge types into a field (text inputs, textareas, selects, editable content). */
export function isTextField(target: TargetLike | null | undefined): boolean {
  if (!target) return false;
  const tag = (target.tagName ?? '').toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable === true) return true;
  if (tag !== 'INPUT') return false;
  const type = (target.getAttribute?.('type') ?? 'text').toLowerCase();
  return !NON_TEXT_INPUTS.has(type);
}

export interface Scale {
  min: number;
  max: number;
  step: number;
}

export function clampToScale(scale: Scale, value: number): number {
  const { min, max, step } = scale;
  const snapped = Math.round((value - min) / step) * step + min;
  return Math.min(max, Math.max(min, Math.round(snapped * 1000) / 1000));
}

/** Two digits typed within this window make one number ("1" then "0" is 10 on a 0–10 scale). */
export const DIGIT_WINDOW_MS = 700;

export interface LastDigit {
  digit: number;
  at: number;
  /** The dimension the digit went to: a digit for another dimension never combines with it. */
  dimension: string;
}

export type ScoreKeyResult =
  | { kind: 'ignore' }
  /** The key is a score key but gives no valid score (e.g. 9 on a 0–5 scale): swallow it. */
  | { kind: 'swallow'; lastDigit?: LastDigit }
  | { kind: 'set'; value: number | null; lastDigit?: LastDigit };

/**
 * What a key does to a dimension's score. `navigation`: whether arrows/Home/End/Backspace may act
 * (they do on the score panel or the bare page, not while a video slider or a list has the focus).
 */
export function scoreKey(
  key: string,
  dimension: string,
  scale: Scale,
  value: number | null,
  lastDigit: LastDigit | null,
  now: number,
  navigation: boolean,
): ScoreKeyResult {
  const { min, max, step } = scale;
  if (/^[0-9]$/.test(key)) {
    const digit = Number(key);
    const combinable = lastDigit && lastDigit.dimension === dimension && now - lastDigit.at < DIGIT_WINDOW_MS;
    const combined = combinable ? lastDigit.digit * 10 + digit : null;
    const next = combined !== null && combined <= max ? combined : digit;
    const remembered = { digit, at: now, dimension };
    return next >= min && next <= max ? { kind: 'set', value: next, lastDigit: remembered } : { kind: 'swallow', lastDigit: remembered };
  }
  if (!navigation) return { kind: 'ignore' };
  if (key === 'ArrowUp' || key === 'ArrowRight') return { kind: 'set', value: clampToScale(scale, (value ?? min - step) + step) };
  if (key === 'ArrowDown' || key === 'ArrowLeft') return { kind: 'set', value: clampToScale(scale, (value ?? min + step) - step) };
  if (key === 'Backspace' || key === 'Delete') return { kind: 'set', value: null };
  if (key === 'Home') return { kind: 'set', value: min };
  if (key === 'End') return { kind: 'set', value: max };
  return { kind: 'ignore' };
}

/** Eligibility keys on the current item: y / n / u answer it, arrows move between items. */
export type EligibilityKey = { kind: 'answer'; answer: 'yes' | 'no' | 'unsure' } | { kind: 'move'; by: 1 | -1 } | null;

export function eligibilityKey(key: string): EligibilityKey {
  switch (key.toLowerCase()) {
    case 'y':
      return { kind: 'answer', answer: 'yes' };
    case 'n':
      return { kind: 'answer', answer: 'no' };
    case 'u':
      return { kind: 'answer', answer: 'unsure' };
    case 'arrowdown':
    case 'arrowright':
      return { kind: 'move', by: 1 };
    case 'arrowup':
    case 'arrowleft':
      return { kind: 'move', by: -1 };
    default:
      return null;
  }
}
