import { describe, expect, it } from 'vitest';
import { parseCsv, sniffDelimiter } from '../../../src-main/core/intake/csv';
import { decodeText, detectEncoding } from '../../../src-main/contract/text-encoding';
import { isEmail, isUrl, normalisePhone, parseSubmissionTime } from '../../../src-main/core/intake/values';
import { autoMap, mappingTargets, normaliseHeader } from '../../../src-main/core/intake/targets';
import { TemplateCatalog } from '../../../src-main/core/campaigns/templates';
import path from 'node:path';
import { resourcesDir } from '../../helpers';

describe('CSV parsing', () => {
  it('handles quotes, escaped quotes, embedded newlines and CRLF', () => {
    expect(parseCsv('a,b\r\n"x, y","he said ""hi"""\r\n"multi\nline",2\r\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'he said "hi"'],
      ['multi\nline', '2'],
    ]);
  });

  it('keeps empty cells and rows so row numbers match the spreadsheet', () => {
    expect(parseCsv('a,,c\n\n1,2,')).toEqual([['a', '', 'c'], [''], ['1', '2', '']]);
  });

  it('sniffs semicolon and tab delimiters from the header line', () => {
    expect(sniffDelimiter('编号;标题;电话\n1;a;b')).toBe(';');
    expect(sniffDelimiter('编号\t标题\n1\ta')).toBe('\t');
    expect(parseCsv('a;"b;c"\n1;2')).toEqual([['a', 'b;c'], ['1', '2']]);
  });
});

describe('encoding detection', () => {
  const gbk = Buffer.from([0xd7, 0xf7, 0xc6, 0xb7, 0xc3, 0xfb, 0xb3, 0xc6]); // 作品名称 in GBK
  it('reads GBK exported by Chinese Excel/WPS as GB18030', () => {
    expect(detectEncoding(gbk)).toBe('gb18030');
    expect(decodeText(gbk).text).toBe('作品名称');
  });

  it('reads UTF-8 with and without BOM, dropping the BOM', () => {
    const utf8 = Buffer.from('作品名称', 'utf8');
    expect(decodeText(utf8)).toEqual({ text: '作品名称', encoding: 'utf-8' });
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]))).toEqual({ text: '作品名称', encoding: 'utf-8' });
  });

  it('lets the user override a wrong guess', () => {
    expect(decodeText(gbk, { encoding: 'utf-8' }).text).not.toBe('作品名称');
  });

  // Real bytes, built by hand: UTF-16BE by swapping UTF-16LE pairs; UTF-32 (no codec in Node) unit
  // by unit. The text has a character outside the BMP (a surrogate pair in UTF-16).
  const text = '报名编号,作品名称\r\nSC-0001,七步洗手法 𠀋\r\n';
  const utf16be = (s: string) => {
    const le = Buffer.from(s, 'utf16le');
    for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
    return le;
  };
  const utf32 = (s: string, littleEndian: boolean) => {
    const points = [...s].map((c) => c.codePointAt(0)!);
    const out = Buffer.alloc(points.length * 4);
    points.forEach((p, i) => (littleEndian ? out.writeUInt32LE(p, i * 4) : out.writeUInt32BE(p, i * 4)));
    return out;
  };

  it('recognises the UTF-16BE, UTF-32LE and UTF-32BE byte-order marks and decodes them', () => {
    const files = {
      'utf-16be': utf16be(`\ufeff${text}`),
      'utf-32le': utf32(`\ufeff${text}`, true),
      'utf-32be': utf32(`\ufeff${text}`, false),
      'utf-16le': Buffer.from(`\ufeff${text}`, 'utf16le'),
    } as const;
    expect([...files['utf-32le'].subarray(0, 4)]).toEqual([0xff, 0xfe, 0x00, 0x00]);
    expect([...files['utf-32be'].subarray(0, 4)]).toEqual([0x00, 0x00, 0xfe, 0xff]);
    expect([...files['utf-16be'].subarray(0, 2)]).toEqual([0xfe, 0xff]);
    for (const [encoding, bytes] of Object.entries(files)) {
      expect(detectEncoding(bytes), encoding).toBe(encoding);
      expect(decodeText(bytes), encoding).toEqual({ text, encoding });
      expect(parseCsv(decodeText(bytes).text)[1], encoding).toEqual(['SC-0001', '七步洗手法 𠀋']);
    }
  });

  it('decodes UTF-32 when chosen by hand, turning units that are no character into U+FFFD', () => {
    expect(decodeText(utf32('编号', false), { encoding: 'utf-32be' }).text).toBe('编号');
    const bad = Buffer.concat([utf32('a', true), Buffer.from([0x00, 0x00, 0x11, 0x00]), utf32('b', true), Buffer.from([0x00, 0xd8, 0x00, 0x00]), Buffer.from([0x63, 0x00])]);
    expect(decodeText(bad, { encoding: 'utf-32le' }).text).toBe('a\ufffdb\ufffd\ufffd');
    // Long enough to need several String.fromCodePoint calls.
    const long = '科'.repeat(20_000);
    expect(decodeText(utf32(long, true), { encoding: 'utf-32le' }).text).toBe(long);
  });
});

describe('cell values', () => {
  it('normalises Chinese mobile and landline numbers and refuses others', () => {
    expect(normalisePhone('138 0013 8000')).toBe('13800138000');
    expect(normalisePhone('+86 136-0013-6000')).toBe('13600136000');
    expect(normalisePhone('028-85501234')).toBe('028-85501234');
    expect(normalisePhone('(010) 6552 9988 转 123')).toBe('010-65529988-123');
    expect(normalisePhone('12345')).toBeNull();
    expect(normalisePhone('23800138000')).toBeNull();
  });

  it('checks e-mail addresses and links', () => {
    expect(isEmail('li@example.cn')).toBe(true);
    expect(isEmail('not-an-email')).toBe(false);
    expect(isUrl('https://www.douyin.com/user/x')).toBe(true);
    expect(isUrl('www.example.cn/a')).toBe(true);
    expect(isUrl('javascript:alert(1)')).toBe(false);
  });

  it('reads submission times in the campaign zone in the shapes forms use', () => {
    const tz = 'Asia/Shanghai';
    expect(parseSubmissionTime('2023-12-25 18:00', tz)).toBe('2023-12-25T10:00:00.000Z');
    expect(parseSubmissionTime('2023/12/25 18:00:30', tz)).toBe('2023-12-25T10:00:30.000Z');
    expect(parseSubmissionTime('2023年12月12日 10时05分', tz)).toBe('2023-12-12T02:05:00.000Z');
    expect(parseSubmissionTime('2023-12-25T10:00:00Z', tz)).toBe('2023-12-25T10:00:00.000Z');
    expect(parseSubmissionTime('2023-12-25T18:00:00+08:00', tz)).toBe('2023-12-25T10:00:00.000Z');
    expect(parseSubmissionTime('12/25/2023', tz)).toBeNull();
    expect(parseSubmissionTime('2023-13-01', tz)).toBeNull();
  });
});

describe('column auto-mapping', () => {
  const def = new TemplateCatalog(path.join(resourcesDir, 'templates')).get('sichuan-influence-2023').definition;
  const targets = mappingTargets(def);

  it('matches Chinese and English headers to the same targets', () => {
    const zh = autoMap(['报名编号', '申报类型', '作品名称', '联系电话(手机)', '电子邮箱', '提交时间'], targets);
    const en = autoMap(['Registration no.', 'Application type', 'Title', 'Phone', 'E-mail', 'Submitted at'], targets);
    for (const mapping of [zh, en]) {
      expect(mapping['sys.regNo']).toBe(0);
      expect(mapping['sys.kind']).toBe(1);
      expect(mapping['field.title']).toBe(2);
      expect(mapping['field.phone']).toBe(3);
      expect(mapping['field.email']).toBe(4);
      expect(mapping['sys.submittedAt']).toBe(5);
      expect(mapping['field.platform']).toBeNull();
    }
  });

  it('folds required markers, full-width characters and spaces', () => {
    expect(normaliseHeader(' 作品名称* ')).toBe('作品名称');
    expect(normaliseHeader('Ｅ－ｍａｉｌ（选填）')).toBe('email');
  });

  it('requires a registration number and, with several entry kinds, a kind column', () => {
    expect(targets.filter((t) => t.required).map((t) => t.key)).toEqual(['sys.regNo', 'sys.kind', 'field.phone', 'field.reason']);
  });
});
