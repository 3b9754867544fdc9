// The strict ZIP profile a review package must follow: exactly the layout Kepu Review writes with
// yazl, nothing else. Policy: a package is made only by this app, so any byte that differs from
// that layout is tampering or damage and the package is refused — this is what makes "flip any
// single byte and the package is rejected" true for the container, not only for the signed
// manifest and the hashed media. Checked here, before anything is extracted:
// - records tile the file: local header + data (+ data descriptor) for each member in order, then
//   the central directory, then the end records (zip64 only when needed), no comment, no gaps;
// - every field stored twice (local header, central directory, data descriptor) agrees;
// - fields stored once hold the only values we write (Unix "made by", mode 0100644, UTF-8 names,
//   no comments or extra fields other than zip64 sizes).
// Deflated members are still read (with their inflated size enforced) so that a later writer may
// compress, but Kepu writes every member stored: deflate is not canonical, stored bytes are.
// CRC-32 of the data is checked while the data is read (crc32 below). Module-local errors are
// LayoutError; package.ts turns them into PACKAGE_MALFORMED.
import type { FileHandle } from 'node:fs/promises';
import zlib from 'node:zlib';

export const MEMBER_MODE = 0o100644;
const VERSION_MADE_BY = (3 << 8) | 63;
const UTF8 = 0x0800;
const DESCRIPTOR = 0x0008;
const MAX32 = 0xffffffff;
/** 64 MiB: 10,000 members with long names need under 2 MiB. */
const MAX_DIRECTORY_BYTES = 64 * 1024 * 1024;

export class LayoutError extends Error {}

export interface CentralRecord {
  name: Buffer;
  /** Unix mode from the external attributes (file type and permissions). */
  mode: number;
  /** The first way this record departs from the profile, reported by assertStrictLayout. */
  deviation: string | null;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  zip64: boolean;
  /** Offset of the member's data, known after assertStrictLayout. */
  dataStart: number;
}

export interface CentralDirectory {
  records: CentralRecord[];
  cdOffset: number;
}

/**
 * Reads the end records and the central directory (names, modes, sizes) without judging the
 * profile yet, so the caller can first refuse unsafe names, links and oversized members with
 * their own codes. `maxCount` bounds the work before anything is parsed.
 */
export async function readCentralDirectory(fh: FileHandle, fileSize: number, maxCount: number): Promise<CentralDirectory & { count: number }> {
  const end = await readEnd(fh, fileSize);
  if (end.count > maxCount) return { records: [], cdOffset: end.cdOffset, count: end.count };
  if (end.cdOffset + end.cdSize !== end.cdEnd) throw new LayoutError('the central directory does not end where the end record starts');
  if (end.cdSize > MAX_DIRECTORY_BYTES) throw new LayoutError(`a central directory of ${end.cdSize} bytes`);
  return { records: parseCentralDirectory(await read(fh, end.cdOffset, end.cdSize), end.count), cdOffset: end.cdOffset, count: end.count };
}

/** Throws LayoutError unless the file is exactly in the profile; sets each record's dataStart. */
export async function assertStrictLayout(fh: FileHandle, directory: CentralDirectory): Promise<void> {
  const deviant = directory.records.find((r) => r.deviation);
  if (deviant) throw new LayoutError(deviant.deviation!);
  let cursor = 0;
  for (const record of directory.records) {
    if (record.localHeaderOffset !== cursor) throw new LayoutError(`${label(record)} is not where the previous one ended`);
    cursor = await checkLocal(fh, record);
  }
  if (cursor !== directory.cdOffset) throw new LayoutError('bytes between the last member and the central directory');
}

async function readEnd(fh: FileHandle, fileSize: number): Promise<{ count: number; cdSize: number; cdOffset: number; cdEnd: number }> {
  if (fileSize < 22) throw new LayoutError('too short to be a ZIP file');
  const eocd = await read(fh, fileSize - 22, 22);
  expect(eocd.readUInt32LE(0) === 0x06054b50, 'no end of central directory record at the end (a comment or trailing bytes?)');
  expect(eocd.readUInt16LE(4) === 0 && eocd.readUInt16LE(6) === 0, 'multi-disk archive');
  expect(eocd.readUInt16LE(8) === eocd.readUInt16LE(10), 'member counts disagree');
  expect(eocd.readUInt16LE(20) === 0, 'archive comment');
  const count16 = eocd.readUInt16LE(10);
  const size32 = eocd.readUInt32LE(12);
  const offset32 = eocd.readUInt32LE(16);
  if (count16 !== 0xffff && size32 !== MAX32 && offset32 !== MAX32) return { count: count16, cdSize: size32, cdOffset: offset32, cdEnd: fileSize - 22 };
  expect(count16 === 0xffff && size32 === MAX32 && offset32 === MAX32, 'partial zip64 end record');
  expect(fileSize >= 22 + 20 + 56, 'truncated zip64 end records');
  const locator = await read(fh, fileSize - 42, 20);
  expect(locator.readUInt32LE(0) === 0x07064b50, 'no zip64 end of central directory locator');
  expect(locator.readUInt32LE(4) === 0 && locator.readUInt32LE(16) === 1, 'multi-disk archive');
  const recordOffset = fileSize - 42 - 56;
  expect(u64(locator, 8) === recordOffset, 'zip64 locator points elsewhere');
  const z64 = await read(fh, recordOffset, 56);
  expect(z64.readUInt32LE(0) === 0x06064b50 && u64(z64, 4) === 44, 'bad zip64 end record');
  expect(z64.readUInt16LE(12) === VERSION_MADE_BY && z64.readUInt16LE(14) === 45, 'zip64 end record versions');
  expect(z64.readUInt32LE(16) === 0 && z64.readUInt32LE(20) === 0 && u64(z64, 24) === u64(z64, 32), 'zip64 end record disks or counts');
  return { count: u64(z64, 32), cdSize: u64(z64, 40), cdOffset: u64(z64, 48), cdEnd: recordOffset };
}

function parseCentralDirectory(cd: Buffer, count: number): CentralRecord[] {
  const records: CentralRecord[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    expect(at + 46 <= cd.length && cd.readUInt32LE(at) === 0x02014b50, `central directory record ${i} is damaged`);
    const n = cd.readUInt16LE(at + 28);
    const m = cd.readUInt16LE(at + 30);
    const k = cd.readUInt16LE(at + 32);
    expect(at + 46 + n + m + k <= cd.length, `central directory record ${i} is truncated`);
    const name = cd.subarray(at + 46, at + 46 + n);
    const where = `member ${JSON.stringify(name.toString('latin1'))}`;
    const soft: [boolean, string][] = [];
    const flags = cd.readUInt16LE(at + 8);
    const method = cd.readUInt16LE(at + 10);
    const external = cd.readUInt32LE(at + 38);
    let compressedSize = cd.readUInt32LE(at + 20);
    let uncompressedSize = cd.readUInt32LE(at + 24);
    let localHeaderOffset = cd.readUInt32LE(at + 42);
    const zip64 = compressedSize === MAX32 || uncompressedSize === MAX32 || localHeaderOffset === MAX32;
    if (zip64) {
      // Needed to know the sizes at all, so checked at once.
      const extra = cd.subarray(at + 46 + n, at + 46 + n + m);
      expect(compressedSize === MAX32 && uncompressedSize === MAX32 && localHeaderOffset === MAX32, `${where}: partial zip64 sizes`);
      expect(m === 28 && extra.readUInt16LE(0) === 1 && extra.readUInt16LE(2) === 24, `${where}: bad zip64 extra field`);
      uncompressedSize = u64(extra, 4);
      compressedSize = u64(extra, 12);
      localHeaderOffset = u64(extra, 20);
    } else soft.push([m === 0, `${where}: extra fields`]);
    soft.push(
      [cd.readUInt16LE(at + 4) === VERSION_MADE_BY, `${where}: not written by Kepu Review (version made by)`],
      [cd.readUInt16LE(at + 6) === (zip64 ? 45 : 20), `${where}: version needed to extract`],
      [flags === UTF8 || flags === (UTF8 | DESCRIPTOR), `${where}: unexpected flags ${flags.toString(16)}`],
      [method === 0 || method === 8, `${where}: compression method ${method}`],
      [k === 0 && cd.readUInt16LE(at + 34) === 0 && cd.readUInt16LE(at + 36) === 0, `${where}: comment, disk or internal attributes`],
      [external === (MEMBER_MODE << 16) >>> 0, `${where}: not a plain file with mode 0644`],
      [method !== 0 || compressedSize === uncompressedSize, `${where}: stored sizes differ`],
    );
    records.push({
      name: Buffer.from(name),
      mode: external >>> 16,
      deviation: soft.find(([ok]) => !ok)?.[1] ?? null,
      flags,
      method,
      time: cd.readUInt16LE(at + 12),
      date: cd.readUInt16LE(at + 14),
      crc32: cd.readUInt32LE(at + 16),
      compressedSize,
      uncompressedSize,
      localHeaderOffset,
      zip64,
      dataStart: -1,
    });
    at += 46 + n + m + k;
  }
  expect(at === cd.length, 'bytes after the last central directory record');
  return records;
}

/** Checks a member's local header (and data descriptor); returns the offset just past the member. */
async function checkLocal(fh: FileHandle, r: CentralRecord): Promise<number> {
  const where = label(r);
  const head = await read(fh, r.localHeaderOffset, 30 + r.name.length);
  expect(head.readUInt32LE(0) === 0x04034b50, `${where}: no local header`);
  expect(head.readUInt16LE(4) === 20 && head.readUInt16LE(6) === r.flags && head.readUInt16LE(8) === r.method, `${where}: local header disagrees (version, flags or method)`);
  expect(head.readUInt16LE(10) === r.time && head.readUInt16LE(12) === r.date, `${where}: local header disagrees (time)`);
  expect(head.readUInt16LE(26) === r.name.length && head.readUInt16LE(28) === 0, `${where}: local header name or extra field`);
  expect(head.subarray(30).equals(r.name), `${where}: local header names another file`);
  const descriptor = (r.flags & DESCRIPTOR) !== 0;
  const [crc, csize, usize] = [head.readUInt32LE(14), head.readUInt32LE(18), head.readUInt32LE(22)];
  if (descriptor) expect(crc === 0 && csize === 0 && usize === 0, `${where}: local sizes must be in the data descriptor`);
  else expect(!r.zip64 && crc === r.crc32 && csize === r.compressedSize && usize === r.uncompressedSize, `${where}: local header disagrees (sizes or CRC)`);
  r.dataStart = r.localHeaderOffset + 30 + r.name.length;
  const dataEnd = r.dataStart + r.compressedSize;
  if (!descriptor) return dataEnd;
  const size = r.zip64 ? 24 : 16;
  const d = await read(fh, dataEnd, size);
  const sizes = r.zip64 ? [u64(d, 8), u64(d, 16)] : [d.readUInt32LE(8), d.readUInt32LE(12)];
  expect(d.readUInt32LE(0) === 0x08074b50 && d.readUInt32LE(4) === r.crc32 && sizes[0] === r.compressedSize && sizes[1] === r.uncompressedSize, `${where}: data descriptor disagrees`);
  return dataEnd + size;
}

async function read(fh: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await fh.read(buffer, 0, length, position);
  if (bytesRead !== length) throw new LayoutError('unexpected end of file');
  return buffer;
}

function u64(buffer: Buffer, at: number): number {
  const value = buffer.readBigUInt64LE(at);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new LayoutError('64-bit size beyond what can be handled');
  return Number(value);
}

function expect(condition: boolean, detail: string): asserts condition {
  if (!condition) throw new LayoutError(detail);
}

function label(r: CentralRecord): string {
  return `member ${JSON.stringify(r.name.toString('latin1'))}`;
}

/** Incremental CRC-32 (zlib.crc32 where Node has it: 20.15+, 22.2+). */
export const crc32: (data: Buffer, previous?: number) => number =
  typeof zlib.crc32 === 'function' ? (data, previous = 0) => zlib.crc32(data, previous) : crc32Js;

let table: Uint32Array | null = null;
function crc32Js(data: Buffer, previous = 0): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = ~previous >>> 0;
  for (const byte of data) crc = table[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return ~crc >>> 0;
}
