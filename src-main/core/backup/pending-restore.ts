// Restoring in the app, "next to the current data": the backup is restored completely and checked
// into `<data>/restore-pending/` while the app runs on (restore-backup.ts), and put in place at the
// app's next start, before the database is opened: every item it holds (kepu.sqlite, keys/,
// restored-media/) replaces the data folder's own, and what it replaces is moved — not deleted —
// into `<data>/replaced-<time>/`.
// Why inside the data folder and not a sibling folder: the data folder is also the desktop shell's
// profile folder, whose files Chromium holds open (Windows refuses to rename a folder with open
// files), and the packages cache, exports and backups/ stay where they are; each move is a rename
// on the same disk, instant even for gigabytes; "Open data folder" shows the replaced data.
// Why at the next start: every open handle of the running app (queries, jobs, media streams) uses
// the current database; swapping it under them would be unsafe. The swap is idempotent: a crash
// in the middle is finished by the next start (swap.json names the folder chosen the first time).
import fs from 'node:fs';
import path from 'node:path';
import { DATABASE_FILE_NAME } from '../db/connection';
import { syncFolder } from '../files/atomic-write';
import { makePrivateDir } from '../files/private-files';

export const PENDING_RESTORE_FOLDER = 'restore-pending';
const SWAP_FILE = 'swap.json';

export function pendingRestoreDir(dataDir: string): string {
  return path.join(dataDir, PENDING_RESTORE_FOLDER);
}

/** The folder the replaced data goes to: `replaced-2026-12-03T10-15-00-000Z`. */
export function replacedDirName(at: Date = new Date()): string {
  return `replaced-${at.toISOString().replace(/[:.]/g, '-')}`;
}

/**
 * Puts a pending restore in place; returns the folder holding the replaced data, or null when
 * nothing was pending. Run before the database is opened (context.ts).
 */
export function applyPendingRestore(dataDir: string): string | null {
  const pending = pendingRestoreDir(dataDir);
  if (!fs.statSync(pending, { throwIfNoEntry: false })?.isDirectory()) return null;
  const swapFile = path.join(pending, SWAP_FILE);
  let replacedName: string;
  try {
    replacedName = (JSON.parse(fs.readFileSync(swapFile, 'utf8')) as { replaced: string }).replaced;
  } catch {
    replacedName = replacedDirName();
    fs.writeFileSync(swapFile, JSON.stringify({ replaced: replacedName }), { mode: 0o600 });
  }
  const replaced = path.join(dataDir, replacedName);
  makePrivateDir(replaced);
  for (const name of fs.readdirSync(pending)) {
    if (name === SWAP_FILE) continue;
    // The database brings its companions: a -wal left beside the new file would be applied to it.
    const aside = name === DATABASE_FILE_NAME ? [name, `${name}-wal`, `${name}-shm`, `${name}-journal`] : [name];
    for (const item of aside) {
      const current = path.join(dataDir, item);
      if (fs.existsSync(current) && !fs.existsSync(path.join(replaced, item))) fs.renameSync(current, path.join(replaced, item));
    }
    fs.renameSync(path.join(pending, name), path.join(dataDir, name));
  }
  fs.rmSync(pending, { recursive: true, force: true });
  syncFolder(dataDir);
  return replaced;
}
