// Text files from Chinese entrants come as UTF-8 or as GBK/GB2312 (what Windows Notepad and many
// Chinese office tools saved for years). Decoding is the contract's one detector (byte-order mark,
// a declared charset, strict UTF-8, else GB18030); this adds what only the preview needs: the
// charset an HTML page declares, and whether the text is Chinese. Pure, unit-tested.
export { decodeText, type DecodedText } from '../../../../src-main/contract/text-encoding';

/** The charset an HTML file declares in its first 2 kB (`<meta charset>` or http-equiv), if any. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = String.fromCharCode(...bytes.subarray(0, 2048));
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(head);
  return match ? match[1].toLowerCase() : null;
}

/** Whether the text is mostly Chinese, to tag it lang="zh-CN" (font choice, line breaking). */
export function looksChinese(text: string): boolean {
  const sample = text.slice(0, 4000);
  const han = sample.match(/[\u3400-\u9fff\uf900-\ufaff]/g)?.length ?? 0;
  const latin = sample.match(/[A-Za-z]/g)?.length ?? 0;
  return han > 0 && han * 2 >= latin;
}
