// Output shaping without fontkit for text that needs none. PDFKit's EmbeddedFont.layout splits a
// string at spaces and runs each new word through fontkit's full OpenType layout (script and
// feature selection, GSUB, GPOS) to get glyph ids and advances, caching per word. A ranking report
// at 50,000 entries draws ~300,000 words never seen before (registration numbers, titles, ids in
// tie-break lines), and that shaping was a third of its time.
//
// What this touches in PDFKit (0.17): it replaces `layout(text, features, onlyWidth)` on the
// document's EmbeddedFont instances of the app's font (an own property; the class is untouched).
// Words made only of SAFE characters (CJK ideographs U+4E00–U+9FFF, digits and a few punctuation
// marks) are laid out straight from the cmap: glyph = glyphForCodePoint, advance = its advance
// width, no offsets. For those characters the app's font (Noto Sans SC) applies no substitution
// and no kerning with each other: tests/unit/pdf/fast-shaping.test.ts checks every pair against
// fontkit's layout, both weights. Every other word (Latin letters kern; anything else may need
// shaping) and any call with OpenType features goes to PDFKit's own code, unchanged.
import type PDFDocument from 'pdfkit';
import { FONT } from './fonts';

type Doc = InstanceType<typeof PDFDocument>;

interface Glyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}
interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}
interface Run {
  glyphs: Glyph[];
  positions: Position[];
  advanceWidth: number;
}
interface EmbeddedFontLike {
  font: { glyphForCodePoint(cp: number): Glyph };
  scale: number;
  layoutCache?: Record<string, Run>;
  layout(text: string, features?: unknown, onlyWidth?: boolean): { glyphs: Glyph[] | null; positions: Position[] | null; advanceWidth: number };
  layoutCached?(text: string): Run;
}

/** Characters other than ideographs the cmap path takes (checked pairwise by the unit test). */
export const SAFE_MARKS = '0123456789.-·…（）《》，。：；、“”‘’→↔×/%+';
const marks = new Set(Array.from(SAFE_MARKS, (c) => c.codePointAt(0) as number));

/** True when `cp` needs no shaping next to any other safe character (space included). */
export function isSafeCodePoint(cp: number): boolean {
  return (cp >= 0x4e00 && cp <= 0x9fff) || cp === 0x20 || marks.has(cp);
}

function safeWord(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (!isSafeCodePoint(word.charCodeAt(i))) return false;
  return true;
}

/** A word laid out from the cmap, in PDFKit's units (positions scaled to 1000 per em). */
function cmapRun(font: EmbeddedFontLike, word: string): Run {
  const glyphs: Glyph[] = [];
  const positions: Position[] = [];
  let advanceWidth = 0;
  for (let i = 0; i < word.length; i++) {
    const glyph = font.font.glyphForCodePoint(word.charCodeAt(i));
    const a = glyph.advanceWidth * font.scale;
    glyphs.push(glyph);
    positions.push({ xAdvance: a, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: a });
    advanceWidth += a;
  }
  // Scaled like PDFKit's runs (fontkit's run.advanceWidth sums the positions PDFKit scaled).
  return { glyphs, positions, advanceWidth };
}

function install(font: EmbeddedFontLike): boolean {
  if (typeof font.layout !== 'function' || typeof font.layoutCached !== 'function' || typeof font.font?.glyphForCodePoint !== 'function' || !(font.scale > 0)) return false;
  const original = font.layout.bind(font);
  const cached = font.layoutCached.bind(font);
  const fast = new Map<string, Run>();
  const wordRun = (word: string): Run => {
    if (!safeWord(word)) {
      // "SC2023-000001 " and "SC2023-000001" (a word before a space and the same word at the end
      // of a cell) shaped once: the app's font neither substitutes nor kerns a space (checked for
      // every printable ASCII character before it, in Latin, Han and neutral words, by the unit test).
      const n = word.length;
      if (n > 1 && word.charCodeAt(n - 1) === 0x20 && word.charCodeAt(n - 2) < 0x7f && word.charCodeAt(n - 2) > 0x20) {
        const core = cached(word.slice(0, -1));
        const space = cached(' ');
        return { glyphs: [...core.glyphs, ...space.glyphs], positions: [...core.positions, ...space.positions], advanceWidth: core.advanceWidth + space.advanceWidth };
      }
      return cached(word);
    }
    let run = fast.get(word);
    if (!run) {
      run = cmapRun(font, word);
      // Bounded: numbers and ids are mostly seen once; keep the map from growing without end.
      if (fast.size > 50_000) fast.clear();
      fast.set(word, run);
    }
    return run;
  };
  // The same word splitting as PDFKit's layout (a word ends after each space or tab).
  font.layout = (text, features, onlyWidth) => {
    if (features) return original(text, features, onlyWidth);
    const glyphs: Glyph[] | null = onlyWidth ? null : [];
    const positions: Position[] | null = onlyWidth ? null : [];
    let advanceWidth = 0;
    let last = 0;
    for (let index = 0; index < text.length; index++) {
      const c = text.charCodeAt(index);
      if (c !== 0x20 && c !== 0x09 && index !== text.length - 1) continue;
      const run = wordRun(text.slice(last, index + 1));
      if (glyphs && positions) {
        for (const g of run.glyphs) glyphs.push(g);
        for (const p of run.positions) positions.push(p);
      }
      advanceWidth += run.advanceWidth;
      last = index + 1;
    }
    return { glyphs, positions, advanceWidth };
  };
  return true;
}

/**
 * Installs the cmap path on the document's app fonts (both weights), leaving the regular weight
 * selected. Without PDFKit internals of the expected shape it does nothing (PDFKit's own path).
 */
export function useFastShaping(doc: Doc): void {
  const d = doc as unknown as { _font?: EmbeddedFontLike };
  for (const name of [FONT.bold, FONT.regular]) {
    doc.font(name);
    if (d._font) install(d._font);
  }
}
