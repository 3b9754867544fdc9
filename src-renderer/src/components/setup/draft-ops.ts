// Draft changes that reach beyond the item being edited: a kind, category, field or certificate
// kind is named by key elsewhere in the definition (list feeds, completeness rules, a list's
// certificate), so adding, re-keying or deleting one updates those references too — otherwise the
// save would be refused for a dangling key the coordinator never saw.
import type { CampaignDefinition, CategoryDef, EntryKind, FieldDef, LocalizedText } from '../../../../src-main/contract';
import { fresh, replaceAt } from './draft-keys';
import { release, take } from './list-feeds';

type Def = CampaignDefinition;

export const emptyText = (): LocalizedText => ({ 'zh-CN': '', en: '' });

/** A new kind of entry; the first list takes it (the Lists section shows where and can move it). */
export function addKind(def: Def, kind: EntryKind, label: LocalizedText): Def {
  const next = { ...def, entryKinds: [...def.entryKinds, fresh({ kind, label, categories: [], fields: [], rules: [] })] };
  return def.lists.length ? take(next, 0, kind, null) : next;
}

/** Removes a kind added in this draft, and every feed that named it. */
export function removeKind(def: Def, index: number): Def {
  const kind = def.entryKinds[index].kind;
  const lists = def.lists.map((l) => ({ ...l, feeds: l.feeds.filter((f) => f.kind !== kind) }));
  return { ...def, entryKinds: def.entryKinds.filter((_, i) => i !== index), lists };
}

export function setCategories(def: Def, kindIndex: number, categories: CategoryDef[]): Def {
  return { ...def, entryKinds: replaceAt(def.entryKinds, kindIndex, { ...def.entryKinds[kindIndex], categories }) };
}

/** A fresh category's key changed: the feeds that named the old key name the new one. */
export function rekeyCategory(def: Def, kind: EntryKind, before: string, after: string): Def {
  if (before === after) return def;
  const lists = def.lists.map((l) => ({
    ...l,
    feeds: l.feeds.map((f) => (f.kind === kind && f.categories ? { ...f, categories: f.categories.map((c) => (c === before ? after : c)) } : f)),
  }));
  return { ...def, lists };
}

/** Deletes a category added in this draft, and takes it out of every list. */
export function removeCategory(def: Def, kindIndex: number, categoryIndex: number): Def {
  const kind = def.entryKinds[kindIndex];
  const key = kind.categories[categoryIndex].key;
  let next = setCategories(def, kindIndex, kind.categories.filter((_, i) => i !== categoryIndex));
  next.lists.forEach((l, i) => {
    if (l.feeds.some((f) => f.kind === kind.kind && f.categories?.includes(key))) next = release(next, i, kind.kind, key);
  });
  return next;
}

export function setFields(def: Def, kindIndex: number, fields: FieldDef[]): Def {
  return { ...def, entryKinds: replaceAt(def.entryKinds, kindIndex, { ...def.entryKinds[kindIndex], fields }) };
}

/** A fresh field's key changed (or it was deleted: `after` null): completeness rules follow. */
export function rekeyField(def: Def, kindIndex: number, before: string, after: string | null): Def {
  if (before === after) return def;
  const kind = def.entryKinds[kindIndex];
  const rules = kind.rules.map((r) => ({
    ...r,
    anyOf: r.anyOf.flatMap((o) => ('field' in o && o.field === before ? (after === null ? [] : [{ field: after }]) : [o])),
  }));
  return { ...def, entryKinds: replaceAt(def.entryKinds, kindIndex, { ...kind, rules }) };
}

/** A fresh certificate kind's key changed (or it was deleted: `after` null): lists awarding it follow. */
export function rekeyCertificate(def: Def, before: string, after: string | null): Def {
  if (before === after) return def;
  return { ...def, lists: def.lists.map((l) => (l.certificateKind === before ? { ...l, certificateKind: after } : l)) };
}

/** How every Setup section changes the draft: a function of the whole definition. */
export type Update = (change: (def: Def) => Def) => void;

/** What every Setup section receives: the draft, the definition as saved, and the way to change the draft. */
export interface SectionProps {
  draft: Def;
  original: Def;
  update: Update;
}
