// Registers the one IPC channel that carries every contract call (INVOKE_CHANNEL: channel name and
// request, checked against the contract by dispatch), plus the shell-only channels (folder and
// file pickers, "show in folder", "save as…", printing an export, PDF window). The only caller accepted is our own renderer page (kepu-app://app): a frame
// from anywhere else (a navigated-away or injected frame, a PDF) gets FORBIDDEN_ORIGIN.
import fs from 'node:fs';
import path from 'node:path';
import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent, shell } from 'electron';
import { fail, INVOKE_CHANNEL, OPEN_PDF_CHANNEL, PICK_FILE_CHANNEL, PICK_FOLDER_CHANNEL, pickFileKinds, PRINT_FILE_CHANNEL, SAVE_AS_CHANNEL, type SavedCopy, SHOW_IN_FOLDER_CHANNEL } from '../contract';
import type { Dispatch } from '../app/dispatch';
import { resolveExportFile } from '../app/export-access';
import { writeExport } from '../app/export-file';

export interface ShellActions {
  /** The data folder: its exports/ folder holds every file "save as", "show in folder" and print may touch. */
  dataDir: string;
  /** Opens a PDF asset in the PDF viewer window; false when it is not a PDF. */
  openPdf(assetId: number): boolean;
  /** Throws when a "Save as…" target is one of the app's own files (the database, a key). */
  assertNotProtected(target: string): void;
  /** Opens a PDF export with the print dialog (print.ts); false when it is not one. */
  printFile(filePath: unknown): boolean;
  /** After Settings changed (the language: the menu is relabelled). */
  settingsChanged?(): void;
}

/** A file "show in folder" may reveal: an export, or a review package wherever it was written. */
export function revealable(dataDir: string | undefined, filePath: unknown): string | null {
  if (typeof filePath !== 'string' || !path.isAbsolute(filePath)) return null;
  const exported = dataDir ? resolveExportFile(dataDir, filePath) : null;
  if (exported) return exported;
  // Written elsewhere on request: review packages, the showcase page and posters (issue 17).
  return ['.kepupkg', '.html', '.png'].includes(path.extname(filePath).toLowerCase()) && fs.existsSync(filePath) ? filePath : null;
}

/** The save dialog's proposal for an export: its own name and a filter of its extension. */
export function saveDialogOptions(file: string, filterLabel: unknown, folder?: string): Electron.SaveDialogOptions {
  const name = path.basename(file);
  const extension = path.extname(name).slice(1);
  const label = typeof filterLabel === 'string' && filterLabel.trim() ? filterLabel.slice(0, 100) : extension.toUpperCase();
  return {
    defaultPath: folder ? path.join(folder, name) : name,
    filters: extension ? [{ name: label, extensions: [extension] }] : [],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
}

export function registerIpc(dispatch: Dispatch, isTrustedUrl: (url: string) => boolean, actions?: ShellActions): void {
  // Where the last "Save as…" went, proposed again for the next one (this run only).
  let lastSaveFolder: string | undefined;
  ipcMain.handle(INVOKE_CHANNEL, async (event: IpcMainInvokeEvent, channel: unknown, payload: unknown) => {
    const url = event.senderFrame?.url ?? '';
    if (!isTrustedUrl(url)) {
      return fail('FORBIDDEN_ORIGIN', `electron: ${String(channel).slice(0, 200)} refused from ${url.slice(0, 200) || 'an unknown frame'}`);
    }
    // An unknown channel or a malformed request is answered by dispatch with its code.
    const result = await dispatch(channel, payload);
    if (channel === 'settings:update' && result.ok) actions?.settingsChanged?.();
    return result;
  });
  ipcMain.handle(PICK_FOLDER_CHANNEL, async (event: IpcMainInvokeEvent) => {
    if (!isTrustedUrl(event.senderFrame?.url ?? '')) return null;
    const window = BrowserWindow.fromWebContents(event.sender);
    const options = { properties: ['openDirectory' as const] };
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  });
  ipcMain.handle(PICK_FILE_CHANNEL, async (event: IpcMainInvokeEvent, kind: unknown, label: unknown) => {
    if (!isTrustedUrl(event.senderFrame?.url ?? '')) return null;
    // Only the kinds the contract names; the label is the renderer's translated filter name.
    if (typeof kind !== 'string' || !Object.hasOwn(pickFileKinds, kind)) return null;
    const extensions = [...pickFileKinds[kind as keyof typeof pickFileKinds]];
    const name = typeof label === 'string' && label.trim() ? label.slice(0, 100) : extensions.join(', ');
    const window = BrowserWindow.fromWebContents(event.sender);
    const options = { properties: ['openFile' as const], filters: [{ name, extensions }] };
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  });
  ipcMain.handle(SHOW_IN_FOLDER_CHANNEL, (event: IpcMainInvokeEvent, filePath: unknown) => {
    if (!isTrustedUrl(event.senderFrame?.url ?? '')) return;
    // Reveals (never opens or runs) an existing file the app wrote.
    const file = revealable(actions?.dataDir, filePath);
    if (file) shell.showItemInFolder(file);
  });
  ipcMain.handle(SAVE_AS_CHANNEL, async (event: IpcMainInvokeEvent, filePath: unknown, filterLabel: unknown): Promise<SavedCopy | null> => {
    if (!actions || !isTrustedUrl(event.senderFrame?.url ?? '')) return null;
    const file = resolveExportFile(actions.dataDir, filePath);
    if (!file) return null;
    const window = BrowserWindow.fromWebContents(event.sender);
    const options = saveDialogOptions(file, filterLabel, lastSaveFolder);
    const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    if (result.canceled || !result.filePath) return null;
    const target = path.resolve(result.filePath);
    actions.assertNotProtected(target);
    lastSaveFolder = path.dirname(target);
    // The copy is written like every export: atomically, and beside a file Excel or Acrobat holds open.
    return writeExport(target, fs.readFileSync(file));
  });
  ipcMain.handle(PRINT_FILE_CHANNEL, (event: IpcMainInvokeEvent, filePath: unknown) => {
    if (!actions || !isTrustedUrl(event.senderFrame?.url ?? '')) return false;
    return actions.printFile(filePath);
  });
  ipcMain.handle(OPEN_PDF_CHANNEL, async (event: IpcMainInvokeEvent, assetId: unknown) => {
    if (!actions || !isTrustedUrl(event.senderFrame?.url ?? '')) return false;
    if (typeof assetId !== 'number' || !Number.isInteger(assetId) || assetId <= 0) return false;
    return actions.openPdf(assetId);
  });
}
