// HTTP byte ranges for media (RFC 9110 §14): both shells serve assets through this, so a video can
// seek without loading the whole file. Only single ranges are supported; browsers ask for one.
import path from 'node:path';

export type ByteRange = { start: number; end: number };

/**
 * null: no (usable) Range header, serve the whole file.
 * 'unsatisfiable': the range lies outside the file (416).
 */
export function parseRange(header: string | null | undefined, size: number): ByteRange | null | 'unsatisfiable' {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return null; // multi-range or other units: ignore and send the whole file
  const [, startText, endText] = match;
  if (startText === '' && endText === '') return null;
  if (startText === '') {
    const suffix = Number(endText);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(startText);
  const end = endText === '' ? size - 1 : Math.min(Number(endText), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

const CONTENT_TYPES: Record<string, string> = {
  '.mp4': 'video/mp4',
  '.m4v': 'video/mp4',
  '.mov': 'video/quicktime',
  '.webm': 'video/webm',
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export interface MediaReply {
  status: 200 | 206 | 416;
  headers: Record<string, string>;
  /** Byte range to stream; absent for 416. */
  range?: ByteRange;
}

/**
 * Decides status and headers for serving a file named `file` of `size` bytes (the size of the
 * descriptor already opened, see guarded-open.ts); the shell streams `range` of it.
 */
export function planMediaReply(file: string, size: number, rangeHeader: string | null | undefined): MediaReply {
  const base = {
    'Content-Type': contentTypeFor(file),
    'Accept-Ranges': 'bytes',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  };
  const range = parseRange(rangeHeader, size);
  if (range === 'unsatisfiable') {
    return { status: 416, headers: { ...base, 'Content-Range': `bytes */${size}` } };
  }
  if (range === null) {
    return size === 0
      ? { status: 200, headers: { ...base, 'Content-Length': '0' } }
      : { status: 200, headers: { ...base, 'Content-Length': String(size) }, range: { start: 0, end: size - 1 } };
  }
  return {
    status: 206,
    headers: {
      ...base,
      'Content-Length': String(range.end - range.start + 1),
      'Content-Range': `bytes ${range.start}-${range.end}/${size}`,
    },
    range,
  };
}
