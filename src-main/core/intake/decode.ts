// Text encodings of registration CSVs. Online forms export UTF-8 (often with a BOM, which Excel
// needs); Chinese Excel/WPS "CSV" is GBK. GB18030 is a superset of GBK and GB2312, so one decoder
// covers all three. "Unicode text" from Excel is UTF-16LE with a BOM; other tools write UTF-16BE or
// UTF-32 with a BOM. Detection: a BOM decides; otherwise valid UTF-8 is UTF-8, anything else GB18030.
// UTF-32 has no decoder in Node's TextDecoder, so it is decoded here (invalid units become U+FFFD,
// as TextDecoder does for the others).
export const csvEncodings = ['utf-8', 'utf-16le', 'utf-16be', 'utf-32le', 'utf-32be', 'gb18030'] as const;
export type CsvEncoding = (typeof csvEncodings)[number];

export function detectEncoding(bytes: Uint8Array): CsvEncoding {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return 'utf-8';
  // FF FE 00 00 before FF FE: the UTF-32LE BOM starts with the UTF-16LE one.
  if (b0 === 0xff && b1 === 0xfe && b2 === 0x00 && b3 === 0x00) return 'utf-32le';
  if (b0 === 0x00 && b1 === 0x00 && b2 === 0xfe && b3 === 0xff) return 'utf-32be';
  if (b0 === 0xff && b1 === 0xfe) return 'utf-16le';
  if (b0 === 0xfe && b1 === 0xff) return 'utf-16be';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/** Decodes with the given (or detected) encoding; the BOM never reaches the first header. */
export function decodeText(bytes: Uint8Array, encoding: CsvEncoding = detectEncoding(bytes)): { text: string; encoding: CsvEncoding } {
  const text =
    encoding === 'utf-32le' || encoding === 'utf-32be'
      ? decodeUtf32(bytes, encoding === 'utf-32le')
      : new TextDecoder(encoding, { ignoreBOM: false }).decode(bytes);
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding };
}

const CHUNK = 8192; // code points per String.fromCodePoint call, well below the argument limit

function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const units = Math.floor(bytes.byteLength / 4);
  const parts: string[] = [];
  let points: number[] = [];
  for (let i = 0; i < units; i++) {
    const unit = view.getUint32(i * 4, littleEndian);
    // Above U+10FFFF and the surrogate range are not characters.
    points.push(unit > 0x10ffff || (unit >= 0xd800 && unit <= 0xdfff) ? 0xfffd : unit);
    if (points.length === CHUNK) {
      parts.push(String.fromCodePoint(...points));
      points = [];
    }
  }
  if (bytes.byteLength % 4 !== 0) points.push(0xfffd); // a truncated last unit
  parts.push(String.fromCodePoint(...points));
  return parts.join('');
}
