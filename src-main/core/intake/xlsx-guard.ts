// Sizes of an XLSX checked before exceljs parses it. A workbook is a ZIP, and a 300 KB ZIP can
// unpack to gigabytes: one highly compressible 300 MB shared string took 326 s and 3.5 GB in
// intake:preview and blocked every other request. exceljs (through JSZip) inflates each part fully
// in memory and then parses it, so nothing of the file reaches it before three checks pass:
// 1. declared sizes — the central directory's number of parts and each part's uncompressed size,
//    per part and in total (costs nothing: no data is inflated);
// 2. actual sizes — every part is inflated as a stream and thrown away, refused the moment it
//    yields more bytes than its entry declared (a lying central directory); memory stays at one
//    zlib window per part whatever the file claims;
// 3. text length — while the parts under xl/ that exceljs parses as XML stream past, the longest
//    run of bytes between two '<' is measured: a text longer than a cell can hold (Excel's 32,767
//    characters) is refused before any XML is parsed.
// JSZip and yauzl both locate parts through the same central directory (end record searched from
// the end of the file), so the bytes measured here are the bytes exceljs later reads.
//
// Limits, in decimal MB as everywhere in the app. A genuine 50,000-row registration sheet with 14
// columns of Chinese text has a 27 MB worksheet and 10 MB of shared strings as Excel, WPS and
// exceljs write it (exceljs needs about 0.4 GB and 5 s to read it); written with inline strings, as
// some form tools do, the worksheet alone is 59 MB. So:
// - one part ≤ 150 MB and all parts ≤ 250 MB: 5× the shared-string sheet, 2.5× the inline one, room
//   for longer texts and embedded pictures, while bounding what exceljs is ever asked to hold;
// - at most 10,000 parts (a workbook has a few dozen);
// - a run ≤ 32,767 × 8 bytes: the longest way XML writers spell one character is 8 bytes
//   (&#65535;; Excel's _x000D_ escapes are 7), plus slack for the tag.
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { KepuError } from '../errors';

/** The most characters an Excel cell holds. */
export const EXCEL_MAX_CELL_CHARS = 32_767;

export interface XlsxLimits {
  maxParts: number;
  maxPartBytes: number;
  maxTotalBytes: number;
  maxTextRunBytes: number;
}

export const XLSX_LIMITS: XlsxLimits = {
  maxParts: 10_000,
  maxPartBytes: 150_000_000,
  maxTotalBytes: 250_000_000,
  maxTextRunBytes: EXCEL_MAX_CELL_CHARS * 8,
};

const LT = 0x3c; // '<'

/** Resolves when the workbook's parts are of a size a registration workbook can have; else a coded KepuError naming the file. */
export async function checkXlsxArchive(bytes: Uint8Array, fileName: string, limits: XlsxLimits = XLSX_LIMITS): Promise<void> {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true, autoClose: false, validateEntrySizes: true });
  } catch (error) {
    throw unreadable(fileName, error);
  }
  try {
    if (zip.entryCount > limits.maxParts) {
      throw new KepuError('IMPORT_XLSX_TOO_MANY_PARTS', `intake: ${fileName} has ${zip.entryCount} parts, at most ${limits.maxParts} allowed`, {
        file: fileName,
        count: zip.entryCount,
        limit: limits.maxParts,
      });
    }
    const entries: yauzl.Entry[] = [];
    let declaredTotal = 0;
    try {
      for await (const entry of zip.eachEntry()) {
        if (entry.uncompressedSize > limits.maxPartBytes) throw partTooLarge(fileName, entry.fileName, entry.uncompressedSize, limits);
        declaredTotal += entry.uncompressedSize;
        if (declaredTotal > limits.maxTotalBytes) throw totalTooLarge(fileName, limits);
        entries.push(entry);
      }
    } catch (error) {
      throw error instanceof KepuError ? error : unreadable(fileName, error);
    }
    for (const entry of entries) {
      if (!entry.fileName.endsWith('/')) await measurePart(zip, entry, fileName, limits);
    }
  } finally {
    zip.close();
  }
}

/** Inflates one part as a stream, keeping nothing: its real size and, for XML under xl/, its longest text run. */
async function measurePart(zip: yauzl.ZipFile, entry: yauzl.Entry, fileName: string, limits: XlsxLimits): Promise<void> {
  const scanText = /^xl\/.+\.xml$/i.test(entry.fileName);
  let stream: Readable;
  try {
    stream = await zip.openReadStreamPromise(entry);
  } catch (error) {
    throw unreadable(fileName, error);
  }
  let count = 0;
  let run = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      count += chunk.length;
      if (count > entry.uncompressedSize) throw sizeMismatch(fileName, entry.fileName);
      if (scanText) {
        run = textRunAfter(chunk, run, limits.maxTextRunBytes);
        if (run > limits.maxTextRunBytes) throw textTooLong(fileName, entry.fileName);
      }
    }
  } catch (error) {
    stream.destroy();
    if (error instanceof KepuError) throw error;
    // yauzl's own count: more or fewer bytes than the entry declares.
    if (/too many bytes|not enough bytes/.test((error as Error).message)) throw sizeMismatch(fileName, entry.fileName);
    throw unreadable(fileName, error);
  }
  if (count !== entry.uncompressedSize) throw sizeMismatch(fileName, entry.fileName);
}

/**
 * Bytes since the last '<' once `chunk` is read, given `run` bytes before it. A run inside a chunk
 * can only exceed `limit` when the chunk itself is longer than `limit`, so short chunks cost two
 * native searches; longer ones are walked '<' by '<'. Returns a value > limit for a run too long.
 */
export function textRunAfter(chunk: Buffer, run: number, limit: number): number {
  const first = chunk.indexOf(LT);
  if (first === -1) return run + chunk.length;
  if (run + first > limit) return run + first;
  let last = first;
  if (chunk.length > limit) {
    for (let next = chunk.indexOf(LT, last + 1); next !== -1; next = chunk.indexOf(LT, last + 1)) {
      if (next - last - 1 > limit) return next - last - 1;
      last = next;
    }
  } else {
    last = chunk.lastIndexOf(LT);
  }
  return chunk.length - last - 1;
}

const mb = (bytes: number) => Math.ceil(bytes / 1_000_000);

function partTooLarge(fileName: string, part: string, size: number, limits: XlsxLimits): KepuError {
  return new KepuError('IMPORT_XLSX_PART_TOO_LARGE', `intake: ${fileName}: ${part} unpacks to ${size} bytes, at most ${limits.maxPartBytes} allowed`, {
    file: fileName,
    part,
    sizeMb: mb(size),
    limitMb: mb(limits.maxPartBytes),
  });
}

function totalTooLarge(fileName: string, limits: XlsxLimits): KepuError {
  return new KepuError('IMPORT_XLSX_TOO_LARGE', `intake: ${fileName} unpacks to more than ${limits.maxTotalBytes} bytes`, {
    file: fileName,
    limitMb: mb(limits.maxTotalBytes),
  });
}

function sizeMismatch(fileName: string, part: string): KepuError {
  return new KepuError('IMPORT_XLSX_SIZE_MISMATCH', `intake: ${fileName}: ${part} unpacks to another size than the archive declares`, { file: fileName, part });
}

function textTooLong(fileName: string, part: string): KepuError {
  return new KepuError('IMPORT_XLSX_TEXT_TOO_LONG', `intake: ${fileName}: ${part} holds a text longer than an Excel cell can hold`, {
    file: fileName,
    part,
    limit: EXCEL_MAX_CELL_CHARS,
  });
}

function unreadable(fileName: string, error: unknown): KepuError {
  return new KepuError('IMPORT_FILE_UNREADABLE', `intake: ${fileName} is not a readable XLSX: ${(error as Error).message}`, { file: fileName });
}
