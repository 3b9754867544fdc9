// Where whole-data backups live in the data folder, how they are named and listed, and the
// automatic ones taken before every merge and every publish.
// Policy for the automatic backups: before a bundle merge and before a publish (ranking lock,
// public notice), into `<data>/backups/auto/`, without media (the database and the key files: a
// second or so even for a large campaign; media do not change on merge or publish), keeping the
// last N (setting `backup.autoKeep`, default 10; 0 turns them off). A backup that cannot be
// written BLOCKS the merge or publish (AUTO_BACKUP_FAILED naming the reason): these are the steps
// that replace scores and sign results, the backup is the way back from a wrong one, and a
// failure (full disk, folder not writable) is better seen before the step than discovered after.
// Whoever cannot fix the cause can set N to 0 in Settings, a visible choice.
import type { Database } from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo, BackupManifest, BackupReason } from '../../contract';
import { KepuError } from '../errors';
import { readSetting, writeSetting } from '../settings/setting-values';
import { createDataBackup, type WrittenBackup } from './create-backup';
import { peekManifest } from './read-backup';

export const DATA_BACKUP_EXTENSION = '.kepubackup';
export const AUTO_KEEP_DEFAULT = 10;
const AUTO_KEEP_KEY = 'backup.autoKeep';

export function backupFolders(dataDir: string): { auto: string; manual: string } {
  return { auto: path.join(dataDir, 'backups', 'auto'), manual: path.join(dataDir, 'backups', 'data') };
}

/** "kepu-data-2026-12-03T101500Z-before-merge.kepubackup": sortable by name, never two alike in a second… */
export function backupFileName(reason: BackupReason, at: Date = new Date()): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace(/\.(\d{3})Z$/, '$1Z');
  return `kepu-data-${stamp}-${reason}${DATA_BACKUP_EXTENSION}`;
}

export function autoKeep(db: Database): number {
  const value = Number(readSetting(db, AUTO_KEEP_KEY));
  return Number.isInteger(value) && value >= 0 ? value : AUTO_KEEP_DEFAULT;
}

export function setAutoKeep(db: Database, keep: number): void {
  writeSetting(db, AUTO_KEEP_KEY, String(keep));
}

export interface AutoBackupContext {
  db: Database;
  dataDir: string;
  appVersion: string;
  nativeBinding?: string;
}

/** The automatic backup before a merge or publish; null when turned off. AUTO_BACKUP_FAILED blocks the step. */
export async function autoBackup(ctx: AutoBackupContext, reason: Exclude<BackupReason, 'manual'>): Promise<WrittenBackup | null> {
  const keep = autoKeep(ctx.db);
  if (keep === 0) return null;
  const dir = backupFolders(ctx.dataDir).auto;
  let written: WrittenBackup;
  try {
    written = await createDataBackup({ db: ctx.db, dataDir: ctx.dataDir, out: path.join(dir, backupFileName(reason)), reason, includeMedia: false, appVersion: ctx.appVersion, nativeBinding: ctx.nativeBinding });
  } catch (error) {
    const detail = error instanceof KepuError ? error.code : ((error as NodeJS.ErrnoException).code ?? (error as Error).message);
    throw new KepuError('AUTO_BACKUP_FAILED', `backup: the automatic backup before this ${reason === 'before-merge' ? 'merge' : 'publish'} could not be written in ${dir} (${detail}); nothing was changed`, {
      dir,
      reason: String(detail).slice(0, 200),
    });
  }
  pruneAuto(dir, keep);
  return written;
}

/** Keeps the newest `keep` automatic backups (names sort by time). */
export function pruneAuto(dir: string, keep: number): void {
  const names = backupNames(dir).sort();
  for (const name of names.slice(0, Math.max(0, names.length - keep))) fs.rmSync(path.join(dir, name), { force: true });
}

function backupNames(dir: string): string[] {
  try {
    return fs.readdirSync(dir).filter((n) => n.endsWith(DATA_BACKUP_EXTENSION) && !n.startsWith('.'));
  } catch {
    return [];
  }
}

/** Every readable backup in backups/auto and backups/data, newest first. */
export async function listBackups(dataDir: string): Promise<BackupInfo[]> {
  const folders = backupFolders(dataDir);
  const found: BackupInfo[] = [];
  for (const [kind, dir] of [['auto', folders.auto], ['manual', folders.manual]] as const) {
    for (const name of backupNames(dir)) {
      const file = path.join(dir, name);
      const manifest = await peekManifest(file);
      if (manifest) found.push(backupInfo(file, kind, fs.statSync(file).size, manifest));
    }
  }
  return found.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export function backupInfo(file: string, kind: 'auto' | 'manual', sizeBytes: number, manifest: BackupManifest): BackupInfo {
  return {
    file,
    kind,
    sizeBytes,
    createdAt: manifest.createdAt,
    reason: manifest.reason,
    appVersion: manifest.appVersion,
    schemaVersion: manifest.schemaVersion,
    campaigns: manifest.campaigns,
    mediaFiles: manifest.media.files.length,
    mediaIncluded: manifest.media.included,
  };
}
