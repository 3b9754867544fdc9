// Document-wide keys for one viewer (see keys.ts for which keys and when they are ignored). The
// viewer is mounted only while shown, so two viewers never answer the same key.
import { useEffect } from 'react';
import { useLatest } from '../../hooks/useLatest';
import { previewKeyOf } from './keys';

/** A handler returns false when it did not act (the key then keeps its default behaviour). */
export type ShortcutMap = Partial<Record<string, () => boolean | void>>;

function modalOpenElsewhere(target: EventTarget | null): boolean {
  const modal = document.querySelector('dialog[open], [aria-modal="true"]');
  return modal !== null && !(target instanceof Node && modal.contains(target));
}

export function useShortcuts(map: ShortcutMap): void {
  const ref = useLatest(map);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target instanceof HTMLElement ? event.target : null;
      const key = previewKeyOf({ ...pick(event), target });
      if (key === null || modalOpenElsewhere(event.target)) return;
      const handler = ref.current[key];
      if (handler && handler() !== false) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ref]);
}

function pick(e: KeyboardEvent) {
  return {
    key: e.key,
    ctrlKey: e.ctrlKey,
    metaKey: e.metaKey,
    altKey: e.altKey,
    isComposing: e.isComposing,
    defaultPrevented: e.defaultPrevented,
  };
}
