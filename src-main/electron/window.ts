// The one window, locked down: no Node in the page, sandboxed, isolated context, no navigation
// away from the app, no pop-ups, no permission prompts (camera, notifications…) ever granted.
import { BrowserWindow, session } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface WindowPaths {
  preload: string;
  rendererIndex: string;
}

export function rendererUrlPrefix(rendererIndex: string): string {
  return pathToFileURL(path.dirname(rendererIndex)).href + '/';
}

export function createMainWindow(paths: WindowPaths, title: string): BrowserWindow {
  // Only full screen (the gallery and video viewers) is ever granted; camera, mic, notifications… never.
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) => callback(permission === 'fullscreen'));
  const win = new BrowserWindow({
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
      webSecurity: true,
      spellcheck: false,
      // The built-in PDF viewer for application PDFs (kepu-media: only; navigation stays locked).
      plugins: true,
    },
  });
  const allowed = rendererUrlPrefix(paths.rendererIndex);
  win.webContents.on('will-navigate', (event, url) => {
    if (!url.startsWith(allowed)) event.preventDefault();
  });
  // A link clicked inside a previewed PDF must not take its frame anywhere.
  win.webContents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame && !event.url.startsWith('kepu-media:') && !event.url.startsWith('about:')) event.preventDefault();
  });
  // No pop-ups and no hand-off to a browser: entrants' links are shown as text (DESIGN.md §3).
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.once('ready-to-show', () => win.show());
  void win.loadFile(paths.rendererIndex);
  return win;
}
