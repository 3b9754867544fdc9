// Registers every contract channel on ipcMain. The only caller accepted is our own renderer page:
// a frame from anywhere else (a navigated-away or injected frame) gets FORBIDDEN_ORIGIN.
import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { channelNames, fail, PICK_FOLDER_CHANNEL } from '../contract';
import type { Dispatch } from '../app/dispatch';

export function registerIpc(dispatch: Dispatch, isTrustedUrl: (url: string) => boolean): void {
  for (const channel of channelNames) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, payload: unknown) => {
      const url = event.senderFrame?.url ?? '';
      if (!isTrustedUrl(url)) {
        return fail('FORBIDDEN_ORIGIN', `electron: ${channel} refused from ${url || 'an unknown frame'}`);
      }
      return dispatch(channel, payload);
    });
  }
  ipcMain.handle(PICK_FOLDER_CHANNEL, async (event: IpcMainInvokeEvent) => {
    if (!isTrustedUrl(event.senderFrame?.url ?? '')) return null;
    const window = BrowserWindow.fromWebContents(event.sender);
    const options = { properties: ['openDirectory' as const] };
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  });
}
