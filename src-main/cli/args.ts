// Argument parsing with node:util; a usage problem exits 2 (see main.ts). Arguments arrive as people
// type them on Windows too: a path pasted from Explorer's "Copy as path" inside a single-quoted
// shell word keeps its double quotes (stripped here), and wildcards reach the program unexpanded
// (wildcards.ts).
import { parseArgs } from 'node:util';
import { unquotePath } from '../contract/path-text';
import { expandWildcards } from './wildcards';

export class UsageError extends Error {}

/** Options that name a file or folder (positionals are files or identifiers: both lose pasted quotes). Text options keep theirs. */
const PATH_OPTIONS = new Set(['data-dir', 'out', 'file', 'from', 'lock', 'verify', 'key', 'backup-dir']);

export interface CommonOptions {
  dataDir?: string;
  json: boolean;
}

export function parseCommand<T extends Record<string, { type: 'string' | 'boolean' }>>(
  argv: string[],
  options: T,
  platform: NodeJS.Platform = process.platform,
): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { 'data-dir': { type: 'string' }, json: { type: 'boolean' }, ...options },
      allowPositionals: true,
      strict: true,
    });
    const unquoted = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'string' && PATH_OPTIONS.has(k) ? stripPastedQuotes(v) : v]));
    return { values: unquoted as Record<string, string | boolean | undefined>, positionals: expandWildcards(positionals.map(stripPastedQuotes), platform) };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** A whole argument inside quotes ("C:\\作品\\a.mp4") without them; any other text as it was (not trimmed). */
export function stripPastedQuotes(arg: string): string {
  const unquoted = unquotePath(arg);
  return unquoted === arg.trim() ? arg : unquoted;
}
