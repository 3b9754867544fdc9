// The two Noto Sans SC weights the app draws with: the PDF writer embeds them (core/pdf/fonts.ts)
// and the certificate preview draws its SVG with them (renderer, CertificateDrawingSvg). One copy
// ships, in the font package the main side loads; both shells serve it to the page under
// `fonts/<file>` beside index.html (host/server.ts, electron/app-protocol.ts), so the renderer
// build carries no font of its own (issue 18: the 21 MB were in the installer twice). Zod-free:
// the renderer imports it.

export type AppFontWeight = 'regular' | 'bold';

/** File names inside @expo-google-fonts/noto-sans-sc, one per weight. */
export const APP_FONT_FILES: Readonly<Record<AppFontWeight, string>> = {
  regular: 'NotoSansSC_400Regular.ttf',
  bold: 'NotoSansSC_700Bold.ttf',
};

/** The folder of the page's URL space the shells serve the fonts under (relative to index.html). */
export const APP_FONTS_FOLDER = 'fonts';

/** The weight a page path names ("fonts/NotoSansSC_700Bold.ttf" → bold), else null. */
export function appFontOfPath(relative: string): AppFontWeight | null {
  for (const weight of ['regular', 'bold'] as const) {
    if (relative === `${APP_FONTS_FOLDER}/${APP_FONT_FILES[weight]}`) return weight;
  }
  return null;
}
