// Printing an export in the desktop app (certificates batch, result letters, reports): the PDF the
// job wrote, from its own file, never a copy rebuilt in the page (the main window cannot show PDFs:
// plugins are off there, see pdf-window.ts). The PDF opens in a window of its own, built like the
// entrants' PDF window (plugins on, no preload, no navigation, every permission denied) in its own
// in-memory session that serves only the exports handed to it, and the OS print dialog opens on it
// once it has loaded. The window stays open, so the viewer's own print button is there as well
// (Chromium's PDF viewer prints blank pages on some printer drivers when driven from outside).
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { BrowserWindow, session } from 'electron';
import { MEDIA_SCHEME } from '../contract';
import { resolveExportFile } from '../app/export-access';
import { pdfWindowOptions } from './pdf-window';
import { lockPermissions } from './permissions';

export const PRINT_PARTITION = 'kepu-print';
/** Host of the print session's URLs: kepu-media://export/<one-time id>. */
export const PRINT_HOST = 'export';

/** The PDF export `requested` names, or null: only PDFs inside the exports folder print. */
export function printTarget(dataDir: string, requested: unknown): string | null {
  const file = resolveExportFile(dataDir, requested);
  return file && path.extname(file).toLowerCase() === '.pdf' ? file : null;
}

export function printWindowOptions(title: string): Electron.BrowserWindowConstructorOptions {
  return pdfWindowOptions(title, PRINT_PARTITION);
}

/** The bytes of one handed-out export; anything else on the print session is a 404. */
export function printResponse(handedOut: ReadonlyMap<string, string>, requestUrl: string): Response {
  const url = new URL(requestUrl);
  const file = url.hostname === PRINT_HOST ? handedOut.get(url.pathname.replace(/^\/+/, '')) : undefined;
  if (!file || !fs.existsSync(file)) return new Response('not found', { status: 404 });
  return new Response(fs.readFileSync(file), { status: 200, headers: { 'Content-Type': 'application/pdf', 'Cache-Control': 'no-store' } });
}

export class PrintWindows {
  /** One-time id → export file, for the print session's protocol. */
  private readonly handedOut = new Map<string, string>();
  private prepared = false;

  constructor(private readonly dataDir: string) {}

  /** Opens the PDF export and its print dialog; false when `requested` is not a PDF export. */
  print(requested: unknown): boolean {
    const file = printTarget(this.dataDir, requested);
    if (!file) return false;
    this.prepareSession();
    const id = randomUUID();
    this.handedOut.set(id, file);
    const win = new BrowserWindow(printWindowOptions(path.basename(file)));
    win.webContents.on('will-navigate', (event) => event.preventDefault());
    win.webContents.on('will-attach-webview', (event) => event.preventDefault());
    win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    win.webContents.once('did-finish-load', () => win.webContents.print({ silent: false, printBackground: true }));
    win.on('closed', () => this.handedOut.delete(id));
    void win.loadURL(`${MEDIA_SCHEME}://${PRINT_HOST}/${id}`);
    return true;
  }

  private prepareSession(): void {
    if (this.prepared) return;
    const printSession = session.fromPartition(PRINT_PARTITION);
    lockPermissions(printSession, false);
    printSession.protocol.handle(MEDIA_SCHEME, (request) => printResponse(this.handedOut, request.url));
    this.prepared = true;
  }
}
