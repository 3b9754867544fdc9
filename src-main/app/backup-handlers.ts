// Whole-data backups (issue 21): create (a job: media may be gigabytes), list, restore in the app
// (a job: checked and staged beside the current data, put in place at the next start: see
// core/backup/pending-restore.ts), and the number of automatic backups kept. The automatic backup
// before merges and publishes is `autoBackupBefore`, called by those handlers.
import fs from 'node:fs';
import path from 'node:path';
import type { BackupReason, Handlers } from '../contract';
import { autoBackup, autoKeep, backupFileName, backupFolders, backupInfo, listBackups, setAutoKeep } from '../core/backup/backup-folder';
import { pendingRestoreDir } from '../core/backup/pending-restore';
import { restoreIntoFolder } from '../core/backup/restore-backup';
import { createDataBackup } from '../core/backup/create-backup';
import type { AppContext } from './context';
import { APP_VERSION } from './version';

type BackupChannels = 'backup:create' | 'backup:list' | 'backup:restore' | 'backup:restart' | 'backup:settings';

export function backupHandlers(ctx: AppContext): Pick<Handlers, BackupChannels> {
  return {
    'backup:create': ({ includeMedia, out }) => {
      const file = out ? path.resolve(out) : path.join(backupFolders(ctx.dataDir).manual, backupFileName('manual'));
      ctx.protectedFiles.assertNotProtected(file);
      return ctx.jobs.start('backup.create', async ({ signal, progress }) => {
        const written = await createDataBackup({
          db: ctx.db,
          dataDir: ctx.dataDir,
          out: file,
          reason: 'manual',
          includeMedia,
          appVersion: APP_VERSION,
          nativeBinding: ctx.nativeBinding,
          signal,
          onProgress: (done, total) => progress({ done, total }),
        });
        return { ...backupInfo(written.file, 'manual', written.sizeBytes, written.manifest), cancelled: false };
      });
    },
    'backup:list': () => listBackups(ctx.dataDir),
    'backup:restore': ({ file }) => {
      const source = path.resolve(file);
      ctx.protectedFiles.assertNotProtected(source);
      return ctx.jobs.start('backup.restore', async ({ signal, progress }) => {
        const pending = pendingRestoreDir(ctx.dataDir);
        // Prepared under another name first: an earlier restore not yet put in place (never opened)
        // is replaced only once this one is complete.
        const next = `${pending}-next`;
        fs.rmSync(next, { recursive: true, force: true });
        const restored = await restoreIntoFolder(source, next, {
          finalDir: ctx.dataDir,
          nativeBinding: ctx.nativeBinding,
          signal,
          onProgress: (done, total) => progress({ done, total }),
        });
        fs.rmSync(pending, { recursive: true, force: true });
        fs.renameSync(next, pending);
        // The replaced data's folder (replaced-<time>) is named when the swap happens, at the next start.
        return { ...restored, replacedDir: null, restartRequired: true, cancelled: false };
      });
    },
    'backup:restart': () => {
      const restart = ctx.restart;
      if (!restart || !fs.existsSync(pendingRestoreDir(ctx.dataDir))) return { restarting: false };
      setTimeout(restart, 300); // after this answer has reached the window
      return { restarting: true };
    },
    'backup:settings': ({ autoKeep: keep }) => {
      if (keep !== undefined) setAutoKeep(ctx.db, keep);
      return { autoKeep: autoKeep(ctx.db) };
    },
  };
}

/** Steps already covered by one backup taken for the whole run (see oneAutoBackupFor). */
const covered = new WeakMap<AppContext, Set<string>>();

/** The automatic backup a merge or publish waits for; AUTO_BACKUP_FAILED stops it. */
export async function autoBackupBefore(ctx: AppContext, reason: Exclude<BackupReason, 'manual'>): Promise<void> {
  if (covered.get(ctx)?.has(reason)) return;
  await autoBackup({ db: ctx.db, dataDir: ctx.dataDir, appVersion: APP_VERSION, nativeBinding: ctx.nativeBinding }, reason);
}

/**
 * One automatic backup for a run of steps (`kepu bundle merge` merges many bundles in batches):
 * a backup per batch would push the one that matters — the state before the whole run — out of
 * the last N.
 */
export async function oneAutoBackupFor<T>(ctx: AppContext, reason: Exclude<BackupReason, 'manual'>, work: () => Promise<T>): Promise<T> {
  await autoBackupBefore(ctx, reason);
  const reasons = covered.get(ctx) ?? new Set<string>();
  covered.set(ctx, reasons);
  reasons.add(reason);
  try {
    return await work();
  } finally {
    reasons.delete(reason);
  }
}
