// What a long list looked like when the user left its tab — its filter values and how far it was
// scrolled — kept per campaign and list for the session, so coming back shows the same place.
// A tab unmounts when another is chosen; this store outlives it (memory only, never persisted).
import { create } from 'zustand';

interface ListMemory {
  /** Filter (and similar) values by name, e.g. { query: 'SC', status: 'valid' }. */
  values: Record<string, unknown>;
  scrollTop: number;
}

interface ListMemoryState {
  lists: Record<string, ListMemory>;
  setValue(key: string, name: string, value: unknown): void;
  setScroll(key: string, scrollTop: number): void;
}

const EMPTY: ListMemory = { values: {}, scrollTop: 0 };

export const useListMemoryStore = create<ListMemoryState>((set) => ({
  lists: {},
  setValue: (key, name, value) =>
    set((s) => {
      const list = s.lists[key] ?? EMPTY;
      return { lists: { ...s.lists, [key]: { ...list, values: { ...list.values, [name]: value } } } };
    }),
  setScroll: (key, scrollTop) =>
    set((s) => {
      const list = s.lists[key] ?? EMPTY;
      if (list.scrollTop === scrollTop) return s;
      return { lists: { ...s.lists, [key]: { ...list, scrollTop } } };
    }),
}));

export function listMemoryKey(campaignId: string, list: string): string {
  return `${campaignId}\u0000${list}`;
}

/** The saved scroll position of a list (0 when none). */
export function keptScrollTop(key: string): number {
  return useListMemoryStore.getState().lists[key]?.scrollTop ?? 0;
}
