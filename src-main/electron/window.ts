// The one window, locked down (Electron's security checklist): the renderer from our own scheme
// (kepu-app://app), no Node in the page, sandboxed, isolated context, no plugins (entrants' PDFs
// open in their own window, see pdf-window.ts), no <webview>, no DevTools in a packaged build, no
// navigation away from the app, no pop-ups. Permissions: permissions.ts.
import { app, BrowserWindow } from 'electron';
import { APP_INDEX_URL, isAppUrl } from './schemes';

export interface WindowPaths {
  preload: string;
}

export function mainWindowOptions(paths: WindowPaths, title: string): Electron.BrowserWindowConstructorOptions {
  return {
    width: 1366,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
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

/** Frames inside the page may show only inert content: srcdoc (sanitised HTML) and blob: (print). */
export function isAllowedSubframeUrl(url: string): boolean {
  return url.startsWith('about:') || url.startsWith('blob:') || isAppUrl(url);
}

export function createMainWindow(paths: WindowPaths, title: string): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(paths, title));
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
