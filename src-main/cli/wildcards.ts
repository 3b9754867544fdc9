// Wildcards in file arguments on Windows. A POSIX shell expands `kepu bundle merge *.kepubundle`
// before the program starts; cmd.exe and PowerShell pass the pattern as it was typed, and the
// command then looked for a file literally named "*.kepubundle". On win32 the CLI expands `*` and
// `?` in the last part of a path itself (case-insensitively, as NTFS names compare), sorted; a
// pattern that matches nothing stays as typed so the error names it, as bash does.
import fs from 'node:fs';
import path from 'node:path';

export function expandWildcards(args: readonly string[], platform: NodeJS.Platform = process.platform): string[] {
  if (platform !== 'win32') return [...args];
  return args.flatMap((arg) => expandOne(arg));
}

function expandOne(arg: string): string[] {
  const base = path.basename(arg);
  if (!/[*?]/.test(base) || /[*?]/.test(path.dirname(arg))) return [arg];
  const dir = path.dirname(arg);
  const regex = new RegExp(`^${[...base].map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[\\^$.|+()[\]{}]/g, '\\$&'))).join('')}$`, 'iu');
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [arg];
  }
  // Hidden names are matched only by a pattern that starts with a dot, as in a shell.
  const hits = names.filter((name) => regex.test(name) && (base.startsWith('.') || !name.startsWith('.'))).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  // Keep the folder as typed ("." only when it was given), so relative arguments stay relative.
  const keepDir = arg.length > base.length;
  return hits.length ? hits.map((name) => (keepDir ? path.join(dir, name) : name)) : [arg];
}
