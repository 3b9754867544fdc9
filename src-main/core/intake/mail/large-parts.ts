// Registration mails carry videos of up to 100 MB. postal-mime decodes base64 line by line in
// JavaScript (≈ 13 MB/s here), so a big attachment is lifted out before parsing: the base64 body
// of a non-text leaf part whose header says "Content-Transfer-Encoding: base64" is replaced by a
// short marker (itself base64), and the parsed attachment that carries the marker is given the
// lifted body back. Small parts and text parts are left to postal-mime untouched.
//
// Speed (issue 16's bench): the mail's MIME tree is walked by its boundaries, so the only bytes of
// a big body ever touched before the import stores it are found by one native search for the
// boundary that ends it (no scan for header names through megabytes of base64). The body is not
// decoded here: the preview needs its size, which a regularly laid out body (every line the same
// length, as every mail client writes it) gives without decoding; it is decoded, by Node's native
// decoder and exactly as before (the whole body at once), only when the import stores it. A body
// laid out otherwise is decoded at once, as before, and its size taken from the result.
import { randomBytes } from 'node:crypto';

/** Only bodies at least this long (≈ 64 kB of data) are worth lifting out. */
const MIN_LIFT_BYTES = 60_000;
/** A part header is short: the empty line ending it is looked for this far only (not through a 100 MB body). */
const HEADER_WINDOW = 64 * 1024;
/** Nested messages (a forwarded mail inline in another) are followed this deep, as postal-mime does. */
const MAX_DEPTH = 8;

/** A lifted base64 body: its exact decoded size, and its bytes when asked for. */
export interface LiftedBody {
  sizeBytes: number;
  /** Decodes the body (the whole body at once, Node's decoder): the bytes postal-mime would give. */
  decode(): Uint8Array;
}

export interface LiftedParts {
  /** The mail with every large base64 body replaced by a marker. */
  bytes: Uint8Array;
  /** Marker bytes (as latin1 text) → the lifted body. */
  bodies: Map<string, LiftedBody>;
}

/** Where the empty line ending the header block that starts at `from` ends (the body starts), or -1. */
function bodyStart(buf: Buffer, from: number, to: number): number {
  const window = buf.subarray(from, Math.min(to, from + HEADER_WINDOW));
  // A part with no header at all starts with the empty line itself.
  if (window[0] === 0x0a) return from + 1;
  if (window[0] === 0x0d && window[1] === 0x0a) return from + 2;
  const lfAt = window.indexOf('\n\n', 0, 'latin1');
  const crlfAt = window.indexOf('\n\r\n', 0, 'latin1');
  if (lfAt === -1 && crlfAt === -1) return -1;
  if (crlfAt !== -1 && (lfAt === -1 || crlfAt < lfAt)) return from + crlfAt + 3;
  return from + lfAt + 2;
}

interface PartHeader {
  /** Lower-case media type, e.g. "multipart/mixed"; "" when the part names none. */
  type: string;
  boundary: string | null;
  encoding: string;
  disposition: string;
}

function readHeader(text: string): PartHeader {
  const fields = new Map<string, string>();
  // Folded lines continue the field above them.
  for (const line of text.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!fields.has(name)) fields.set(name, line.slice(colon + 1).trim());
  }
  const contentType = fields.get('content-type') ?? '';
  const boundary = /;\s*boundary\s*=\s*(?:"([^"]*)"|([^\s;"]+))/i.exec(contentType);
  return {
    type: contentType.split(';')[0].trim().replace(/^"|"$/g, '').toLowerCase(),
    boundary: boundary ? (boundary[1] ?? boundary[2]) : null,
    encoding: (fields.get('content-transfer-encoding') ?? '').replace(/"/g, '').trim().toLowerCase(),
    disposition: (fields.get('content-disposition') ?? '').split(';')[0].trim().toLowerCase(),
  };
}

/** [start, end) of every part of a multipart body in [from, to): after each delimiter line, up to (and with) the line break before the next. */
function partsOf(buf: Buffer, boundary: string, from: number, to: number): [number, number][] {
  const needle = Buffer.from(`--${boundary}`, 'latin1');
  const parts: [number, number][] = [];
  let open = -1;
  for (let at = buf.indexOf(needle, from); at !== -1 && at + needle.length <= to; at = buf.indexOf(needle, at + 1)) {
    // A delimiter starts a line and is followed by "--" (the last one), spaces or the line break.
    if (at !== from && buf[at - 1] !== 0x0a) continue;
    const after = buf[at + needle.length];
    const closing = after === 0x2d && buf[at + needle.length + 1] === 0x2d;
    if (!closing && at + needle.length < to && after !== 0x0d && after !== 0x0a && after !== 0x20 && after !== 0x09) continue;
    if (open !== -1) parts.push([open, at]);
    if (closing) return parts;
    const lineEnd = buf.indexOf(0x0a, at + needle.length);
    if (lineEnd === -1 || lineEnd >= to) return parts;
    open = lineEnd + 1;
  }
  if (open !== -1) parts.push([open, to]);
  return parts;
}

/** Every lifted-out candidate: a non-text leaf's base64 body [start, end), in order. */
function findLargeBase64(buf: Buffer, from: number, to: number, depth: number, digest: boolean, out: [number, number][]): void {
  const start = bodyStart(buf, from, to);
  if (start === -1 || depth > MAX_DEPTH) return;
  const header = readHeader(buf.toString('latin1', from, start));
  const type = header.type || (digest ? 'message/rfc822' : 'text/plain');
  if (type.startsWith('multipart/')) {
    if (!header.boundary) return;
    for (const [partStart, partEnd] of partsOf(buf, header.boundary, start, to)) {
      findLargeBase64(buf, partStart, partEnd, depth + 1, type === 'multipart/digest', out);
    }
    return;
  }
  // An inline forwarded mail is parsed as a mail of its own (its attachments join this one's);
  // one sent as an attachment is an attachment, kept byte for byte.
  if (type === 'message/rfc822') {
    if (header.disposition !== 'attachment' && !['base64', 'quoted-printable'].includes(header.encoding)) findLargeBase64(buf, start, to, depth + 1, false, out);
    return;
  }
  // A text part stays with postal-mime (it decodes its charset); only attachments are lifted.
  if (header.encoding !== 'base64' || type.startsWith('text/') || to - start < MIN_LIFT_BYTES) return;
  out.push([start, to]);
}

/**
 * The decoded size of a base64 body laid out regularly (lines of one length, a multiple of 4,
 * each ended the same way; a shorter last line, maybe padded), or null for any other layout.
 * Counts what Node's decoder would decode: the characters of the base64 alphabet up to the first "=".
 * Only the line ends of the full lines are looked at (a 7 MB body has 90,000 of them); the last
 * lines are counted character by character.
 */
export function regularBase64Size(buf: Buffer, start: number, end: number): number | null {
  const firstLf = buf.indexOf(0x0a, start);
  if (firstLf === -1 || firstLf >= end) return null;
  const eol = firstLf > start && buf[firstLf - 1] === 0x0d ? 2 : 1;
  const width = firstLf + 1 - eol - start;
  if (width <= 0 || width % 4 !== 0) return null;
  const stride = width + eol;
  // A full line: its line break where the layout puts it, a base64 character first and last.
  let lines = 0;
  for (let at = start; at + stride <= end; at += stride) {
    const lf = at + stride - 1;
    if (buf[lf] !== 0x0a || (eol === 2 && buf[lf - 1] !== 0x0d) || BASE64_CHAR[buf[at]] === 0 || BASE64_CHAR[buf[at + width - 1]] === 0) break;
    lines++;
  }
  // The last full line (it may end in padding) and what follows are counted exactly; what follows
  // is at most a short last line and line breaks, else the layout is not regular.
  const exactFrom = Math.max(0, lines - 1);
  const tailStart = start + exactFrom * stride;
  if (end - tailStart > 3 * stride + 16) return null;
  let legal = exactFrom * width;
  let padded = false;
  for (let at = tailStart; at < end; at++) {
    const c = buf[at];
    if (c === 0x0a || c === 0x0d || c === 0x20 || c === 0x09) continue;
    if (c === 0x3d) padded = true;
    else if (padded || !isBase64Char(c)) return null; // text after the padding, or not base64
    else legal++;
  }
  return Math.floor((legal * 3) / 4);
}

/** 1 for the characters Node's base64 decoder reads (both alphabets: "+/" and "-_"), 0 for those it skips. */
const BASE64_CHAR = new Uint8Array(256);
for (const c of Buffer.from('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_', 'latin1')) BASE64_CHAR[c] = 1;

function isBase64Char(c: number): boolean {
  return BASE64_CHAR[c] === 1;
}

/**
 * The whole body at once, by Node's decoder, as postal-mime's bytes were replaced before. Decoding
 * a step of lines at a time into one buffer was tried: faster alone, slower in an import (the many
 * short strings cost more in scavenges than the one long string). The result is not copied again.
 */
function decodeRange(buf: Buffer, start: number, end: number): Uint8Array {
  return Buffer.from(buf.toString('latin1', start, end), 'base64');
}

export function liftLargeBase64(bytes: Uint8Array): LiftedParts {
  const bodies = new Map<string, LiftedBody>();
  if (bytes.length < MIN_LIFT_BYTES) return { bytes, bodies };
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ranges: [number, number][] = [];
  findLargeBase64(buf, 0, buf.length, 0, false, ranges);
  if (ranges.length === 0) return { bytes, bodies };
  const nonce = randomBytes(6).toString('hex');
  const pieces: Buffer[] = [];
  let copied = 0;
  for (const [start, end] of ranges) {
    const marker = `KEPU-LIFTED-${nonce}-${bodies.size}`;
    const size = regularBase64Size(buf, start, end);
    if (size === null) {
      const decoded = decodeRange(buf, start, end);
      bodies.set(marker, { sizeBytes: decoded.byteLength, decode: () => decoded });
    } else {
      bodies.set(marker, { sizeBytes: size, decode: () => decodeRange(buf, start, end) });
    }
    pieces.push(buf.subarray(copied, start), Buffer.from(`${Buffer.from(marker, 'latin1').toString('base64')}\r\n`, 'latin1'));
    copied = end;
  }
  pieces.push(buf.subarray(copied));
  return { bytes: Buffer.concat(pieces), bodies };
}

/** The lifted body a parsed attachment stands for, or null when it was not lifted. */
export function liftedBodyOf(content: Uint8Array, bodies: ReadonlyMap<string, LiftedBody>): LiftedBody | null {
  if (bodies.size === 0 || content.byteLength > 64) return null;
  return bodies.get(Buffer.from(content).toString('latin1')) ?? null;
}
