// What of the production dependencies goes into the installer, as electron-builder `files` patterns.
// They are excludes only, because electron-builder filters node_modules with the excludes of
// `files` and ignores its includes there. The pack test (tests/integration/packaging) lays out the
// app with these same patterns through electron-builder's own matcher.
//
// Left out everywhere (PACK_EXCLUDES), to keep the app under 150 MB (the pack test measures it):
// - the weights of Noto Sans SC the app does not use (it embeds 400 and 700 only:
//   src-main/core/pdf/fonts.ts; the other seven are 70 MB);
// - better-sqlite3's C sources and compiler intermediates (only build/Release/*.node is loaded);
// - tsx and esbuild: the CLI's TypeScript runner (bin/kepu.mjs); the desktop app runs the bundles;
// - packages only the renderer uses: electron-vite bundles them into out/renderer already;
// - browser builds and TypeScript sources inside packages Node loads through their "main"
//   (exceljs/dist, pdf-lib/{dist,es,ts3.4}, zod/src, pdfkit's standalone/ES5/ESNext builds,
//   fontkit's browser builds and sources, csv-parse/csv-stringify IIFE and UMD builds).
// The pack test loads every module the main bundle imports from the packed tree, so an exclude
// that removes something the app needs fails there.
//
// ffprobe-static ships an ffprobe for every platform (336 MB); an installer needs one.
// The OS is fixed per platform section of the config; the processor comes from electron-builder's
// own `${arch}` macro, expanded per architecture when one run builds several (macOS x64 + arm64).
// after-pack.mjs checks on the packed app that exactly the target's binary arrived.

export const PACK_EXCLUDES = [
  '!**/*.map',
  '!node_modules/@expo-google-fonts/noto-sans-sc/{100Thin,200ExtraLight,300Light,500Medium,600SemiBold,800ExtraBold,900Black}{,/**}',
  '!node_modules/@expo-google-fonts/noto-sans-sc/*/*.png',
  '!node_modules/better-sqlite3/{deps,src}{,/**}',
  '!node_modules/better-sqlite3/build/Release/{obj,obj.target,.deps}{,/**}',
  '!node_modules/better-sqlite3/build/Release/{test_extension.node,sqlite3.a}',
  '!node_modules/{tsx,esbuild,@esbuild}{,/**}',
  '!node_modules/{react,react-dom,scheduler,react-i18next,zustand,dompurify,@tanstack}{,/**}',
  '!node_modules/exceljs/dist{,/**}',
  '!node_modules/pdf-lib/{dist,es,ts3.4}{,/**}',
  '!node_modules/zod/src{,/**}',
  '!node_modules/pdfkit/js/pdfkit.{standalone,es5,esnext}.js',
  '!node_modules/fontkit/dist/browser*',
  '!node_modules/fontkit/src{,/**}',
  '!node_modules/{csv-parse,csv-stringify}/dist/{iife,umd}{,/**}',
];

/** electron-builder's platform keys → ffprobe-static's folder names (Node's process.platform). */
export const FFPROBE_PLATFORM = { mac: 'darwin', win: 'win32', linux: 'linux' };

/** The `files` excludes for a target OS: every other platform's folder, and the other processors' of this one. */
export function ffprobeExcludes(os) {
  const platform = FFPROBE_PLATFORM[os];
  if (!platform) throw new Error(`pack-files: unknown target ${os}`);
  const others = Object.values(FFPROBE_PLATFORM).filter((p) => p !== platform);
  return [
    `!node_modules/ffprobe-static/bin/{${others.join(',')}}{,/**}`,
    // `!(…)` is minimatch's "anything but": every processor folder but the one being built.
    `!node_modules/ffprobe-static/bin/${platform}/!(\${arch}){,/**}`,
  ];
}

/** Where the one packed ffprobe sits, relative to the app folder (inside app.asar.unpacked once packed). */
export function ffprobeRelativePath(platform, arch) {
  return `node_modules/ffprobe-static/bin/${platform}/${arch}/${platform === 'win32' ? 'ffprobe.exe' : 'ffprobe'}`;
}
