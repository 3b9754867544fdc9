// One line of text written straight to the page's content stream. `doc.text(s, x, y, { lineBreak:
// false })` costs far more than the text it draws: option objects, the text laid out twice (once
// to draw, once for the width it adds to doc.x), and eight separate writes to the page, each a
// string turned into its own Buffer. The ranking report at 50,000 entries draws ~400,000 such
// pieces (cells and tie-break lines), and that overhead was about a quarter of its time.
//
// `textLine` writes the very operators PDFKit 0.17's `_fragment` writes for that call (save, the
// flip of the y axis, BT, Tm, Tf, the TJ arrays with kerning and offsets, ET, restore), byte for
// byte, in one write. Each glyph goes into the font's subset as EmbeddedFont.encode puts it there
// (includeGlyph in first-use order, its width and code points recorded), so the subset, the widths
// and the ToUnicode map (searchable text) are what PDFKit would make; a word's encoding is kept
// per document unless it has digits (ids and numbers are mostly seen once). Fonts without that
// shape (PDFKit's standard fonts) go through `doc.text`.
import type PDFDocument from 'pdfkit';
import { num } from './content-ops';
import type { Glyph, Position } from './fast-shaping';

type Doc = InstanceType<typeof PDFDocument>;
interface EncodingFont {
  id: string;
  ascender: number;
  scale: number;
  widths: number[];
  unicode: number[][];
  subset: { includeGlyph(id: number): number };
  ref(): unknown;
  layout(text: string): { glyphs: Glyph[]; positions: Position[] };
  /** One word's run as fast-shaping.ts keeps it (not copied), when installed. */
  layoutWord?(word: string): { glyphs: Glyph[]; positions: Position[] };
}
interface Internals {
  _font?: EncodingFont;
  _fontSize: number;
  page: { height: number; fonts: Record<string, unknown> };
}

/** A word as it goes into a TJ array: its glyphs' subset ids in hex (4 digits each), positions. */
interface EncodedWord {
  hex: string[];
  joined: string;
  positions: Position[];
  /** No glyph kerned (advance ≠ width) or offset: the word's hex goes into the run whole. */
  plain: boolean;
  offsets: boolean;
}

/** Per PDFKit font object (one document's subset): word → encoding (bounded), glyph id → subset id in hex. */
interface FontCache {
  words: Map<string, EncodedWord>;
  hex: string[];
}
const caches = new WeakMap<object, FontCache>();

function hasDigit(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) return true;
  }
  return false;
}

function encodingFont(doc: Doc): EncodingFont | null {
  const font = (doc as unknown as Internals)._font;
  return font && typeof font.layout === 'function' && typeof font.ref === 'function' && typeof font.subset?.includeGlyph === 'function' && Array.isArray(font.widths) && Array.isArray(font.unicode) ? font : null;
}

/** A glyph's subset id in hex, the glyph recorded as encode() does on its first use here. */
function hexOf(font: EncodingFont, cache: FontCache, glyph: Glyph): string {
  let h = cache.hex[glyph.id];
  if (h === undefined) {
    // includeGlyph is idempotent: glyphs enter the subset in first-use order, as with encode().
    const gid = font.subset.includeGlyph(glyph.id);
    h = `0000${gid.toString(16)}`.slice(-4);
    cache.hex[glyph.id] = h;
    if (font.widths[gid] == null) font.widths[gid] = glyph.advanceWidth * font.scale;
    if (font.unicode[gid] == null) font.unicode[gid] = glyph.codePoints;
  }
  return h;
}

function runOf(font: EncodingFont, word: string): { glyphs: Glyph[]; positions: Position[] } {
  return font.layoutWord ? font.layoutWord(word) : font.layout(word);
}

/** A word laid out and encoded, kept unless it has digits (ids and numbers are mostly seen once). */
function encodeWord(font: EncodingFont, cache: FontCache, word: string): EncodedWord {
  const keep = !hasDigit(word);
  let encoded = keep ? cache.words.get(word) : undefined;
  if (encoded) return encoded;
  const { glyphs, positions } = runOf(font, word);
  const hex: string[] = [];
  let plain = true;
  let offsets = false;
  for (let i = 0; i < glyphs.length; i++) {
    hex.push(hexOf(font, cache, glyphs[i]));
    const p = positions[i];
    if (p.xOffset || p.yOffset) offsets = true;
    if (p.xAdvance - p.advanceWidth !== 0) plain = false;
  }
  encoded = { hex, joined: hex.join(''), positions, plain: plain && !offsets, offsets };
  if (keep) {
    if (cache.words.size > 50_000) cache.words.clear();
    cache.words.set(word, encoded);
  }
  return encoded;
}

/** `text` split as PDFKit's layout splits it: each word ends after a space or a tab. */
function splitWords(text: string): string[] {
  const out: string[] = [];
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09) {
      out.push(text.slice(last, i + 1));
      last = i + 1;
    }
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/**
 * The TJ operators for a line whose glyphs have no offsets (a run ends after a kerned glyph, as in
 * _fragment), or null when one has an offset. Words with digits go straight from their run into
 * the string (no per-word objects: they are seen once); others come from the word cache.
 */
function plainRuns(font: EncodingFont, cache: FontCache, words: string[]): string | null {
  let commands = '';
  let run = '';
  let lastPos: Position | null = null;
  for (const word of words) {
    if (!hasDigit(word)) {
      const e = encodeWord(font, cache, word);
      if (e.offsets) return null;
      if (e.plain) {
        run += e.joined;
        lastPos = e.positions[e.positions.length - 1] ?? lastPos;
        continue;
      }
      for (let i = 0; i < e.hex.length; i++) {
        run += e.hex[i];
        const p = e.positions[i];
        lastPos = p;
        if (p.xAdvance - p.advanceWidth !== 0) {
          commands += `${commands ? ' ' : ''}<${run}> ${num(-(p.xAdvance - p.advanceWidth))}`;
          run = '';
        }
      }
      continue;
    }
    const { glyphs, positions } = runOf(font, word);
    for (let i = 0; i < glyphs.length; i++) {
      const p = positions[i];
      if (p.xOffset || p.yOffset) return null;
      run += hexOf(font, cache, glyphs[i]);
      lastPos = p;
      if (p.xAdvance - p.advanceWidth !== 0) {
        commands += `${commands ? ' ' : ''}<${run}> ${num(-(p.xAdvance - p.advanceWidth))}`;
        run = '';
      }
    }
  }
  if (run && lastPos) commands += `${commands ? ' ' : ''}<${run}> ${num(-(lastPos.xAdvance - lastPos.advanceWidth))}`;
  return commands ? `\n[${commands}] TJ` : '';
}

/** The general case (a glyph with an offset gets a Tm of its own), _fragment's loop as it is. */
function offsetRuns(encoded: EncodedWord[], x: number, baseline: number, scale: number): string {
  const hexes = encoded.flatMap((w) => w.hex);
  const positions = encoded.flatMap((w) => w.positions);
  let ops = '';
  let commands: string[] = [];
  let last = 0;
  let hadOffset = false;
  let pen = x;
  const addSegment = (cur: number) => {
    if (last < cur) commands.push(`<${hexes.slice(last, cur).join('')}> ${num(-(positions[cur - 1].xAdvance - positions[cur - 1].advanceWidth))}`);
    last = cur;
  };
  const flush = (i: number) => {
    addSegment(i);
    if (commands.length > 0) {
      ops += `\n[${commands.join(' ')}] TJ`;
      commands = [];
    }
  };
  let i = 0;
  for (; i < positions.length; i++) {
    const pos = positions[i];
    if (pos.xOffset || pos.yOffset) {
      flush(i);
      ops += `\n1 0 0 1 ${num(pen + pos.xOffset * scale)} ${num(baseline + pos.yOffset * scale)} Tm`;
      flush(i + 1);
      hadOffset = true;
    } else {
      if (hadOffset) {
        ops += `\n1 0 0 1 ${num(pen)} ${num(baseline)} Tm`;
        hadOffset = false;
      }
      if (pos.xAdvance - pos.advanceWidth !== 0) addSegment(i + 1);
    }
    pen += pos.xAdvance * scale;
  }
  flush(i);
  return ops;
}

/**
 * The operators that draw `text` (no line breaks in it) with its top at (x, y), in the current
 * font, size and fill colour, as one string (lines joined by '\n'), or null for a font this cannot
 * encode. Registers the font on the page as PDFKit does.
 */
export function textLineOps(doc: Doc, text: string, x: number, y: number): string | null {
  const font = encodingFont(doc);
  if (!font) return null;
  let cache = caches.get(font);
  if (!cache) {
    cache = { words: new Map(), hex: [] };
    caches.set(font, cache);
  }
  const d = doc as unknown as Internals;
  const size = d._fontSize;
  const page = d.page;
  const baseline = page.height - y - (font.ascender / 1000) * size;
  if (page.fonts[font.id] == null) page.fonts[font.id] = font.ref();
  const words = splitWords(text);
  const runs =
    plainRuns(font, cache, words) ??
    offsetRuns(
      words.map((w) => encodeWord(font, cache, w)),
      x,
      baseline,
      size / 1000,
    );
  return `q\n1 0 0 -1 0 ${num(page.height)} cm\nBT\n1 0 0 1 ${num(x)} ${num(baseline)} Tm\n/${font.id} ${num(size)} Tf${runs}\nET\nQ`;
}

/**
 * Draws `text` in one line with its top at (x, y) in the current font, size and fill colour: what
 * `doc.text(text, x, y, { lineBreak: false })` draws. Leaves doc.x at x and doc.y at y.
 */
export function textLine(doc: Doc, text: string, x: number, y: number): void {
  const flat = text.includes('\n') ? text.replace(/\n/g, '') : text;
  if (flat) {
    const ops = textLineOps(doc, flat, x, y);
    if (ops === null) doc.text(flat, x, y, { lineBreak: false });
    else doc.addContent(ops);
  }
  doc.x = x;
  doc.y = y;
}
