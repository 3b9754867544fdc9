// The one text-encoding detector and decoder, for registration CSVs (core/intake) and for the
// articles the preview shows (renderer). Zod-free and pure, so both sides import it.
//
// Chinese files come as UTF-8 (online forms, often with a BOM, which Excel needs) or as GBK/GB2312
// (Chinese Excel/WPS "CSV", Windows Notepad and older office tools); GB18030 is a superset of both,
// so one decoder covers all three. "Unicode text" from Excel is UTF-16LE with a BOM; other tools
// write UTF-16BE or UTF-32 with a BOM. Detection: a BOM decides; then a charset the file declares
// (an HTML <meta>), unless it says UTF-8 (mislabelled GBK pages are common, so UTF-8 is verified);
// then valid UTF-8 is UTF-8 (a character cut off by a truncated read tolerated); anything else is
// GB18030. The BOM never reaches the text. UTF-32 has no TextDecoder, so it is decoded here
// (invalid units become U+FFFD, as TextDecoder does for the others).

// TextDecoder exists in every process (browsers, Node), but the contract is compiled without DOM
// or Node types: only what is used here is declared.
declare const TextDecoder: new (label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean }) => { readonly encoding: string; decode(bytes: Uint8Array): string };

export const textEncodings = ['utf-8', 'utf-16le', 'utf-16be', 'utf-32le', 'utf-32be', 'gb18030'] as const;
export type TextEncodingName = (typeof textEncodings)[number];

export interface DecodedText<E extends string = string> {
  text: string;
  /** WHATWG encoding name actually used, e.g. "utf-8", "gb18030". */
  encoding: E;
}

/** The encoding a byte-order mark announces, if the bytes start with one. */
export function bomEncoding(bytes: Uint8Array): TextEncodingName | null {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return 'utf-8';
  // FF FE 00 00 before FF FE: the UTF-32LE BOM starts with the UTF-16LE one.
  if (b0 === 0xff && b1 === 0xfe && b2 === 0x00 && b3 === 0x00) return 'utf-32le';
  if (b0 === 0x00 && b1 === 0x00 && b2 === 0xfe && b3 === 0xff) return 'utf-32be';
  if (b0 === 0xff && b1 === 0xfe) return 'utf-16le';
  if (b0 === 0xfe && b1 === 0xff) return 'utf-16be';
  return null;
}

/** BOM, else valid UTF-8 (see `truncated`), else GB18030. */
export function detectEncoding(bytes: Uint8Array, options: { truncated?: boolean } = {}): TextEncodingName {
  return bomEncoding(bytes) ?? (strictUtf8(bytes, options.truncated ?? false) !== null ? 'utf-8' : 'gb18030');
}

export function decodeText(bytes: Uint8Array, options?: { encoding?: TextEncodingName; truncated?: boolean }): DecodedText<TextEncodingName>;
export function decodeText(bytes: Uint8Array, options: { declared: string | null | undefined; truncated?: boolean }): DecodedText;
/**
 * Decodes with the given encoding, or detects one: `declared` is a charset the file names (an
 * HTML page's), `truncated` says the bytes are the start of a longer file.
 */
export function decodeText(bytes: Uint8Array, options: { encoding?: TextEncodingName; declared?: string | null; truncated?: boolean } = {}): DecodedText {
  if (options.encoding) return { text: withoutBom(decodeAs(bytes, options.encoding)), encoding: options.encoding };
  const bom = bomEncoding(bytes);
  if (bom) return { text: withoutBom(decodeAs(bytes, bom)), encoding: bom };
  const declared = options.declared ? decoderFor(options.declared) : null;
  if (declared && declared.encoding !== 'utf-8') return { text: withoutBom(declared.decode(bytes)), encoding: declared.encoding };
  const utf8 = strictUtf8(bytes, options.truncated ?? false);
  if (utf8 !== null) return { text: withoutBom(utf8), encoding: 'utf-8' };
  return { text: withoutBom(decodeAs(bytes, 'gb18030')), encoding: 'gb18030' };
}

function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function decoderFor(label: string) {
  try {
    return new TextDecoder(label);
  } catch {
    return null; // a label no decoder knows
  }
}

function decodeAs(bytes: Uint8Array, encoding: TextEncodingName): string {
  if (encoding === 'utf-32le' || encoding === 'utf-32be') return decodeUtf32(bytes, encoding === 'utf-32le');
  return new TextDecoder(encoding, { ignoreBOM: false }).decode(bytes);
}

/** Strict UTF-8, or null; for a truncated read, a character cut off at the end is dropped. */
function strictUtf8(bytes: Uint8Array, truncated: boolean): string | null {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let cut = 0; cut <= (truncated ? 3 : 0) && cut < bytes.length + 1; cut++) {
    try {
      return decoder.decode(bytes.subarray(0, bytes.length - cut));
    } catch {
      // try one byte shorter
    }
  }
  return null;
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
