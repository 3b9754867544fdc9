// Keyboard policy of the preview pane, kept pure for tests. The pane shares the keyboard with the
// score panel and the queue, which own digits, Tab, ArrowUp/ArrowDown, n, p, u, c and ?; the
// preview uses only the keys in PREVIEW_KEYS and never acts while someone types into a field.

/** Every key the preview reacts to (after normalizeKey). */
export const PREVIEW_KEYS = [' ', ',', '.', '<', '>', '[', ']', '+', '=', '-', 'w', 'f', 'Escape'] as const;

// With a Chinese input method switched to Chinese punctuation the same physical keys produce
// full-width characters; they mean the same thing here.
const FULL_WIDTH: Record<string, string> = {
  '，': ',',
  '。': '.',
  '《': '<',
  '》': '>',
  '【': '[',
  '】': ']',
  '＋': '+',
  '－': '-',
  '＝': '=',
  'Ｗ': 'w',
  'ｗ': 'w',
  'Ｆ': 'f',
  'ｆ': 'f',
  Spacebar: ' ',
};

export function normalizeKey(key: string): string {
  const mapped = FULL_WIDTH[key] ?? key;
  return mapped.length === 1 ? mapped.toLowerCase() : mapped;
}

export interface TargetLike {
  tagName?: string;
  isContentEditable?: boolean;
  getAttribute?(name: string): string | null;
}

/** Typing into a field: inputs (all types), textareas, selects and editable content. */
export function isTypingTarget(target: TargetLike | null | undefined): boolean {
  if (!target) return false;
  const tag = (target.tagName ?? '').toUpperCase();
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable === true;
}

const ACTIVATABLE_ROLES = new Set(['button', 'tab', 'checkbox', 'radio', 'switch', 'menuitem', 'option', 'link']);

/** Elements that Space already activates; pressing Space there must click them, not play video. */
export function isActivationTarget(target: TargetLike | null | undefined): boolean {
  if (!target) return false;
  const tag = (target.tagName ?? '').toUpperCase();
  if (tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY') return true;
  const role = target.getAttribute?.('role');
  return role !== null && role !== undefined && ACTIVATABLE_ROLES.has(role);
}

export interface KeyEventLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  isComposing?: boolean;
  defaultPrevented: boolean;
  target: TargetLike | null;
}

/** The normalised key the preview should act on, or null to leave the event alone. */
export function previewKeyOf(event: KeyEventLike): string | null {
  if (event.defaultPrevented || event.isComposing || event.key === 'Process') return null;
  if (event.ctrlKey || event.metaKey || event.altKey) return null; // browser and OS shortcuts
  if (isTypingTarget(event.target)) return null;
  const key = normalizeKey(event.key);
  if (!(PREVIEW_KEYS as readonly string[]).includes(key)) return null;
  if (key === ' ' && isActivationTarget(event.target)) return null;
  return key;
}
