// Opening a linked media file for serving, without trusting the path twice. The bytes stay where
// the coordinator keeps them (often a shared folder or a USB stick), so the file at a stored path
// may have been replaced since it was checked — by a symbolic link to /etc/passwd, say. Policy:
// - The file itself must be a regular file, not a symbolic link (lstat), and is opened with
//   O_NOFOLLOW where the platform has it, so a link swapped in after the lstat fails to open.
// - The opened descriptor is compared with the lstat (device, inode) and with the facts recorded
//   when the file was checked (size, mtime in whole ms): a difference is MEDIA_FILE_CHANGED, and
//   the UI offers a re-check. Bytes are then read from that descriptor only, so nothing can be
//   swapped between the check and the read.
// - Folders above the file are not required to be real folders: system folders are links on some
//   machines (macOS /var → /private/var). A swapped folder can only lead to a file with exactly
//   the recorded size and mtime, which the check above demands anyway.
import fs from 'node:fs';
import path from 'node:path';
import { KepuError } from '../errors';

export interface RecordedFacts {
  sizeBytes: number;
  mtimeMs: number;
}

/** The app's own database and key files (core/db/protected-files), never to be opened here. */
export interface FileGuard {
  isProtected(file: string, stat?: { dev: number | bigint; ino: number | bigint }): boolean;
}

export interface OpenedFile {
  fd: number;
  stat: fs.Stats;
}

/** 0 where the platform has no O_NOFOLLOW (Windows): there the inode comparison does the job. */
const NO_FOLLOW = fs.constants.O_NOFOLLOW ?? 0;

/**
 * Opens `file` for reading if it is a regular file (not a link) and, when `expected` is given, still
 * has the recorded size and mtime. The caller owns the returned descriptor.
 */
export function openRegularFile(file: string, expected?: RecordedFacts, guard?: FileGuard): OpenedFile {
  const name = path.basename(file);
  let linkStat: fs.Stats;
  try {
    linkStat = fs.lstatSync(file);
  } catch {
    throw new KepuError('MEDIA_FILE_MISSING', `media: file is gone: ${file}`, { file: name });
  }
  if (!linkStat.isFile()) throw refused(file, linkStat.isSymbolicLink() ? 'a symbolic link' : 'not a regular file');
  // Decided from the lstat alone: opening the app's database would drop SQLite's locks on it.
  if (guard?.isProtected(file, linkStat)) throw refused(file, "one of the app's own data files");
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | NO_FOLLOW);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP' || code === 'EMLINK') throw refused(file, 'a symbolic link');
    if (code === 'ENOENT') throw new KepuError('MEDIA_FILE_MISSING', `media: file is gone: ${file}`, { file: name });
    throw new KepuError('MEDIA_FILE_UNREADABLE', `media: cannot open ${file}: ${code ?? String(error)}`, { file: name });
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile() || stat.dev !== linkStat.dev || stat.ino !== linkStat.ino) {
      throw refused(file, 'replaced while being opened');
    }
    if (expected && !sameFacts(stat, expected)) {
      throw new KepuError(
        'MEDIA_FILE_CHANGED',
        `media: ${file} changed since it was checked (size ${expected.sizeBytes} → ${stat.size}, mtime ${Math.trunc(expected.mtimeMs)} → ${Math.trunc(stat.mtimeMs)})`,
        { file: name },
      );
    }
    return { fd, stat };
  } catch (error) {
    fs.closeSync(fd);
    throw error;
  }
}

export function sameFacts(stat: fs.Stats, expected: RecordedFacts): boolean {
  return stat.size === expected.sizeBytes && Math.trunc(stat.mtimeMs) === Math.trunc(expected.mtimeMs);
}

/** What the file at `file` is now, compared with the recorded facts, without keeping it open. */
export type FileState = 'ok' | 'changed' | 'missing' | 'refused' | 'unreadable';

export function fileStateOf(file: string, expected: RecordedFacts, guard?: FileGuard): FileState {
  try {
    fs.closeSync(openRegularFile(file, expected, guard).fd);
    return 'ok';
  } catch (error) {
    switch ((error as KepuError).code) {
      case 'MEDIA_FILE_CHANGED':
        return 'changed';
      case 'MEDIA_FILE_MISSING':
        return 'missing';
      case 'MEDIA_FILE_REFUSED':
        return 'refused';
      default:
        return 'unreadable';
    }
  }
}

function refused(file: string, why: string): KepuError {
  return new KepuError('MEDIA_FILE_REFUSED', `media: ${file} is ${why}; not opened`, { file: path.basename(file) });
}
