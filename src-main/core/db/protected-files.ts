// The data folder's own files that nothing but SQLite and the key store may open.
// Why: SQLite guards its database with POSIX advisory locks, and POSIX drops every lock a process
// holds on a file as soon as that process closes ANY descriptor of it. Reading `kepu.sqlite` (or
// its -shm) through `fs` — as a "review package", a seal image, a file in a linked media folder —
// silently unlocks the open database; the next outside connection (a `kepu` command, a second
// window) then believes it is alone, checkpoints and deletes the WAL, and every write this process
// acknowledges afterwards goes to a deleted file. So every path a person hands us is checked here
// BEFORE anything opens it: by device and inode (stat never opens a file, and catches hard links,
// other spellings and other drive letters of the same file) and by resolved path (for -wal/-shm
// files that do not exist yet, and the keys folder).
import fs from 'node:fs';
import path from 'node:path';
import { KepuError } from '../errors';
import { DATABASE_FILE_NAME } from './connection';

/** SQLite's companions of a database file; any of them may appear while the app runs. */
const SQLITE_SUFFIXES = ['', '-wal', '-shm', '-journal'] as const;
export const KEYS_FOLDER_NAME = 'keys';

type PathApi = Pick<typeof path, 'resolve' | 'relative' | 'isAbsolute' | 'sep'>;

/** Paths compare case-insensitively where the file system usually does (Windows, macOS). */
export function samePath(a: string, b: string, api: PathApi = path, platform: NodeJS.Platform = process.platform): boolean {
  const fold = platform === 'win32' || platform === 'darwin' ? (p: string) => p.toLowerCase() : (p: string) => p;
  return fold(api.resolve(a)) === fold(api.resolve(b));
}

/** True when `candidate` is `folder` itself or anything below it. */
export function isInside(candidate: string, folder: string, api: PathApi = path, platform: NodeJS.Platform = process.platform): boolean {
  const fold = platform === 'win32' || platform === 'darwin' ? (p: string) => p.toLowerCase() : (p: string) => p;
  const relative = api.relative(fold(api.resolve(folder)), fold(api.resolve(candidate)));
  return relative === '' || (!relative.startsWith(`..${api.sep}`) && relative !== '..' && !api.isAbsolute(relative));
}

function identity(file: string): string | null {
  const stat = fs.statSync(file, { bigint: true, throwIfNoEntry: false });
  return stat ? `${stat.dev}:${stat.ino}` : null;
}

function realOrResolved(file: string): string {
  try {
    return fs.realpathSync.native(file);
  } catch {
    return path.resolve(file);
  }
}

export class ProtectedFiles {
  private readonly databaseFiles: string[];
  private readonly keysFolder: string;

  constructor(readonly dataDir: string) {
    this.databaseFiles = SQLITE_SUFFIXES.map((suffix) => path.join(dataDir, `${DATABASE_FILE_NAME}${suffix}`));
    this.keysFolder = path.join(dataDir, KEYS_FOLDER_NAME);
  }

  /**
   * Whether a path names one of the protected files (or the keys folder, or anything in it).
   * `stat` may be given by a folder walk that already has it; nothing here opens a file.
   */
  isProtected(file: string, stat?: { dev: bigint | number; ino: bigint | number }): boolean {
    const resolved = path.resolve(file);
    const real = realOrResolved(resolved);
    for (const candidate of [resolved, real]) {
      if (this.databaseFiles.some((db) => samePath(candidate, db))) return true;
      if (isInside(candidate, this.keysFolder) || isInside(candidate, realOrResolved(this.keysFolder))) return true;
    }
    // Only an exact (bigint) stat is trusted: NTFS file ids exceed 2^53 and would round as numbers.
    const own = stat && typeof stat.ino === 'bigint' ? `${stat.dev}:${stat.ino}` : identity(resolved);
    if (own === null) return false;
    return this.databaseFiles.some((db) => identity(db) === own);
  }

  /** Refuses a path that names the app's own database or key files, before anything opens it. */
  assertNotProtected(file: string): void {
    if (this.isProtected(file)) {
      throw new KepuError('PATH_IS_APP_DATA', `refused: ${file} is one of the app's own data files`, { file: path.basename(file) });
    }
  }
}
