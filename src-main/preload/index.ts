// The bridge between the sandboxed page and the main process: exposes the typed contract as
// window.kepu and nothing else (no raw ipcRenderer). Unknown channels never reach IPC.
import { contextBridge, ipcRenderer } from 'electron';
import { channelNames, type ChannelName } from '../contract/channel-names';
import { type KepuBridge, OPEN_PDF_CHANNEL, PICK_FOLDER_CHANNEL } from '../contract/bridge';

const allowed = new Set<string>(channelNames);

const bridge: KepuBridge = {
  shell: 'electron',
  invoke(channel: ChannelName, request: unknown) {
    if (!allowed.has(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `preload: ${String(channel)}` } });
    }
    return ipcRenderer.invoke(channel, request);
  },
  mediaUrl: (assetId: number) => `kepu-media://asset/${Math.trunc(assetId)}`,
  pickFolder: () => ipcRenderer.invoke(PICK_FOLDER_CHANNEL) as Promise<string | null>,
  openPdf: (assetId: number) => ipcRenderer.invoke(OPEN_PDF_CHANNEL, Math.trunc(assetId)) as Promise<boolean>,
} as KepuBridge;

contextBridge.exposeInMainWorld('kepu', bridge);
