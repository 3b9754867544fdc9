import { describe, expect, it } from 'vitest';
import {
  isActivationTarget,
  isTypingTarget,
  normalizeKey,
  PREVIEW_KEYS,
  previewKeyOf,
  type KeyEventLike,
} from '../../../src-renderer/src/components/preview/keys';

const event = (key: string, over: Partial<KeyEventLike> = {}): KeyEventLike => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  isComposing: false,
  defaultPrevented: false,
  target: { tagName: 'DIV' },
  ...over,
});

describe('preview keyboard', () => {
  it('leaves the score panel and queue keys alone', () => {
    for (const key of ['1', '5', '0', 'Tab', 'ArrowUp', 'ArrowDown', 'n', 'p', 'u', 'c', '?', 'N']) {
      expect(previewKeyOf(event(key)), key).toBeNull();
    }
    for (const key of ['n', 'p', 'u', 'c', '?', 'Tab', 'ArrowUp', 'ArrowDown']) expect(PREVIEW_KEYS).not.toContain(key);
    expect(PREVIEW_KEYS.some((k) => /^[0-9]$/.test(k))).toBe(false);
  });

  it('ignores keys typed into inputs, text areas, selects and editable content', () => {
    for (const tagName of ['INPUT', 'TEXTAREA', 'SELECT']) expect(previewKeyOf(event(' ', { target: { tagName } }))).toBeNull();
    expect(previewKeyOf(event(']', { target: { tagName: 'DIV', isContentEditable: true } }))).toBeNull();
    expect(isTypingTarget({ tagName: 'input' })).toBe(true);
  });

  it('lets Space click a focused button instead of toggling playback', () => {
    expect(previewKeyOf(event(' ', { target: { tagName: 'BUTTON' } }))).toBeNull();
    expect(previewKeyOf(event(' ', { target: { tagName: 'DIV', getAttribute: () => 'tab' } }))).toBeNull();
    expect(previewKeyOf(event(' '))).toBe(' ');
    expect(previewKeyOf(event(']', { target: { tagName: 'BUTTON' } }))).toBe(']');
    expect(isActivationTarget({ tagName: 'DIV', getAttribute: () => null })).toBe(false);
  });

  it('ignores browser shortcuts, input-method composition and handled events', () => {
    expect(previewKeyOf(event('+', { ctrlKey: true }))).toBeNull();
    expect(previewKeyOf(event('f', { metaKey: true }))).toBeNull();
    expect(previewKeyOf(event('Process'))).toBeNull();
    expect(previewKeyOf(event(',', { isComposing: true }))).toBeNull();
    expect(previewKeyOf(event('.', { defaultPrevented: true }))).toBeNull();
  });

  it('understands full-width punctuation from a Chinese input method and capital letters', () => {
    expect(normalizeKey('，')).toBe(',');
    expect(normalizeKey('。')).toBe('.');
    expect(normalizeKey('《')).toBe('<');
    expect(normalizeKey('】')).toBe(']');
    expect(previewKeyOf(event('W'))).toBe('w');
    expect(previewKeyOf(event('【'))).toBe('[');
  });
});
