// The latest value of a prop or callback, for listeners and timers that are set up once (a keydown
// or wheel listener, a job poll) and must call what the last render passed, not what the first did.
// The ref is written after the render commits (a layout effect, before any browser event can reach
// a listener), not during render: a render may be thrown away or repeated, and React's rules
// (react-hooks/refs) keep render free of such writes.
import { useLayoutEffect, useRef, type RefObject } from 'react';

export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
