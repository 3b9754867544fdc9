// Small inline icons (no icon font, no remote assets). Decorative: buttons carry the label.
import type { JSX } from 'react';

export type IconName =
  | 'play'
  | 'pause'
  | 'frameBack'
  | 'frameForward'
  | 'prev'
  | 'next'
  | 'zoomIn'
  | 'zoomOut'
  | 'fitWidth'
  | 'fitPage'
  | 'fullscreen'
  | 'exitFullscreen'
  | 'copy'
  | 'file'
  | 'eyeOff'
  | 'volume'
  | 'muted';

const PATHS: Record<IconName, JSX.Element> = {
  play: <path d="M7 4.5v15l12-7.5z" fill="currentColor" stroke="none" />,
  pause: <path d="M7 5h3.5v14H7zM13.5 5H17v14h-3.5z" fill="currentColor" stroke="none" />,
  frameBack: <path d="M6 5v14M18 5.5 9 12l9 6.5z" />,
  frameForward: <path d="M18 5v14M6 5.5 15 12l-9 6.5z" />,
  prev: <path d="M15 5l-7 7 7 7" />,
  next: <path d="M9 5l7 7-7 7" />,
  zoomIn: <path d="M11 7v8M7 11h8M16 16l4.5 4.5M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14z" />,
  zoomOut: <path d="M7 11h8M16 16l4.5 4.5M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14z" />,
  fitWidth: <path d="M3 12h18M7 8l-4 4 4 4M17 8l4 4-4 4" />,
  fitPage: <path d="M6 3h12v18H6zM9 8h6M9 12h6M9 16h4" />,
  fullscreen: <path d="M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5" />,
  exitFullscreen: <path d="M9 4v5H4M20 9h-5V4M15 20v-5h5M4 15h5v5" />,
  copy: <path d="M9 9h10v11H9zM5 15V4h10" />,
  file: <path d="M6 3h8l4 4v14H6zM14 3v4h4" />,
  eyeOff: <path d="M3 3l18 18M10.6 6.1A9.8 9.8 0 0 1 12 6c5 0 9 6 9 6a15 15 0 0 1-2.6 3.2M6.6 7.7C4.4 9.2 3 12 3 12s4 6 9 6a8.6 8.6 0 0 0 4.2-1.1M9.9 10a3 3 0 0 0 4.2 4.2" />,
  volume: <path d="M4 9h4l5-4v14l-5-4H4zM16.5 8.5a5 5 0 0 1 0 7M19 6a8.5 8.5 0 0 1 0 12" />,
  muted: <path d="M4 9h4l5-4v14l-5-4H4zM17 9.5l5 5M22 9.5l-5 5" />,
};

export function Icon({ name, size = 18 }: { name: IconName; size?: number }): JSX.Element {
  return (
    <svg
      className="pv-icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {PATHS[name]}
    </svg>
  );
}
