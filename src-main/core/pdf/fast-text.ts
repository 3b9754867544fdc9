// One line of text written straight to the page's content stream. `doc.text(s, x, y, { lineBreak:
// false })` costs far more than the text it draws: option objects, the text laid out twice (once
// to draw, once for the width it adds to doc.x), and eight separate writes to the page, each a
// string turned into its own Buffer. The ranking report at 50,000 entries draws ~400,000 such
// pieces (cells and tie-break lines), and that overhead was about a quarter of its time.
//
// `textLine` writes the very operators PDFKit 0.17's `_fragment` writes for that call (save, the
// flip of the y axis, BT, Tm, Tf, the TJ arrays with kerning and offsets, ET, restore), byte for
// byte, in one write. The glyphs go through the font's own `encode`, so the subset, the widths
// and the ToUnicode map (searchable text) are kept exactly as PDFKit keeps them. Fonts without
// that shape (PDFKit's standard fonts) go through `doc.text`.
import type PDFDocument from 'pdfkit';
import { num } from './content-ops';

type Doc = InstanceType<typeof PDFDocument>;

interface Glyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}
interface Position {
  xAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}
interface EncodingFont {
  id: string;
  ascender: number;
  scale: number;
  widths: number[];
  unicode: number[][];
  subset: { includeGlyph(id: number): number };
  ref(): unknown;
  layout(text: string): { glyphs: Glyph[]; positions: Position[] };
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

/**
 * A word laid out and encoded as EmbeddedFont.encode does it (the glyph into the subset, its
 * width and code points recorded the first time), once per word: later uses find the glyphs
 * already in the subset, so the subset's order is the order of first use either way.
 */
function encodeWord(font: EncodingFont, cache: FontCache, word: string): EncodedWord {
  // Words with digits (ids, numbers, scores) are mostly seen once: encoded each time, not kept.
  const keep = !hasDigit(word);
  let encoded = keep ? cache.words.get(word) : undefined;
  if (encoded) return encoded;
  const { glyphs, positions } = font.layout(word);
  const hex: string[] = [];
  let plain = true;
  let offsets = false;
  for (let i = 0; i < glyphs.length; i++) {
    const glyph = glyphs[i];
    let h = cache.hex[glyph.id];
    if (h === undefined) {
      // First use of this glyph by this writer: as encode() does (includeGlyph is idempotent).
      const gid = font.subset.includeGlyph(glyph.id);
      h = `0000${gid.toString(16)}`.slice(-4);
      cache.hex[glyph.id] = h;
      if (font.widths[gid] == null) font.widths[gid] = glyph.advanceWidth * font.scale;
      if (font.unicode[gid] == null) font.unicode[gid] = glyph.codePoints;
    }
    hex.push(h);
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

/** The TJ operators for glyphs with no offsets: a run ends after a kerned glyph, as in _fragment. */
function plainRuns(encoded: EncodedWord[]): string {
  let commands = '';
  let run = '';
  let lastPos: Position | null = null;
  for (const word of encoded) {
    if (word.plain) {
      run += word.joined;
      lastPos = word.positions[word.positions.length - 1] ?? lastPos;
      continue;
    }
    for (let i = 0; i < word.hex.length; i++) {
      run += word.hex[i];
      const p = word.positions[i];
      lastPos = p;
      const kern = p.xAdvance - p.advanceWidth;
      if (kern !== 0) {
        commands += `${commands ? ' ' : ''}<${run}> ${num(-kern)}`;
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
  const encoded: EncodedWord[] = [];
  let offsets = false;
  for (const word of splitWords(text)) {
    const e = encodeWord(font, cache, word);
    offsets ||= e.offsets;
    encoded.push(e);
  }
  const runs = offsets ? offsetRuns(encoded, x, baseline, size / 1000) : plainRuns(encoded);
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
