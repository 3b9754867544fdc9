// Where the media of opened packages live on the judge's machine. Policy:
// - One folder per local campaign, <data>/packages/<campaign>/media, shared by every package
//   opened into it: files are stored by hash, so a re-issued package adds only what is new, and
//   opening a package again creates nothing.
// - The judge should see the entrant's file names, so each asset is also reachable as
//   media/<regNo>/<first 16 hex of its SHA-256>/<file name> (a hard link where possible, else a
//   copy). The hash folder keeps two different files with the same name in one entry apart
//   ("初稿/海报.jpg", "终稿/海报.jpg"); the same file listed twice in one entry gets a numbered
//   folder (<hash>-2), because an entry holds each path once. "Twice" is judged on the name as
//   stored, case- and Unicode-normalization-insensitively: NTFS and APFS see "海报.JPG" and
//   "海报.jpg" (or a decomposed "é") as one file, and "a:b" and "a_b" are both stored as "a_b".
// - Every file and folder made here is recorded, so a failed open removes exactly what it added.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { copyFileAtomic } from '../files/atomic-write';

/** The folder a local campaign's package media go to (under `packagesRoot`). */
export function packageMediaFolder(packagesRoot: string, campaignId: string): string {
  const readable = campaignId.replace(/[^\w.-]+/g, '_').replace(/^\.+/, '_').slice(0, 60);
  // Two ids that read the same after cleaning still get folders of their own.
  return path.join(packagesRoot, `${readable}-${createHash('sha256').update(campaignId).digest('hex').slice(0, 8)}`);
}

const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i;

/** One safe path component: no separators or control characters, not a Windows device name. */
export function safeComponent(text: string): string {
  let s = text.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').replace(/^\.+/, '_').replace(/[. ]+$/, '_').slice(0, 200);
  if (WINDOWS_DEVICE.test(s)) s = `_${s}`;
  return s || '_';
}

export interface NamedAsset {
  regNo: string;
  sha256: string;
  fileName: string;
  /** 1 for the first time this (hash, name) appears in the entry, 2 for the second… */
  occurrence: number;
}

/** The file name an asset is stored under: its last path part, made safe. */
function storedName(fileName: string): string {
  return safeComponent(path.basename(fileName.replace(/\\/g, '/')));
}

export function namedMediaPath(mediaDir: string, asset: NamedAsset): string {
  const folder = asset.sha256.slice(0, 16) + (asset.occurrence > 1 ? `-${asset.occurrence}` : '');
  return path.join(mediaDir, safeComponent(asset.regNo), folder, storedName(asset.fileName));
}

/** Counts (hash, stored name) pairs within one entry's asset list, in order; names compared as a case-insensitive file system does. */
export function occurrences(assets: readonly { sha256: string; fileName: string }[]): number[] {
  const seen = new Map<string, number>();
  return assets.map((a) => {
    const key = `${a.sha256}/${storedName(a.fileName).normalize('NFC').toLowerCase()}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n;
  });
}

/**
 * Makes `stored` (a file with the asset's bytes) reachable under its entrant's name; returns that
 * path. An existing file there has the same bytes (its folder is named by the hash) and is kept.
 */
export function linkUnderOriginalName(stored: string, mediaDir: string, asset: NamedAsset, created: string[]): string {
  const target = namedMediaPath(mediaDir, asset);
  if (fs.existsSync(target)) return target;
  const newFolder = fs.mkdirSync(path.dirname(target), { recursive: true });
  if (newFolder) created.push(newFolder);
  try {
    fs.linkSync(stored, target);
  } catch {
    copyFileAtomic(stored, target); // never half a copy under the name checked above
  }
  if (!newFolder) created.push(target);
  return target;
}

/** Removes what an open created, newest first; a path already gone is fine. */
export function removeCreated(created: readonly string[]): void {
  for (const item of [...created].reverse()) fs.rmSync(item, { recursive: true, force: true });
}
