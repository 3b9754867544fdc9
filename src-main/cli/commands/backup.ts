// kepu backup create --out <file.kepubackup> [--media]
// kepu backup restore <file.kepubackup> [--data-dir <empty dir>]
// kepu backup list
// Whole-data backups (issue 21, core/backup). `create` copies the open database with SQLite's
// backup API (safe while the app runs); `restore` fills a new or empty data folder only — it never
// opens or replaces a data folder in use (the app restores next to its current data itself).
import path from 'node:path';
import type { i18n } from 'i18next';
import { defaultDataDir } from '../../app/paths';
import { APP_VERSION } from '../../app/version';
import { backupFolders, backupInfo, listBackups } from '../../core/backup/backup-folder';
import { createDataBackup } from '../../core/backup/create-backup';
import { restoreIntoFolder } from '../../core/backup/restore-backup';
import { parseCommand, UsageError } from '../args';
import { openRuntime } from '../runtime';

type T = i18n['t'];

const megabytes = (bytes: number) => (bytes / 1e6).toFixed(1);

export async function runBackup(argv: string[], t: T): Promise<number> {
  const [sub, ...rest] = argv;
  const { values, positionals } = parseCommand(rest, { out: { type: 'string' }, media: { type: 'boolean' } });
  const json = Boolean(values.json);
  const dataDir = values['data-dir'] ? path.resolve(values['data-dir'] as string) : defaultDataDir();
  if (sub === 'create') {
    if (positionals.length) throw new UsageError(t('cli.backup.usage'));
    if (!values.out) throw new UsageError(t('cli.missingOption', { option: '--out <file.kepubackup>' }));
    const out = path.resolve(values.out as string);
    const rt = openRuntime(values['data-dir'] as string | undefined, t);
    try {
      rt.ctx.protectedFiles.assertNotProtected(out);
      const written = await createDataBackup({ db: rt.ctx.db, dataDir: rt.ctx.dataDir, out, reason: 'manual', includeMedia: Boolean(values.media), appVersion: APP_VERSION });
      const info = backupInfo(written.file, 'manual', written.sizeBytes, written.manifest);
      const included = written.manifest.media.files.filter((m) => m.member !== null).length;
      if (json) process.stdout.write(`${JSON.stringify({ ok: true, ...info, mediaIncludedFiles: included }, null, 2)}\n`);
      else process.stdout.write(`${t('cli.backup.created', { file: written.file, size: megabytes(written.sizeBytes), campaigns: info.campaigns.length, media: info.mediaFiles, included })}\n`);
      return 0;
    } finally {
      rt.close();
    }
  }
  if (sub === 'restore') {
    if (positionals.length !== 1) throw new UsageError(t('cli.backup.usage'));
    const file = path.resolve(positionals[0]);
    // No runtime: the target folder is new or empty, and a folder in use is never opened here.
    const report = await restoreIntoFolder(file, dataDir);
    if (json) process.stdout.write(`${JSON.stringify({ ok: true, ...report }, null, 2)}\n`);
    else {
      process.stdout.write(`${t('cli.backup.restored', { dir: report.dataDir, campaigns: report.campaigns.length, from: report.fromSchemaVersion, to: report.schemaVersion })}\n`);
      if (report.mediaRestored) process.stdout.write(`${t('cli.backup.mediaRestored', { count: report.mediaRestored, dir: report.mediaDir })}\n`);
      if (report.missingMedia.length) process.stdout.write(`${t('cli.backup.mediaMissing', { count: report.missingMedia.length })}\n${report.missingMedia.map((m) => `  ${m}`).join('\n')}\n`);
    }
    return 0;
  }
  if (sub === 'list') {
    if (positionals.length) throw new UsageError(t('cli.backup.usage'));
    const list = await listBackups(dataDir);
    if (json) process.stdout.write(`${JSON.stringify({ ok: true, folders: backupFolders(dataDir), backups: list }, null, 2)}\n`);
    else if (!list.length) process.stdout.write(`${t('cli.backup.none', { dir: path.join(dataDir, 'backups') })}\n`);
    else
      for (const b of list) {
        process.stdout.write(`${b.createdAt}  ${t(`cli.backup.reason.${b.reason}`)}  ${megabytes(b.sizeBytes)} MB  ${t('cli.backup.campaignCount', { count: b.campaigns.length })}  ${b.file}\n`);
      }
    return 0;
  }
  throw new UsageError(t('cli.backup.usage'));
}
