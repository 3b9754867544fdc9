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
// shaping) and any call with OpenType features goes to PDFKit's own code, unchanged — except that
// words differing only in their ASCII digits (the report's ~250,000 registration numbers, scores
// and ids, each new to PDFKit's per-word cache) are laid out from one shape shaped by fontkit ten
// times (see Shape below): fontkit's full layout of each was ~7 s of the 50,000-entry report.
import type PDFDocument from 'pdfkit';
import { FONT } from './fonts';

type Doc = InstanceType<typeof PDFDocument>;

/** A fontkit glyph as PDFKit's layout uses it (fast-text.ts encodes these). */
export interface Glyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}
/** A fontkit glyph position (fast-text.ts places glyphs by these). */
export interface Position {
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
  /** One word's run as kept here (callers must not change it): for fast-text.ts. */
  layoutWord?(word: string): Run;
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

/**
 * A word laid out from the cmap, in PDFKit's units (positions scaled to 1000 per em). A code
 * point's glyph and position are looked up once (`perCodePoint`) and shared by every run: nothing
 * downstream changes a position it is given (PDFKit copies before adding word spacing).
 */
function cmapRun(font: EmbeddedFontLike, word: string, perCodePoint: Map<number, [Glyph, Position]>): Run {
  const glyphs: Glyph[] = [];
  const positions: Position[] = [];
  let advanceWidth = 0;
  for (let i = 0; i < word.length; i++) {
    const cp = word.charCodeAt(i);
    let known = perCodePoint.get(cp);
    if (!known) {
      const glyph = font.font.glyphForCodePoint(cp);
      const a = glyph.advanceWidth * font.scale;
      known = [glyph, { xAdvance: a, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: a }];
      perCodePoint.set(cp, known);
    }
    glyphs.push(known[0]);
    positions.push(known[1]);
    advanceWidth += known[1].xAdvance;
  }
  // Scaled like PDFKit's runs (fontkit's run.advanceWidth sums the positions PDFKit scaled).
  return { glyphs, positions, advanceWidth };
}

/**
 * Words that differ only in their ASCII digits ("SC2023-004105", "SC2023-019345") laid out from
 * one shape: PDFKit's own layout of the word with every digit 0, every digit 1, … every digit 9
 * (ten runs per shape, kept), a digit's glyph and position taken from the run of its value. A
 * digit's glyph depends on the word's script (fontkit picks it from the first letter: in a Latin
 * word the font substitutes its Latin digits), which the shape keeps. Taken only when the ten runs
 * show no interaction: one glyph per character, the digits' own code points, the other characters'
 * glyphs and positions the same in all ten, no kerning or offset on a digit followed by a digit;
 * and a probe with mixed digits must come out as predicted. Otherwise the word is shaped itself.
 */
interface Shape {
  probes: Run[];
}

function hasDigit(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) return true;
  }
  return false;
}

function digitsOf(word: string): number {
  let n = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) n++;
    else if (c >= 0xd800 && c <= 0xdfff) return 0; // one glyph per UTF-16 unit is assumed below
  }
  return n;
}

function fromShape(shape: Shape, word: string): Run {
  const base = shape.probes[0];
  const glyphs = base.glyphs.slice();
  const positions = base.positions.slice();
  for (let i = 0; i < word.length; i++) {
    const d = word.charCodeAt(i) - 0x30;
    if (d > 0 && d <= 9) {
      glyphs[i] = shape.probes[d].glyphs[i];
      positions[i] = shape.probes[d].positions[i];
    }
  }
  // Summed in order, as fontkit's run.advanceWidth sums its positions.
  let advanceWidth = 0;
  for (const p of positions) advanceWidth += p.xAdvance;
  return { glyphs, positions, advanceWidth };
}

const samePosition = (a: Position, b: Position) => a.xAdvance === b.xAdvance && a.yAdvance === b.yAdvance && a.xOffset === b.xOffset && a.yOffset === b.yOffset;

function makeShape(key: string, shaped: (text: string) => Run): Shape | null {
  const probes = Array.from({ length: 10 }, (_, d) => shaped(key.replace(/0/g, String(d))));
  const isDigit = (i: number) => key.charCodeAt(i) === 0x30;
  for (const [d, run] of probes.entries()) {
    if (run.glyphs.length !== key.length || run.positions.length !== key.length) return null;
    for (let i = 0; i < key.length; i++) {
      const p = run.positions[i];
      if (isDigit(i)) {
        const cps = run.glyphs[i].codePoints;
        if (cps.length !== 1 || cps[0] !== 0x30 + d) return null;
        if (p.xOffset !== 0 || p.yOffset !== 0 || (isDigit(i + 1) && p.xAdvance !== p.advanceWidth)) return null;
      } else if (run.glyphs[i].id !== probes[0].glyphs[i].id || !samePosition(p, probes[0].positions[i])) return null;
    }
  }
  const shape = { probes };
  let k = 0;
  const mixed = key.replace(/0/g, () => String((k++ * 7 + 3) % 10));
  const want = shaped(mixed);
  const got = fromShape(shape, mixed);
  const same = want.glyphs.every((g, i) => g.id === got.glyphs[i].id && samePosition(want.positions[i], got.positions[i])) && want.advanceWidth === got.advanceWidth;
  return same ? shape : null;
}

function install(font: EmbeddedFontLike): boolean {
  if (typeof font.layout !== 'function' || typeof font.layoutCached !== 'function' || typeof font.font?.glyphForCodePoint !== 'function' || !(font.scale > 0)) return false;
  const original = font.layout.bind(font);
  const cached = font.layoutCached.bind(font);
  const fast = new Map<string, Run>();
  const perCodePoint = new Map<number, [Glyph, Position]>();
  // Keyed by the word with its digits as 0; null: shaped word by word. Bounded like `fast`.
  const shapes = new Map<string, Shape | null>();
  /** The word laid out from its digit shape (trailing space included), or null: shape it. */
  const fromDigits = (word: string): Run | null => {
    if (word.length < 4 || digitsOf(word) < 2) return null;
    const key = word.replace(/[0-9]/g, '0');
    let shape = shapes.get(key);
    if (shape === undefined) {
      if (shapes.size > 5_000) shapes.clear();
      shape = makeShape(key, cached);
      shapes.set(key, shape);
    }
    return shape ? fromShape(shape, word) : null;
  };
  const wordRun = (word: string): Run => {
    if (!safeWord(word)) {
      const digits = fromDigits(word);
      if (digits) return digits;
      // "Health " and "Health" (a word before a space and the same word at the end of a cell)
      // shaped once: the app's font neither substitutes nor kerns a space (checked for every
      // printable ASCII character before it, in Latin, Han and neutral words, by the unit test).
      const n = word.length;
      if (n > 1 && word.charCodeAt(n - 1) === 0x20 && word.charCodeAt(n - 2) < 0x7f && word.charCodeAt(n - 2) > 0x20) {
        const core = cached(word.slice(0, -1));
        const space = cached(' ');
        return { glyphs: [...core.glyphs, ...space.glyphs], positions: [...core.positions, ...space.positions], advanceWidth: core.advanceWidth + space.advanceWidth };
      }
      return cached(word);
    }
    // Numbers are mostly seen once: laid out each time (cheap), not kept.
    if (hasDigit(word)) return cmapRun(font, word, perCodePoint);
    let run = fast.get(word);
    if (!run) {
      run = cmapRun(font, word, perCodePoint);
      // Bounded: keep the map from growing without end.
      if (fast.size > 50_000) fast.clear();
      fast.set(word, run);
    }
    return run;
  };
  font.layoutWord = wordRun;
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
