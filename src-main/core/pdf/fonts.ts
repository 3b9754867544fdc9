// The fonts every PDF this app writes embeds: Noto Sans SC (SIL OFL 1.1, from the npm package
// @expo-google-fonts/noto-sans-sc), regular and bold. It covers Latin and the whole GB 18030
// common set, so Chinese renders on a machine without any CJK system font; PDFKit embeds only
// the glyphs a document uses (a subset) with a ToUnicode map, so the text stays extractable.
// The font files are read once per process and shared by every document (10 MB each).
//
// Speed: PDFKit parses a registered font anew for every document (fontkit.create on 10 MB, then
// cmap and layout tables on first use): ~20 ms per document, which alone caps one-PDF-per-holder
// export below 50 per second. `attachAppFonts` instead gives each document its own PDFKit font
// object (its own subset, widths and ToUnicode map) over ONE fontkit font parsed once per process,
// with a shared layout cache: ~2 ms per certificate. It reaches into PDFKit internals (the
// EmbeddedFont class and the document's font table); if those ever change shape it falls back to
// `useAppFonts`, which is slower but correct — tests check the embedded subset fonts either way.
import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import type { AppFontWeight } from '../../contract/app-fonts';
import { fontPath } from './font-files';

export { fontPath } from './font-files';

export type FontWeight = AppFontWeight;
type Doc = InstanceType<typeof PDFDocument>;

/** The names documents register the fonts under (doc.font(FONT.regular)). */
export const FONT = { regular: 'KepuSans', bold: 'KepuSans-Bold' } as const;

const cache = new Map<FontWeight, Buffer>();

export function fontBytes(weight: FontWeight): Buffer {
  let bytes = cache.get(weight);
  if (!bytes) {
    bytes = fs.readFileSync(fontPath(weight));
    cache.set(weight, bytes);
  }
  return bytes;
}

/** Registers both weights on a PDFKit document and selects the regular one. */
export function useAppFonts(doc: Doc): void {
  doc.registerFont(FONT.regular, fontBytes('regular'));
  doc.registerFont(FONT.bold, fontBytes('bold'));
  doc.font(FONT.regular);
}

/** What PDFKit's EmbeddedFont looks like from here (only what is used). */
interface PdfKitFont {
  font: unknown;
  layoutCache?: Record<string, unknown>;
  widthOfString(text: string, size: number): number;
  ascender: number;
  descender: number;
}
type PdfKitFontClass = new (doc: Doc, font: unknown, id: string) => PdfKitFont;

interface Shared {
  fontClass: PdfKitFontClass | null;
  fonts: Record<FontWeight, unknown>;
  layoutCaches: Record<FontWeight, Record<string, unknown>>;
  /** A measuring font per weight (same code path as drawing: PDFKit's layout of fontkit runs). */
  measure: Record<FontWeight, PdfKitFont>;
}
let shared: Shared | null = null;

function sharedFonts(): Shared {
  if (shared) return shared;
  const probe = new PDFDocument({ font: null } as unknown as ConstructorParameters<typeof PDFDocument>[0]) as Doc & {
    _font: PdfKitFont;
  };
  useAppFonts(probe);
  const regular = probe._font;
  probe.font(FONT.bold);
  const bold = probe._font;
  const fontClass = typeof regular?.constructor === 'function' && regular.font ? (regular.constructor as PdfKitFontClass) : null;
  shared = {
    fontClass,
    fonts: { regular: regular.font, bold: bold.font },
    layoutCaches: { regular: Object.create(null), bold: Object.create(null) },
    measure: { regular, bold },
  };
  return shared;
}

/**
 * Fonts for a document created with `{ font: null }` (no default Helvetica, which PDFKit would
 * otherwise parse from its AFM data for every document). Selects the regular weight.
 */
export function attachAppFonts(doc: Doc): void {
  const s = sharedFonts();
  const internals = doc as unknown as { _fontFamilies?: Record<string, unknown>; _fontCount?: number };
  if (!s.fontClass || typeof internals._fontFamilies !== 'object' || internals._fontFamilies === null) {
    useAppFonts(doc);
    return;
  }
  // Ids F2/F3: PDFKit derives the six-letter subset tag ("BZZZZZ+") from the id's digits; a
  // letter there would give a tag pdffonts and PDF/A checkers do not read as a subset.
  const ids: Record<FontWeight, string> = { regular: 'F2', bold: 'F3' };
  for (const weight of ['regular', 'bold'] as const) {
    const font = new s.fontClass(doc, s.fonts[weight], ids[weight]);
    if (font.layoutCache) font.layoutCache = s.layoutCaches[weight];
    internals._fontFamilies[FONT[weight]] = font;
    doc.registerFont(FONT[weight], fontBytes(weight));
  }
  internals._fontCount = Math.max(internals._fontCount ?? 0, 3);
  doc.font(FONT.regular);
}

/** Advance width in points of `text` at `size`, as PDFKit will draw it (no letter spacing). */
export function textWidth(text: string, weight: FontWeight, size: number): number {
  return sharedFonts().measure[weight].widthOfString(text, size);
}

/** Ascender and descender (negative) in points at `size`. */
export function fontMetrics(weight: FontWeight, size: number): { ascent: number; descent: number } {
  const f = sharedFonts().measure[weight];
  return { ascent: (f.ascender / 1000) * size, descent: (f.descender / 1000) * size };
}
