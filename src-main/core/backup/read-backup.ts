// Reading a whole-data backup: what the file is, its manifest, and its members copied out with
// every byte checked. Refusals, each before anything is used:
// - BACKUP_NOT_A_BACKUP: not a ZIP at all, a ZIP without our manifest and database (another
//   file renamed), a manifest of another format, or a campaign backup (SQLite, restored with
//   `kepu campaign restore`; the reason says so);
// - BACKUP_FROM_NEWER_VERSION: a format or schema version above this app's;
// - BACKUP_DAMAGED: a ZIP that cannot be read to its end (truncated), a member whose CRC-32 or
//   SHA-256 differs from what the container and the manifest say, a manifest missing or unreadable.
// yauzl does not check CRC-32 itself: it is computed here while each member is read.
import fs from 'node:fs';
import path from 'node:path';
import { Transform, type TransformCallback, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import crypto from 'node:crypto';
import yauzl from 'yauzl';
import { BackupManifest, DATA_BACKUP_DATABASE_MEMBER, DATA_BACKUP_FORMAT, DATA_BACKUP_FORMAT_VERSION, DATA_BACKUP_MANIFEST_MEMBER } from '../../contract/backup';
import { latestSchemaVersion } from '../db/migrations';
import { KepuError } from '../errors';
import { crc32 } from '../exchange/zip-layout';
import { PRIVATE_FILE_MODE } from '../files/private-files';

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const ZIP_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const MAX_MANIFEST_BYTES = 256 * 1024 * 1024;

export function notABackup(file: string, reason: string): KepuError {
  return new KepuError('BACKUP_NOT_A_BACKUP', `backup: ${file} is not a Kepu Review data backup (${reason})`, { file, reason });
}

export function damaged(file: string, reason: string): KepuError {
  return new KepuError('BACKUP_DAMAGED', `backup: ${file} is damaged (${reason}); nothing was restored`, { file, reason });
}

export function fromNewerVersion(file: string, found: number, supported: number, what: 'format' | 'schema'): KepuError {
  return new KepuError('BACKUP_FROM_NEWER_VERSION', `backup: ${file} was written by a newer version of Kepu Review (${what} ${found}; this version reads up to ${supported})`, {
    file,
    found,
    supported,
    what,
  });
}

export interface OpenedBackup {
  file: string;
  manifest: BackupManifest;
  /** Copies a member out (see extractMember); the caller closes. */
  zip: yauzl.ZipFile;
  entries: Map<string, yauzl.Entry>;
  close(): void;
}

/** Opens `file`, reads and checks its manifest (versions first). Close the result. */
export async function openBackup(file: string): Promise<OpenedBackup> {
  sniff(file);
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: true });
  } catch (error) {
    throw damaged(file, `not a complete ZIP file: ${(error as Error).message}`);
  }
  try {
    const entries = await readEntries(zip, file);
    const manifestEntry = entries.get(DATA_BACKUP_MANIFEST_MEMBER);
    if (!manifestEntry) {
      if (entries.has(DATA_BACKUP_DATABASE_MEMBER)) throw damaged(file, 'manifest.json is missing');
      throw notABackup(file, 'no manifest.json');
    }
    if (manifestEntry.uncompressedSize > MAX_MANIFEST_BYTES) throw damaged(file, 'manifest.json is too large');
    const bytes = await readMemberBytes(zip, manifestEntry, file);
    let raw: unknown;
    try {
      raw = JSON.parse(bytes.toString('utf8'));
    } catch {
      throw damaged(file, 'manifest.json is not JSON');
    }
    const head = raw as { format?: unknown; formatVersion?: unknown; schemaVersion?: unknown };
    if (!head || typeof head !== 'object' || head.format !== DATA_BACKUP_FORMAT) throw notABackup(file, 'manifest of another format');
    if (typeof head.formatVersion === 'number' && head.formatVersion > DATA_BACKUP_FORMAT_VERSION) throw fromNewerVersion(file, head.formatVersion, DATA_BACKUP_FORMAT_VERSION, 'format');
    if (typeof head.schemaVersion === 'number' && head.schemaVersion > latestSchemaVersion) throw fromNewerVersion(file, head.schemaVersion, latestSchemaVersion, 'schema');
    const parsed = BackupManifest.safeParse(raw);
    if (!parsed.success) throw damaged(file, `manifest.json: ${parsed.error.issues[0].path.join('.')}: ${parsed.error.issues[0].message}`);
    const manifest = parsed.data;
    // Every member the manifest names must be there, with the size it says.
    const named = [manifest.database, ...manifest.files, ...manifest.media.files.filter((m) => m.member !== null)];
    for (const m of named) {
      const entry = entries.get(m.member!);
      if (!entry) throw damaged(file, `${m.member} is missing`);
      if (entry.uncompressedSize !== m.sizeBytes) throw damaged(file, `${m.member} has ${entry.uncompressedSize} bytes, not ${m.sizeBytes}`);
    }
    return { file, manifest, zip, entries, close: () => zip.close() };
  } catch (error) {
    zip.close();
    throw error;
  }
}

/** Only the manifest (for lists): null when the file is not a readable backup of this version. */
export async function peekManifest(file: string): Promise<BackupManifest | null> {
  try {
    const opened = await openBackup(file);
    opened.close();
    return opened.manifest;
  } catch {
    return null;
  }
}

/**
 * Copies `member` to `target` (a new file, 0600), checking its CRC-32 and its SHA-256 against
 * `sha256`; BACKUP_DAMAGED (target removed) when either differs. `onBytes` counts progress.
 */
export async function extractMember(opened: OpenedBackup, member: string, sha256: string, target: string, onBytes?: (n: number) => void): Promise<void> {
  const entry = opened.entries.get(member);
  if (!entry) throw damaged(opened.file, `${member} is missing`);
  const check = new CheckingStream(onBytes);
  try {
    const stream = await openStream(opened.zip, entry, opened.file);
    await pipeline(stream, check, fs.createWriteStream(target, { flags: 'wx', mode: PRIVATE_FILE_MODE }));
  } catch (error) {
    fs.rmSync(target, { force: true });
    if (error instanceof KepuError) throw error;
    if ((error as NodeJS.ErrnoException).code && ['ENOSPC', 'EDQUOT', 'EACCES', 'EPERM', 'EEXIST'].includes((error as NodeJS.ErrnoException).code!)) throw error;
    throw damaged(opened.file, `${member}: ${(error as Error).message}`);
  }
  if (check.crc !== entry.crc32) {
    fs.rmSync(target, { force: true });
    throw damaged(opened.file, `${member}: CRC-32 differs`);
  }
  if (check.sha256() !== sha256) {
    fs.rmSync(target, { force: true });
    throw damaged(opened.file, `${member}: SHA-256 differs from the manifest`);
  }
}

function sniff(file: string): void {
  let head: Buffer;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      head = Buffer.alloc(16);
      head = head.subarray(0, fs.readSync(fd, head, 0, 16, 0));
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new KepuError('NOT_FOUND', `backup: ${file} does not exist`, { file });
    throw error;
  }
  if (head.length >= SQLITE_HEADER.length && head.equals(SQLITE_HEADER)) throw notABackup(file, 'a campaign backup: restore it with kepu campaign restore or Campaigns › Restore');
  if (head.length < ZIP_HEADER.length || !head.subarray(0, ZIP_HEADER.length).equals(ZIP_HEADER)) throw notABackup(file, head.length === 0 ? 'empty file' : 'not a ZIP file');
}

function readEntries(zip: yauzl.ZipFile, file: string): Promise<Map<string, yauzl.Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, yauzl.Entry>();
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entries.has(entry.fileName)) {
        reject(damaged(file, `two members named ${entry.fileName}`));
        return;
      }
      entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', (error: Error) => reject(damaged(file, error.message)));
    zip.readEntry();
  });
}

function openStream(zip: yauzl.ZipFile, entry: yauzl.Entry, file: string): Promise<Readable> {
  return zip.openReadStreamPromise(entry).catch((error: Error) => {
    throw damaged(file, `${entry.fileName}: ${error.message}`);
  });
}

async function readMemberBytes(zip: yauzl.ZipFile, entry: yauzl.Entry, file: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let crc = 0;
  try {
    for await (const chunk of await openStream(zip, entry, file)) {
      crc = crc32(chunk as Buffer, crc);
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    if (error instanceof KepuError) throw error;
    throw damaged(file, `${entry.fileName}: ${(error as Error).message}`);
  }
  if (crc !== entry.crc32) throw damaged(file, `${entry.fileName}: CRC-32 differs`);
  return Buffer.concat(chunks);
}

/** Passes bytes through, computing CRC-32 and SHA-256. */
class CheckingStream extends Transform {
  crc = 0;
  private readonly hash = crypto.createHash('sha256');

  constructor(private readonly onBytes?: (n: number) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.crc = crc32(chunk, this.crc);
    this.hash.update(chunk);
    try {
      this.onBytes?.(chunk.length);
    } catch (error) {
      callback(error as Error);
      return;
    }
    callback(null, chunk);
  }

  sha256(): string {
    return this.hash.digest('hex');
  }
}

/** A member path of the data folder (`keys/identity.json`) as a path under `root`, or null when unsafe. */
export function dataFileTarget(root: string, relative: string, allowedFolders: readonly string[]): string | null {
  const parts = relative.split('/');
  if (parts.length < 2 || !allowedFolders.includes(parts[0])) return null;
  if (parts.some((p) => p === '' || p === '.' || p === '..' || /[\\:\0]/.test(p))) return null;
  return path.join(root, ...parts);
}
