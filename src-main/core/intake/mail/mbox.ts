// An mbox file (Thunderbird, Foxmail, QQ Mail, `mutt` exports) is mails one after another, each
// opened by a line starting "From " (the envelope line, not part of the mail). A body line that
// itself started with "From " was written as ">From " (and ">From " as ">>From " in the mboxrd
// variant); reading undoes one level. Not every writer quotes, so an envelope line is only taken
// where one can be: at the start of the file or after an empty line, and shaped like one
// ("From sender date", with a digit: "From - Tue Dec 12 10:05:00 2023"), never "From here on".
// Works on bytes, so bodies in any charset pass through as they are.
// Node's Buffer is used for its native byte searches.

const NL = 0x0a;
const FROM = [0x46, 0x72, 0x6f, 0x6d, 0x20]; // "From "
const NEWLINE_FROM = Buffer.from('\nFrom ', 'latin1');
const NEWLINE_QUOTE = Buffer.from('\n>', 'latin1');

function startsWithAt(bytes: Uint8Array, at: number, word: readonly number[]): boolean {
  if (at + word.length > bytes.length) return false;
  for (let i = 0; i < word.length; i++) if (bytes[at + i] !== word[i]) return false;
  return true;
}

/** True when the bytes begin like an mbox (an envelope "From " line), not like a single .eml. */
export function looksLikeMbox(bytes: Uint8Array): boolean {
  return startsWithAt(bytes, 0, FROM);
}

/** The same bytes as a Buffer (no copy): its indexOf searches for a byte string natively. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** True when the line that ends with the line break at `lf` is empty (or holds a lone CR). */
function blankLineEndsAt(bytes: Uint8Array, lf: number): boolean {
  if (lf === 0 || bytes[lf - 1] === NL) return true;
  return bytes[lf - 1] === 0x0d && (lf === 1 || bytes[lf - 2] === NL);
}

/**
 * The mails of an mbox, envelope lines removed and ">From " lines unquoted. Only the places where
 * a line starts with "From " are looked at (found by a native search for "\nFrom "): a 1 GB mbox
 * of video attachments is not walked line by line.
 */
export function splitMbox(bytes: Uint8Array): Uint8Array[] {
  const buf = asBuffer(bytes);
  const starts: number[] = [];
  const envelopeAt = (at: number) => {
    const next = buf.indexOf(NL, at);
    return isEnvelopeLine(buf.subarray(at, next === -1 ? buf.length : next));
  };
  if (startsWithAt(buf, 0, FROM) && envelopeAt(0)) starts.push(0);
  for (let lf = buf.indexOf(NEWLINE_FROM); lf !== -1; lf = buf.indexOf(NEWLINE_FROM, lf + 1)) {
    if (blankLineEndsAt(buf, lf) && envelopeAt(lf + 1)) starts.push(lf + 1);
  }
  const mails: Uint8Array[] = [];
  starts.forEach((start, i) => {
    const end = i + 1 < starts.length ? starts[i + 1] : bytes.length;
    const envelopeEnd = buf.indexOf(NL, start);
    if (envelopeEnd === -1 || envelopeEnd + 1 >= end) return; // an envelope line and nothing else
    const mail = unquoteFromLines(bytes.subarray(envelopeEnd + 1, end));
    if (mail.some((b) => b !== 0x0a && b !== 0x0d && b !== 0x20)) mails.push(mail);
  });
  return mails;
}

function isEnvelopeLine(line: Uint8Array): boolean {
  return /^From \S+ .*\d/.test(Buffer.from(line.buffer, line.byteOffset, Math.min(line.byteLength, 200)).toString('latin1'));
}

/** ">From " → "From ", ">>From " → ">From " at the start of a line; other bytes untouched. */
function unquoteFromLines(mail: Uint8Array): Uint8Array {
  const buf = asBuffer(mail);
  const drop: number[] = [];
  const quotedFromAt = (at: number) => {
    let q = at;
    while (q < buf.length && buf[q] === 0x3e) q++; // '>'
    return q > at && startsWithAt(buf, q, FROM);
  };
  // Lines starting with ">" are rare (base64 and most text have none): only those are looked at.
  if (quotedFromAt(0)) drop.push(0);
  for (let lf = buf.indexOf(NEWLINE_QUOTE); lf !== -1; lf = buf.indexOf(NEWLINE_QUOTE, lf + 1)) if (quotedFromAt(lf + 1)) drop.push(lf + 1);
  if (drop.length === 0) return mail;
  const out = new Uint8Array(mail.length - drop.length);
  let from = 0;
  let to = 0;
  for (const d of drop) {
    out.set(mail.subarray(from, d), to);
    to += d - from;
    from = d + 1;
  }
  out.set(mail.subarray(from), to);
  return out;
}
