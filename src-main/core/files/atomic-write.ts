// Every file the app writes goes through here (exports, key files, key cards, certificates,
// lock files, bundles; packages and database backups use the same temp-name, fsync and rename
// steps with their own writers). Policy:
// - The bytes go to a temporary sibling (same folder, so the same file system and the rename is
//   atomic), are fsynced, and only then renamed over the target; the folder is fsynced after the
//   rename. A crash, a power cut or a full disk leaves either the old file or the complete new
//   one, never a half-written file, and the temporary file is removed on every failure.
// - A full disk or quota is DISK_FULL naming the folder (disk-full.ts); other errors pass as they are.
// - A target held open by another program (Excel, Acrobat, antivirus) is retried with backoff; an
//   export (ifHeld: 'numbered') still held then goes to "name (2).ext" and the written path is
//   returned (busy-target.ts). Keys, locks and the app's own files keep their name and throw.
// - Files are created 0600 and new folders 0700 (private-files.ts).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { isBusy, numberedName, retryWhileBusy, sleepSync } from './busy-target';
import { asDiskFull } from './disk-full';
import { makePrivateDir, modesApply, PRIVATE_FILE_MODE } from './private-files';

/** The two calls that move bytes to the disk; tests pass their own to simulate a full disk. */
export interface WriteIo {
  writeSync(fd: number, buffer: Uint8Array, offset: number, length: number): number;
  fsyncSync(fd: number): void;
}

/** Renaming into place and pausing between tries; tests pass their own to simulate a file held open. */
export interface RenameIo {
  renameSync(from: string, to: string): void;
  sleep(ms: number): void;
}

export interface AtomicWriteOptions {
  mode?: number;
  io?: WriteIo;
  /** When the target stays held open after the retries: throw (default) or write "name (2).ext" (exports). */
  ifHeld?: 'throw' | 'numbered';
  rename?: RenameIo;
}

const realRename: RenameIo = { renameSync: (from, to) => fs.renameSync(from, to), sleep: sleepSync };

/** How many numbered names are tried before giving up ("name (2)" … "name (20)"). */
const MAX_NUMBERED_NAME = 20;

/** Moves `temp` over `file`, retrying while `file` is held; with 'numbered', the next free numbered name after that. Returns the path written. */
export function renameIntoPlace(temp: string, file: string, options: AtomicWriteOptions): string {
  const io = options.rename ?? realRename;
  try {
    retryWhileBusy(() => io.renameSync(temp, file), io.sleep);
    return file;
  } catch (error) {
    if (options.ifHeld !== 'numbered' || !isBusy(error)) throw error;
    for (let n = 2; n <= MAX_NUMBERED_NAME; n++) {
      const other = numberedName(file, n);
      if (fs.existsSync(other)) continue; // never replace an earlier copy: it may be the one open
      try {
        io.renameSync(temp, other);
        return other;
      } catch (otherError) {
        if (!isBusy(otherError)) throw otherError;
      }
    }
    throw error;
  }
}

/** A fresh hidden name next to `file` for its bytes in progress. */
export function tempPathFor(file: string, suffix = 'tmp'): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${crypto.randomBytes(6).toString('hex')}.${suffix}`);
}

/** Writes `bytes` to `file` (see the policy above); returns the path written: `file`, or "file (2).ext" when it was held and ifHeld is 'numbered'. */
export function writeFileAtomic(file: string, bytes: Buffer | string, options: AtomicWriteOptions = {}): string {
  const dir = path.dirname(file);
  const mode = options.mode ?? PRIVATE_FILE_MODE;
  const io = options.io ?? fs;
  const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  const temp = tempPathFor(file);
  let writtenTo: string;
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
    writtenTo = renameIntoPlace(temp, file, options);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw asDiskFull(error, dir);
  }
  syncFolder(dir);
  return writtenTo;
}

/**
 * The first half of writeFileAtomic for work that commits several files at once (a certificate
 * export): the bytes go to a fresh hidden sibling of `file` (tempPathFor), written and fsynced; the
 * caller renames it into place later (renameIntoPlace, then syncFolder) or removes it. Returns the
 * temporary path; on failure nothing is left.
 */
export function writeTempSibling(file: string, bytes: Uint8Array, options: Pick<AtomicWriteOptions, 'mode'> = {}): string {
  const dir = path.dirname(file);
  const mode = options.mode ?? PRIVATE_FILE_MODE;
  const temp = tempPathFor(file);
  try {
    makePrivateDir(dir);
    const fd = fs.openSync(temp, 'wx', mode);
    try {
      for (let written = 0; written < bytes.byteLength; ) written += fs.writeSync(fd, bytes, written, bytes.byteLength - written);
      if (modesApply()) fs.fchmodSync(fd, mode);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw asDiskFull(error, dir);
  }
  return temp;
}

/**
 * The same policy for a file written as a stream (a streamed XLSX): `write` gets a stream on the
 * temporary sibling and resolves when it has finished writing (and closed) it; a failure or a
 * cancellation (`write` throws) removes the temporary file, so the target is never half-written.
 */
export function writeStreamAtomic(file: string, write: (stream: fs.WriteStream) => Promise<void>, options: Pick<AtomicWriteOptions, 'mode' | 'ifHeld'> = {}): Promise<string> {
  return atomicallyAsync(file, options, async (temp, mode) => {
    const stream = fs.createWriteStream(temp, { flags: 'wx', mode });
    // A write error fails the whole write; one after a cancellation (the writer abandoned midway)
    // has nobody left to tell and is dropped.
    const failed = new Promise<never>((_, reject) => stream.on('error', reject));
    failed.catch(() => undefined);
    try {
      await Promise.race([write(stream), failed]);
    } finally {
      // Closed before it is removed (Windows cannot delete an open file) or renamed.
      if (!stream.closed) await new Promise<void>((resolve) => stream.close(() => resolve()));
    }
    if (modesApply()) fs.chmodSync(temp, mode);
    syncFile(temp);
  });
}

/**
 * writeFileAtomic's steps on libuv's thread pool: the caller goes on (decoding the next mail
 * attachment) while the disk takes the bytes and the fsync waits for them. Same policy; no io hooks.
 */
export function writeFileAtomicAsync(file: string, bytes: Uint8Array, options: Pick<AtomicWriteOptions, 'mode'> = {}): Promise<string> {
  return atomicallyAsync(file, options, async (temp, mode) => {
    const handle = await fs.promises.open(temp, 'wx', mode);
    try {
      for (let written = 0; written < bytes.byteLength; ) written += (await handle.write(bytes, written, bytes.byteLength - written)).bytesWritten;
      if (modesApply()) await handle.chmod(mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
  });
}

/**
 * The policy's frame for the asynchronous writers: `fill` writes and syncs the temporary sibling;
 * then it is renamed into place and the folder synced; on any failure the sibling is removed.
 */
async function atomicallyAsync(file: string, options: Pick<AtomicWriteOptions, 'mode' | 'ifHeld'>, fill: (temp: string, mode: number) => Promise<void>): Promise<string> {
  const dir = path.dirname(file);
  const mode = options.mode ?? PRIVATE_FILE_MODE;
  const temp = tempPathFor(file);
  let writtenTo: string;
  try {
    makePrivateDir(dir);
    await fill(temp, mode);
    writtenTo = renameIntoPlace(temp, file, options);
  } catch (error) {
    await fs.promises.rm(temp, { force: true });
    throw asDiskFull(error, dir);
  }
  await syncFolderAsync(dir);
  return writtenTo;
}

async function syncFolderAsync(dir: string): Promise<void> {
  try {
    const handle = await fs.promises.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // As syncFolder: not on Windows.
  }
}

/** `from` copied to `to` the same way: a temporary sibling, fsync, rename (the mode is the source's). */
export function copyFileAtomic(from: string, to: string): void {
  const dir = path.dirname(to);
  const temp = tempPathFor(to);
  try {
    makePrivateDir(dir);
    fs.copyFileSync(from, temp, fs.constants.COPYFILE_EXCL);
    syncFile(temp);
    renameIntoPlace(temp, to, {});
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
