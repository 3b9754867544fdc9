// Entrants' PDFs in the desktop app. Decision (issue 11): the main window runs with plugins off,
// so Chromium's PDF viewer (PDFium, a large parser fed with files from strangers) never runs next
// to the page that holds the window.kepu bridge. A PDF opens instead in a window of its own:
// - plugins on (that is the PDF viewer), but no preload, so no bridge and no IPC at all;
// - its own in-memory session ("kepu-pdf"): no storage shared with the app, every permission
//   denied, and a media protocol that serves only the PDF assets opened in it;
// - sandboxed, isolated, no navigation (a link in the PDF goes nowhere), no pop-ups, no DevTools
//   in a packaged build.
// Loading the PDF as the window's top-level document also avoids Chromium's weaker support for
// PDFs inside frames. The browser shell keeps its iframe: there the viewer is the user's own browser.
import { app, BrowserWindow, session } from 'electron';
import path from 'node:path';
import { MEDIA_SCHEME } from '../contract';
import type { AppContext } from '../app/context';
import { handleMediaProtocol } from './media-protocol';
import { lockPermissions } from './permissions';

export const PDF_PARTITION = 'kepu-pdf';

/**
 * A window that shows one PDF and nothing else: plugins on (Chromium's PDF viewer), no preload, no
 * Node, its own session (`partition`). The entrants' PDF window and the print window (print.ts) both.
 */
export function pdfWindowOptions(title: string, partition = PDF_PARTITION): Electron.BrowserWindowConstructorOptions {
  return {
    width: 900,
    height: 1000,
    title,
    autoHideMenuBar: true,
    webPreferences: {
      partition,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      navigateOnDragDrop: false,
      plugins: true,
      devTools: !app.isPackaged,
    },
  };
}

/** True for an asset this window may show: a document whose file is a .pdf. */
export function isPdfAsset(ctx: AppContext, assetId: number): boolean {
  try {
    const asset = ctx.assets.location(assetId);
    return asset.role === 'document' && path.extname(asset.path).toLowerCase() === '.pdf';
  } catch {
    return false;
  }
}

export class PdfWindows {
  private readonly opened = new Set<number>();
  private prepared = false;

  constructor(private readonly ctx: AppContext) {}

  /** Opens (or focuses) the viewer for a PDF asset; false when the asset is not a PDF. */
  open(assetId: number): boolean {
    if (!isPdfAsset(this.ctx, assetId)) return false;
    this.prepareSession();
    this.opened.add(assetId);
    const url = `${MEDIA_SCHEME}://asset/${assetId}`;
    const existing = BrowserWindow.getAllWindows().find((w) => !w.isDestroyed() && w.webContents.getURL() === url);
    if (existing) {
      existing.focus();
      return true;
    }
    const win = new BrowserWindow(pdfWindowOptions(path.basename(this.ctx.assets.location(assetId).path)));
    win.webContents.on('will-navigate', (event) => event.preventDefault());
    win.webContents.on('will-attach-webview', (event) => event.preventDefault());
    win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    void win.loadURL(url);
    return true;
  }

  private prepareSession(): void {
    if (this.prepared) return;
    const pdfSession = session.fromPartition(PDF_PARTITION);
    lockPermissions(pdfSession, false);
    handleMediaProtocol(this.ctx, pdfSession.protocol, (assetId) => this.opened.has(assetId) && isPdfAsset(this.ctx, assetId));
    this.prepared = true;
  }
}
