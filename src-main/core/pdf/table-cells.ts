// Single-line table cells without PDFKit's LineWrapper. `doc.text(s, x, y, { width, ellipsis })`
// runs the Unicode line breaker over the text (every CJK character is a "word"), measures each
// word through fontkit's full OpenType shaping, and re-measures `buffer + '…'` character by
// character while it shrinks: at 50,000 ranked rows of ~7 cells that was most of the ranking
// report's time. A cell needs only a width estimate: the sum of the glyphs' advance widths, read
// from the font's cmap once per code point and cached. Kerning (the only shaping the app's font
// does to the Latin, digits and CJK text in a cell) is left out of the estimate, so a small margin
// is kept; the text is then drawn as one line by fast-text.ts (PDFKit's operators, written at once).
import type PDFDocument from 'pdfkit';
import { textLine } from './fast-text';

type Doc = InstanceType<typeof PDFDocument>;

/** What is used of a fontkit font. */
interface FontkitFont {
  unitsPerEm: number;
  glyphForCodePoint(codePoint: number): { advanceWidth: number };
}

/**
 * Per fontkit font: code point → advance in thousandths of the font size (an array indexed by
 * code point for the BMP, NaN where not yet looked up; a map for the rest): the report's line
 * wrapping measures ~2 million pieces at 50,000 entries.
 */
interface Advances {
  bmp: Float64Array;
  astral: Map<number, number>;
}
const advances = new WeakMap<object, Advances>();

/** Points kept free at a cell's right edge: kerning the estimate leaves out, and rounding. */
export const CELL_MARGIN = 0.6;
const ELLIPSIS = '…';

function fontkitOf(doc: Doc): FontkitFont | null {
  const font = (doc as unknown as { _font?: { font?: FontkitFont } })._font?.font;
  return font && typeof font.glyphForCodePoint === 'function' && font.unitsPerEm > 0 ? font : null;
}

/** A width measure for the document's current font and size (points), or null (standard fonts). */
export function cellMeasure(doc: Doc): ((text: string) => number) | null {
  const font = fontkitOf(doc);
  if (!font) return null;
  let known = advances.get(font);
  if (!known) {
    known = { bmp: new Float64Array(0x10000).fill(NaN), astral: new Map() };
    advances.set(font, known);
  }
  const { bmp, astral } = known;
  const perUnit = 1000 / font.unitsPerEm;
  const size = (doc as unknown as { _fontSize: number })._fontSize;
  return (text: string) => {
    let total = 0;
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i) as number;
      let a: number;
      if (cp < 0x10000) {
        a = bmp[cp];
        if (Number.isNaN(a)) {
          a = font.glyphForCodePoint(cp).advanceWidth * perUnit;
          bmp[cp] = a;
        }
      } else {
        i++; // the low surrogate
        a = astral.get(cp) ?? font.glyphForCodePoint(cp).advanceWidth * perUnit;
        astral.set(cp, a);
      }
      total += a;
    }
    return (total * size) / 1000;
  };
}

/**
 * `text` as it fits in `width` points on one line: whole, or cut (by character, so Chinese and long
 * Latin words alike fill the column) and ended with '…'. Line breaks in the text become spaces.
 */
export function fitCell(text: string, width: number, measure: (text: string) => number): string {
  const flat = text.includes('\n') ? text.replace(/\s*\n\s*/g, ' ') : text;
  const room = width - CELL_MARGIN;
  if (measure(flat) <= room) return flat;
  const room2 = room - measure(ELLIPSIS);
  if (room2 <= 0) return '';
  // Code points (not UTF-16 units): a cut never splits a surrogate pair.
  const chars = Array.from(flat);
  let used = 0;
  let n = 0;
  for (; n < chars.length; n++) {
    const w = measure(chars[n]);
    if (used + w > room2) break;
    used += w;
  }
  const kept = chars.slice(0, n).join('').replace(/\s+$/, '');
  return kept ? kept + ELLIPSIS : ELLIPSIS;
}

/**
 * Draws `text` in one line at (x, y), cut with '…' to `width`, in the document's current font, size
 * and colour. Falls back to PDFKit's own wrapper for fonts it cannot measure (standard fonts).
 */
export function cell(doc: Doc, text: string, x: number, y: number, width: number, measure = cellMeasure(doc)): void {
  if (!text) return;
  if (!measure) {
    doc.text(text, x, y, { width, height: 10, lineBreak: false, ellipsis: true });
    return;
  }
  const fitted = fitCell(text, width, measure);
  if (fitted) textLine(doc, fitted, x, y);
  doc.x = x;
}

// Where a line may break in `lines`: after spaces, and around CJK characters, except before closing
// punctuation and after opening punctuation (so "，" never starts a line and "（" never ends one).
// Code points, scanned by index: a tie-break line at 50,000 entries is split ~1.6 million times.
const NO_BREAK_BEFORE = new Set(Array.from('，。、：；！？）》」』”’…·,.:;!?)]}%', (c) => c.codePointAt(0) as number));
const NO_BREAK_AFTER = new Set(Array.from('（《「『“‘([{', (c) => c.codePointAt(0) as number));
function isCjk(cp: number): boolean {
  return (cp >= 0x2e80 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xff00 && cp <= 0xffef) || cp >= 0x20000;
}

function isSpace(cp: number): boolean {
  return cp === 0x20 || cp === 0x09 || cp === 0x3000;
}

/** `text` split where a line may break: each piece carries its trailing spaces. */
function pieces(line: string): string[] {
  const out: string[] = [];
  let start = 0;
  let prev = -1;
  for (let i = 0; i < line.length; ) {
    const cp = line.codePointAt(i) as number;
    if (prev >= 0 && !isSpace(cp)) {
      const afterSpace = isSpace(prev);
      const aroundCjk = (isCjk(cp) || isCjk(prev)) && !NO_BREAK_BEFORE.has(cp) && !NO_BREAK_AFTER.has(prev);
      if (afterSpace || aroundCjk) {
        out.push(line.slice(start, i));
        start = i;
      }
    }
    prev = cp;
    i += cp > 0xffff ? 2 : 1;
  }
  if (start < line.length) out.push(line.slice(start));
  return out;
}

const TRAILING_SPACE = /\s$/;

/** `text` wrapped to `width` points: line breaks kept, a word wider than a line cut by character. */
export function wrapLines(text: string, width: number, measure: (text: string) => number): string[] {
  const room = width - CELL_MARGIN;
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let used = 0;
    const push = () => {
      out.push(line.replace(/\s+$/, ''));
      line = '';
      used = 0;
    };
    for (const piece of pieces(paragraph)) {
      const w = measure(piece);
      // Most pieces end in a character, not a space: their visible width is their width.
      const visible = TRAILING_SPACE.test(piece) ? measure(piece.replace(/\s+$/, '')) : w;
      if (used + visible <= room) {
        line += piece;
        used += w;
        continue;
      }
      if (line) push();
      if (visible <= room) {
        line = piece;
        used = w;
        continue;
      }
      // A single word wider than the line: as many characters per line as fit.
      for (const ch of Array.from(piece)) {
        const cw = measure(ch);
        if (line && used + cw > room && !/\s/.test(ch)) push();
        line += ch;
        used += cw;
      }
    }
    push();
  }
  return out;
}

/**
 * Draws `text` wrapped to `width` from (x, doc.y), in the current font, size and colour, moving on
 * to a new page when a line would pass the page's bottom margin, as PDFKit's `text(s, { width })`
 * does; leaves doc.y below the last line.
 */
export function paragraph(doc: Doc, text: string, x: number, width: number, measure = cellMeasure(doc)): void {
  if (!measure) {
    doc.text(text, x, doc.y, { width });
    return;
  }
  const lineHeight = doc.currentLineHeight(true);
  let y = doc.y;
  for (const line of wrapLines(text, width, measure)) {
    if (y + lineHeight > doc.page.maxY()) {
      doc.addPage();
      y = doc.page.margins.top;
    }
    if (line) textLine(doc, line, x, y);
    y += lineHeight;
  }
  doc.x = x;
  doc.y = y;
}
