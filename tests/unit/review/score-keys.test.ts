// The score panel's keyboard policy (src-renderer/src/components/review/scoreKeys.ts) and the
// queue's progress counts (contract queueProgress), shared by the core and the live renderer.
import { describe, expect, it } from 'vitest';
import { queueProgress } from '../../../src-main/contract/queue-progress';
import { eligibilityKey, isTextField, scoreKey } from '../../../src-renderer/src/components/review/scoreKeys';

const scale = { min: 0, max: 10, step: 0.5 };
const el = (tagName: string, type?: string, editable = false) => ({ tagName, isContentEditable: editable, getAttribute: (n: string) => (n === 'type' ? (type ?? null) : null) });

describe('digits score the current dimension unless the judge types', () => {
  it('treats text inputs, textareas, selects and editable content as typing, not a video seek bar or a button', () => {
    expect(isTextField(el('INPUT'))).toBe(true);
    expect(isTextField(el('INPUT', 'search'))).toBe(true);
    expect(isTextField(el('TEXTAREA'))).toBe(true);
    expect(isTextField(el('SELECT'))).toBe(true);
    expect(isTextField(el('DIV', undefined, true))).toBe(true);
    expect(isTextField(el('INPUT', 'range'))).toBe(false);
    expect(isTextField(el('INPUT', 'checkbox'))).toBe(false);
    expect(isTextField(el('BUTTON'))).toBe(false);
    expect(isTextField(el('VIDEO'))).toBe(false);
    expect(isTextField(null)).toBe(false);
  });

  it('combines two quick digits on the same dimension, not across dimensions or after the window', () => {
    const first = scoreKey('1', 'content', scale, null, null, 1000, false);
    expect(first).toMatchObject({ kind: 'set', value: 1 });
    const last = first.kind === 'set' ? first.lastDigit! : null;
    expect(scoreKey('0', 'content', scale, 1, last, 1300, false)).toMatchObject({ kind: 'set', value: 10 });
    expect(scoreKey('0', 'style', scale, null, last, 1300, false)).toMatchObject({ kind: 'set', value: 0 });
    expect(scoreKey('0', 'content', scale, 1, last, 2000, false)).toMatchObject({ kind: 'set', value: 0 });
  });

  it('swallows a digit above the scale and leaves arrows to other controls unless asked', () => {
    expect(scoreKey('7', 'x', { min: 1, max: 5, step: 1 }, null, null, 0, true).kind).toBe('swallow');
    expect(scoreKey('ArrowUp', 'x', scale, 6, null, 0, false).kind).toBe('ignore');
    expect(scoreKey('ArrowUp', 'x', scale, 6, null, 0, true)).toEqual({ kind: 'set', value: 6.5 });
    expect(scoreKey('ArrowDown', 'x', scale, null, null, 0, true)).toEqual({ kind: 'set', value: 0 });
    expect(scoreKey('Backspace', 'x', scale, 6, null, 0, true)).toEqual({ kind: 'set', value: null });
    expect(scoreKey('End', 'x', scale, 6, null, 0, true)).toEqual({ kind: 'set', value: 10 });
    expect(scoreKey('n', 'x', scale, 6, null, 0, true).kind).toBe('ignore');
  });

  it('gives eligibility items y / n / u and arrows', () => {
    expect(eligibilityKey('y')).toEqual({ kind: 'answer', answer: 'yes' });
    expect(eligibilityKey('N')).toEqual({ kind: 'answer', answer: 'no' });
    expect(eligibilityKey('u')).toEqual({ kind: 'answer', answer: 'unsure' });
    expect(eligibilityKey('ArrowDown')).toEqual({ kind: 'move', by: 1 });
    expect(eligibilityKey('ArrowUp')).toEqual({ kind: 'move', by: -1 });
    expect(eligibilityKey('5')).toBeNull();
  });
});

describe('queue progress', () => {
  it('counts a declared conflict apart from the entries done, overall and per category', () => {
    const rows = [
      { kind: 'work' as const, category: 'graphic', status: 'complete' as const },
      { kind: 'work' as const, category: 'graphic', status: 'conflict' as const },
      { kind: 'work' as const, category: 'video', status: 'in_progress' as const },
      { kind: 'work' as const, category: 'video', status: 'complete' as const },
    ];
    expect(queueProgress(rows)).toEqual({
      assigned: 4,
      finished: 2,
      conflicts: 1,
      byGroup: [
        { kind: 'work', category: 'graphic', assigned: 2, finished: 1, conflicts: 1 },
        { kind: 'work', category: 'video', assigned: 2, finished: 1, conflicts: 0 },
      ],
    });
  });
});
