#!/usr/bin/env node
// `npm run icons`: every icon the installers need, drawn from the one resources/icon.svg.
// - PNGs at 16…1024 px (build/icons/<n>x<n>.png: Linux takes the folder, build/icon.png is 1024 px),
// - build/icon.ico for Windows: an ICO whose entries are PNGs (allowed since Windows Vista),
// - build/icon.icns for macOS: an ICNS whose entries are PNGs (ic07…ic14).
// Both containers are small, documented formats, written here by hand so no native tool (iconutil,
// ImageMagick) is needed on the build machine. The SVG's glyph is drawn with the app's own embedded
// font (Noto Sans SC), never a system font, so the icon is the same on every build machine.
// The files are generated (build/ is gitignored); `npm run dist` runs this first.
// Usage: node scripts/icons.mjs [--out <dir>]   (default: build/)
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');

export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
/** Windows shows 16…256; 256 is the largest an ICO entry can state (written as 0). */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** The PNG-bearing ICNS types and their pixel sizes (Apple's "icns" type list; @2x kinds included). */
export const ICNS_TYPES = [
  ['ic11', 32],
  ['ic12', 64],
  ['ic07', 128],
  ['ic13', 256],
  ['ic08', 256],
  ['ic14', 512],
  ['ic09', 512],
  ['ic10', 1024],
];

export function renderPng(svg, size, fontFile) {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: size },
    font: { fontFiles: [fontFile], loadSystemFonts: false, defaultFontFamily: 'Noto Sans SC', sansSerifFamily: 'Noto Sans SC' },
  });
  return Buffer.from(resvg.render().asPng());
}

/** ICO: ICONDIR (6 bytes), one 16-byte ICONDIRENTRY per image, then the PNGs themselves. */
export function writeIco(pngs) {
  const header = Buffer.alloc(6 + 16 * pngs.length);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1 = icon (2 would be a cursor)
  header.writeUInt16LE(pngs.length, 4);
  let offset = header.length;
  pngs.forEach(({ size, data }, i) => {
    const at = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, at); // width: 0 means 256
    header.writeUInt8(size >= 256 ? 0 : size, at + 1); // height
    header.writeUInt8(0, at + 2); // no palette
    header.writeUInt8(0, at + 3); // reserved
    header.writeUInt16LE(1, at + 4); // colour planes
    header.writeUInt16LE(32, at + 6); // bits per pixel
    header.writeUInt32LE(data.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...pngs.map((p) => p.data)]);
}

/** ICNS: "icns" and the total length (big-endian), then per entry its type, length (with its 8-byte head) and PNG. */
export function writeIcns(entries) {
  const parts = entries.map(({ type, data }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(data.length + 8, 4);
    return Buffer.concat([head, data]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + parts.reduce((n, p) => n + p.length, 0), 4);
  return Buffer.concat([head, ...parts]);
}

function main() {
  const outAt = process.argv.indexOf('--out');
  const outDir = path.resolve(outAt > 0 ? process.argv[outAt + 1] : path.join(root, 'build'));
  const svg = fs.readFileSync(path.join(root, 'resources', 'icon.svg'));
  const fontFile = require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf');
  const png = new Map(PNG_SIZES.map((size) => [size, renderPng(svg, size, fontFile)]));

  fs.mkdirSync(path.join(outDir, 'icons'), { recursive: true });
  for (const [size, data] of png) fs.writeFileSync(path.join(outDir, 'icons', `${size}x${size}.png`), data);
  fs.writeFileSync(path.join(outDir, 'icon.png'), png.get(1024));
  fs.writeFileSync(path.join(outDir, 'icon.ico'), writeIco(ICO_SIZES.map((size) => ({ size, data: png.get(size) }))));
  fs.writeFileSync(path.join(outDir, 'icon.icns'), writeIcns(ICNS_TYPES.map(([type, size]) => ({ type, data: png.get(size) }))));
  console.log(`icons: ${PNG_SIZES.length} PNGs, icon.ico, icon.icns in ${path.relative(process.cwd(), outDir) || '.'}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) main();
