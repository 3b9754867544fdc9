// A path a person typed or pasted. Windows Explorer's "Copy as path" puts the path in double
// quotes ("C:\作品 2026\SC-0001.mp4"), macOS Finder's "Copy … as Pathname" does not but a terminal
// drag adds single quotes or backslash-escaped spaces, and pasted text often ends in a newline. The
// quotes are never part of a real path, so they are taken off wherever a path comes in: request
// schemas (TypedPath, typed-path.ts), the CLI's arguments and the renderer's path fields all use unquotePath. No
// zod here: the renderer imports it as a value.

/** `path` without surrounding whitespace and one pair of surrounding quotes ("…", '…', “…”). */
export function unquotePath(path: string): string {
  let text = path.trim();
  for (const [open, close] of [['"', '"'], ["'", "'"], ['“', '”']] as const) {
    if (text.length >= 2 && text.startsWith(open) && text.endsWith(close)) {
      text = text.slice(1, -1).trim();
      break;
    }
  }
  return text;
}
