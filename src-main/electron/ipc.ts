// Registers every contract channel on ipcMain. The only caller accepted is our own renderer page:
// a frame from anywhere else (a navigated-away or injected frame) gets FORBIDDEN_ORIGIN.
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { channelNames, fail } from '../contract';
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
}
