// kepu-app://app/<file>: the built renderer (out/renderer) and the app's fonts (fonts/<file>), served to the desktop window in place
// of file://. Only GET/HEAD of regular files inside the renderer folder, with the right MIME type
// (module scripts are refused by Chromium under a wrong one), nosniff and the Content-Security-
// Policy as a header (the meta tag in index.html says the same; a header also covers what a meta
// tag cannot, e.g. frame-ancestors). Anything else: 404, or 400 for a malformed path.
import { protocol } from 'electron';
import fs from 'node:fs/promises';
import path from 'node:path';
import { MEDIA_SCHEME } from '../contract';
import { APP_HOST, APP_SCHEME } from './schemes';
import { contentSecurityPolicy } from '../app/content-security-policy';
import { appFontFileOfPath } from '../core/pdf/font-files';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** The browser shell's policy plus the media scheme, which only exists here. */
export const DESKTOP_CONTENT_SECURITY_POLICY = contentSecurityPolicy(MEDIA_SCHEME);

export function contentTypeOf(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** The reply for one request to the app scheme; `rendererDir` is out/renderer. */
export async function rendererResponse(rendererDir: string, request: { url: string; method?: string }): Promise<Response> {
  const method = (request.method ?? 'GET').toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') return plain(405, 'method not allowed');
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return plain(400, 'bad url');
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return plain(404, 'not found');
  let relative: string;
  try {
    relative = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html';
  } catch {
    return plain(400, 'malformed percent-encoding');
  }
  // The certificate preview's fonts: the one copy the PDF writer uses, not a second in the build.
  const file = appFontFileOfPath(relative) ?? fileInside(rendererDir, relative);
  if (!file) return plain(404, 'not found');
  let bytes: Buffer;
  try {
    const stat = await fs.lstat(file);
    if (!stat.isFile()) return plain(404, 'not found');
    bytes = await fs.readFile(file);
  } catch {
    return plain(404, 'not found');
  }
  return new Response(method === 'HEAD' ? null : new Uint8Array(bytes), {
    status: 200,
    headers: {
      'Content-Type': contentTypeOf(file),
      'Content-Length': String(bytes.length),
      'Content-Security-Policy': DESKTOP_CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    },
  });
}

/**
 * The file `relative` (already percent-decoded) names inside `root`, or null when it would leave it:
 * "..", an absolute or drive path ("C:/…", a UNC path on Windows) or a NUL byte.
 */
export function fileInside(root: string, relative: string, p: path.PlatformPath = path): string | null {
  if (relative.includes('\0')) return null;
  const base = p.resolve(root);
  const file = p.resolve(base, relative);
  return file.startsWith(base + p.sep) ? file : null;
}

export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => rendererResponse(rendererDir, request));
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } });
}
