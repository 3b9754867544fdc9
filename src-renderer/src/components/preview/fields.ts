// Which registration fields a view lists, in which order, with which label and shown value. The
// campaign definition is the source of labels and choice names; keys it does not know (extra
// columns kept at import, e.g. followers) get a translated or verbatim label.
import type { EntryKindDef, FieldDef } from '../../../../src-main/contract';

export interface ShownField {
  key: string;
  def: FieldDef | null;
  value: string;
}

/** Fields with a value, definition order first, then the extra keys in their stored order. */
export function shownFields(fields: Record<string, string>, kindDef: EntryKindDef | undefined, omit: readonly string[]): ShownField[] {
  const defs = kindDef?.fields ?? [];
  const skip = new Set(omit);
  const present = (key: string) => !skip.has(key) && (fields[key] ?? '').trim() !== '';
  const known = defs.filter((d) => present(d.key)).map((d) => ({ key: d.key, def: d, value: fields[d.key] }));
  const defined = new Set(defs.map((d) => d.key));
  const extra = Object.keys(fields)
    .filter((k) => !defined.has(k) && present(k))
    .map((k) => ({ key: k, def: null, value: fields[k] }));
  return [...known, ...extra];
}

/** Counts (followers…) read better grouped: 62000 → 62,000. Phone numbers are left alone. */
export const COUNT_FIELDS = new Set(['followers', 'fans', 'subscribers', 'views', 'likes', 'posts']);

export function isCount(key: string, value: string): boolean {
  return COUNT_FIELDS.has(key) && /^\d{1,15}$/.test(value.trim());
}
