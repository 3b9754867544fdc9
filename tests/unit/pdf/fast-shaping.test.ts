// The cmap path of core/pdf/fast-shaping.ts gives what fontkit's full shaping gives for every word
// it takes: every pair of its marks (digits, punctuation, space) and every CJK ideograph beside
// marks and beside ideographs, in both weights of the app's font; other words still go through PDFKit's shaping.
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { FONT, useAppFonts } from '../../../src-main/core/pdf/fonts';
import { SAFE_MARKS, isSafeCodePoint, useFastShaping } from '../../../src-main/core/pdf/fast-shaping';
import { cellMeasure, fitCell, wrapLines } from '../../../src-main/core/pdf/table-cells';

interface Run {
  glyphs: { id: number }[];
  positions: { xAdvance: number; xOffset: number; yOffset: number }[];
  advanceWidth: number;
}
interface Font {
  layoutRun(text: string): Run;
  layout(text: string): Run;
  layoutCache: Record<string, Run>;
}

function fonts(): { weight: string; font: Font }[] {
  const doc = new PDFDocument({ size: 'A4' });
  useAppFonts(doc);
  useFastShaping(doc);
  const d = doc as unknown as { _font: Font };
  return [FONT.regular, FONT.bold].map((weight) => {
    doc.font(weight);
    return { weight, font: d._font };
  });
}

const plain = (r: Run) => ({ ids: r.glyphs.map((g) => g.id), x: r.positions.map((p) => [p.xAdvance, p.xOffset, p.yOffset]), w: r.advanceWidth });

describe('fast shaping', () => {
  const all = fonts();

  it('lays out every pair of safe marks as fontkit does, both weights', () => {
    const marks = [...Array.from(SAFE_MARKS), ' '];
    for (const { weight, font } of all) {
      for (const a of marks) for (const b of marks) expect(plain(font.layout(a + b)), `${weight} ${a}${b}`).toEqual(plain(font.layoutRun(a + b)));
    }
  });

  it('lays out every CJK ideograph beside the safe marks as fontkit does', () => {
    // Every ideograph once, between two marks (cycling through them, so each mark stands beside
    // ~600 different ideographs on either side), and every ideograph beside the next one.
    const marks = Array.from(SAFE_MARKS);
    let mixed = '';
    let pure = '';
    for (let c = 0x4e00, i = 0; c <= 0x9fff; c++, i++) {
      mixed += String.fromCodePoint(c) + marks[i % marks.length];
      pure += String.fromCodePoint(c);
    }
    for (const { weight, font } of all) {
      for (const text of [mixed, pure]) {
        for (let i = 0; i < text.length; i += 4000) {
          const word = text.slice(i, i + 4000);
          expect(plain(font.layout(word)), `${weight} ${i}`).toEqual(plain(font.layoutRun(word)));
        }
      }
    }
  });

  it('shapes a space after any printable ASCII character as a plain space, in Latin, Han and neutral words', () => {
    for (const { weight, font } of all) {
      for (let c = 0x21; c < 0x7f; c++) {
        for (const before of ['', 'A', 'SC2023-', '分;', '9']) {
          const word = before + String.fromCharCode(c);
          const whole = plain(font.layoutRun(`${word} `));
          const apart = plain(font.layoutRun(word));
          const space = plain(font.layoutRun(' '));
          expect(whole, `${weight} ${JSON.stringify(word)}`).toEqual({ ids: [...apart.ids, ...space.ids], x: [...apart.x, ...space.x], w: whole.w });
          expect(whole.w).toBeCloseTo(apart.w + space.w, 6);
        }
      }
    }
  });

  it('lays out words that differ only in their digits from one shape as fontkit does, script included', () => {
    // A Latin word takes the font's Latin digits, a Han word its default ones: the shape keeps that.
    const shapes = ['SC2023-000000', '分;SC2023-000000', '0.00;', '(0.00', 'T00y,', 'AV00T', 'Tov000', '00-00-00T00:00', '第00名'];
    for (const { weight, font } of all) {
      for (const shape of shapes) {
        for (let n = 0; n < 120; n++) {
          let k = n;
          const word = shape.replace(/0/g, () => String((k = (k * 7 + 3) % 97) % 10));
          expect(plain(font.layout(word)), `${weight} ${word}`).toEqual(plain(font.layoutRun(word)));
          expect(plain(font.layout(`${word} `)), `${weight} "${word} "`).toEqual(plain(font.layoutRun(`${word} `)));
        }
      }
      // Every pair of digits, in a Latin and a Han word.
      for (let a = 0; a < 10; a++) {
        for (let b = 0; b < 10; b++) {
          for (const word of [`SC${a}${b}`, `分;${a}${b}x`, `x${a}${b}`]) expect(plain(font.layout(word)), `${weight} ${word}`).toEqual(plain(font.layoutRun(word)));
        }
      }
      expect(font.layoutCache['SC2023-004105']).toBeUndefined(); // laid out from its shape
      font.layout('SC2023-004105');
      expect(font.layoutCache['SC2023-004105']).toBeUndefined();
      expect(font.layoutCache['SC1111-111111']).toBeDefined(); // a probe of its shape (every digit 1), shaped by fontkit
    }
  });

  it('takes only safe words; Latin words still go through PDFKit, with their kerning', () => {
    expect(isSafeCodePoint('S'.charCodeAt(0))).toBe(false);
    expect(isSafeCodePoint('健'.charCodeAt(0))).toBe(true);
    for (const { font } of all) {
      const text = '健康科普作品 28369 · AVATAR Tov SC2023-000001 Health';
      expect(plain(font.layout(text)).ids).toEqual(text.split(/(?<= )/).flatMap((w) => plain(font.layoutRun(w)).ids));
      expect(plain(font.layout(text)).w).toBeCloseTo(text.split(/(?<= )/).reduce((s, w) => s + font.layoutRun(w).advanceWidth, 0), 6);
      expect(font.layoutCache['28369 ']).toBeUndefined(); // the cmap path
      expect(font.layoutCache['AVATAR']).toBeDefined(); // PDFKit's shaping (and cache), without its space
    }
  });
});

describe('table cells', () => {
  const doc = new PDFDocument({ size: 'A4' });
  useAppFonts(doc);
  doc.fontSize(7.5);
  const measure = cellMeasure(doc)!;

  it('keeps a text that fits, cuts one that does not with … within the width', () => {
    expect(fitCell('健康科普作品 1', 100, measure)).toBe('健康科普作品 1');
    const cut = fitCell('健康科普作品 28369 · Health work 28369', 126, measure);
    expect(cut.endsWith('…')).toBe(true);
    expect('健康科普作品 28369 · Health work 28369'.startsWith(cut.slice(0, -1))).toBe(true);
    expect(measure(cut)).toBeLessThanOrEqual(126);
    expect(doc.widthOfString(cut)).toBeLessThanOrEqual(126); // PDFKit's own (kerned) width too
    expect(fitCell('a\nb', 100, measure)).toBe('a b');
    expect(fitCell('健康', 3, measure)).toBe('');
    // Never splits a surrogate pair.
    expect(fitCell('𠀀𠀁𠀂𠀃𠀄𠀅𠀆𠀇𠀈𠀉', 30, measure)).toMatch(/^(?:[\uD800-\uDBFF][\uDC00-\uDFFF])+…$/);
  });

  it('wraps at spaces and around CJK, never past the width, never a line starting with ，；） or ending with （', () => {
    // As the zh-CN tie-break line reads (ranking.ties.dimension, full-width punctuation), then its English.
    const text = '└ SC2023-039745 与 SC2023-028369 同为 9.18 分；SC2023-039745 的“内容”更高（9.60 对 9.00），这是一段很长很长的中文说明文字，用来检查换行 / SC2023-039745 and SC2023-028369 tied at 9.18; SC2023-039745 ahead on Content (9.60 vs 9.00)';
    const lines = wrapLines(text, 200, measure);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join('').replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
    for (const line of lines) {
      expect(doc.widthOfString(line)).toBeLessThanOrEqual(200);
      expect(line).not.toMatch(/^[，；）]/);
      expect(line.trimEnd()).not.toMatch(/（$/);
    }
    expect(wrapLines('a\nb', 200, measure)).toEqual(['a', 'b']);
  });
});
