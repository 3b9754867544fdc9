// A long list's filter values and scroll position that survive switching tabs (stores/useListMemoryStore).
// useKeptValue is useState whose value is also kept in the store under (campaign, list, name).
// useKeptScroll watches the list's scrolling box — the element given ('own'), or the app's main
// area the tab scrolls in ('main') — and puts the saved position back once the
// list has its rows (`ready`), since before that the box is too short to scroll.
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { keptScrollTop, listMemoryKey, useListMemoryStore } from '../stores/useListMemoryStore';

export function useKeptValue<T>(campaignId: string, list: string, name: string, initial: T): [T, (next: T) => void] {
  const key = listMemoryKey(campaignId, list);
  // Local state, written through to the store and read from it once when the tab mounts: no
  // subscription, so a kept value never re-renders a list for a change elsewhere in the store.
  const [value, setLocal] = useState<T>(() => {
    const kept = useListMemoryStore.getState().lists[key]?.values[name];
    return kept === undefined ? initial : (kept as T);
  });
  const set = useCallback(
    (next: T) => {
      setLocal(next);
      useListMemoryStore.getState().setValue(key, name, next);
    },
    [key, name],
  );
  return [value, set];
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

  // A layout effect: its cleanup runs in the same commit that swaps the tab, before the browser
  // reports the main area's scroll clamped by the shorter next tab (which must not be saved).
  useLayoutEffect(() => {
    const box = scrollingBox(ref.current, where);
    if (!box || !ready) return;
    const save = () => useListMemoryStore.getState().setScroll(key, box.scrollTop);
    if (restored.current) {
      box.addEventListener('scroll', save, { passive: true });
      return () => box.removeEventListener('scroll', save);
    }
    // Restoring. The rest of the tab may still be loading (a tab in the main area is as tall as
    // all its panels, and the browser's scroll anchoring moves the box as panels above arrive):
    // the kept position is set again each frame until the box takes it, the user scrolls (wheel,
    // pointer, key, touch), or five seconds pass; from then on every scroll is saved.
    // Always set, even 0: a tab in the shared main area must not keep the last tab's position.
    const target = keptScrollTop(key);
    const started = performance.now();
    let frame = 0;
    const inputs = ['wheel', 'pointerdown', 'keydown', 'touchstart'] as const;
    const stop = () => {
      cancelAnimationFrame(frame);
      for (const type of inputs) box.removeEventListener(type, finish);
    };
    function finish() {
      stop();
      box!.addEventListener('scroll', save, { passive: true });
      restored.current = true;
      save();
    }
    const attempt = () => {
      box.scrollTop = target;
      if (Math.abs(box.scrollTop - target) <= 1 || performance.now() - started > 5000) finish();
      else frame = requestAnimationFrame(attempt);
    };
    for (const type of inputs) box.addEventListener(type, finish, { passive: true });
    attempt();
    return () => {
      stop();
      box.removeEventListener('scroll', save);
    };
  }, [key, ready, where]);

  return ref;
}
