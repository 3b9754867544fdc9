// A long list's filter values and scroll position that survive switching tabs (stores/useListMemoryStore).
// useKeptValue is useState whose value lives in the store under (campaign, list, name).
// useKeptScroll watches the list's scrolling box — the element given ('own'), or the app's main
// area the tab scrolls in ('main') — and puts the saved position back once the
// list has its rows (`ready`), since before that the box is too short to scroll.
import { useCallback, useEffect, useRef } from 'react';
import { keptScrollTop, listMemoryKey, useListMemoryStore } from '../stores/useListMemoryStore';

export function useKeptValue<T>(campaignId: string, list: string, name: string, initial: T): [T, (next: T) => void] {
  const key = listMemoryKey(campaignId, list);
  const stored = useListMemoryStore((s) => s.lists[key]?.values[name]) as T | undefined;
  const setValue = useListMemoryStore((s) => s.setValue);
  const set = useCallback((next: T) => setValue(key, name, next), [setValue, key, name]);
  return [stored === undefined ? initial : stored, set];
}

/** The list's scrolling box: the element itself, or the app's main area most tabs scroll in. */
function scrollingBox(el: HTMLElement | null, where: 'own' | 'main'): HTMLElement | null {
  if (!el) return null;
  return where === 'own' ? el : el.closest<HTMLElement>('.app-main');
}

/**
 * Returns a ref for an element of the list (or the scrolling box itself). The position is saved as
 * the user scrolls and restored once, the first time `ready` is true after the tab was opened.
 */
export function useKeptScroll<E extends HTMLElement>(campaignId: string, list: string, ready: boolean, where: 'own' | 'main' = 'own') {
  const key = listMemoryKey(campaignId, list);
  const ref = useRef<E>(null);
  const restored = useRef(false);
  // The position saved when this tab was left, read once: the list's own "new filter starts at
  // the top" reset must not overwrite what is to be restored.
  const saved = useRef(keptScrollTop(key));

  useEffect(() => {
    const box = scrollingBox(ref.current, where);
    if (!box || !ready) return;
    const onScroll = () => {
      if (restored.current) useListMemoryStore.getState().setScroll(key, box.scrollTop);
    };
    box.addEventListener('scroll', onScroll, { passive: true });
    return () => box.removeEventListener('scroll', onScroll);
  }, [key, ready, where]);

  useEffect(() => {
    if (!ready || restored.current) return;
    const box = scrollingBox(ref.current, where);
    restored.current = true;
    // Always set: a tab scrolling in the shared main area must not keep the last tab's position.
    if (box) box.scrollTop = saved.current;
  }, [ready, where]);

  return ref;
}
