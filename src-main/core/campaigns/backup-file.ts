// The campaign backup file (.kepubackup), written before a campaign is deleted and read to
// restore it.
//
// Why a SQLite file and not JSON: it is the app's own database schema holding only the one
// campaign's rows, so
// - every value keeps its storage class and its exact bytes (3 and 3.0, text and blob: seal and
//   signature images are BLOBs) without an encoding of our own to get wrong;
// - a backup written by an older version is brought up to date by the very migrations that
//   update a database (core/db/migrations), so next year's app still restores last year's file;
// - SQLite checks its own structure (integrity_check), and any SQLite tool can open the file.
// A table `kepu_backup` (key, value) names the format, the campaign, who made it and when, the
// schema version, the row counts and a SHA-256 over every row (rowsDigest below), which is checked
// before anything is restored: a file that is not such a backup, damaged or changed, is refused
// with BACKUP_INVALID naming it. The file holds names and phone numbers: it is written 0600.
import type { Database } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { KepuError } from '../errors';
import { latestSchemaVersion, migrations } from '../db/migrations';
import { zoneOffsetMinutes } from '../time';
import { CAMPAIGN_TABLES, type CampaignTable } from './campaign-tables';

export const BACKUP_EXTENSION = '.kepubackup';
export const BACKUP_FORMAT = 'kepu-campaign-backup';
export const BACKUP_FORMAT_VERSION = 1;
const META_TABLE = 'kepu_backup';

export interface BackupMeta {
  format: string;
  formatVersion: number;
  campaignId: string;
  nameZh: string;
  nameEn: string;
  createdAt: string;
  createdBy: string;
  appVersion: string;
  schemaVersion: number;
  digest: string;
  rows: Record<string, number>;
}

/** One stored value as text that keeps SQLite's storage classes apart (read with safeIntegers). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return 'n';
  if (typeof value === 'bigint') return `i${value}`;
  if (typeof value === 'number') return `r${Object.is(value, -0) ? '-0' : String(value)}`;
  if (typeof value === 'string') return `t${JSON.stringify(value)}`;
  if (Buffer.isBuffer(value)) return `b${value.toString('hex')}`;
  throw new Error(`backup: unexpected value ${typeof value}`);
}

export function rowText(row: readonly unknown[]): string {
  return row.map(cellText).join(',');
}

/**
 * The rows of `table` in rowid order, as arrays of exact values (integers as bigint): the
 * campaign's rows of the database, or (campaignId null) every row of a backup file's table.
 */
export function tableRows(db: Database, table: Pick<CampaignTable, 'name' | 'rows'>, campaignId: string | null): IterableIterator<unknown[]> {
  const sql = campaignId === null ? `SELECT * FROM "${table.name.replace(/"/g, '""')}" ORDER BY rowid` : `SELECT * FROM ${table.name} WHERE ${table.rows} ORDER BY rowid`;
  const statement = db.prepare(sql).raw(true).safeIntegers(true);
  return (campaignId === null ? statement.iterate() : statement.iterate({ campaign: campaignId })) as IterableIterator<unknown[]>;
}

/** SHA-256 over every row of `tables` (see tableRows), table by table, with their names. */
export function rowsDigest(db: Database, campaignId: string | null, tables: readonly Pick<CampaignTable, 'name' | 'rows'>[] = CAMPAIGN_TABLES): string {
  const hash = createHash('sha256');
  for (const table of tables) {
    hash.update(`${table.name}\n`);
    for (const row of tableRows(db, table, campaignId)) hash.update(`${rowText(row)}\n`);
  }
  return hash.digest('hex');
}

/**
 * "<name>-2024-01-15-093000.kepubackup": the campaign's name, made a valid file name on every
 * system (Windows' reserved characters and names, no trailing dot or space), and the time in the
 * campaign's time zone, so two backups of one campaign never share a name.
 */
export function backupFileName(name: string, atIso: string, timeZone: string): string {
  const ms = Date.parse(atIso);
  const wall = new Date(ms + zoneOffsetMinutes(timeZone, ms) * 60000).toISOString();
  const stamp = `${wall.slice(0, 10)}-${wall.slice(11, 13)}${wall.slice(14, 16)}${wall.slice(17, 19)}`;
  return `${safeFileStem(name)}-${stamp}${BACKUP_EXTENSION}`;
}

/** `name` as a file name stem every system accepts (Chinese kept); `fallback` when nothing is left. */
export function safeFileStem(name: string, fallback = 'campaign'): string {
  const cleaned = name
    .normalize('NFC')
    .replace(/[\u202a-\u202e\u2066-\u2069\u200e\u200f]/g, '')
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, '_')
    .trim();
  // Code points, not UTF-16 units: a cut never splits a character.
  let stem = Array.from(cleaned).slice(0, 80).join('').replace(/[. ]+$/, '');
  if (/^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i.test(stem)) stem = `_${stem}`;
  return stem || fallback;
}

export function writeMeta(db: Database, meta: BackupMeta): void {
  db.exec(`CREATE TABLE ${META_TABLE} (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT`);
  const insert = db.prepare(`INSERT INTO ${META_TABLE} (key, value) VALUES (?, ?)`);
  for (const [key, value] of Object.entries(meta)) insert.run(key, typeof value === 'string' ? value : JSON.stringify(value));
}

function invalid(file: string, reason: string): KepuError {
  return new KepuError('BACKUP_INVALID', `backup: ${file} is not a usable campaign backup: ${reason}`, { file, reason });
}

/** The backup's description; BACKUP_INVALID when the file is not a campaign backup. */
export function readMeta(db: Database, file: string): BackupMeta {
  const hasMeta = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(META_TABLE);
  if (!hasMeta) throw invalid(file, 'not a campaign backup');
  const pairs = new Map((db.prepare<[], { key: unknown; value: unknown }>(`SELECT key, value FROM ${META_TABLE}`).all()).map((r) => [String(r.key), String(r.value)]));
  const text = (key: string) => {
    const value = pairs.get(key);
    if (value === undefined) throw invalid(file, `no ${key}`);
    return value;
  };
  if (text('format') !== BACKUP_FORMAT) throw invalid(file, 'not a campaign backup');
  const number = (key: string) => {
    const value = Number(text(key));
    if (!Number.isSafeInteger(value)) throw invalid(file, `bad ${key}`);
    return value;
  };
  let rows: Record<string, number>;
  try {
    rows = JSON.parse(text('rows')) as Record<string, number>;
  } catch {
    throw invalid(file, 'bad rows');
  }
  return {
    format: BACKUP_FORMAT,
    formatVersion: number('formatVersion'),
    campaignId: text('campaignId'),
    nameZh: text('nameZh'),
    nameEn: text('nameEn'),
    createdAt: text('createdAt'),
    createdBy: text('createdBy'),
    appVersion: text('appVersion'),
    schemaVersion: number('schemaVersion'),
    digest: text('digest'),
    rows,
  };
}

/**
 * Checks an opened backup file completely before anything of it is used: SQLite's own structure,
 * no views or triggers (a backup has none; they would run code of the file's author), its
 * description, the checksum over its rows. Returns the description. Every refusal is
 * BACKUP_INVALID (or BACKUP_NEWER_VERSION) naming `file`.
 */
export function checkBackup(db: Database, file: string): BackupMeta {
  let meta: BackupMeta;
  try {
    if (db.prepare(`SELECT 1 FROM sqlite_master WHERE type IN ('view', 'trigger')`).get()) throw invalid(file, 'unexpected views or triggers');
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw invalid(file, `damaged (${String(integrity).slice(0, 200)})`);
    meta = readMeta(db, file);
    if (meta.formatVersion > BACKUP_FORMAT_VERSION || meta.schemaVersion > latestSchemaVersion) {
      throw new KepuError('BACKUP_NEWER_VERSION', `backup: ${file} was written by a newer version of the app (schema ${meta.schemaVersion})`, {
        file,
        found: meta.schemaVersion,
        supported: latestSchemaVersion,
      });
    }
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version !== meta.schemaVersion) throw invalid(file, 'schema version does not match its description');
    const campaigns = db.prepare('SELECT id FROM campaigns').pluck().all() as string[];
    if (campaigns.length !== 1 || campaigns[0] !== meta.campaignId) throw invalid(file, 'does not hold exactly the campaign it names');
    // The tables as the writing version listed them (a later version may add or drop some).
    const tables = Object.keys(meta.rows).map((name) => ({ name, rows: '' }));
    for (const { name } of tables) {
      const count = Number(db.prepare(`SELECT count(*) FROM "${name.replace(/"/g, '""')}"`).pluck().get());
      if (count !== meta.rows[name]) throw invalid(file, `${name} holds ${count} rows, not ${meta.rows[name]}`);
    }
    // A campaign table the writing version did not know must be empty (nothing unchecked comes in).
    const present = new Set(db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[]);
    for (const { name } of CAMPAIGN_TABLES) {
      if (!(name in meta.rows) && present.has(name) && db.prepare(`SELECT 1 FROM ${name} LIMIT 1`).get()) throw invalid(file, `unexpected rows in ${name}`);
    }
    if (rowsDigest(db, null, tables) !== meta.digest) throw invalid(file, 'its rows do not match its checksum (changed or damaged)');
  } catch (error) {
    if (error instanceof KepuError) throw error;
    // "file is not a database", "database disk image is malformed", a missing table…
    throw invalid(file, (error as Error).message);
  }
  return meta;
}

/** Brings a checked backup (of a copy: this writes) up to the schema of this version. */
export function migrateBackup(db: Database, file: string, meta: BackupMeta): void {
  const pending = migrations.filter((m) => m.version > meta.schemaVersion);
  try {
    db.transaction(() => {
      for (const step of pending) {
        step.up(db);
        db.pragma(`user_version = ${step.version}`);
      }
    })();
  } catch (error) {
    throw invalid(file, `cannot bring it up to date: ${(error as Error).message}`);
  }
}
