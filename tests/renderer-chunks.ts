// What the browser loads for the first paint of the built renderer (out/renderer): the entry
// script of index.html, the chunks it preloads, and the locale chunks (one of them loads before
// the first render, i18n.ts). Shared by the renderer bench and the unit test that keeps the fonts
// and the views out of the first paint.
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface ChunkSize {
  file: string;
  raw: number;
  gzip: number;
}

export interface FirstPaintChunks {
  entry: ChunkSize;
  /** Chunks index.html preloads beside the entry (imported statically by it). */
  preloaded: ChunkSize[];
  /** The locale chunks (en-*.js, zh-CN-*.js): the first paint loads one. */
  locales: ChunkSize[];
  /** Every other script chunk (views and tabs loaded when shown). */
  lazy: ChunkSize[];
  /** Every asset file referenced by text in the entry or a preloaded chunk. */
  referencedAssets: string[];
}

function sizeOf(dir: string, file: string): ChunkSize {
  const bytes = fs.readFileSync(path.join(dir, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

export function firstPaintChunks(rendererDir: string): FirstPaintChunks {
  const html = fs.readFileSync(path.join(rendererDir, 'index.html'), 'utf8');
  const entryFile = /<script[^>]+src="\.\/([^"]+\.js)"/.exec(html)?.[1];
  if (!entryFile) throw new Error(`renderer: no entry script in ${rendererDir}/index.html`);
  const preloadFiles = [...html.matchAll(/<link rel="modulepreload"[^>]+href="\.\/([^"]+\.js)"/g)].map((m) => m[1]);
  const assets = fs.readdirSync(path.join(rendererDir, 'assets'));
  const scripts = assets.filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`);
  const isLocale = (f: string) => /^assets\/(en|zh-CN)-[\w-]+\.js$/.test(f);
  const initial = [entryFile, ...preloadFiles];
  const text = initial.map((f) => fs.readFileSync(path.join(rendererDir, f), 'utf8')).join('\n');
  return {
    entry: sizeOf(rendererDir, entryFile),
    preloaded: preloadFiles.map((f) => sizeOf(rendererDir, f)),
    locales: scripts.filter(isLocale).map((f) => sizeOf(rendererDir, f)),
    lazy: scripts.filter((f) => !initial.includes(f) && !isLocale(f)).map((f) => sizeOf(rendererDir, f)),
    referencedAssets: assets.filter((f) => !f.endsWith('.js') && text.includes(f)),
  };
}

/** Gzipped bytes the first paint loads: entry, preloads and the larger locale chunk. */
export function firstPaintGzip(chunks: FirstPaintChunks): number {
  const locale = Math.max(0, ...chunks.locales.map((c) => c.gzip));
  return chunks.entry.gzip + chunks.preloaded.reduce((sum, c) => sum + c.gzip, 0) + locale;
}
