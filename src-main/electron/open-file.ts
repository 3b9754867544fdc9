// Files the operating system asks the app to open: a double-clicked .kepupkg, .kepubundle, .kepukey
// or .kepuprog (file associations in electron-builder.config.js). They arrive three ways:
// - on the command line of the first launch (Windows, Linux: process.argv);
// - on the command line of a second launch, which the single-instance lock turns into the running
//   app's 'second-instance' event (its argv, and the working directory it was started in);
// - macOS's 'open-file' event (also before 'ready', when a file starts the app).
// All three go into one queue; the window is told that files are waiting and takes them
// (open-file-ipc.ts), so a file that arrives before the page has loaded is not lost. No Electron
// import here: the parsing is pure and tested with path.win32 and path.posix.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OpenedFile, OpenedFileKind } from '../contract/bridge';
import { unquotePath } from '../contract/path-text';

const KIND_BY_EXTENSION: Record<string, OpenedFileKind> = { '.kepupkg': 'package', '.kepubundle': 'bundle', '.kepukey': 'key', '.kepuprog': 'programme' };

export interface OpenableFile {
  path: string;
  kind: OpenedFileKind;
}

/** The kind of file `file` is by its extension (any case: Windows keeps what the user typed), or null. */
export function openableKind(file: string, pathApi: path.PlatformPath = path): OpenedFileKind | null {
  return KIND_BY_EXTENSION[pathApi.extname(file).toLowerCase()] ?? null;
}

/**
 * The files to open among a command line's arguments. Everything else is skipped: the executable
 * itself and, unpackaged, the app folder (neither has one of our extensions), switches that
 * Electron and Chromium add to a second instance's argv (--allow-file-access-from-files,
 * --original-process-start-time=…, macOS's -psn_…), and other files. Quotes left around an argument
 * are taken off; a file:// URL (Linux desktop files pass %U) becomes its path; a relative path is
 * resolved against `workingDirectory`, the folder the launch happened in (not this process's).
 */
export function filesFromArgv(argv: readonly string[], workingDirectory: string, pathApi: path.PlatformPath = path): OpenableFile[] {
  const found: OpenableFile[] = [];
  for (const raw of argv) {
    let arg = unquotePath(raw);
    if (!arg || arg.startsWith('-')) continue;
    if (/^file:\/\//i.test(arg)) {
      try {
        arg = fileURLToPath(arg, { windows: pathApi === path.win32 });
      } catch {
        continue; // a file URL naming another host: nothing to open
      }
    }
    const kind = openableKind(arg, pathApi);
    if (!kind) continue;
    const resolved = pathApi.resolve(workingDirectory, arg);
    if (!found.some((f) => samePath(f.path, resolved, pathApi))) found.push({ path: resolved, kind });
  }
  return found;
}

function samePath(a: string, b: string, pathApi: path.PlatformPath): boolean {
  // NTFS and APFS compare names without case; on Linux two spellings are two files.
  return pathApi === path.win32 ? a.toLowerCase() === b.toLowerCase() : a === b;
}

/** Files waiting for the window, in the order they came; `notify` tells the window to take them. */
export class OpenFileQueue {
  private pending: OpenableFile[] = [];
  private notify: () => void = () => {};

  /** Set once the window exists; called whenever files are added. */
  onAdded(notify: () => void): void {
    this.notify = notify;
  }

  add(files: readonly OpenableFile[]): void {
    const fresh = files.filter((f) => !this.pending.some((p) => p.path === f.path));
    if (fresh.length === 0) return;
    this.pending.push(...fresh);
    this.notify();
  }

  /** Everything waiting, once: the next call returns only what arrived after. */
  take(): OpenableFile[] {
    const taken = this.pending;
    this.pending = [];
    return taken;
  }
}

/** A result bundle, key card or programme file is small and its content goes to the window; over this it is refused. */
export const MAX_INLINE_FILE_BYTES = 64 * 1024 * 1024;

/**
 * What the window receives for a file: a package by its path (gigabytes of media: package:open reads
 * it in the main process), a bundle, key card or programme file with its content, as the merge,
 * key-card and programme channels take it from a file chosen in the page. A file that cannot be read comes with the
 * error to show instead.
 */
export function openedFilePayload(file: OpenableFile): OpenedFile {
  const fileName = path.basename(file.path);
  if (file.kind === 'package') return { kind: file.kind, path: file.path, fileName };
  const code = file.kind === 'bundle' ? 'BUNDLE_UNREADABLE' : 'OPENED_FILE_UNREADABLE';
  try {
    const stat = fs.statSync(file.path);
    if (!stat.isFile()) return { kind: file.kind, path: file.path, fileName, error: { code, message: `open-file: ${file.path} is not a file`, params: { file: fileName, reason: 'not a file' } } };
    if (stat.size > MAX_INLINE_FILE_BYTES) return { kind: file.kind, path: file.path, fileName, error: { code, message: `open-file: ${file.path} is too large`, params: { file: fileName, reason: `${stat.size} bytes` } } };
    return { kind: file.kind, path: file.path, fileName, contentBase64: fs.readFileSync(file.path).toString('base64') };
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return { kind: file.kind, path: file.path, fileName, error: { code, message: `open-file: cannot read ${file.path}: ${reason}`, params: { file: fileName, reason } } };
  }
}
