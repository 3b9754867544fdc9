// The programme notice's attachment files (报名表.docx, 承诺书.pdf, the official notice PDF…), kept
// with the campaign in table campaign_files (migration 0012). Policy:
// - The bytes live in the database: they go into the campaign's backup file and its programme file
//   with everything else, and no folder path is stored that could move (OneDrive, drive letters).
// - A file is at most 25 MB and a campaign's files together at most 100 MB (1 MB = 10^6 bytes);
//   an empty file is refused. Errors name the file.
// - The name is the person's own (Chinese kept), reduced to its last component (a Windows path
//   gives its file name on every OS) and made safe to show and to save on every system. Names are
//   unique per campaign ignoring ASCII case; the same name again is refused (NOTICE_FILE_EXISTS)
//   unless the caller says to replace it, after asking the person. A replaced file keeps its place.
// - Every add, replace and remove is in the audit log with who and when (subject: the campaign, so
//   the rows travel with the campaign's backup).
import type { Database } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { NoticeFileInfo } from '../../contract';
import { MAX_CAMPAIGN_FILES_BYTES, MAX_NOTICE_FILE_BYTES } from '../../contract/notice-file-limits';
import { KepuError } from '../errors';
import { nowIso } from '../time';
import { safeFileStem } from './backup-file';

const MEDIA_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.ppt': 'application/vnd.ms-powerpoint',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.wps': 'application/vnd.ms-works',
  '.et': 'application/vnd.ms-excel',
  '.odt': 'application/vnd.oasis.opendocument.text',
  '.ods': 'application/vnd.oasis.opendocument.spreadsheet',
  '.rtf': 'application/rtf',
  '.txt': 'text/plain',
  '.md': 'text/markdown',
  '.csv': 'text/csv',
  '.html': 'text/html',
  '.zip': 'application/zip',
  '.rar': 'application/vnd.rar',
  '.7z': 'application/x-7z-compressed',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.mp4': 'video/mp4',
  '.mp3': 'audio/mpeg',
};

/** The media type people's systems expect for the file's extension (octet-stream when unknown). */
export function mediaTypeOf(fileName: string): string {
  return MEDIA_TYPES[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The name to show and to save under: the last component of `raw` (path.win32 splits on both `\`
 * and `/`, so `C:\Users\张三\报名表.docx` gives `报名表.docx` on Linux too), without characters
 * Windows refuses, text-direction controls, leading dots or a device name; the extension kept.
 * Applying it twice changes nothing.
 */
export function noticeFileName(raw: string): string {
  const base = path.win32.basename(raw.normalize('NFC')).replace(/^[.\s]+/, '');
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 && /^\.[\p{L}\p{N}]{1,16}$/u.test(base.slice(dot)) ? base.slice(dot) : '';
  return `${safeFileStem(ext ? base.slice(0, dot) : base, 'attachment')}${ext}`;
}

/** Same name, as the unique index compares them (ASCII case ignored). */
function sameName(a: string, b: string): boolean {
  return a.replace(/[A-Z]/g, (c) => c.toLowerCase()) === b.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

const megabytes = (bytes: number) => (bytes / 1e6).toFixed(1);

/**
 * A stored file as listed, without its bytes. Notice attachments (campaign_files) and an
 * objection's evidence (objection_files, core/notices/objections.ts) keep the same columns and
 * are read and mapped by these two.
 */
export interface DbStoredFileRow {
  id: number;
  file_name: string;
  media_type: string;
  size: number;
  sha256: string;
  added_at: string;
  added_by: string;
}

export const STORED_FILE_COLUMNS = 'id, file_name, media_type, size, sha256, added_at, added_by';

export function toStoredFileInfo(row: DbStoredFileRow): NoticeFileInfo {
  return { id: row.id, fileName: row.file_name, mediaType: row.media_type, size: row.size, sha256: row.sha256, addedAt: row.added_at, addedBy: row.added_by };
}

function assertCampaign(db: Database, campaignId: string): void {
  if (!db.prepare('SELECT 1 FROM campaigns WHERE id = ?').get(campaignId)) throw new KepuError('CAMPAIGN_NOT_FOUND', `campaigns: no campaign "${campaignId}"`, { id: campaignId });
}

/** The campaign's attachments in the order they were added, without their bytes. */
export function listNoticeFiles(db: Database, campaignId: string): NoticeFileInfo[] {
  assertCampaign(db, campaignId);
  return db.prepare<[string], DbStoredFileRow>(`SELECT ${STORED_FILE_COLUMNS} FROM campaign_files WHERE campaign_id = ? ORDER BY id`).all(campaignId).map(toStoredFileInfo);
}

/** NOTICE_FILE_EMPTY / NOTICE_FILE_TOO_LARGE for one file of `size` bytes named `fileName`. */
export function assertNoticeFileSize(fileName: string, size: number): void {
  if (size === 0) throw new KepuError('NOTICE_FILE_EMPTY', `notice files: ${fileName} is empty`, { file: fileName });
  if (size > MAX_NOTICE_FILE_BYTES) {
    throw new KepuError('NOTICE_FILE_TOO_LARGE', `notice files: ${fileName} is ${size} bytes, more than ${MAX_NOTICE_FILE_BYTES}`, {
      file: fileName,
      sizeMb: megabytes(size),
      maxMb: megabytes(MAX_NOTICE_FILE_BYTES),
    });
  }
}

/** NOTICE_FILES_TOO_LARGE when adding `fileName` brings the campaign's files to `total` bytes. */
export function assertCampaignFilesTotal(fileName: string, total: number): void {
  if (total > MAX_CAMPAIGN_FILES_BYTES) {
    throw new KepuError('NOTICE_FILES_TOO_LARGE', `notice files: adding ${fileName} makes ${total} bytes, more than ${MAX_CAMPAIGN_FILES_BYTES}`, {
      file: fileName,
      totalMb: megabytes(total),
      maxMb: megabytes(MAX_CAMPAIGN_FILES_BYTES),
    });
  }
}

export interface AddOptions {
  /** Replace a file of the same name (the person was asked); otherwise NOTICE_FILE_EXISTS. */
  replace?: boolean;
  /** Where it came from, for the audit log (a programme file, the previous edition). */
  origin?: Record<string, string>;
}

/** Adds (or replaces) one attachment; returns it as listed. */
export function addNoticeFile(db: Database, campaignId: string, file: { fileName: string; bytes: Buffer }, actor: string, options: AddOptions = {}): NoticeFileInfo {
  const fileName = noticeFileName(file.fileName);
  assertNoticeFileSize(fileName, file.bytes.length);
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  return db.transaction((): NoticeFileInfo => {
    const existing = listNoticeFiles(db, campaignId);
    const same = existing.find((f) => sameName(f.fileName, fileName));
    if (same && !options.replace) throw new KepuError('NOTICE_FILE_EXISTS', `notice files: ${campaignId} already has ${same.fileName}`, { file: same.fileName });
    const others = existing.filter((f) => f !== same).reduce((n, f) => n + f.size, 0);
    assertCampaignFilesTotal(fileName, others + file.bytes.length);
    const at = nowIso();
    const values = { campaignId, fileName, mediaType: mediaTypeOf(fileName), size: file.bytes.length, sha256, bytes: file.bytes, at, actor };
    let id: number;
    if (same) {
      id = same.id;
      db.prepare(`UPDATE campaign_files SET file_name = @fileName, media_type = @mediaType, size = @size, sha256 = @sha256, bytes = @bytes, added_at = @at, added_by = @actor WHERE id = @id`).run({ ...values, id });
    } else {
      id = Number(db.prepare(`INSERT INTO campaign_files (campaign_id, file_name, media_type, size, sha256, bytes, added_at, added_by)
                              VALUES (@campaignId, @fileName, @mediaType, @size, @sha256, @bytes, @at, @actor)`).run(values).lastInsertRowid);
    }
    const details = { fileId: id, fileName, size: values.size, sha256, ...(same ? { replacedSha256: same.sha256 } : {}), ...options.origin };
    db.prepare(`INSERT INTO audit_log (at, actor, action, subject, details_json) VALUES (?, ?, ?, ?, ?)`).run(
      at, actor, same ? 'campaign.noticeFile.replace' : 'campaign.noticeFile.add', campaignId, JSON.stringify(details),
    );
    return toStoredFileInfo(db.prepare(`SELECT ${STORED_FILE_COLUMNS} FROM campaign_files WHERE id = ?`).get(id) as DbStoredFileRow);
  })();
}

/**
 * Adds a file read from this machine: only a regular file, its size checked before it is read
 * (NOTICE_FILE_UNREADABLE naming it when it is missing, a folder, or cannot be read).
 */
export function addNoticeFileFromPath(db: Database, campaignId: string, filePath: string, actor: string, options: AddOptions = {}): NoticeFileInfo {
  const fileName = noticeFileName(filePath);
  let bytes: Buffer;
  try {
    const stat = fs.statSync(filePath);
    if (!stat.isFile()) throw new KepuError('NOTICE_FILE_UNREADABLE', `notice files: ${filePath} is not a file`, { file: fileName, reason: 'not a file' });
    assertNoticeFileSize(fileName, stat.size);
    bytes = fs.readFileSync(filePath);
  } catch (error) {
    if (error instanceof KepuError) throw error;
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new KepuError('NOTICE_FILE_UNREADABLE', `notice files: cannot read ${filePath}: ${reason}`, { file: fileName, reason });
  }
  return addNoticeFile(db, campaignId, { fileName, bytes }, actor, options);
}

function fileRow(db: Database, campaignId: string, fileId: number): DbStoredFileRow {
  assertCampaign(db, campaignId);
  const row = db.prepare<[string, number], DbStoredFileRow>(`SELECT ${STORED_FILE_COLUMNS} FROM campaign_files WHERE campaign_id = ? AND id = ?`).get(campaignId, fileId);
  if (!row) throw new KepuError('NOTICE_FILE_NOT_FOUND', `notice files: ${campaignId} has no file ${fileId}`, { id: fileId });
  return row;
}

/** Removes one attachment (audited with its name and checksum); returns the files left. */
export function removeNoticeFile(db: Database, campaignId: string, fileId: number, actor: string): NoticeFileInfo[] {
  return db.transaction(() => {
    const row = fileRow(db, campaignId, fileId);
    db.prepare('DELETE FROM campaign_files WHERE id = ?').run(fileId);
    db.prepare(`INSERT INTO audit_log (at, actor, action, subject, details_json) VALUES (?, ?, 'campaign.noticeFile.remove', ?, ?)`).run(
      nowIso(), actor, campaignId, JSON.stringify({ fileId, fileName: row.file_name, size: row.size, sha256: row.sha256 }),
    );
    return listNoticeFiles(db, campaignId);
  })();
}

/** One attachment with its bytes. */
export function readNoticeFile(db: Database, campaignId: string, fileId: number): { info: NoticeFileInfo; bytes: Buffer } {
  const info = toStoredFileInfo(fileRow(db, campaignId, fileId));
  const bytes = db.prepare('SELECT bytes FROM campaign_files WHERE id = ?').pluck().get(fileId) as Buffer;
  return { info, bytes };
}

/** Every attachment with its bytes, in order (programme files, new editions). */
export function noticeFilesWithBytes(db: Database, campaignId: string): { info: NoticeFileInfo; bytes: Buffer }[] {
  return listNoticeFiles(db, campaignId).map((f) => readNoticeFile(db, campaignId, f.id));
}

/** Copies every attachment of `fromCampaignId` to `toCampaignId` (a new edition), audited. */
export function copyNoticeFiles(db: Database, fromCampaignId: string, toCampaignId: string, actor: string): void {
  db.transaction(() => {
    for (const { info, bytes } of noticeFilesWithBytes(db, fromCampaignId)) {
      addNoticeFile(db, toCampaignId, { fileName: info.fileName, bytes }, actor, { origin: { copiedFrom: fromCampaignId } });
    }
  })();
}
