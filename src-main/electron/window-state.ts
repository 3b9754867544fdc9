// The main window opens where it was left: size, position and maximized state, kept in a small
// JSON file in the data folder (window-state.json, written atomically). Saved bounds are used only
// when they still fit a display that exists now: a laptop undocked from its second monitor, or a
// projector unplugged, must not open the window off screen where nobody can reach it. The choice
// is a pure function of the saved state and the current displays, tested with simulated displays.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../core/files/atomic-write';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const SavedWindowState = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean(),
});
export type SavedWindowState = z.infer<typeof SavedWindowState>;

export const WINDOW_STATE_FILE = 'window-state.json';
export const DEFAULT_SIZE = { width: 1366, height: 860 } as const;
export const MIN_SIZE = { width: 1024, height: 640 } as const;
/** How much of the title bar must lie on one display's work area for the window to be reachable. */
const VISIBLE_TITLE_WIDTH = 200;
const VISIBLE_TITLE_HEIGHT = 32;

export interface RestoredWindow {
  /** Position and size; no x/y: let the OS place (centre) the window. */
  bounds: { x?: number; y?: number; width: number; height: number };
  maximized: boolean;
}

function overlap(a: Rect, b: Rect): Rect | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null;
}

/**
 * Where to open the window, given what was saved (or null) and the work areas of the displays
 * connected now. Saved bounds are kept when the title bar is reachable on one display, shrunk to
 * that display when larger than it; otherwise the saved size (fitted to the primary display) opens
 * centred there. Maximized is kept either way (it maximizes on the display the window opens on).
 */
export function restoreWindow(saved: SavedWindowState | null, workAreas: readonly Rect[]): RestoredWindow {
  const primary = workAreas[0];
  const fit = (size: { width: number; height: number }, area: Rect | undefined) => ({
    width: Math.max(MIN_SIZE.width, area ? Math.min(size.width, area.width) : size.width),
    height: Math.max(MIN_SIZE.height, area ? Math.min(size.height, area.height) : size.height),
  });
  if (!saved) return { bounds: fit(DEFAULT_SIZE, primary), maximized: false };
  const titleBar: Rect = { x: saved.x, y: saved.y, width: saved.width, height: VISIBLE_TITLE_HEIGHT };
  const home = workAreas.find((area) => {
    const seen = overlap(titleBar, area);
    return seen !== null && seen.width >= Math.min(VISIBLE_TITLE_WIDTH, saved.width) && seen.height >= VISIBLE_TITLE_HEIGHT && saved.y >= area.y;
  });
  if (!home) return { bounds: fit(saved, primary), maximized: saved.maximized };
  const size = fit(saved, home);
  // Pulled back inside the display when the saved window hangs over its right or bottom edge.
  const x = Math.min(Math.max(saved.x, home.x), home.x + home.width - size.width);
  const y = Math.min(Math.max(saved.y, home.y), home.y + home.height - size.height);
  return { bounds: { x, y, ...size }, maximized: saved.maximized };
}

/** The saved state, or null when there is none or it is unreadable (then the default opens). */
export function loadWindowState(dataDir: string): SavedWindowState | null {
  try {
    const parsed = SavedWindowState.safeParse(JSON.parse(fs.readFileSync(path.join(dataDir, WINDOW_STATE_FILE), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Writes the state; `bounds` are the normal (not maximized) bounds, so un-maximizing goes back there. */
export function saveWindowState(dataDir: string, bounds: Rect, maximized: boolean): void {
  const state: SavedWindowState = { x: Math.round(bounds.x), y: Math.round(bounds.y), width: Math.round(bounds.width), height: Math.round(bounds.height), maximized };
  if (!SavedWindowState.safeParse(state).success) return;
  writeFileAtomic(path.join(dataDir, WINDOW_STATE_FILE), `${JSON.stringify(state, null, 2)}\n`);
}

/** The slice of BrowserWindow the tracker needs (a recorder stands in for it in the tests). */
export interface TrackedWindow {
  getNormalBounds(): Rect;
  isMaximized(): boolean;
  isDestroyed(): boolean;
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'close', listener: () => void): unknown;
}

/**
 * Saves the window's state when it is closed, and (debounced) after it was moved or resized, so a
 * crash or a forced shutdown keeps the last arrangement too.
 */
export function trackWindowState(win: TrackedWindow, dataDir: string, delayMs = 1000): void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const save = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (win.isDestroyed()) return;
    try {
      saveWindowState(dataDir, win.getNormalBounds(), win.isMaximized());
    } catch {
      // A full disk or a read-only data folder costs the remembered position, nothing else.
    }
  };
  const later = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, delayMs);
  };
  for (const event of ['resize', 'move'] as const) win.on(event, later);
  for (const event of ['maximize', 'unmaximize', 'close'] as const) win.on(event, save);
}
