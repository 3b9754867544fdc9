// Restoring a whole-data backup into a data folder that does not exist yet or is empty (the CLI,
// a new machine), and — by the same steps — into `<data>/restore-pending/`, from where the app's
// next start puts it in place (pending-restore.ts). Policy:
// - Everything is built in a hidden sibling folder of the target and checked there: every
//   member's CRC-32 and SHA-256, the database's PRAGMA integrity_check and user_version; only then
//   is the database opened the app's way, which migrates an older backup forward (keeping a copy
//   of the older file beside it, like any migration). The sibling is renamed to the target last; on
//   any refusal or failure it is removed, so the target folder is left exactly as it was.
// - Media: included ones are written to `restored-media/` with their recorded modification time
//   (the media guard compares size and time), and asset rows whose original file is not there
//   (another machine, another drive letter) are pointed at them; media not included keep their
//   paths, which are checked and reported when missing.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type { BackupCampaign } from '../../contract';
import { DATABASE_FILE_NAME, openDatabase, openSqliteFile } from '../db/connection';
import { latestSchemaVersion } from '../db/migrations';
import { KepuError } from '../errors';
import { syncFile, syncFolder } from '../files/atomic-write';
import { asDiskFull, isDiskFull } from '../files/disk-full';
import { makePrivateDir } from '../files/private-files';
import { DATA_FILE_FOLDERS } from './create-backup';
import { damaged, dataFileTarget, extractMember, fromNewerVersion, openBackup } from './read-backup';

export const RESTORED_MEDIA_FOLDER = 'restored-media';

export interface RestoreIntoOptions {
  /** Where the restored folder will finally live (differs from `target` for the in-app restore). */
  finalDir?: string;
  nativeBinding?: string;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

export interface RestoredData {
  dataDir: string;
  schemaVersion: number;
  fromSchemaVersion: number;
  campaigns: BackupCampaign[];
  mediaRestored: number;
  mediaDir: string | null;
  missingMedia: string[];
}

/** Restores `file` into `target`, which must not exist or be an empty folder. */
export async function restoreIntoFolder(file: string, target: string, options: RestoreIntoOptions = {}): Promise<RestoredData> {
  assertEmptyTarget(target);
  const finalDir = options.finalDir ?? target;
  const opened = await openBackup(file);
  const staging = path.join(path.dirname(target), `.${path.basename(target)}.restoring-${crypto.randomBytes(6).toString('hex')}`);
  try {
    const { manifest } = opened;
    const total = manifest.database.sizeBytes + manifest.files.reduce((n, f) => n + f.sizeBytes, 0) + manifest.media.files.reduce((n, m) => n + (m.member ? m.sizeBytes : 0), 0);
    let done = 0;
    const count = (n: number) => {
      if (options.signal?.aborted) throw new KepuError('CANCELLED', 'backup: restore cancelled');
      done += n;
      options.onProgress?.(done, total);
    };
    makePrivateDir(staging);
    // 1. The database, checked before anything else is written.
    const dbFile = path.join(staging, DATABASE_FILE_NAME);
    await extractMember(opened, manifest.database.member, manifest.database.sha256, dbFile, count);
    const found = checkDatabase(dbFile, file, options.nativeBinding);
    if (found !== manifest.schemaVersion) throw damaged(file, `the database is at schema ${found}, the manifest says ${manifest.schemaVersion}`);
    // 2. The data folder's own files (keys), only under the folders a backup may hold.
    for (const f of manifest.files) {
      const to = dataFileTarget(staging, f.path, DATA_FILE_FOLDERS);
      if (!to) throw damaged(file, `unexpected data file ${f.path}`);
      makePrivateDir(path.dirname(to));
      await extractMember(opened, f.member, f.sha256, to, count);
    }
    // 3. Media written back (once per content), at their recorded time.
    const restoredAt = new Map<string, string>();
    for (const m of manifest.media.files) {
      if (!m.member || restoredAt.has(m.sha256)) continue;
      const relative = restoredMediaPath(m.path, m.sha256);
      const to = path.join(staging, relative);
      makePrivateDir(path.dirname(to));
      await extractMember(opened, m.member, m.sha256, to, count);
      // Half a millisecond past the recorded one: the guard truncates, and seconds as a double round.
      const seconds = (m.mtimeMs + 0.5) / 1000;
      fs.utimesSync(to, seconds, seconds);
      restoredAt.set(m.sha256, path.join(finalDir, relative));
    }
    // 4. Opened the app's way: migrations bring an older backup up to this version.
    const db = openDatabase(dbFile, { nativeBinding: options.nativeBinding });
    const missingMedia: string[] = [];
    try {
      const repoint = db.prepare('UPDATE assets SET path = ? WHERE path = ?');
      db.transaction(() => {
        for (const m of manifest.media.files) {
          if (presentAsRecorded(m.path, m.sizeBytes)) continue;
          const restored = restoredAt.get(m.sha256);
          if (restored) repoint.run(restored, m.path);
          else missingMedia.push(m.path);
        }
      })();
      db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      db.close();
    }
    for (const f of fs.readdirSync(staging)) if (f.startsWith(DATABASE_FILE_NAME)) syncFile(path.join(staging, f));
    // 5. In place: the one step that makes the restore visible.
    if (fs.existsSync(target)) fs.rmdirSync(target);
    fs.renameSync(staging, target);
    syncFolder(path.dirname(target));
    return {
      dataDir: finalDir,
      schemaVersion: latestSchemaVersion,
      fromSchemaVersion: manifest.schemaVersion,
      campaigns: manifest.campaigns,
      mediaRestored: restoredAt.size,
      mediaDir: restoredAt.size ? path.join(finalDir, RESTORED_MEDIA_FOLDER) : null,
      missingMedia,
    };
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    if (isDiskFull(error)) throw asDiskFull(error, path.dirname(target));
    throw error;
  } finally {
    opened.close();
  }
}

/** A target that holds anything is refused: a restore never mixes with or overwrites data. */
export function assertEmptyTarget(target: string): void {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) return;
  if (!stat.isDirectory() || fs.readdirSync(target).length > 0) {
    throw new KepuError('BACKUP_TARGET_NOT_EMPTY', `backup: ${target} is not an empty folder; restore into a new or empty folder`, { dir: target });
  }
}

/** The extracted database: SQLite's own check, no views or triggers beyond ours; its user_version. */
function checkDatabase(dbFile: string, file: string, nativeBinding?: string): number {
  let db;
  try {
    db = openSqliteFile(dbFile, { nativeBinding });
  } catch (error) {
    throw damaged(file, `the database cannot be opened: ${(error as Error).message}`);
  }
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw damaged(file, `the database fails its integrity check (${String(integrity).slice(0, 200)})`);
    const version = Number(db.pragma('user_version', { simple: true }));
    if (version > latestSchemaVersion) throw fromNewerVersion(file, version, latestSchemaVersion, 'schema');
    return version;
  } catch (error) {
    if (error instanceof KepuError) throw error;
    throw damaged(file, `the database: ${(error as Error).message}`);
  } finally {
    db.close();
  }
}

function presentAsRecorded(file: string, size: number): boolean {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  return !!stat && stat.isFile() && stat.size === size;
}

/**
 * Where an included media file is written back, relative to the data folder: one folder per
 * content (two files of one name never collide), the file's own name kept. The recorded path may
 * come from another system: a Windows path (`D:\作品\海报.jpg`) restored on macOS or Linux keeps
 * its name too.
 */
export function restoredMediaPath(recorded: string, sha256: string, api: Pick<typeof path, 'join'> = path): string {
  // Characters Windows refuses in a name (a name from macOS or Linux may hold them) become "_".
  const name = (recorded.split(/[\\/]/).filter(Boolean).pop() ?? '').replace(/[<>:"|?*\u0000-\u001f]/g, '_');
  return api.join(RESTORED_MEDIA_FOLDER, sha256.slice(0, 16), name === '' || name === '.' || name === '..' ? 'media' : name);
}
