// Deleting a campaign, only ever behind a backup that restores it. In one write transaction of
// the database (nothing can change the campaign meanwhile):
// 1. every row of the campaign (campaign-tables.ts) is copied into a new backup file
//    (backup-file.ts), which is fsynced and renamed into place like every file the app writes;
// 2. the file is opened again from the disk and checked as a restore would check it (structure,
//    description, checksum) — only a file that gives back exactly these rows permits step 3;
// 3. the campaign's rows are deleted (judges no other campaign uses go with them; the audit log,
//    serial counters and trusted issuers stay), and the deletion is added to the audit log.
// A failure anywhere leaves the campaign untouched (the transaction rolls back); a backup already
// in place then stays, which is harmless. Files the campaign refers to (media, opened packages)
// are not touched: the restored rows point at them again.
import type { Database } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openSqliteFile } from '../db/connection';
import { KepuError } from '../errors';
import { syncFile, syncFolder, tempPathFor } from '../files/atomic-write';
import { asDiskFull } from '../files/disk-full';
import { makePrivateDir, PRIVATE_FILE_MODE, restrictMode } from '../files/private-files';
import { nowIso } from '../time';
import { type BackupMeta, BACKUP_FORMAT, BACKUP_FORMAT_VERSION, backupFileName, checkBackup, rowText, tableRows, writeMeta } from './backup-file';
import { CAMPAIGN_TABLES, tableColumns } from './campaign-tables';

export interface DeleteOptions {
  campaignId: string;
  /** The campaign's Chinese or English name, typed by the person deleting it. */
  confirmName: string;
  /** Folder for the backup file (created when missing). */
  dir: string;
  actor: string;
  appVersion: string;
  nativeBinding?: string;
  /** Refuses a path that names the app's own data files (db/protected-files.ts). */
  assertWritable?: (file: string) => void;
}

export interface DeleteResult {
  campaignId: string;
  backupFile: string;
  /** Rows the backup holds (shared rows such as the audit history included). */
  rows: number;
}

interface CampaignNames {
  name_zh: string;
  name_en: string;
  time_zone: string;
}

export function deleteCampaign(db: Database, options: DeleteOptions): DeleteResult {
  const { campaignId } = options;
  const campaign = db.prepare('SELECT name_zh, name_en, time_zone FROM campaigns WHERE id = ?').get(campaignId) as CampaignNames | undefined;
  if (!campaign) throw new KepuError('CAMPAIGN_NOT_FOUND', `campaigns: no campaign "${campaignId}"`, { id: campaignId });
  const given = options.confirmName.normalize('NFC').trim();
  if (given === '' || (given !== campaign.name_zh.normalize('NFC').trim() && given !== campaign.name_en.normalize('NFC').trim())) {
    throw new KepuError('CAMPAIGN_DELETE_NAME_MISMATCH', `campaigns: "${given}" is not the name of ${campaignId}; nothing was deleted`, {
      id: campaignId,
      nameZh: campaign.name_zh,
      nameEn: campaign.name_en,
    });
  }
  const createdAt = nowIso();
  try {
    makePrivateDir(options.dir);
  } catch (error) {
    throw unwritable(options.dir, error);
  }
  const file = freePath(options.dir, backupFileName(campaign.name_zh, createdAt, campaign.time_zone));
  options.assertWritable?.(file);

  return db.transaction((): DeleteResult => {
    const meta = { createdAt, createdBy: options.actor, appVersion: options.appVersion, nameZh: campaign.name_zh, nameEn: campaign.name_en };
    const written = writeBackup(db, campaignId, file, meta, options.nativeBinding);
    verifyBackup(file, written.digest, options.nativeBinding);

    db.pragma('defer_foreign_keys = ON');
    const judges = db.prepare(`SELECT id FROM judges WHERE ${CAMPAIGN_TABLES.find((t) => t.name === 'judges')!.rows}`).pluck().all({ campaign: campaignId }) as string[];
    for (const table of [...presentTables(db)].reverse()) {
      if (!table.shared) db.prepare(`DELETE FROM ${table.name} WHERE ${table.rows}`).run({ campaign: campaignId });
    }
    deleteUnusedJudges(db, judges);
    db.prepare(`INSERT INTO audit_log (at, actor, action, subject, details_json) VALUES (?, ?, 'campaign.delete', ?, ?)`).run(
      nowIso(), options.actor, campaignId, JSON.stringify({ nameZh: campaign.name_zh, nameEn: campaign.name_en, backupFile: path.basename(file), rows: written.rows }),
    );
    return { campaignId, backupFile: file, rows: written.rows };
  }).immediate();
}

/**
 * The campaign tables this database has: all of them, except in a database still at an older
 * schema (one written by an older version, whose backup a newer one brings up to date).
 */
function presentTables(db: Database) {
  return CAMPAIGN_TABLES.filter((table) => tableColumns(db, table.name).length > 0);
}

/** `dir/name`, or `dir/name-2…` when a file of that name exists (two deletions in one second). */
function freePath(dir: string, name: string): string {
  const ext = path.extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let n = 1; ; n++) {
    const candidate = path.join(dir, n === 1 ? name : `${stem}-${n}${ext}`);
    if (!fs.existsSync(candidate)) return candidate;
  }
}

function writeBackup(db: Database, campaignId: string, file: string, meta: Pick<BackupMeta, 'createdAt' | 'createdBy' | 'appVersion' | 'nameZh' | 'nameEn'>, nativeBinding?: string) {
  const dir = path.dirname(file);
  const temp = tempPathFor(file);
  let out: Database | null = null;
  try {
    makePrivateDir(dir);
    // Created 0600 before SQLite opens it: its journal takes the same mode.
    fs.closeSync(fs.openSync(temp, 'wx', PRIVATE_FILE_MODE));
    restrictMode(temp);
    out = openSqliteFile(temp, { nativeBinding });
    out.pragma('synchronous = FULL');
    // The database's own schema, every table and index, at its version (so migrations apply).
    const schema = db.prepare(`SELECT sql FROM sqlite_master WHERE type IN ('table', 'index') AND sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid`).pluck().all() as string[];
    const version = db.pragma('user_version', { simple: true }) as number;
    const hash = createHash('sha256'); // the same text as rowsDigest in backup-file.ts
    const rows: Record<string, number> = {};
    const target = out;
    target.transaction(() => {
      for (const sql of schema) target.exec(sql);
      target.pragma(`user_version = ${version}`);
      for (const table of presentTables(db)) {
        const columns = tableColumns(db, table.name);
        const insert = target.prepare(`INSERT INTO ${table.name} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
        hash.update(`${table.name}\n`);
        let count = 0;
        for (const row of tableRows(db, table, campaignId)) {
          insert.run(row);
          hash.update(`${rowText(row)}\n`);
          count++;
        }
        rows[table.name] = count;
      }
      writeMeta(target, { format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, campaignId, ...meta, schemaVersion: version, digest: hash.digest('hex'), rows });
    })();
    const digest = target.prepare(`SELECT value FROM kepu_backup WHERE key = 'digest'`).pluck().get() as string;
    // Compact: no free pages in a file that may travel.
    target.exec('VACUUM');
    out.close();
    out = null;
    syncFile(temp);
    fs.renameSync(temp, file);
    syncFolder(dir);
    return { digest, rows: Object.values(rows).reduce((a, b) => a + b, 0) };
  } catch (error) {
    out?.close();
    for (const f of [temp, `${temp}-journal`]) fs.rmSync(f, { force: true });
    throw unwritable(dir, error);
  }
}

/** DISK_FULL, or BACKUP_UNWRITABLE naming the folder (not a folder, no permission, read-only). */
function unwritable(dir: string, error: unknown): KepuError {
  const full = asDiskFull(error, dir);
  if (full instanceof KepuError) return full;
  const reason = (error as NodeJS.ErrnoException)?.code ?? (error as Error)?.message ?? String(error);
  return new KepuError('BACKUP_UNWRITABLE', `backup: cannot write in ${dir}: ${reason}; nothing was deleted`, { dir, reason });
}

/** Reads the file back from the disk and checks it as a restore would. */
function verifyBackup(file: string, digest: string, nativeBinding?: string): void {
  const check = openSqliteFile(file, { readonly: true, nativeBinding });
  try {
    const meta = checkBackup(check, path.basename(file));
    if (meta.digest !== digest) throw new KepuError('BACKUP_INVALID', `backup: ${file} does not hold what was written`, { file: path.basename(file), reason: 'written rows differ' });
  } finally {
    check.close();
  }
}

/** Deletes the judge profiles among `ids` that no remaining row of any table refers to. */
function deleteUnusedJudges(db: Database, ids: readonly string[]): void {
  const references = db
    .prepare<[], { tbl: string; col: string }>(`SELECT m.name AS tbl, f."from" AS col FROM sqlite_master m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table' AND f."table" = 'judges'`)
    .all();
  const used = references.map((r) => `EXISTS (SELECT 1 FROM ${quote(r.tbl)} WHERE ${quote(r.col)} = @id)`).join(' OR ');
  const remove = db.prepare(`DELETE FROM judges WHERE id = @id AND NOT (${used || '0'})`);
  for (const id of ids) remove.run({ id });
}

export function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
