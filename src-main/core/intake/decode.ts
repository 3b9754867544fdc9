// Text encodings of registration CSVs. Online forms export UTF-8 (often with a BOM, which Excel
// needs); Chinese Excel/WPS "CSV" is GBK. GB18030 is a superset of GBK and GB2312, so one decoder
// covers all three. Detection: a BOM decides; otherwise valid UTF-8 is UTF-8, anything else GB18030.
export const csvEncodings = ['utf-8', 'utf-16le', 'gb18030'] as const;
export type CsvEncoding = (typeof csvEncodings)[number];

export function detectEncoding(bytes: Uint8Array): CsvEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/** Decodes with the given (or detected) encoding; the BOM never reaches the first header. */
export function decodeText(bytes: Uint8Array, encoding: CsvEncoding = detectEncoding(bytes)): { text: string; encoding: CsvEncoding } {
  const text = new TextDecoder(encoding, { ignoreBOM: false }).decode(bytes);
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding };
}
