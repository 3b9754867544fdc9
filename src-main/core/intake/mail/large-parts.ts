// Registration mails carry videos of up to 100 MB. postal-mime decodes base64 line by line in
// JavaScript (≈ 13 MB/s here), so a big attachment is lifted out before parsing: the base64 body
// of a non-text part whose header says "Content-Transfer-Encoding: base64" (up to the next
// boundary line) is replaced by a short marker (itself
// base64), decoded by Node's native decoder, and put back in place of the marker's bytes after
// parsing. Small parts and text parts are left to postal-mime untouched.
import { randomBytes } from 'node:crypto';

/** Only bodies at least this long (≈ 64 kB of data) are worth lifting out. */
const MIN_LINES = 1000;

export interface LiftedParts {
  /** The mail with every large base64 body replaced by a marker. */
  bytes: Uint8Array;
  /** Marker bytes (as latin1 text) → the decoded body. */
  bodies: Map<string, Uint8Array>;
}

const CTE = Buffer.from('ransfer-encoding:', 'latin1');
const CTE_UPPER = Buffer.from('ransfer-Encoding:', 'latin1');

/** Offsets of every "Content-Transfer-Encoding:" header (either capitalisation people write). */
function cteOffsets(buf: Buffer): number[] {
  const out: number[] = [];
  for (const needle of [CTE, CTE_UPPER]) {
    for (let at = buf.indexOf(needle); at !== -1; at = buf.indexOf(needle, at + needle.length)) out.push(at + needle.length);
  }
  return out.sort((a, b) => a - b);
}

/** A part header is short: the empty line ending it is looked for this far only (not through a 100 MB body). */
const HEADER_WINDOW = 16 * 1024;

/** Where the empty line ending the header block that holds `from` ends (the body starts), or -1. */
function bodyStart(buf: Buffer, from: number): number {
  const window = buf.subarray(from, Math.min(buf.length, from + HEADER_WINDOW));
  const lfAt = window.indexOf('\n\n', 0, 'latin1');
  const crlfAt = window.indexOf('\r\n\r\n', 0, 'latin1');
  const lf = lfAt === -1 ? -1 : from + lfAt;
  const crlf = crlfAt === -1 ? -1 : from + crlfAt;
  if (lf === -1 && crlf === -1) return -1;
  if (crlf !== -1 && (lf === -1 || crlf < lf)) return crlf + 4;
  return lf + 2;
}

export function liftLargeBase64(bytes: Uint8Array): LiftedParts {
  const bodies = new Map<string, Uint8Array>();
  if (bytes.length < MIN_LINES * 60) return { bytes, bodies };
  // Byte searches run in native code and copy nothing: a 7 MB mail takes a few milliseconds.
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const nonce = randomBytes(6).toString('hex');
  const pieces: Buffer[] = [];
  let copied = 0;
  for (const valueAt of cteOffsets(buf)) {
    if (valueAt < copied) continue;
    if (!/^[ \t]*"?base64/i.test(buf.toString('latin1', valueAt, valueAt + 12))) continue;
    const start = bodyStart(buf, valueAt);
    if (start === -1) break;
    // A text part stays with postal-mime (it decodes its charset); only attachments are lifted.
    const header = buf.toString('latin1', Math.max(buf.lastIndexOf('\n--', valueAt, 'latin1'), 0), start);
    if (/^content-type:[ \t]*"?text\//im.test(header)) continue;
    // Base64 holds no "-": the body ends at the next boundary line ("--…"), or with the mail.
    const boundary = buf.indexOf('\n--', start, 'latin1');
    const end = boundary === -1 ? buf.length : boundary + 1;
    if (end - start < MIN_LINES * 60) continue;
    const marker = `KEPU-LIFTED-${nonce}-${bodies.size}`;
    bodies.set(marker, new Uint8Array(Buffer.from(buf.toString('latin1', start, end), 'base64')));
    pieces.push(buf.subarray(copied, start), Buffer.from(`${Buffer.from(marker, 'latin1').toString('base64')}\r\n`, 'latin1'));
    copied = end;
  }
  if (bodies.size === 0) return { bytes, bodies };
  pieces.push(buf.subarray(copied));
  return { bytes: Buffer.concat(pieces), bodies };
}

/** The decoded body a parsed attachment stands for, or its own content when it was not lifted. */
export function restoreLifted(content: Uint8Array, bodies: ReadonlyMap<string, Uint8Array>): Uint8Array {
  if (bodies.size === 0 || content.byteLength > 64) return content;
  return bodies.get(Buffer.from(content).toString('latin1')) ?? content;
}
