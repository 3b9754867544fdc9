// Restoring a deleted campaign from its backup file (backup-file.ts): the file is copied to a
// private temporary file (the person's own file is never changed, not even by a migration),
// checked completely and brought up to date, and only then are its rows inserted, all in one
// transaction, with the same ids they had (entries, assets, snapshots, serials: signatures,
// packages and bundles in circulation name them). Refused, changing nothing:
// - CAMPAIGN_EXISTS while a campaign with the backup's id exists (restore is not a merge);
// - BACKUP_INVALID / BACKUP_NEWER_VERSION for a file that is not such a backup, or damaged;
// - BACKUP_CONFLICT when rows of this installation took the ids the backup needs since (for
//   example entries imported into another campaign after the deletion), naming the table.
// Shared rows follow campaign-tables.ts (existing judges and issuers kept, counters raised,
// history rows still present skipped). The restore is added to the audit log.
import type { Database } from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openSqliteFile } from '../db/connection';
import { KepuError } from '../errors';
import { makePrivateDir, PRIVATE_FILE_MODE } from '../files/private-files';
import { asDiskFull } from '../files/disk-full';
import { nowIso } from '../time';
import { checkBackup, migrateBackup, rowsDigest, rowText, tableRows } from './backup-file';
import { quote } from './campaign-delete';
import { CAMPAIGN_TABLES, type CampaignTable, tableColumns } from './campaign-tables';

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export interface RestoreOptions {
  /** A private folder for the temporary copy (the data folder's backups/). */
  tempDir: string;
  actor: string;
  nativeBinding?: string;
}

/** Restores the campaign of a backup file's bytes; returns its id. */
export function restoreCampaign(db: Database, input: { fileName: string; bytes: Buffer }, options: RestoreOptions): string {
  const file = input.fileName;
  if (input.bytes.length < SQLITE_HEADER.length || !input.bytes.subarray(0, SQLITE_HEADER.length).equals(SQLITE_HEADER)) {
    // The whole-data backup shares the extension (a ZIP: core/backup): say where that one goes.
    const whole = input.bytes.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'));
    const reason = input.bytes.length === 0 ? 'empty' : whole ? 'a whole-data backup: restore it in Settings › Backups or with kepu backup restore' : 'not SQLite';
    throw new KepuError('BACKUP_INVALID', `backup: ${file} is not a campaign backup (${reason})`, { file, reason });
  }
  const temp = path.join(options.tempDir, `.restore-${crypto.randomBytes(6).toString('hex')}.kepubackup`);
  try {
    makePrivateDir(options.tempDir);
    fs.writeFileSync(temp, input.bytes, { mode: PRIVATE_FILE_MODE, flag: 'wx' });
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw asDiskFull(error, options.tempDir);
  }
  let backup: Database | null = null;
  try {
    try {
      backup = openSqliteFile(temp, { nativeBinding: options.nativeBinding });
    } catch (error) {
      throw new KepuError('BACKUP_INVALID', `backup: cannot open ${file}: ${(error as Error).message}`, { file, reason: (error as Error).message });
    }
    const meta = checkBackup(backup, file);
    migrateBackup(backup, file, meta);
    for (const table of CAMPAIGN_TABLES) {
      if (tableColumns(backup, table.name).join() !== tableColumns(db, table.name).join()) {
        throw new KepuError('BACKUP_INVALID', `backup: ${file}: table ${table.name} differs from this version's`, { file, reason: `table ${table.name} differs` });
      }
    }
    insertAll(db, backup, meta.campaignId, file, options.actor, meta);
    return meta.campaignId;
  } finally {
    backup?.close();
    for (const f of [temp, `${temp}-journal`]) fs.rmSync(f, { force: true });
  }
}

function insertAll(db: Database, backup: Database, campaignId: string, file: string, actor: string, meta: { nameZh: string; nameEn: string; createdAt: string }): void {
  const owned = CAMPAIGN_TABLES.filter((t) => !t.shared);
  db.transaction(() => {
    const existing = db.prepare<[string], { name_zh: string; name_en: string }>('SELECT name_zh, name_en FROM campaigns WHERE id = ?').get(campaignId);
    if (existing) {
      throw new KepuError('CAMPAIGN_EXISTS', `campaigns: ${campaignId} exists; delete it first to restore ${file}`, { id: campaignId, file, nameZh: existing.name_zh, nameEn: existing.name_en });
    }
    // Rows arrive table by table; a certificate names the one that replaced it, which may come later.
    db.pragma('defer_foreign_keys = ON');
    for (const table of CAMPAIGN_TABLES) restoreTable(db, backup, table, file);
    for (const table of CAMPAIGN_TABLES) {
      const broken = db.prepare(`SELECT count(*) FROM pragma_foreign_key_check(?)`).pluck().get(table.name) as number;
      if (broken > 0) throw conflict(file, table.name, `${broken} rows refer to rows that are missing`);
    }
    // What is now in the database is exactly what the backup holds (shared rows aside).
    if (rowsDigest(db, campaignId, owned) !== rowsDigest(backup, null, owned)) throw conflict(file, 'campaigns', 'restored rows differ from the backup');
    db.prepare(`INSERT INTO audit_log (at, actor, action, subject, details_json) VALUES (?, ?, 'campaign.restore', ?, ?)`).run(
      nowIso(), actor, campaignId, JSON.stringify({ file, backupCreatedAt: meta.createdAt, nameZh: meta.nameZh, nameEn: meta.nameEn }),
    );
  }).immediate();
}

function restoreTable(db: Database, backup: Database, table: CampaignTable, file: string): void {
  const columns = tableColumns(db, table.name);
  const insertSql = (cols: string[]) => `INSERT INTO ${table.name} (${cols.map(quote).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`;
  const insert = db.prepare(
    table.shared === 'raise-counter'
      ? `${insertSql(columns)} ON CONFLICT DO UPDATE SET last_value = max(last_value, excluded.last_value)`
      : insertSql(columns),
  );
  const keys = db.prepare(`SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk`).pluck().all(table.name) as string[];
  const keyIndex = keys.map((k) => columns.indexOf(k));
  const current = keys.length ? db.prepare(`SELECT * FROM ${table.name} WHERE ${keys.map((k) => `${quote(k)} = ?`).join(' AND ')}`).raw(true).safeIntegers(true) : null;
  const idIndex = columns.indexOf('id');
  const withoutId = idIndex >= 0 ? db.prepare(insertSql(columns.filter((_, i) => i !== idIndex))) : null;
  // The audit log is a hash chain the database extends itself (migration 0013): a history row not
  // here any more is appended at the end with a new number and chained anew; whether a row is
  // still here is decided on what it records, not on its hashes (a backup of an older version
  // was chained on its own when it was brought up to date).
  const chained = table.shared === 'history' ? [columns.indexOf('prev_hash'), columns.indexOf('hash')].filter((i) => i >= 0) : [];
  const recorded = (row: readonly unknown[]) => rowText(row.filter((_, i) => !chained.includes(i)));
  const unchained = (row: readonly unknown[]) => row.map((v, i) => (chained.includes(i) ? null : v)).filter((_, i) => i !== idIndex);
  for (const row of tableRows(backup, table, null)) {
    try {
      if (table.shared === 'judges' || table.shared === 'keep-existing') {
        if (current?.get(keyIndex.map((i) => row[i]))) continue;
      } else if (table.shared === 'history' && current && withoutId) {
        const there = current.get(keyIndex.map((i) => row[i])) as unknown[] | undefined;
        if (there && recorded(there) === recorded(row)) continue; // still in the history
        withoutId.run(unchained(row)); // appended with a new number, chained by the database
        continue;
      }
      insert.run(row);
    } catch (error) {
      if (String((error as { code?: unknown }).code ?? '').startsWith('SQLITE_CONSTRAINT')) throw conflict(file, table.name, (error as Error).message);
      throw error;
    }
  }
}

function conflict(file: string, table: string, detail: string): KepuError {
  return new KepuError('BACKUP_CONFLICT', `backup: ${file} cannot be restored here: ${table}: ${detail}`, { file, table, detail });
}
