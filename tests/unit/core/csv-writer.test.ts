// The CSV writer (core/export/csv.ts, csv-stringify inside) writes exactly what the hand-written
// writer it replaced wrote: text always quoted with "" escapes, formula-like text neutralised with
// an apostrophe, finite numbers bare (-0 as 0), non-finite numbers, null and undefined empty,
// CRLF after every record, a BOM unless asked not to.
import { describe, expect, it } from 'vitest';
import { csvDocument, csvField, csvRow } from '../../../src-main/core/export/csv';

describe('CSV writer', () => {
  it('writes fields as before', () => {
    expect([csvField('a'), csvField(''), csvField(null), csvField(undefined), csvField(1.5), csvField(-0.53), csvField(-0), csvField(Number.NaN), csvField(Infinity)]).toEqual([
      '"a"', '""', '', '', '1.5', '-0.53', '0', '', '',
    ]);
    expect([csvField('=1+1'), csvField('+x'), csvField('-y'), csvField('@z'), csvField('\tt'), csvField('\rr'), csvField('a=b')]).toEqual([
      `"'=1+1"`, `"'+x"`, `"'-y"`, `"'@z"`, `"'\tt"`, `"'\rr"`, '"a=b"',
    ]);
    expect(csvField('say "hi"\nnext, line')).toBe('"say ""hi""\nnext, line"');
    expect(csvField('科普，作品')).toBe('"科普，作品"');
    expect(csvField('1e21')).toBe('"1e21"');
    expect(csvField(1e21)).toBe('1e+21');
  });

  it('writes rows and documents as before', () => {
    expect(csvRow(['SC-0001', 8.5, null, '张三'])).toBe('"SC-0001",8.5,,"张三"');
    expect(csvRow([])).toBe('');
    expect(csvRow([null])).toBe('');
    expect(csvRow([null, null])).toBe(',');
    expect(csvDocument([['a', 1], [], ['b', null]])).toBe('\ufeff"a",1\r\n\r\n"b",\r\n');
    expect(csvDocument([['a']], { bom: false, newline: '\n' })).toBe('"a"\n');
  });
});
