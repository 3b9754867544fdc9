// Text files from Chinese entrants come as UTF-8 or as GBK/GB2312 (what Windows Notepad and many
// Chinese office tools saved for years). Decode: byte-order mark, then a declared charset (HTML
// <meta>), then strict UTF-8, else GB18030 (a superset of GBK and GB2312). Pure, unit-tested.

export interface DecodedText {
  text: string;
  /** WHATWG encoding name actually used, e.g. "utf-8", "gb18030". */
  encoding: string;
}

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** The charset an HTML file declares in its first 2 kB (`<meta charset>` or http-equiv), if any. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = String.fromCharCode(...bytes.subarray(0, 2048));
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(head);
  return match ? match[1].toLowerCase() : null;
}

function decoderFor(label: string, fatal: boolean): TextDecoder | null {
  try {
    return new TextDecoder(label, { fatal });
  } catch {
    return null; // unknown label
  }
}

/** Strict UTF-8; a cut-off final character (a truncated read) is tolerated. */
function strictUtf8(bytes: Uint8Array, truncated: boolean): string | null {
  const decoder = decoderFor('utf-8', true)!;
  for (let cut = 0; cut <= (truncated ? 3 : 0) && cut < bytes.length + 1; cut++) {
    try {
      return decoder.decode(bytes.subarray(0, bytes.length - cut));
    } catch {
      // try one byte shorter
    }
  }
  return null;
}

export function decodeText(bytes: Uint8Array, options: { declared?: string | null; truncated?: boolean } = {}): DecodedText {
  const bom = bomEncoding(bytes);
  if (bom) return { text: decoderFor(bom, false)!.decode(bytes), encoding: bom };
  const declared = options.declared ? decoderFor(options.declared, false) : null;
  // A declared UTF-8 is still verified: mislabelled GBK pages are common.
  if (declared && declared.encoding !== 'utf-8') return { text: declared.decode(bytes), encoding: declared.encoding };
  const utf8 = strictUtf8(bytes, options.truncated ?? false);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  return { text: decoderFor('gb18030', false)!.decode(bytes), encoding: 'gb18030' };
}

/** Whether the text is mostly Chinese, to tag it lang="zh-CN" (font choice, line breaking). */
export function looksChinese(text: string): boolean {
  const sample = text.slice(0, 4000);
  const han = sample.match(/[\u3400-\u9fff\uf900-\ufaff]/g)?.length ?? 0;
  const latin = sample.match(/[A-Za-z]/g)?.length ?? 0;
  return han > 0 && han * 2 >= latin;
}
