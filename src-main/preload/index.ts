// The bridge between the sandboxed page and the main process: exposes the typed contract as
// window.kepu and nothing else (no raw ipcRenderer). Every contract call travels on one IPC
// channel; the main process accepts it only from our own page and checks the channel name and the
// request against the contract (dispatch.ts), so a channel the contract does not declare is
// refused there with UNKNOWN_CHANNEL. The preload keeps no channel list of its own.
import { contextBridge, ipcRenderer } from 'electron';
import {
  FILES_TO_OPEN_EVENT,
  INVOKE_CHANNEL,
  type KepuBridge,
  MENU_COMMAND_CHANNEL,
  isMenuCommand,
  type MenuCommand,
  OPEN_PDF_CHANNEL,
  type OpenedFile,
  PICK_FILE_CHANNEL,
  PICK_FOLDER_CHANNEL,
  type PickFileKind,
  PRINT_FILE_CHANNEL,
  SAVE_AS_CHANNEL,
  type SavedCopy,
  SHOW_IN_FOLDER_CHANNEL,
  TAKE_OPENED_FILES_CHANNEL,
} from '../contract/bridge';

const bridge: KepuBridge = {
  shell: 'electron',
  invoke: (channel: string, request: unknown) => ipcRenderer.invoke(INVOKE_CHANNEL, String(channel), request),
  mediaUrl: (assetId: number) => `kepu-media://asset/${Math.trunc(assetId)}`,
  pickFolder: () => ipcRenderer.invoke(PICK_FOLDER_CHANNEL) as Promise<string | null>,
  pickFile: (kind: PickFileKind, label: string) => ipcRenderer.invoke(PICK_FILE_CHANNEL, String(kind), String(label)) as Promise<string | null>,
  showInFolder: (filePath: string) => ipcRenderer.invoke(SHOW_IN_FOLDER_CHANNEL, String(filePath)) as Promise<void>,
  openPdf: (assetId: number) => ipcRenderer.invoke(OPEN_PDF_CHANNEL, Math.trunc(assetId)) as Promise<boolean>,
  saveAs: (filePath: string, filterLabel: string) => ipcRenderer.invoke(SAVE_AS_CHANNEL, String(filePath), String(filterLabel)) as Promise<SavedCopy | null>,
  printFile: (filePath: string) => ipcRenderer.invoke(PRINT_FILE_CHANNEL, String(filePath)) as Promise<boolean>,
  // The page gets the command name only, never the IPC event (which would hand it ipcRenderer).
  onMenuCommand: (listener: (command: MenuCommand) => void) => {
    const forward = (_event: unknown, command: unknown) => {
      if (isMenuCommand(command)) listener(command);
    };
    ipcRenderer.on(MENU_COMMAND_CHANNEL, forward);
    return () => void ipcRenderer.off(MENU_COMMAND_CHANNEL, forward);
  },
  takeOpenedFiles: () => ipcRenderer.invoke(TAKE_OPENED_FILES_CHANNEL) as Promise<OpenedFile[]>,
  onFilesToOpen: (listener: () => void) => {
    // The page gets a plain callback, never the IPC event (which would expose ipcRenderer).
    const relay = () => listener();
    ipcRenderer.on(FILES_TO_OPEN_EVENT, relay);
    return () => void ipcRenderer.removeListener(FILES_TO_OPEN_EVENT, relay);
  },
} as KepuBridge;

contextBridge.exposeInMainWorld('kepu', bridge);
