// Keys and small list operations of the Setup editor's draft.
// Keys are how stored data names a definition item (a score names its dimension, an entry its
// category), so a key that was saved never changes; an item added in this draft is marked fresh
// and its key follows its English label (lower_snake, made unique with a suffix) until the
// coordinator types a key of their own — nobody has to invent one.
// The fresh mark is a symbol property: object spread keeps it while the draft is edited, and
// neither JSON nor structured clone carries it, so it never reaches the saved definition.

const FRESH = Symbol('fresh');

/** Marks an item as added in this draft (its key may still change; it may be deleted outright). */
export function fresh<T extends object>(item: T): T {
  return Object.assign(item, { [FRESH]: true });
}

export function isFresh(item: object): boolean {
  return (item as { [FRESH]?: boolean })[FRESH] === true;
}

/** "Brand value (2024)" → "brand_value_2024"; "" when nothing Latin is left (e.g. Chinese only). */
export function lowerSnake(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40)
    .replace(/_+$/, '');
}

/** A key for `label` that none of `taken` uses: "video", else "video_2", "video_3"… */
export function proposeKey(label: string, taken: Iterable<string>, fallback: string): string {
  let base = lowerSnake(label) || fallback;
  if (!/^[a-z]/.test(base)) base = `${fallback}_${base}`;
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}_${n}`)) return `${base}_${n}`;
}

/**
 * The key of a fresh item after its English label changed from `before` to `after`: it follows
 * the label while it is still the proposal for the old label (or empty); a key the coordinator
 * typed themselves stays.
 */
export function followKey(key: string, before: string, after: string, taken: readonly string[], fallback: string): string {
  if (key !== '' && key !== proposeKey(before, taken, fallback)) return key;
  return proposeKey(after, taken, fallback);
}

/** What a typed key may hold: lower-case letters, digits and underscores. */
export function cleanKey(typed: string): string {
  return typed.toLowerCase().replace(/[^a-z0-9_]/g, '_');
}

export function replaceAt<T>(items: readonly T[], index: number, next: T): T[] {
  return items.map((item, i) => (i === index ? next : item));
}

export function removeAt<T>(items: readonly T[], index: number): T[] {
  return items.filter((_, i) => i !== index);
}

/** The list with item `index` moved by `delta` places (up: -1, down: +1); unchanged at the ends. */
export function move<T>(items: readonly T[], index: number, delta: number): T[] {
  const to = index + delta;
  if (to < 0 || to >= items.length) return [...items];
  const next = [...items];
  const [item] = next.splice(index, 1);
  next.splice(to, 0, item);
  return next;
}
