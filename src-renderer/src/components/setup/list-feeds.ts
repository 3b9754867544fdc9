// Which list takes which entries, as the Setup editor changes it. Every entry belongs to exactly
// one list (core/campaigns/validate-definition refuses overlaps and unfed categories), so ticking
// a kind or a category for a list *takes* it from whichever list had it: the coordinator never
// has to untick it elsewhere first. Unticking leaves it in no list; coverage() names what is left
// over so the editor can say so before a save is refused.
import type { CampaignDefinition, EntryKind, ListDef, ListFeed } from '../../../../src-main/contract';
import { replaceAt } from './draft-keys';

type Def = Pick<CampaignDefinition, 'entryKinds' | 'lists'>;

function categoryKeys(def: Def, kind: EntryKind): string[] {
  return def.entryKinds.find((k) => k.kind === kind)?.categories.map((c) => c.key) ?? [];
}

/** The index of the list that takes entries of `kind` in `category` (null: entries without one); -1: none. */
export function owningList(def: Def, kind: EntryKind, category: string | null): number {
  return def.lists.findIndex((l) =>
    l.feeds.some((f) => f.kind === kind && (f.categories === null || (category !== null && f.categories.includes(category)))),
  );
}

/** The feed of `list` for `kind`, if any. */
export function feedOf(list: ListDef, kind: EntryKind): ListFeed | undefined {
  return list.feeds.find((f) => f.kind === kind);
}

/** `list` without `categories` of `kind` (null: the whole kind); a whole-kind feed becomes the kind's other categories. */
function without(def: Def, list: ListDef, kind: EntryKind, categories: string[] | null): ListDef {
  const feeds = list.feeds.flatMap((f): ListFeed[] => {
    if (f.kind !== kind) return [f];
    if (categories === null) return [];
    const kept = (f.categories ?? categoryKeys(def, kind)).filter((c) => !categories.includes(c));
    return kept.length ? [{ kind, categories: kept }] : [];
  });
  return { ...list, feeds };
}

/** List `index` takes `categories` of `kind` (null: the whole kind), and no other list keeps them. */
export function take<D extends Def>(def: D, index: number, kind: EntryKind, categories: string[] | null): D {
  const lists = def.lists.map((list, i) => {
    if (i !== index) return without(def, list, kind, categories);
    const current = feedOf(list, kind);
    const merged = categories === null || current?.categories === null ? null : [...new Set([...(current?.categories ?? []), ...categories])];
    const feed: ListFeed = { kind, categories: categories === null ? null : merged };
    return { ...list, feeds: current ? list.feeds.map((f) => (f.kind === kind ? feed : f)) : [...list.feeds, feed] };
  });
  return { ...def, lists };
}

/** List `index` no longer takes `category` of `kind` (null: any of the kind). */
export function release<D extends Def>(def: D, index: number, kind: EntryKind, category: string | null): D {
  return { ...def, lists: replaceAt(def.lists, index, without(def, def.lists[index], kind, category === null ? null : [category])) };
}

export interface Coverage {
  /** Kinds and categories (null: the kind as a whole) that no list takes; retired categories need none. */
  unfed: { kind: EntryKind; category: string | null }[];
  /** Indexes of lists that take nothing. */
  empty: number[];
}

export function coverage(def: Def): Coverage {
  const unfed: Coverage['unfed'] = [];
  for (const kind of def.entryKinds) {
    if (def.lists.some((l) => l.feeds.some((f) => f.kind === kind.kind && f.categories === null))) continue;
    const open = kind.categories.filter((c) => !c.retired);
    if (open.length === 0) {
      if (owningList(def, kind.kind, null) < 0) unfed.push({ kind: kind.kind, category: null });
      continue;
    }
    for (const c of open) if (owningList(def, kind.kind, c.key) < 0) unfed.push({ kind: kind.kind, category: c.key });
  }
  const empty = def.lists.flatMap((l, i) => (l.feeds.length === 0 ? [i] : []));
  return { unfed, empty };
}
