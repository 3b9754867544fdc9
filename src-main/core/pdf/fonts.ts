// The fonts every PDF this app writes embeds: Noto Sans SC (SIL OFL 1.1, from the npm package
// @expo-google-fonts/noto-sans-sc), regular and bold. It covers Latin and the whole GB 18030
// common set, so Chinese renders on a machine without any CJK system font; PDFKit embeds only
// the glyphs a document uses (a subset) with a ToUnicode map, so the text stays extractable.
// The font files are read once per process and shared by every document (10 MB each).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);

export type FontWeight = 'regular' | 'bold';

const FILES: Record<FontWeight, string> = {
  regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
};

/** The names documents register the fonts under (doc.font(FONT.regular)). */
export const FONT = { regular: 'KepuSans', bold: 'KepuSans-Bold' } as const;

const cache = new Map<FontWeight, Buffer>();

export function fontPath(weight: FontWeight): string {
  return require.resolve(FILES[weight]);
}

export function fontBytes(weight: FontWeight): Buffer {
  let bytes = cache.get(weight);
  if (!bytes) {
    bytes = fs.readFileSync(fontPath(weight));
    cache.set(weight, bytes);
  }
  return bytes;
}

/** Registers both weights on a PDFKit document and selects the regular one. */
export function useAppFonts(doc: InstanceType<typeof PDFDocument>): void {
  doc.registerFont(FONT.regular, fontBytes('regular'));
  doc.registerFont(FONT.bold, fontBytes('bold'));
  doc.font(FONT.regular);
}
