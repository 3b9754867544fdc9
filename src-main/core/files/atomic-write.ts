// Every file the app writes goes through here (exports, key files, key cards, certificates,
// lock files, bundles; packages and database backups use the same temp-name, fsync and rename
// steps with their own writers). Policy:
// - The bytes go to a temporary sibling (same folder, so the same file system and the rename is
//   atomic), are fsynced, and only then renamed over the target; the folder is fsynced after the
//   rename. A crash, a power cut or a full disk leaves either the old file or the complete new
//   one, never a half-written file, and the temporary file is removed on every failure.
// - A full disk or quota is DISK_FULL naming the folder (disk-full.ts); other errors pass as they are.
// - Files are created 0600 and new folders 0700 (private-files.ts).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { asDiskFull } from './disk-full';
import { makePrivateDir, modesApply, PRIVATE_FILE_MODE } from './private-files';

/** The two calls that move bytes to the disk; tests pass their own to simulate a full disk. */
export interface WriteIo {
  writeSync(fd: number, buffer: Uint8Array, offset: number, length: number): number;
  fsyncSync(fd: number): void;
}

export interface AtomicWriteOptions {
  mode?: number;
  io?: WriteIo;
}

/** A fresh hidden name next to `file` for its bytes in progress. */
export function tempPathFor(file: string, suffix = 'tmp'): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${crypto.randomBytes(6).toString('hex')}.${suffix}`);
}

export function writeFileAtomic(file: string, bytes: Buffer | string, options: AtomicWriteOptions = {}): void {
  const dir = path.dirname(file);
  const mode = options.mode ?? PRIVATE_FILE_MODE;
  const io = options.io ?? fs;
  const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  const temp = tempPathFor(file);
  try {
    makePrivateDir(dir);
    const fd = fs.openSync(temp, 'wx', mode);
    try {
      for (let written = 0; written < data.length; ) written += io.writeSync(fd, data, written, data.length - written);
      if (modesApply()) fs.fchmodSync(fd, mode); // the umask may have narrowed or widened it
      io.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw asDiskFull(error, dir);
  }
  syncFolder(dir);
}

/** `from` copied to `to` the same way: a temporary sibling, fsync, rename (the mode is the source's). */
export function copyFileAtomic(from: string, to: string): void {
  const dir = path.dirname(to);
  const temp = tempPathFor(to);
  try {
    makePrivateDir(dir);
    fs.copyFileSync(from, temp, fs.constants.COPYFILE_EXCL);
    syncFile(temp);
    fs.renameSync(temp, to);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw asDiskFull(error, dir);
  }
  syncFolder(dir);
}

/** Makes a rename in `dir` durable. Folders cannot be opened for fsync on Windows; the rename is atomic there anyway. */
export function syncFolder(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // See above.
  }
}

/** fsync of a file already written by someone else (a stream, SQLite), before it is renamed into place. */
export function syncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
