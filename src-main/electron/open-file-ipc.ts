// Wires the opened-files queue (open-file.ts) to Electron: the three ways a file arrives, and the
// IPC channel the window takes them from (answered only for our own page, like every other).
import { app, ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { FILES_TO_OPEN_EVENT, type OpenedFile, TAKE_OPENED_FILES_CHANNEL } from '../contract/bridge';
import { filesFromArgv, OpenFileQueue, openableKind, openedFilePayload } from './open-file';

/**
 * Starts listening before 'ready' (macOS sends open-file for the file that launched the app
 * before that) and queues the first launch's own command line. `showWindow` brings the window
 * forward; `contents` is the main window's page, once there is one.
 */
export function listenForOpenedFiles(showWindow: () => void, contents: () => WebContents | null): OpenFileQueue {
  const queue = new OpenFileQueue();
  queue.onAdded(() => {
    const page = contents();
    if (page && !page.isDestroyed()) page.send(FILES_TO_OPEN_EVENT);
  });
  queue.add(filesFromArgv(process.argv, process.cwd()));
  app.on('open-file', (event, file) => {
    event.preventDefault(); // handled: macOS must not report that the app cannot open it
    const kind = openableKind(file);
    if (kind) queue.add([{ path: file, kind }]);
    if (app.isReady()) showWindow();
  });
  return queue;
}

/** A second launch's command line: its files go to this window. */
export function secondInstanceFiles(queue: OpenFileQueue, argv: readonly string[], workingDirectory: string): void {
  queue.add(filesFromArgv(argv, workingDirectory));
}

export function registerOpenedFilesIpc(queue: OpenFileQueue, isTrustedUrl: (url: string) => boolean): void {
  ipcMain.handle(TAKE_OPENED_FILES_CHANNEL, (event: IpcMainInvokeEvent): OpenedFile[] => {
    if (!isTrustedUrl(event.senderFrame?.url ?? '')) return [];
    return queue.take().map(openedFilePayload);
  });
}
