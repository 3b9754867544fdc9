// core/pdf/fast-text.ts and content-ops.ts write what PDFKit writes: the same strings drawn with
// doc.text(s, x, y, { lineBreak: false }) in one document and with textLine in another give the
// same page content byte for byte, the same font subset (glyphs in the same order), widths and
// ToUnicode entries; the spread chart's strings are what PDFKit's path calls write.
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { circlePath, strokedLine } from '../../../src-main/core/pdf/content-ops';
import { useFastShaping } from '../../../src-main/core/pdf/fast-shaping';
import { textLine } from '../../../src-main/core/pdf/fast-text';
import { FONT, useAppFonts } from '../../../src-main/core/pdf/fonts';

type Doc = InstanceType<typeof PDFDocument>;
interface Internals {
  page: { content: { buffer: Buffer[] } };
  _font: { subset: { glyphs: number[] }; widths: number[]; unicode: number[][] };
}

function newDoc(): Doc {
  const doc = new PDFDocument({ size: 'A4', compress: false });
  useAppFonts(doc);
  useFastShaping(doc);
  return doc;
}

const content = (doc: Doc) => Buffer.concat((doc as unknown as Internals).page.content.buffer).toString('latin1');

const LINES = [
  'SC2023-004105',
  '健康科普作品 4105 · Health work…',
  '└ SC2023-004105 与 SC2023-019345 同为 9.51 分；SC2023-004105 的“创意”更高（9.60 对 9.00）',
  'SC2023-004105 and SC2023-019345 tied at 9.51; SC2023-004105 ahead on Creativity (9.60 vs 9.00)',
  'AVATAR Tov WAVE "quoted" Type 7 T1 Y2',
  'Cafe\u0301 cre\u0300me — naïve', // combining marks: glyphs positioned with offsets
  'a\ttab  two spaces ',
  '9.51',
  '报名者 116',
];

function drawAll(doc: Doc, draw: (text: string, x: number, y: number) => void): void {
  for (const [weight, size] of [
    [FONT.regular, 7.5],
    [FONT.bold, 9],
    [FONT.regular, 6.5],
  ] as const) {
    doc.font(weight).fontSize(size).fillColor('#1f2933');
    LINES.forEach((text, i) => draw(text, 42 + i * 3.3, 60 + i * 11.7));
  }
}

describe('textLine', () => {
  it('writes the operators doc.text writes, with the same subset, widths and ToUnicode entries', () => {
    const pdfkit = newDoc();
    drawAll(pdfkit, (text, x, y) => pdfkit.text(text, x, y, { lineBreak: false }));
    const fast = newDoc();
    drawAll(fast, (text, x, y) => textLine(fast, text, x, y));
    expect(content(fast)).toBe(content(pdfkit));
    expect(content(fast)).toContain('Tm'); // the offset path was taken too
    for (const weight of [FONT.regular, FONT.bold]) {
      const a = (pdfkit.font(weight) as unknown as Internals)._font;
      const b = (fast.font(weight) as unknown as Internals)._font;
      expect(b.subset.glyphs).toEqual(a.subset.glyphs);
      expect(b.widths).toEqual(a.widths);
      expect(b.unicode).toEqual(a.unicode);
    }
  });

  it('leaves doc.x and doc.y at the line start, and draws nothing for an empty text', () => {
    const doc = newDoc();
    const before = content(doc);
    textLine(doc, '', 50, 70);
    expect(content(doc)).toBe(before);
    textLine(doc, 'SC2023-000001', 100, 120);
    expect([doc.x, doc.y]).toEqual([100, 120]);
  });
});

describe('content ops', () => {
  it('strokes lines and draws circles as PDFKit does', () => {
    const pdfkit = newDoc();
    const ours = newDoc();
    for (const [x, y, w] of [
      [437.1, 63.5, 50.9],
      [12.345678, 700.0000004, 0.01],
    ]) {
      pdfkit.moveTo(x, y).lineTo(x + w, y).lineWidth(0.3).strokeColor('#d5dbe1').stroke();
      pdfkit.circle(x + w / 3, y, 1.8);
      ours.addContent(`${strokedLine(x, y, x + w, y, 0.3, '#d5dbe1')}\n${circlePath(x + w / 3, y, 1.8)}`);
    }
    expect(content(ours)).toBe(content(pdfkit));
  });
});
