// What a folder walk over people's media folders takes, on every OS. Two things go wrong outside
// Linux:
// - Windows reports every reparse point as a link, OneDrive's on-demand placeholders included: the
//   Dirent says neither isFile() nor isDirectory(), and those works were silently skipped. Such an
//   entry is stat'ed; only a real symbolic link or junction (readlink succeeds: it names a target)
//   is skipped, so a link loop or a link out of the folder is still never followed.
// - File managers leave their own files beside the works (Thumbs.db, desktop.ini, .DS_Store, Office's
//   "~$" lock files, a zip's __MACOSX folder, AppleDouble "._" files). Linked as documents they held
//   an entry out of the ranking as non-compliant. Hidden files (a leading dot) count as junk too:
//   Windows' hidden/system attribute cannot be read from Node, and these names are what it marks.
import fs from 'node:fs';

/** Names (lower case) that operating systems and file managers create, never a work. */
const JUNK_NAMES = new Set([
  'thumbs.db',
  'ehthumbs.db',
  'ehthumbs_vista.db',
  'desktop.ini',
  '__macosx',
  '$recycle.bin',
  'system volume information',
  'icon\r',
]);

/** True for a name a walk leaves out: OS junk, Office lock files, hidden (dot) files and folders. */
export function isOsJunk(name: string): boolean {
  if (name.startsWith('.')) return true; // .DS_Store, ._AppleDouble, .Spotlight-V100, .Trashes, .git
  if (name.startsWith('~$')) return true; // Word/Excel/WPS lock file of an open document
  // Hidden system files Windows Media Player writes into folders it has seen.
  if (/^albumart(small|_\{[0-9a-f-]+\}_(large|small))\.jpg$/i.test(name)) return true;
  return JUNK_NAMES.has(name.toLowerCase());
}

/** The calls a walk makes on entries a Dirent cannot classify; tests pass their own. */
export interface LinkProbeFs {
  statSync(file: string): fs.Stats;
  readlinkSync(file: string): string;
}

export type EntryKind = 'file' | 'dir' | null;

/** The minimum of fs.Dirent a walk reads. */
export interface DirentLike {
  name: string;
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
}

/**
 * What a walk does with one entry: 'file' to take, 'dir' to descend, null to skip (junk, a real
 * link, something unreadable, a device or socket).
 */
export function entryKind(full: string, entry: DirentLike, io: LinkProbeFs = fs): EntryKind {
  if (isOsJunk(entry.name)) return null;
  if (entry.isDirectory()) return 'dir';
  if (entry.isFile()) return 'file';
  if (!entry.isSymbolicLink()) return null; // a socket, a FIFO, a device
  // A link, or a Windows reparse point Node reports as one. A real link names its target.
  try {
    io.readlinkSync(full);
    return null;
  } catch {
    // Not a name-surrogate reparse point (OneDrive placeholder, deduplicated file): a real file or folder.
  }
  try {
    const stat = io.statSync(full);
    if (stat.isFile()) return 'file';
    if (stat.isDirectory()) return 'dir';
  } catch {
    // Unreadable (a cloud file that cannot be fetched offline): skipped like an unreadable folder.
  }
  return null;
}
