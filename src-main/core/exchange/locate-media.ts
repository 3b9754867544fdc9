// Finding a package's media by hash when the package was exported without them (the videos came
// on a USB stick or a shared folder). Policy: a file is taken only when its SHA-256 equals the
// manifest's; the size is compared first so only plausible candidates are hashed (streamed, one at
// a time). Folder links are not followed (no loops, no surprises), unreadable folders are skipped,
// and the walk stops as soon as everything wanted was found.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { KepuError } from '../errors';
import { entryKind } from '../files/folder-walk';
import { sha256File } from '../media/hash';
import type { PackageManifest } from './package-manifest';

export interface LocateOptions {
  /** Hashes to look for; default: every asset the package lists as not included. */
  wanted?: Iterable<string>;
  /** Folder depth below each given folder; default 8. */
  maxDepth?: number;
  signal?: AbortSignal;
  /** Files never to read (the app's own database and keys, when a parent folder is searched). */
  skip?: (file: string) => boolean;
}

export interface WantedMedia {
  sha256: string;
  sizeBytes: number;
  fileName: string;
}

export interface LocateResult {
  found: { sha256: string; path: string }[];
  missing: WantedMedia[];
  /** Files whose size matched and that were hashed (a measure of the work done). */
  hashed: number;
}

export async function locateMediaByHash(manifest: PackageManifest, folders: readonly string[], options: LocateOptions = {}): Promise<LocateResult> {
  const wantedHashes = options.wanted ? new Set(options.wanted) : null;
  const missing = new Map<string, WantedMedia>();
  for (const entry of manifest.entries) {
    for (const asset of entry.assets) {
      const want = wantedHashes ? wantedHashes.has(asset.sha256) : !asset.included;
      if (want && !missing.has(asset.sha256)) missing.set(asset.sha256, { sha256: asset.sha256, sizeBytes: asset.sizeBytes, fileName: asset.fileName });
    }
  }
  for (const folder of folders) {
    if (!fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
      throw new KepuError('MEDIA_FOLDER_NOT_FOUND', `locate-media: ${folder} is not a folder`, { folder });
    }
  }
  const found: { sha256: string; path: string }[] = [];
  let hashed = 0;
  const sizes = () => new Set([...missing.values()].map((m) => m.sizeBytes));
  let wantedSizes = sizes();

  const visit = async (dir: string, depth: number): Promise<void> => {
    if (missing.size === 0 || depth > (options.maxDepth ?? 8)) return;
    let entries: fs.Dirent[];
    try {
      entries = await fsp.readdir(dir, { withFileTypes: true });
    } catch {
      return; // unreadable folder: skip, it may be a system folder on the stick
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (missing.size === 0) return;
      options.signal?.throwIfAborted();
      const full = path.join(dir, entry.name);
      if (options.skip?.(full)) continue;
      const kind = entryKind(full, entry);
      if (kind === 'dir') await visit(full, depth + 1);
      else if (kind === 'file') {
        const size = (await fsp.stat(full).catch(() => null))?.size;
        if (size === undefined || !wantedSizes.has(size)) continue;
        const digest = await sha256File(full).catch(() => null);
        hashed += 1;
        const match = digest ? missing.get(digest) : undefined;
        if (match && match.sizeBytes === size) {
          missing.delete(match.sha256);
          found.push({ sha256: match.sha256, path: full });
          wantedSizes = sizes();
        }
      }
    }
  };
  for (const folder of folders) await visit(path.resolve(folder), 0);
  return { found, missing: [...missing.values()], hashed };
}
