// Top-level box headers of an MP4 / QuickTime file (ISO/IEC 14496-12 §4.2), read without
// touching the payload. Why: ffprobe reads a "faststart" file's index (moov) from the front and
// happily reports a full-length video even when the media data (mdat) behind it was cut short by
// an interrupted upload or copy. The top-level boxes must tile the file exactly; a box whose
// declared size runs past the end of the file is the signature of truncation.
import fs from 'node:fs/promises';

export interface BoxHeader {
  type: string;
  offset: number;
  /** Whole box, header included. For size 0 ("to the end of the file") the remaining length. */
  size: number;
  headerSize: 8 | 16;
}

export interface BoxWalk {
  boxes: BoxHeader[];
  /** A box runs past the end of the file (or its header is cut): the file is incomplete. */
  truncated: string | null;
  /**
   * The walk met bytes that are not a box header (trailing junk, a corrupt size). Reported, but not
   * a verdict on its own: players skip trailing junk, and ffprobe already read the file.
   */
  malformed: string | null;
}

/** Types that may open a QuickTime file that has no ftyp box (files from before 2001). */
const LEGACY_FIRST_BOXES = new Set(['moov', 'mdat', 'wide', 'free', 'skip', 'pnot']);
/** Stop after this many boxes: real files have a handful; a loop of tiny boxes is garbage. */
const MAX_BOXES = 100_000;

/** True when the first 8 bytes look like the header of an ISO-BMFF / QuickTime box. */
export function looksLikeIsoBmff(head: Uint8Array): boolean {
  if (head.length < 8) return false;
  const type = Buffer.from(head.subarray(4, 8)).toString('latin1');
  const size = Buffer.from(head.subarray(0, 4)).readUInt32BE(0);
  if (type === 'ftyp') return size >= 8;
  return LEGACY_FIRST_BOXES.has(type) && (size === 0 || size === 1 || size >= 8);
}

export async function walkTopLevelBoxes(file: string): Promise<BoxWalk> {
  const handle = await fs.open(file, 'r');
  try {
    const { size: fileSize } = await handle.stat();
    const header = Buffer.alloc(16);
    const boxes: BoxHeader[] = [];
    let offset = 0;
    while (offset < fileSize) {
      if (boxes.length >= MAX_BOXES) return { boxes, truncated: null, malformed: `more than ${MAX_BOXES} top-level boxes` };
      const remaining = fileSize - offset;
      const { bytesRead } = await handle.read(header, 0, Math.min(16, remaining), offset);
      if (bytesRead < 8) {
        return { boxes, truncated: `${remaining} byte(s) at offset ${offset} are too short for a box header`, malformed: null };
      }
      const type = header.toString('latin1', 4, 8);
      if (!/^[\x20-\x7e]{4}$/.test(type)) {
        return { boxes, truncated: null, malformed: `no box header at offset ${offset} (type bytes ${header.toString('hex', 4, 8)})` };
      }
      const size32 = header.readUInt32BE(0);
      let size: number;
      let headerSize: 8 | 16 = 8;
      if (size32 === 0) {
        size = remaining; // "extends to the end of the file"
      } else if (size32 === 1) {
        if (bytesRead < 16) return { boxes, truncated: `box ${type} at offset ${offset} is cut inside its 64-bit size`, malformed: null };
        const large = header.readBigUInt64BE(8);
        if (large > BigInt(Number.MAX_SAFE_INTEGER)) {
          return { boxes, truncated: `box ${type} at offset ${offset} declares ${large} bytes; file ends at ${fileSize}`, malformed: null };
        }
        size = Number(large);
        headerSize = 16;
      } else {
        size = size32;
      }
      if (size < headerSize) {
        return { boxes, truncated: null, malformed: `box ${type} at offset ${offset} declares an impossible size ${size}` };
      }
      boxes.push({ type, offset, size, headerSize });
      if (size > remaining) {
        return {
          boxes,
          truncated: `box ${type} at offset ${offset} declares ${size} bytes but only ${remaining} remain (file ends at ${fileSize})`,
          malformed: null,
        };
      }
      offset += size;
    }
    return { boxes, truncated: null, malformed: null };
  } finally {
    await handle.close();
  }
}
