// What the browser loads for the first paint of the built renderer (out/renderer): the small entry
// script of index.html (main.tsx: it sends the first reads), the app chunk it imports at once
// (boot.tsx) with the chunks that one imports, the style sheets of both, and one locale chunk
// (i18n.ts). Everything else is loaded when a view is shown. Shared by the renderer bench and the
// unit test that keeps the fonts and the views out of the first paint.
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface ChunkSize {
  file: string;
  raw: number;
  gzip: number;
}

export interface FirstPaintChunks {
  /** The entry script index.html names (main.tsx). */
  entry: ChunkSize;
  /** The app chunks the entry loads before the first paint (boot.tsx and its static imports). */
  preloaded: ChunkSize[];
  /** Style sheets loaded before the first paint (linked by index.html, or loaded with boot). */
  styles: ChunkSize[];
  /** The locale chunks (en-*.js, zh-CN-*.js): the first paint loads one. */
  locales: ChunkSize[];
  /** Every other script chunk (views and tabs loaded when shown). */
  lazy: ChunkSize[];
  /** Every non-script, non-style asset referenced by text in the first paint's scripts. */
  referencedAssets: string[];
}

function sizeOf(dir: string, file: string): ChunkSize {
  const bytes = fs.readFileSync(path.join(dir, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

const isLocale = (f: string) => /^assets\/(en|zh-CN)-[\w-]+\.js$/.test(f);

/** Chunks a built chunk names as `from"./x.js"` / `import"./x.js"` (static) or `import("./x.js")` (dynamic), any quotes. */
function importsOf(rendererDir: string, file: string): { static: string[]; dynamic: string[] } {
  const code = fs.readFileSync(path.join(rendererDir, file), 'utf8');
  const inAssets = (name: string) => `assets/${name}`;
  return {
    static: [...code.matchAll(/(?:\bfrom|\bimport)\s*["'`]\.\/([\w.-]+\.js)["'`]/g)].map((m) => inAssets(m[1]!)),
    dynamic: [...code.matchAll(/\bimport\(\s*["'`]\.\/([\w.-]+\.js)["'`]\s*\)/g)].map((m) => inAssets(m[1]!)),
  };
}

export function firstPaintChunks(rendererDir: string): FirstPaintChunks {
  const html = fs.readFileSync(path.join(rendererDir, 'index.html'), 'utf8');
  const entryFile = /<script[^>]+src="\.\/([^"]+\.js)"/.exec(html)?.[1];
  if (!entryFile) throw new Error(`renderer: no entry script in ${rendererDir}/index.html`);
  const htmlPreloads = [...html.matchAll(/<link rel="modulepreload"[^>]+href="\.\/([^"]+\.js)"/g)].map((m) => m[1]!);
  // The entry's own dynamic imports, locales aside, are the app it loads at once (boot).
  const initial = new Set<string>([entryFile, ...htmlPreloads, ...importsOf(rendererDir, entryFile).dynamic.filter((f) => !isLocale(f))]);
  for (const file of initial) for (const dep of importsOf(rendererDir, file).static) initial.add(dep); // a Set iterates what is added
  const initialList = [...initial];
  const text = initialList.filter((f) => f !== entryFile).map((f) => fs.readFileSync(path.join(rendererDir, f), 'utf8'));
  const entryText = fs.readFileSync(path.join(rendererDir, entryFile), 'utf8');
  const assets = fs.readdirSync(path.join(rendererDir, 'assets'));
  const scripts = assets.filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`);
  // Style sheets: linked by index.html, or named by the entry (loaded with boot by Vite's preload helper).
  const linked = [...html.matchAll(/<link rel="stylesheet"[^>]+href="\.\/([^"]+\.css)"/g)].map((m) => m[1]!);
  const withBoot = assets.filter((f) => f.endsWith('.css') && entryText.includes(f)).map((f) => `assets/${f}`);
  return {
    entry: sizeOf(rendererDir, entryFile),
    preloaded: initialList.filter((f) => f !== entryFile).map((f) => sizeOf(rendererDir, f)),
    styles: [...new Set([...linked, ...withBoot])].map((f) => sizeOf(rendererDir, f)),
    locales: scripts.filter(isLocale).map((f) => sizeOf(rendererDir, f)),
    lazy: scripts.filter((f) => !initial.has(f) && !isLocale(f)).map((f) => sizeOf(rendererDir, f)),
    referencedAssets: assets.filter((f) => !f.endsWith('.js') && !f.endsWith('.css') && [entryText, ...text].some((t) => t.includes(f))),
  };
}

/** Gzipped bytes the first paint loads: entry, app chunks, style sheets and the larger locale chunk. */
export function firstPaintGzip(chunks: FirstPaintChunks): number {
  const locale = Math.max(0, ...chunks.locales.map((c) => c.gzip));
  const sum = (list: ChunkSize[]) => list.reduce((n, c) => n + c.gzip, 0);
  return chunks.entry.gzip + sum(chunks.preloaded) + sum(chunks.styles) + locale;
}
