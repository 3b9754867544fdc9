// Which files a shell may hand back out of the app: a download in the browser shell, "Save as…",
// "Show in folder" and printing in the desktop app. Every export is written into the data folder's
// exports/ folder (export-file.ts, the certificates and letters jobs), so that folder is the whole
// allowance: a regular file inside it, reached without leaving it through `..` or a symbolic link.
// The renderer names the file by the path the export reported (savedTo); nothing else is served.
import fs from 'node:fs';
import path from 'node:path';

type PathApi = Pick<typeof path, 'resolve' | 'relative' | 'isAbsolute' | 'sep'>;

export function exportsFolder(dataDir: string): string {
  return path.join(dataDir, 'exports');
}

/**
 * True when `target` lies strictly inside `root`. With path.win32, drive letters and names compare
 * case-insensitively (as NTFS does); a file named "..notes" inside the folder is still inside.
 */
export function isInsideFolder(root: string, target: string, api: PathApi = path): boolean {
  const relative = api.relative(api.resolve(root), api.resolve(target));
  if (relative === '' || api.isAbsolute(relative)) return false;
  return relative !== '..' && !relative.startsWith(`..${api.sep}`);
}

/**
 * The export file `requested` names, resolved, or null when it is not one: not an absolute path,
 * outside the exports folder (also after following links), a link itself, a folder, or missing.
 */
export function resolveExportFile(dataDir: string, requested: unknown): string | null {
  if (typeof requested !== 'string' || requested.length === 0 || requested.length > 4096 || requested.includes('\0')) return null;
  if (!path.isAbsolute(requested)) return null;
  const root = exportsFolder(dataDir);
  const target = path.resolve(requested);
  if (!isInsideFolder(root, target)) return null;
  try {
    if (!fs.lstatSync(target).isFile()) return null;
    // A link in a parent folder could still lead out: compare where both really are.
    if (!isInsideFolder(fs.realpathSync(root), fs.realpathSync(target))) return null;
    return target;
  } catch {
    return null;
  }
}

/** The MIME type a downloaded or printed export is sent with (by extension; unknown: bytes). */
export function exportMimeType(file: string): string {
  const ext = path.extname(file).toLowerCase();
  const types: Record<string, string> = {
    '.pdf': 'application/pdf',
    '.csv': 'text/csv; charset=utf-8',
    '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    '.html': 'text/html; charset=utf-8',
    '.json': 'application/json',
    '.eml': 'message/rfc822',
    '.zip': 'application/zip',
  };
  return types[ext] ?? 'application/octet-stream';
}
