// Judging a ZIP member by its name and metadata alone, before any byte is extracted. Policy: a
// name is accepted only as a relative, forward-slash path that stays inside the target folder
// after resolution; a member whose Unix mode says link, folder or device is refused whatever its
// name (a symlink member is how "extract here" writes outside "here").
import path from 'node:path';
import type { CentralRecord } from './zip-layout';

const UTF8_FLAG = 0x0800;
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFLNK = 0o120000;
const S_IFDIR = 0o040000;

const utf8 = new TextDecoder('utf-8', { fatal: true });

export interface MemberName {
  /** The name as text (latin1 when it could not be decoded; then `decoded` is false). */
  text: string;
  decoded: boolean;
}

export function memberName(record: Pick<CentralRecord, 'name' | 'flags'>): MemberName {
  const ascii = record.name.every((b) => b < 0x80);
  if (ascii) return { text: record.name.toString('latin1'), decoded: true };
  if (record.flags & UTF8_FLAG) {
    try {
      return { text: utf8.decode(record.name), decoded: true };
    } catch {
      // fall through
    }
  }
  return { text: record.name.toString('latin1'), decoded: false };
}

/** Why the member may not be extracted into `targetDir`, or null when it may. */
export function memberProblem(name: MemberName, record: Pick<CentralRecord, 'mode'>, targetDir: string): string | null {
  const text = name.text;
  if (!name.decoded) return 'the name is not UTF-8 text';
  if (text === '' || text.includes('\0')) return 'empty name or NUL character';
  if (text.includes('\\')) return 'backslash in the name';
  if (text.startsWith('/') || /^[A-Za-z]:/.test(text)) return 'absolute path';
  if (text.split('/').some((segment) => segment === '..')) return '".." in the path';
  const resolved = path.resolve(targetDir, text);
  const relative = path.relative(targetDir, resolved);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return 'resolves outside the target folder';
  const type = record.mode & S_IFMT;
  if (type === S_IFLNK) return 'symbolic link';
  if (type === S_IFDIR || text.endsWith('/')) return 'folder entry';
  if (type !== 0 && type !== S_IFREG) return 'not a regular file';
  return null;
}
