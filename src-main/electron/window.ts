// The one window, locked down (Electron's security checklist): the renderer from our own scheme
// (kepu-app://app), no Node in the page, sandboxed, isolated context, no plugins (entrants' PDFs
// open in their own window, see pdf-window.ts), no <webview>, no DevTools in a packaged build, no
// navigation away from the app, no pop-ups. Permissions: permissions.ts. It opens where it was left
// (window-state.ts) when that place is still on a display.
import { app, BrowserWindow, screen } from 'electron';
import { APP_INDEX_URL, isAppUrl } from './schemes';
import { DEFAULT_SIZE, loadWindowState, MIN_SIZE, type RestoredWindow, restoreWindow, trackWindowState } from './window-state';

export interface WindowPaths {
  preload: string;
  /** The data folder, where the window's size and position are kept; none: default size, not kept. */
  dataDir?: string;
}

export function mainWindowOptions(paths: WindowPaths, title: string, restored?: RestoredWindow): Electron.BrowserWindowConstructorOptions {
  return {
    ...(restored?.bounds ?? DEFAULT_SIZE),
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title,
    show: false,
    webPreferences: {
      preload: paths.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      plugins: false,
      // DevTools would let anyone at the keyboard call every channel by hand; development only.
      devTools: !app.isPackaged,
    },
  };
}

/**
 * Frames inside the page may show only inert content: srcdoc (sanitised HTML) and the app's own
 * pages. No blob: frames: exports print from their own file in a window of their own (print.ts).
 */
export function isAllowedSubframeUrl(url: string): boolean {
  return url.startsWith('about:') || isAppUrl(url);
}

/** The work areas of the displays connected now, the primary one first. */
function currentWorkAreas(): Electron.Rectangle[] {
  const primary = screen.getPrimaryDisplay();
  return [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea);
}

export function createMainWindow(paths: WindowPaths, title: string): BrowserWindow {
  const restored = paths.dataDir ? restoreWindow(loadWindowState(paths.dataDir), currentWorkAreas()) : undefined;
  const win = new BrowserWindow(mainWindowOptions(paths, title, restored));
  if (restored?.maximized) win.maximize();
  if (paths.dataDir) trackWindowState(win, paths.dataDir);
  const contents = win.webContents;
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  // A link inside an entrant's HTML preview must not take its frame anywhere.
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame && !isAllowedSubframeUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // No pop-ups and no hand-off to a browser: entrants' links are shown as text (DESIGN.md §3).
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_INDEX_URL);
  return win;
}
