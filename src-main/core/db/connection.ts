// Opens the one SQLite file of a data directory and brings its schema up to date.
// Policy: refuse (never touch) a file that is not SQLite, an existing file of 0 bytes (a database
// that lost its content — a failed copy or sync — is not silently replaced by an empty one), or
// a file that a newer app version wrote; copy the file aside before migrating an existing database
// (temp name, fsync, rename, like every file we write); run all pending migrations in one
// transaction so a failure leaves the file exactly as it was. The database holds names and phone
// numbers: the file and its -wal/-shm are 0600 where the OS has modes (SQLite gives -wal and -shm
// the mode of the database file, which is therefore narrowed before they are created).
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { KepuError } from '../errors';
import { syncFile, syncFolder, tempPathFor } from '../files/atomic-write';
import { asDiskFull, isDiskFull } from '../files/disk-full';
import { makePrivateDir, restrictMode } from '../files/private-files';
import { latestSchemaVersion, migrations } from './migrations';
import { ensureChangeTriggers } from './change-token';
import { registerAuditFunctions } from '../audit/audit-hash';
import type { Migration } from './migration';

export const DATABASE_FILE_NAME = 'kepu.sqlite';
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for another runtime (the Electron shell passes one). */
  nativeBinding?: string;
  /** For tests of the migration runner. */
  migrations?: readonly Migration[];
}

export function databasePath(dataDir: string): string {
  return path.join(dataDir, DATABASE_FILE_NAME);
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const steps = options.migrations ?? migrations;
  const target = steps.length ? steps[steps.length - 1].version : 0;
  assertLooksLikeSqlite(file);
  let db: Db;
  try {
    makePrivateDir(path.dirname(file));
    db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (error) {
    throw unreadable(file, error);
  }
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (fs.existsSync(f)) restrictMode(f);
  try {
    const found = db.pragma('user_version', { simple: true }) as number;
    if (found > target) {
      throw new KepuError(
        'DB_NEWER_VERSION',
        `db: ${file} has schema version ${found}; this app supports up to ${target}. Update the app.`,
        { file, found, supported: target },
      );
    }
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // FULL: a commit the UI reported as saved survives a power cut, not only a crash.
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    // 64 MiB of page cache (the default is 2 MiB): merges and rankings touch scores across the
    // whole table, and a desktop has the memory.
    db.pragma('cache_size = -65536');
    // The audit log's insert trigger hashes each new row through this function (migration 0013).
    registerAuditFunctions(db);
    if (found < target) migrate(db, file, found, steps);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof KepuError) throw error;
    throw unreadable(file, error);
  }
}

/**
 * A plain connection to another SQLite file of the app's own making (a campaign backup): loaded
 * through the same native binding as the database (Electron needs its own build), no WAL, no
 * migrations. A file may come from elsewhere: no function named in its schema may run with side
 * effects (trusted_schema off).
 */
export function openSqliteFile(file: string, options: { nativeBinding?: string; readonly?: boolean; create?: boolean } = {}): Db {
  const db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: !options.create, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  try {
    db.pragma('trusted_schema = OFF');
    // Such a file holds part of the data (one campaign, a judge shared with others only as far as
    // it needs): references are the database's to check, not the side file's.
    db.pragma('foreign_keys = OFF');
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/**
 * A second, read-only connection to the app's database, for a worker thread that only reads (a
 * ranking export): the main connection keeps migrating and writing; WAL lets this one read a
 * consistent snapshot beside it. No migrations: the main process opened (and migrated) the file
 * before any job could start.
 */
export function openDatabaseReadOnly(file: string, options: Pick<OpenOptions, 'nativeBinding'> = {}): Db {
  const db = new Database(file, { readonly: true, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('cache_size = -65536');
  } catch (error) {
    db.close();
    throw unreadable(file, error);
  }
  return db;
}

function migrate(db: Db, file: string, from: number, steps: readonly Migration[]): void {
  if (from > 0) backupBeforeMigrating(db, file, from);
  const pending = steps.filter((m) => m.version > from);
  // A table rebuild needs foreign keys off (see Migration.rebuildsTables). The pragma is a no-op
  // inside a transaction, so it is set around the whole run; the keys are checked before commit.
  const rebuilds = pending.find((m) => m.rebuildsTables);
  const run = db.transaction(() => {
    for (const step of pending) {
      try {
        step.up(db);
      } catch (error) {
        if (isDiskFull(error)) throw asDiskFull(error, path.dirname(file));
        throw new KepuError(
          'DB_MIGRATION_FAILED',
          `db: migration ${step.version}-${step.name} failed: ${(error as Error).message}`,
          { file, version: step.version, name: step.name },
        );
      }
      db.pragma(`user_version = ${step.version}`);
    }
    // Every table, old or just made, moves the change token (change-token.ts).
    ensureChangeTriggers(db);
    if (rebuilds) {
      const broken = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
      if (broken.length > 0) {
        const first = broken[0];
        throw new KepuError(
          'DB_MIGRATION_FAILED',
          `db: migration ${rebuilds.version}-${rebuilds.name} left ${broken.length} broken foreign key(s), first ${first.table} row ${first.rowid} → ${first.parent}`,
          { file, version: rebuilds.version, name: rebuilds.name },
        );
      }
    }
  });
  if (rebuilds) db.pragma('foreign_keys = OFF');
  try {
    run();
  } finally {
    if (rebuilds) db.pragma('foreign_keys = ON');
  }
}

function backupBeforeMigrating(db: Db, file: string, version: number): void {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const copy = `${file}.v${version}.${stamp}.bak`;
  const temp = tempPathFor(copy);
  try {
    // VACUUM INTO writes a consistent copy including anything still in the WAL.
    db.prepare('VACUUM INTO ?').run(temp);
    restrictMode(temp);
    syncFile(temp);
    fs.renameSync(temp, copy);
  } catch (error) {
    for (const f of [temp, `${temp}-journal`]) fs.rmSync(f, { force: true });
    throw error;
  }
  syncFolder(path.dirname(copy));
}

function assertLooksLikeSqlite(file: string): void {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // a new database
    throw unreadable(file, error);
  }
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length);
    const read = fs.readSync(fd, head, 0, head.length, 0);
    if (read === 0) {
      // SQLite would take it for a fresh database and set one up; a kepu.sqlite that exists but is
      // empty lost its data (a failed copy, a sync tool, a full disk), so it is refused untouched.
      throw new KepuError('DB_FILE_EMPTY', `db: ${file} is empty (0 bytes); refusing to set up a new database over it`, { file });
    }
    if (read < head.length || !head.equals(SQLITE_HEADER)) {
      throw new KepuError('DB_UNREADABLE', `db: ${file} is not a Kepu Review database (not SQLite)`, {
        file,
        reason: 'not-sqlite',
      });
    }
  } finally {
    fs.closeSync(fd);
  }
}

function unreadable(file: string, error: unknown): KepuError {
  if (error instanceof KepuError) return error;
  if (isDiskFull(error)) return asDiskFull(error, path.dirname(file)) as KepuError;
  const reason = (error as Error)?.message ?? String(error);
  return new KepuError('DB_UNREADABLE', `db: cannot open ${file}: ${reason}`, { file, reason });
}

export { latestSchemaVersion };
