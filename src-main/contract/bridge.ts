// Types of the transport, derived from the channel map. The preload implements `KepuBridge` as
// `window.kepu`; the HTTP host implements the same call shape over fetch.
import type { ChannelName, ParsedRequestOf, RequestOf, ResponseOf } from './channels';
import type { Result } from './errors';

export interface KepuBridge {
  invoke<K extends ChannelName>(channel: K, request: RequestOf<K>): Promise<Result<ResponseOf<K>>>;
  /** URL the renderer can put in <video>/<img> for an asset (kepu-media: in Electron). */
  mediaUrl(assetId: number): string;
  /** The OS folder picker; null when the user cancels. */
  pickFolder(): Promise<string | null>;
  /** Opens a PDF asset in the desktop app's separate PDF viewer window; false if it is not a PDF. */
  openPdf(assetId: number): Promise<boolean>;
  shell: 'electron';
}

/** The handler map the app implements: a missing channel is a type error. */
export type Handlers = {
  [K in ChannelName]: (request: ParsedRequestOf<K>) => Promise<ResponseOf<K>> | ResponseOf<K>;
};

export const HTTP_TOKEN_HEADER = 'x-kepu-token';
export const MEDIA_SCHEME = 'kepu-media';
/**
 * The one IPC channel that carries every contract call as (channel, request). The main process
 * checks the sender, then dispatch.ts checks the channel against the contract and parses the
 * request, so the preload needs no copy of the channel list (which would have to be kept in step).
 */
export const INVOKE_CHANNEL = 'kepu:invoke';
/** IPC channel of the folder picker: a shell concern (a native dialog), not an app handler. */
export const PICK_FOLDER_CHANNEL = 'dialog:pick-folder';
/** IPC channel that opens an entrant's PDF in its own viewer window (desktop only, see pdf-window.ts). */
export const OPEN_PDF_CHANNEL = 'window:open-pdf';
