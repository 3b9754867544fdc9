// Registers the one IPC channel that carries every contract call (INVOKE_CHANNEL: channel name and
// request, checked against the contract by dispatch), plus the shell-only channels (folder and
// file pickers, "show in folder", PDF window). The only caller accepted is our own renderer page (kepu-app://app): a frame
// from anywhere else (a navigated-away or injected frame, a PDF) gets FORBIDDEN_ORIGIN.
import fs from 'node:fs';
import path from 'node:path';
import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent, shell } from 'electron';
import { fail, INVOKE_CHANNEL, OPEN_PDF_CHANNEL, PICK_FILE_CHANNEL, PICK_FOLDER_CHANNEL, pickFileKinds, SHOW_IN_FOLDER_CHANNEL } from '../contract';
import type { Dispatch } from '../app/dispatch';

export interface ShellActions {
  /** Opens a PDF asset in the PDF viewer window; false when it is not a PDF. */
  openPdf(assetId: number): boolean;
}

export function registerIpc(dispatch: Dispatch, isTrustedUrl: (url: string) => boolean, actions?: ShellActions): void {
  ipcMain.handle(INVOKE_CHANNEL, async (event: IpcMainInvokeEvent, channel: unknown, payload: unknown) => {
    const url = event.senderFrame?.url ?? '';
    if (!isTrustedUrl(url)) {
      return fail('FORBIDDEN_ORIGIN', `electron: ${String(channel).slice(0, 200)} refused from ${url.slice(0, 200) || 'an unknown frame'}`);
    }
    // An unknown channel or a malformed request is answered by dispatch with its code.
    return dispatch(channel, payload);
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
    // Reveals (never opens or runs) an existing file of a kind the app writes: review packages,
    // the showcase page and posters (issue 17).
    if (typeof filePath !== 'string' || !path.isAbsolute(filePath) || !['.kepupkg', '.html', '.png'].includes(path.extname(filePath).toLowerCase()) || !fs.existsSync(filePath)) return;
    shell.showItemInFolder(filePath);
  });
  ipcMain.handle(OPEN_PDF_CHANNEL, async (event: IpcMainInvokeEvent, assetId: unknown) => {
    if (!actions || !isTrustedUrl(event.senderFrame?.url ?? '')) return false;
    if (typeof assetId !== 'number' || !Number.isInteger(assetId) || assetId <= 0) return false;
    return actions.openPdf(assetId);
  });
}
