// The only module that talks to the transport: window.kepu (Electron preload) or fetch to the
// browser shell. Everything else in the renderer calls `invoke` and gets typed values or ApiError.
import type {
  AppErrorBody,
  ChannelName,
  ErrorCode,
  ErrorParams,
  KepuBridge,
  MenuCommand,
  SavedCopy,
  RequestOf,
  ResponseOf,
  Result,
} from '../../src-main/contract';

declare global {
  interface Window {
    kepu?: KepuBridge;
  }
}

/** Same value as HTTP_TOKEN_HEADER in the contract (the renderer imports only its types). */
const TOKEN_HEADER = 'x-kepu-token';
const TOKEN_KEY = 'kepu.token';

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
  constructor(body: AppErrorBody) {
    super(body.message);
    this.code = body.code;
    this.params = body.params ?? {};
  }
}

/** The browser shell hands the token in the URL once; keep it for reloads, hide it from the bar. */
function browserToken(): string {
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    window.history.replaceState(null, '', window.location.pathname);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

const token = window.kepu ? '' : browserToken();

export function shellKind(): 'electron' | 'browser' {
  return window.kepu ? 'electron' : 'browser';
}

export async function call<K extends ChannelName>(channel: K, request: RequestOf<K>): Promise<Result<ResponseOf<K>>> {
  if (window.kepu) return window.kepu.invoke(channel, request);
  try {
    const response = await fetch(`/api/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token },
      body: JSON.stringify(request),
    });
    return (await response.json()) as Result<ResponseOf<K>>;
  } catch (error) {
    return { ok: false, error: { code: 'INTERNAL', message: `api: ${(error as Error).message}` } };
  }
}

/**
 * Asked when a change would move a published result (error RESULT_PUBLISHED): true when the
 * coordinator agrees. Set by the UI (components/App); without it such a change simply fails.
 */
type PublishedChangeQuestion = (params: ErrorParams) => Promise<boolean>;
let askPublishedChange: PublishedChangeQuestion | null = null;
export function onPublishedChange(ask: PublishedChangeQuestion | null): void {
  askPublishedChange = ask;
}

/**
 * Asked when a signing action finds the key locked (error KEY_LOCKED): the passphrase, or null
 * when the user cancels. `wrong`: the previous try was not the passphrase. Set by the UI
 * (components/App); without it the action simply fails with KEY_LOCKED.
 */
type PassphraseQuestion = (wrong: boolean) => Promise<string | null>;
let askPassphrase: PassphraseQuestion | null = null;
export function onKeyLocked(ask: PassphraseQuestion | null): void {
  askPassphrase = ask;
}

/**
 * Unlocks the key in place (asking again after a wrong passphrase) and sends the same request
 * again, so "export package", "export bundle", "publish" and "export certificates" go on where the
 * user was instead of sending them to Settings. Cancel: KEY_UNLOCK_CANCELLED (nothing was signed).
 */
async function unlockAndRetry<K extends ChannelName>(ask: PassphraseQuestion, channel: K, request: RequestOf<K>): Promise<Result<ResponseOf<K>>> {
  for (let wrong = false; ; wrong = true) {
    const passphrase = await ask(wrong);
    if (passphrase === null) return { ok: false, error: { code: 'KEY_UNLOCK_CANCELLED', message: 'identity: unlock cancelled; nothing was signed' } };
    const unlocked = await call('identity:unlock', { passphrase });
    if (unlocked.ok) return call(channel, request);
    if (unlocked.error.code !== 'KEY_PASSPHRASE_WRONG') return { ok: false, error: unlocked.error };
  }
}

/**
 * Calls a channel and hands back its value, or throws ApiError. `sent`: the answer of this same call
 * already sent (the first paint's reads, first-reads.ts), awaited instead of calling again.
 */
export async function invoke<K extends ChannelName>(channel: K, request: RequestOf<K>, sent?: Promise<Result<ResponseOf<K>>>): Promise<ResponseOf<K>> {
  let result = await (sent ?? call(channel, request));
  if (!result.ok && result.error.code === 'KEY_LOCKED' && askPassphrase) result = await unlockAndRetry(askPassphrase, channel, request);
  const campaignId = (request as { campaignId?: unknown }).campaignId;
  if (!result.ok && result.error.code === 'RESULT_PUBLISHED' && askPublishedChange && typeof campaignId === 'string') {
    // Ask first; on agreement the core records who agreed and when, then the change is sent again.
    if (await askPublishedChange(result.error.params ?? {})) {
      const allowed = await call('ranking:allowChanges', { campaignId });
      if (!allowed.ok) throw new ApiError(allowed.error);
      result = await call(channel, request);
    }
  }
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}

/** The OS folder picker in the desktop app; null in the browser shell (type the path instead). */
export function folderPicker(): (() => Promise<string | null>) | null {
  const bridge = window.kepu;
  return bridge ? () => bridge.pickFolder() : null;
}

/** The OS file picker for a review package in the desktop app; null in the browser shell (type the path instead). */
export function packagePicker(label: string): (() => Promise<string | null>) | null {
  const bridge = window.kepu;
  return bridge ? () => bridge.pickFile('package', label) : null;
}

/**
 * After a package is exported: the browser shell downloads a copy through the local host
 * (/download/<name>, exports folder only); the desktop app shows ExportActions (Save as…, Show in folder).
 */
export function deliverPackage(file: string): void {
  if (window.kepu) return;
  const name = file.split(/[\\/]/).pop() ?? file;
  const a = document.createElement('a');
  a.href = `/download/${encodeURIComponent(name)}?token=${encodeURIComponent(token)}`;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** Opens a PDF in the desktop app's own PDF window; null in the browser shell (shown inline there). */
export function pdfOpener(): ((assetId: number) => Promise<boolean>) | null {
  const bridge = window.kepu;
  return bridge ? (assetId) => bridge.openPdf(assetId) : null;
}

export function mediaUrl(assetId: number): string {
  if (window.kepu) return window.kepu.mediaUrl(assetId);
  return `/media/${assetId}?token=${encodeURIComponent(token)}`;
}

/**
 * The export routes of the browser shell (src-main/host/export-download.ts): a file the app wrote
 * into its exports folder, by the path the export reported; `inline` for printing a PDF.
 */
export function exportFileUrl(savedTo: string, inline = false): string {
  return `/export-file?path=${encodeURIComponent(savedTo)}&token=${encodeURIComponent(token)}${inline ? '&inline=1' : ''}`;
}

/**
 * "Save as…" of an export: the OS save dialog and a copy in the desktop app (null: cancelled);
 * in the browser shell a download of the written file (the browser asks where, or saves it to
 * its downloads folder), answered 'downloaded'.
 */
export async function saveExportAs(savedTo: string, fileName: string, filterLabel: string): Promise<SavedCopy | 'downloaded' | null> {
  const bridge = window.kepu;
  if (bridge) return bridge.saveAs(savedTo, filterLabel);
  const a = document.createElement('a');
  a.href = exportFileUrl(savedTo);
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  return 'downloaded';
}

/** "Show in folder" for an export in the desktop app; null in the browser shell (it cannot show folders). */
export function exportRevealer(): ((savedTo: string) => Promise<void>) | null {
  const bridge = window.kepu;
  return bridge ? (savedTo) => bridge.showInFolder(savedTo) : null;
}

/**
 * Prints a PDF export from the file the app wrote. The desktop app opens it in a print window of
 * its own with the OS print dialog (electron/print.ts); the browser shell loads it from the host
 * into a hidden frame of the page's own origin and asks the browser to print that frame.
 */
export async function printExport(savedTo: string): Promise<boolean> {
  const bridge = window.kepu;
  if (bridge) return bridge.printFile(savedTo);
  const frame = document.createElement('iframe');
  frame.className = 'print-frame';
  frame.dataset.testid = 'print-frame';
  frame.src = exportFileUrl(savedTo, true);
  return new Promise<boolean>((resolve) => {
    frame.onload = () => {
      frame.contentWindow?.focus();
      frame.contentWindow?.print();
      resolve(true);
      // The frame stays until the print dialog has surely read it; then it goes.
      setTimeout(() => frame.remove(), 60_000);
    };
    document.body.appendChild(frame);
  });
}

/** Commands from the desktop app's menu (File › Back up…, Open file…); nothing in the browser shell. */
export function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  const bridge = window.kepu;
  return bridge ? bridge.onMenuCommand(listener) : () => {};
}
