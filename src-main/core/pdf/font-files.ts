// Where the app's font files are on disk: inside the font package (node_modules, or app.asar in the
// installed app). Apart from fonts.ts so the shells can serve the files to the page (the
// certificate preview) without loading PDFKit.
import { createRequire } from 'node:module';
import { APP_FONT_FILES, type AppFontWeight, appFontOfPath } from '../../contract/app-fonts';

// Not named `require`: electron-vite puts its own `const require` at the top of the ESM main bundle
// whenever a module uses require, and a second top-level `require` there is a SyntaxError that
// stopped the desktop app before its first line (found by tests/integration/packaging/pack.test.ts).
const resolveFrom = createRequire(import.meta.url);

const PACKAGE_FOLDERS: Record<AppFontWeight, string> = {
  regular: '@expo-google-fonts/noto-sans-sc/400Regular',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold',
};

export function fontPath(weight: AppFontWeight): string {
  return resolveFrom.resolve(`${PACKAGE_FOLDERS[weight]}/${APP_FONT_FILES[weight]}`);
}

/** The font file a page path (already percent-decoded, no leading slash) names, else null. */
export function appFontFileOfPath(relative: string): string | null {
  const weight = appFontOfPath(relative);
  return weight ? fontPath(weight) : null;
}
