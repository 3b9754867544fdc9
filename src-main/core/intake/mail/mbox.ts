// An mbox file (Thunderbird, Foxmail, QQ Mail, `mutt` exports) is mails one after another, each
// opened by a line starting "From " (the envelope line, not part of the mail). A body line that
// itself started with "From " was written as ">From " (and ">From " as ">>From " in the mboxrd
// variant); reading undoes one level. Not every writer quotes, so an envelope line is only taken
// where one can be: at the start of the file or after an empty line, and shaped like one
// ("From sender date", with a digit: "From - Tue Dec 12 10:05:00 2023"), never "From here on".
// Works on bytes, so bodies in any charset pass through as they are.

const NL = 0x0a;
const FROM = [0x46, 0x72, 0x6f, 0x6d, 0x20]; // "From "

function startsWithAt(bytes: Uint8Array, at: number, word: readonly number[]): boolean {
  if (at + word.length > bytes.length) return false;
  for (let i = 0; i < word.length; i++) if (bytes[at + i] !== word[i]) return false;
  return true;
}

/** True when the bytes begin like an mbox (an envelope "From " line), not like a single .eml. */
export function looksLikeMbox(bytes: Uint8Array): boolean {
  return startsWithAt(bytes, 0, FROM);
}

/** The mails of an mbox, envelope lines removed and ">From " lines unquoted. */
export function splitMbox(bytes: Uint8Array): Uint8Array[] {
  const starts: number[] = [];
  let afterBlank = true;
  for (let at = 0; at < bytes.length; ) {
    const next = bytes.indexOf(NL, at);
    const end = next === -1 ? bytes.length : next;
    if (afterBlank && startsWithAt(bytes, at, FROM) && isEnvelopeLine(bytes.subarray(at, end))) starts.push(at);
    afterBlank = end - at === 0 || (end - at === 1 && bytes[at] === 0x0d);
    if (next === -1) break;
    at = next + 1;
  }
  const mails: Uint8Array[] = [];
  starts.forEach((start, i) => {
    const end = i + 1 < starts.length ? starts[i + 1] : bytes.length;
    const envelopeEnd = bytes.indexOf(NL, start);
    if (envelopeEnd === -1 || envelopeEnd + 1 >= end) return; // an envelope line and nothing else
    const mail = unquoteFromLines(bytes.subarray(envelopeEnd + 1, end));
    if (mail.some((b) => b !== 0x0a && b !== 0x0d && b !== 0x20)) mails.push(mail);
  });
  return mails;
}

function isEnvelopeLine(line: Uint8Array): boolean {
  return /^From \S+ .*\d/.test(Buffer.from(line.subarray(0, 200)).toString('latin1'));
}

/** ">From " → "From ", ">>From " → ">From " at the start of a line; other bytes untouched. */
function unquoteFromLines(mail: Uint8Array): Uint8Array {
  const drop: number[] = [];
  for (let at = 0; at < mail.length; ) {
    let q = at;
    while (q < mail.length && mail[q] === 0x3e) q++; // '>'
    if (q > at && startsWithAt(mail, q, FROM)) drop.push(at);
    const next = mail.indexOf(NL, at);
    if (next === -1) break;
    at = next + 1;
  }
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
