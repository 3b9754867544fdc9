// Types of the transport, derived from the channel map. The preload implements `KepuBridge` as
// `window.kepu`; the HTTP host implements the same call shape over fetch.
import type { ChannelName, ParsedRequestOf, RequestOf, ResponseOf } from './channels';
import type { AppErrorBody, Result } from './errors';

export interface KepuBridge {
  invoke<K extends ChannelName>(channel: K, request: RequestOf<K>): Promise<Result<ResponseOf<K>>>;
  /** URL the renderer can put in <video>/<img> for an asset (kepu-media: in Electron). */
  mediaUrl(assetId: number): string;
  /** The OS folder picker; null when the user cancels. */
  pickFolder(): Promise<string | null>;
  /**
   * The OS file picker for one file of the given kind (e.g. a review package), its filter named
   * `label` in the user's language (the renderer translates); null when the user cancels.
   */
  pickFile(kind: PickFileKind, label: string): Promise<string | null>;
  /** Shows a file the app wrote (an export, an exported package) in Explorer / Finder. */
  showInFolder(filePath: string): Promise<void>;
  /**
   * "Save as…": the OS save dialog (the export's name proposed, filtered by its extension), then a
   * copy of the export (a file in the exports folder) where the user chose; null when cancelled or
   * when the file is not an export. heldOpen: the chosen file was open in another program, so the
   * copy went beside it as savedTo.
   */
  saveAs(filePath: string, filterLabel: string): Promise<SavedCopy | null>;
  /** Prints a PDF export (certificates, letters, reports) from its own file: the OS print dialog. */
  printFile(filePath: string): Promise<boolean>;
  /** Commands of the application menu the page carries out (File › Back up… opens Settings). */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** Opens a PDF asset in the desktop app's separate PDF viewer window; false if it is not a PDF. */
  openPdf(assetId: number): Promise<boolean>;
  /** Files the OS asked the app to open (double-click, a second launch, macOS open-file), each given out once. */
  takeOpenedFiles(): Promise<OpenedFile[]>;
  /** Calls `listener` whenever such files are waiting (take them then); returns the unsubscribe. */
  onFilesToOpen(listener: () => void): () => void;
  shell: 'electron';
}

export interface SavedCopy {
  savedTo: string;
  heldOpen?: string;
}

/**
 * What the application menu asks the page to do: File › Back up… opens Settings (where backups
 * are made); File › Open file… hands the review package the user picked to the page to open.
 */
export type MenuCommand = { kind: 'backup' } | { kind: 'openPackage'; path: string };

/** The preload forwards only well-formed commands (the page never sees the IPC event). */
export function isMenuCommand(value: unknown): value is MenuCommand {
  if (typeof value !== 'object' || value === null) return false;
  const command = value as Record<string, unknown>;
  if (command.kind === 'backup') return true;
  return command.kind === 'openPackage' && typeof command.path === 'string' && command.path.length > 0 && command.path.length <= 4096;
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
/** IPC channels of the file picker and of "show in folder": shell concerns, like the folder picker. */
export const PICK_FILE_CHANNEL = 'dialog:pick-file';
export const SHOW_IN_FOLDER_CHANNEL = 'shell:show-in-folder';
/** The files a picker offers, each with its extensions (the main process owns the dialog's words). */
export const pickFileKinds = { package: ['kepupkg'] } as const;
export type PickFileKind = keyof typeof pickFileKinds;
/** IPC channels of "Save as…" (a native save dialog and a copy) and of printing an export's PDF. */
export const SAVE_AS_CHANNEL = 'dialog:save-as';
export const PRINT_FILE_CHANNEL = 'window:print-file';
/** Main → page: a menu command (one of menuCommands). */
export const MENU_COMMAND_CHANNEL = 'menu:command';
/** IPC channel that opens an entrant's PDF in its own viewer window (desktop only, see pdf-window.ts). */
export const OPEN_PDF_CHANNEL = 'window:open-pdf';

/** The kinds of file the desktop app is registered to open (electron-builder.config.js fileAssociations). */
export type OpenedFileKind = 'package' | 'bundle' | 'key' | 'programme';
/** A file the OS handed to the app: a package by path, any other kind with its content (or why it could not be read). */
export interface OpenedFile {
  kind: OpenedFileKind;
  path: string;
  fileName: string;
  contentBase64?: string;
  error?: AppErrorBody;
}
/** IPC channel the window takes the waiting opened files from, and the event that says some are waiting. */
export const TAKE_OPENED_FILES_CHANNEL = 'shell:take-opened-files';
export const FILES_TO_OPEN_EVENT = 'shell:files-to-open';
