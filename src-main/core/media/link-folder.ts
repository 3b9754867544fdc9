// Linking a folder of works to registrations: every file is matched to an entry by a registration
// number in its name or in the name of a folder above it ("SC-0001_七步洗手法.mp4",
// "SC-0001/page-1.jpg"). A configurable pattern (a regular expression with one capture group)
// covers other naming schemes. Unmatched files and entries without files are listed, not guessed.
import fs from 'node:fs';
import path from 'node:path';
import { KepuError } from '../errors';
import { entryKind, type LinkProbeFs } from '../files/folder-walk';

/** The directory listing and the link probes of a walk; tests pass a stand-in for Windows' reparse points. */
export type WalkFs = LinkProbeFs & Pick<typeof fs, 'readdirSync'>;

/**
 * Every regular file below `folder`, sorted; OS junk, dot-files and dot-folders (".DS_Store",
 * "Thumbs.db", "~$…" lock files, ".git") skipped (folder-walk.ts), and so is every file `skip` names
 * (the app's own database and keys, when a parent folder is linked).
 */
export function listFiles(folder: string, skip: (file: string) => boolean = () => false, io: WalkFs = fs): string[] {
  const root = path.resolve(folder);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(root);
  } catch {
    throw new KepuError('MEDIA_FOLDER_NOT_FOUND', `media: no folder ${root}`, { folder: root });
  }
  if (!stat.isDirectory()) throw new KepuError('MEDIA_FOLDER_NOT_FOUND', `media: not a folder: ${root}`, { folder: root });
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of io.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (skip(full)) continue;
      // Symbolic links are not followed: a link loop or a link out of the folder is not a work.
      const kind = entryKind(full, entry, io);
      if (kind === 'dir') walk(full);
      else if (kind === 'file') out.push(full);
    }
  };
  walk(root);
  return out.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

export interface FolderMatch {
  /** regNo → files, in name order (page 1, page 2 … page 10). */
  byRegNo: Map<string, string[]>;
  unmatched: string[];
}

/**
 * Matches files to registration numbers. Default: a name (without extension) or any folder name on
 * the way, split at separators, contains a known registration number as a whole token; the longest
 * number wins. With `pattern`, its first capture group is the registration number.
 */
export function matchFiles(root: string, files: readonly string[], regNos: readonly string[], pattern?: string): FolderMatch {
  const known = new Set(regNos);
  const byRegNo = new Map<string, string[]>();
  const unmatched: string[] = [];
  const regex = pattern ? compilePattern(pattern) : null;
  const lowerKnown = new Map(regNos.map((r) => [r.toLowerCase(), r]));
  for (const file of files) {
    const relative = path.relative(path.resolve(root), file);
    const parts = relative.split(path.sep);
    parts[parts.length - 1] = parts[parts.length - 1].replace(/\.[^.]+$/, '');
    let found: string | null = null;
    for (const part of [...parts].reverse()) {
      found = regex ? matchByPattern(regex, part, known, lowerKnown) : matchByTokens(part, known, lowerKnown);
      if (found) break;
    }
    if (found) byRegNo.set(found, [...(byRegNo.get(found) ?? []), file]);
    else unmatched.push(file);
  }
  return { byRegNo, unmatched };
}

function compilePattern(pattern: string): RegExp {
  try {
    return new RegExp(pattern, 'iu');
  } catch (error) {
    throw new KepuError('INVALID_REQUEST', `media: bad pattern ${pattern}: ${(error as Error).message}`, {
      path: 'pattern',
      detail: (error as Error).message,
    });
  }
}

function matchByPattern(regex: RegExp, name: string, known: Set<string>, lowerKnown: Map<string, string>): string | null {
  const m = regex.exec(name);
  const candidate = m?.[1] ?? m?.[0];
  if (!candidate) return null;
  return known.has(candidate) ? candidate : (lowerKnown.get(candidate.toLowerCase()) ?? null);
}

function matchByTokens(name: string, known: Set<string>, lowerKnown: Map<string, string>): string | null {
  if (known.has(name)) return name;
  // Separators people use between a number and a title; "-" is kept (it is inside "SC-0001").
  const tokens = name.split(/[\s_.,;:()（）[\]【】《》、,。+—]+/u).filter(Boolean);
  let best: string | null = null;
  for (const token of tokens) {
    const hit = known.has(token) ? token : lowerKnown.get(token.toLowerCase());
    if (hit && (!best || hit.length > best.length)) best = hit;
  }
  if (best) return best;
  // "SC-0001-七步洗手法": a known number followed by a dash and more text.
  for (const token of tokens) {
    for (let i = token.indexOf('-'); i > 0; i = token.indexOf('-', i + 1)) {
      const head = token.slice(0, i);
      const hit = known.has(head) ? head : lowerKnown.get(head.toLowerCase());
      if (hit && (!best || hit.length > best.length)) best = hit;
    }
  }
  return best;
}
