// The data folder holds names, phone numbers and the signing key: only its owner may read it.
// Policy: folders the app creates are 0700 and files it writes 0600. On Windows the modes mean
// nothing (access is governed by ACLs, and the per-user AppData folder is already private), so
// nothing is changed there and nothing fails. A chmod that the OS refuses (a folder owned by
// someone else, a file system without modes such as FAT on a USB stick) is not an error either:
// the write itself matters more than its mode.
import fs from 'node:fs';
import { asDiskFull } from './disk-full';

export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

export function modesApply(platform: NodeJS.Platform = process.platform): boolean {
  return platform !== 'win32';
}

/** Sets `mode` on `target` where modes apply; a refusal by the OS is ignored (see above). */
export function restrictMode(target: string, mode: number = PRIVATE_FILE_MODE): void {
  if (!modesApply()) return;
  try {
    fs.chmodSync(target, mode);
  } catch {
    // Not ours or no modes on this file system: keep going.
  }
}

/** Creates `dir` (and missing parents) as private folders; an existing folder is left as it is. */
export function makePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/**
 * The data folder: created private, and tightened when it already holds a Kepu database (an
 * installation from before this policy). Any other existing folder a user names with --data-dir
 * is left alone: it may be shared on purpose, and a chmod of e.g. the home folder would surprise.
 */
export function preparePrivateDataDir(dir: string, databaseFile: string): void {
  const existed = fs.existsSync(dir);
  try {
    makePrivateDir(dir);
  } catch (error) {
    throw asDiskFull(error, dir);
  }
  if (!existed || fs.existsSync(databaseFile)) restrictMode(dir, PRIVATE_DIR_MODE);
}
