// Full screen for one element via the Fullscreen API. Where the API is unavailable or refused (an
// Electron session whose permission handler denies "fullscreen" leaves the promise pending), the
// element is instead maximised over the window with CSS; Esc leaves either mode.
import { useCallback, useEffect, useState, type RefObject } from 'react';

const GIVE_UP_MS = 700;

export interface Fullscreen {
  active: boolean;
  /** Maximised over the window only (the API was not available). */
  emulated: boolean;
  toggle(): void;
  exit(): boolean;
}

export function useFullscreen(ref: RefObject<HTMLElement | null>): Fullscreen {
  const [native, setNative] = useState(false);
  const [emulated, setEmulated] = useState(false);

  useEffect(() => {
    const onChange = () => {
      const on = document.fullscreenElement !== null && document.fullscreenElement === ref.current;
      setNative(on);
      if (on) setEmulated(false);
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, [ref]);

  // Leave native full screen when the viewer goes away (next entry, other tab).
  useEffect(
    () => () => {
      if (document.fullscreenElement && document.fullscreenElement === ref.current) void document.exitFullscreen().catch(() => {});
    },
    [ref],
  );

  const exit = useCallback((): boolean => {
    if (document.fullscreenElement && document.fullscreenElement === ref.current) {
      void document.exitFullscreen().catch(() => {});
      return true;
    }
    if (emulated) {
      setEmulated(false);
      return true;
    }
    return false;
  }, [emulated, ref]);

  const toggle = useCallback(() => {
    const element = ref.current;
    if (!element || exit()) return;
    if (!document.fullscreenEnabled || typeof element.requestFullscreen !== 'function') {
      setEmulated(true);
      return;
    }
    let settled = false;
    const timer = window.setTimeout(() => {
      if (!settled) setEmulated(true);
    }, GIVE_UP_MS);
    element.requestFullscreen().then(
      () => {
        settled = true;
        window.clearTimeout(timer);
      },
      () => {
        settled = true;
        window.clearTimeout(timer);
        setEmulated(true);
      },
    );
  }, [exit, ref]);

  return { active: native || emulated, emulated, toggle, exit };
}
