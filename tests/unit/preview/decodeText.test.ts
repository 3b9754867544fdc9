import { describe, expect, it } from 'vitest';
import { decodeText, declaredCharset, looksChinese } from '../../../src-renderer/src/components/preview/decodeText';
import { documentKind } from '../../../src-renderer/src/components/preview/documents';

const utf8 = (s: string) => new TextEncoder().encode(s);
// "你好，世界" in GBK
const gbk = new Uint8Array([0xc4, 0xe3, 0xba, 0xc3, 0xa3, 0xac, 0xca, 0xc0, 0xbd, 0xe7]);

describe('document text decoding', () => {
  it('reads UTF-8, with or without a byte-order mark', () => {
    expect(decodeText(utf8('健康科普'))).toEqual({ text: '健康科普', encoding: 'utf-8' });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('HPV 疫苗')])).text).toBe('HPV 疫苗');
  });

  it('falls back to GB18030 for GBK files saved by older Chinese tools', () => {
    expect(decodeText(gbk)).toEqual({ text: '你好，世界', encoding: 'gb18030' });
  });

  it('honours a non-UTF-8 charset an HTML file declares', () => {
    const page = new Uint8Array([...utf8('<html><head><meta charset="gbk"></head><body>'), ...gbk]);
    expect(declaredCharset(page)).toBe('gbk');
    expect(decodeText(page, { declared: declaredCharset(page) }).text).toContain('你好，世界');
    expect(declaredCharset(utf8('<meta http-equiv="Content-Type" content="text/html; charset=GB2312">'))).toBe('gb2312');
  });

  it('tolerates a character cut in half at the end of a truncated read', () => {
    const bytes = utf8('科普文章');
    const cut = bytes.subarray(0, bytes.length - 1);
    expect(decodeText(cut, { truncated: true })).toEqual({ text: '科普文', encoding: 'utf-8' });
  });

  it('recognises Chinese text for the lang attribute', () => {
    expect(looksChinese('高血压患者的一天:控盐小妙招')).toBe(true);
    expect(looksChinese('Blood pressure and salt')).toBe(false);
    expect(looksChinese('HPV 疫苗')).toBe(true);
  });

  it('picks the viewer from the file extension', () => {
    expect(documentKind('article-hpv.txt')).toBe('text');
    expect(documentKind('README.MD')).toBe('text');
    expect(documentKind('page.htm')).toBe('html');
    expect(documentKind('申报书.pdf')).toBe('pdf');
    expect(documentKind('slides.pptx')).toBe('other');
    expect(documentKind('no-extension')).toBe('other');
  });
});

describe('the one encoding detector (contract/text-encoding.ts) for CSVs and articles alike', () => {
  it('gives the preview and the intake the same answer', async () => {
    const { decodeText: shared, detectEncoding } = await import('../../../src-main/contract/text-encoding');
    const utf32le = new Uint8Array([0xff, 0xfe, 0, 0, 0xb7, 0x5e, 0, 0]); // BOM + 康 (U+5EB7); the preview read this as UTF-16LE before
    expect(decodeText(utf32le)).toEqual({ text: '康', encoding: 'utf-32le' });
    expect(shared(gbk)).toEqual(decodeText(gbk));
    expect(detectEncoding(gbk)).toBe('gb18030');
    expect(detectEncoding(utf8('科普').subarray(0, 5), { truncated: true })).toBe('utf-8');
    expect(detectEncoding(utf8('科普').subarray(0, 5))).toBe('gb18030');
  });
});
