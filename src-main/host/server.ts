// The browser shell: the built renderer and the same contract handlers over HTTP on 127.0.0.1.
// Used by the end-to-end tests and by people who cannot run Electron. No logic lives here.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { AppErrorBody, ErrorCode } from '../contract';
import { HTTP_TOKEN_HEADER } from '../contract/bridge';
import type { AppContext } from '../app/context';
import type { Dispatch } from '../app/dispatch';
import { clipText, toErrorBody } from '../app/dispatch';
import { openAssetStream } from '../app/media';
import { EXPORT_FILE_ROUTE, serveExportFile } from './export-download';
import { contentTypeFor } from '../core/media/range';
import { appFontFileOfPath } from '../core/pdf/font-files';
import { CONTENT_SECURITY_POLICY, isAllowedHost, isAllowedOrigin, tokenMatches } from './security';

export interface HostOptions {
  ctx: AppContext;
  dispatch: Dispatch;
  /** Folder with the built renderer (out/renderer); null serves the API only. */
  rendererDir: string | null;
  port?: number;
  token?: string;
  log?: (line: string) => void;
  /** Largest request body accepted; tests lower it. */
  maxBodyBytes?: number;
}

export interface RunningHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

// Files travel inline (base64) in requests: 200 MiB covers a 100 MB spreadsheet, and a programme
// file carrying a campaign's attachments at their limit (≈ 142 MB as a file, ≈ 190 MB as base64).
const MAX_BODY_BYTES = 200 * (1 << 20);
const STATUS_FOR: Partial<Record<ErrorCode, number>> = {
  INVALID_REQUEST: 400,
  REQUEST_TOO_LARGE: 413,
  MEDIA_FILE_CHANGED: 409,
  MEDIA_FILE_REFUSED: 403,
  UNAUTHORIZED: 401,
  FORBIDDEN_ORIGIN: 403,
  UNKNOWN_CHANNEL: 404,
  NOT_FOUND: 404,
  ASSET_NOT_FOUND: 404,
  MEDIA_FILE_MISSING: 404,
  INTERNAL: 500,
};

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const log = options.log ?? ((line: string) => console.error(line));
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  let port = options.port ?? 0;

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error) => {
      const body = toErrorBody('host', error, log);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: body });
      else res.destroy();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    if (!isAllowedHost(req.headers.host, port) || !isAllowedOrigin(req.headers.origin, port)) {
      return sendError(res, 'FORBIDDEN_ORIGIN', 'host: request from a foreign host or origin refused');
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    // A bad %-escape anywhere in the path is the client's mistake (400), not a crash (500 + stack).
    if (decodePath(url.pathname) === null) {
      return sendError(res, 'INVALID_REQUEST', 'host: malformed percent-encoding in the URL', { path: '(url)', detail: 'percent-encoding' });
    }
    if (url.pathname.startsWith('/api/')) return handleApi(req, res, url);
    if (url.pathname.startsWith('/media/')) return handleMedia(req, res, url);
    if (url.pathname.startsWith('/download/')) return handleDownload(req, res, url);
    if (url.pathname === EXPORT_FILE_ROUTE) return handleExportFile(req, res, url);
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 'NOT_FOUND', 'host: no such route');
    return serveStatic(res, url.pathname);
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    // API answers are per-session data: never kept by a browser or proxy cache, errors included.
    res.setHeader('Cache-Control', 'no-store');
    if (!tokenMatches(headerValue(req.headers[HTTP_TOKEN_HEADER]), token)) {
      return sendError(res, 'UNAUTHORIZED', 'host: missing or wrong token');
    }
    if (req.method !== 'POST') return sendError(res, 'INVALID_REQUEST', 'host: API calls are POST', { path: '(method)' });
    const channel = decodePath(url.pathname.slice('/api/'.length)) ?? '';
    const body = await readBody(req, maxBodyBytes);
    if (body === 'too-large') return refuseOversizedBody(req, res, maxBodyBytes);
    let payload: unknown;
    try {
      payload = body.length ? JSON.parse(body) : {};
    } catch (error) {
      const detail = clipText((error as Error).message, 200);
      return sendError(res, 'INVALID_REQUEST', `host: request body is not JSON: ${detail}`, { path: '(body)', detail });
    }
    const result = await options.dispatch(channel, payload);
    sendJson(res, result.ok ? 200 : (STATUS_FOR[result.error.code] ?? 422), result);
  }

  async function handleMedia(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    // <video> and <img> cannot send headers, so media URLs carry the token as a query parameter.
    if (!tokenMatches(url.searchParams.get('token'), token)) return sendError(res, 'UNAUTHORIZED', 'host: missing or wrong token');
    const assetId = Number(url.pathname.slice('/media/'.length));
    if (!Number.isInteger(assetId) || assetId <= 0) return sendError(res, 'NOT_FOUND', 'host: bad media id');
    let reply;
    try {
      reply = openAssetStream(options.ctx, assetId, headerValue(req.headers.range));
    } catch (error) {
      const body = toErrorBody('media', error, log);
      return sendJson(res, STATUS_FOR[body.code] ?? 500, { ok: false, error: body });
    }
    res.writeHead(reply.status, reply.headers);
    if (req.method === 'HEAD' || !reply.body) {
      reply.body?.destroy();
      res.end();
      return;
    }
    reply.body.pipe(res);
    res.on('close', () => reply.body?.destroy());
  }

  /**
   * A review package the app exported, as a download (the browser shell cannot show a folder): a
   * bare file name of the exports folder ending in .kepupkg, with the token as for media — a link
   * cannot send headers. Anything else is NOT_FOUND.
   */
  function handleDownload(req: http.IncomingMessage, res: http.ServerResponse, url: URL): void {
    if (!tokenMatches(url.searchParams.get('token'), token)) return sendError(res, 'UNAUTHORIZED', 'host: missing or wrong token');
    if (req.method !== 'GET') return sendError(res, 'NOT_FOUND', 'host: no such route');
    const name = decodePath(url.pathname.slice('/download/'.length)) ?? '';
    const dir = path.join(options.ctx.dataDir, 'exports');
    const file = path.join(dir, name);
    if (name !== path.basename(name) || path.extname(name).toLowerCase() !== '.kepupkg' || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      return sendError(res, 'NOT_FOUND', 'host: no such package');
    }
    res.writeHead(200, {
      'Content-Type': 'application/octet-stream',
      'Content-Length': String(fs.statSync(file).size),
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
      'Cache-Control': 'no-store',
    });
    const stream = fs.createReadStream(file);
    stream.pipe(res);
    res.on('close', () => stream.destroy());
  }

  /** Any export the app wrote into its exports folder, by the path it reported (export-download.ts). */
  function handleExportFile(req: http.IncomingMessage, res: http.ServerResponse, url: URL): void {
    if (!tokenMatches(url.searchParams.get('token'), token)) return sendError(res, 'UNAUTHORIZED', 'host: missing or wrong token');
    if (!serveExportFile(options.ctx.dataDir, url, req, res).served) return sendError(res, 'NOT_FOUND', 'host: no such export');
  }

  function serveStatic(res: http.ServerResponse, pathname: string): void {
    if (!options.rendererDir) return sendError(res, 'NOT_FOUND', 'host: renderer not built (run npm run build)');
    const root = path.resolve(options.rendererDir);
    const relative = pathname === '/' ? 'index.html' : (decodePath(pathname) ?? '').replace(/^\/+/, '');
    // The certificate preview's fonts: the one copy the PDF writer uses, not a second in the build.
    const font = appFontFileOfPath(relative);
    const file = font ?? path.resolve(root, relative);
    if ((!font && !file.startsWith(root + path.sep)) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      return sendError(res, 'NOT_FOUND', `host: no file ${pathname}`);
    }
    res.writeHead(200, {
      'Content-Type': contentTypeForStatic(file),
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'Cache-Control': 'no-cache',
    });
    fs.createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function contentTypeForStatic(file: string): string {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.html') return 'text/html; charset=utf-8';
  if (ext === '.js' || ext === '.mjs') return 'text/javascript; charset=utf-8';
  if (ext === '.css') return 'text/css; charset=utf-8';
  if (ext === '.svg') return 'image/svg+xml';
  if (ext === '.json') return 'application/json';
  if (ext === '.woff2') return 'font/woff2';
  if (ext === '.ttf') return 'font/ttf';
  return contentTypeFor(file);
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** decodeURIComponent that answers null for a malformed escape ("%", "%zz") instead of throwing. */
function decodePath(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/**
 * The body as text, or 'too-large' as soon as it passes `limit` (a declared Content-Length over the
 * limit is refused before anything is read). Nothing past the limit is kept in memory.
 */
function readBody(req: http.IncomingMessage, limit: number): Promise<string | 'too-large'> {
  if (Number(req.headers['content-length']) > limit) return Promise.resolve('too-large');
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData).off('end', onEnd).off('error', reject);
        chunks.length = 0;
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => resolve(Buffer.concat(chunks).toString('utf8'));
    req.on('data', onData).on('end', onEnd).on('error', reject);
  });
}

// After a 413, how much more of the body is read and thrown away before the connection is cut.
const MIN_DRAIN_BYTES = 64 * (1 << 20);

/**
 * 413 that the client really receives. Closing the socket while the client is still sending makes
 * the kernel answer with a reset, and the client loses the response in it. So the whole answer is
 * written at once (with Content-Length and Connection: close, so the client can read it and will
 * not reuse the connection), the rest of the body is read and thrown away, and the response is
 * ended, which closes the connection, only when the request has ended. Bounded: past
 * max(limit, 64 MiB) of further body the connection is cut regardless.
 */
function refuseOversizedBody(req: http.IncomingMessage, res: http.ServerResponse, limit: number): void {
  const drainLimit = Math.max(limit, MIN_DRAIN_BYTES);
  let drained = 0;
  const text = JSON.stringify({
    ok: false,
    error: { code: 'REQUEST_TOO_LARGE', message: `host: request body over ${limit} bytes`, params: { limit: formatLimit(limit) } },
  });
  res.writeHead(413, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    Connection: 'close',
  });
  res.write(text);
  req.on('data', (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > drainLimit) req.socket.destroy();
  });
  req.on('end', () => res.end());
  req.on('error', () => res.destroy());
  req.resume();
}

function formatLimit(bytes: number): string {
  return bytes % (1 << 20) === 0 ? `${bytes / (1 << 20)} MiB` : `${bytes} B`;
}

function sendError(res: http.ServerResponse, code: ErrorCode, message: string, params?: AppErrorBody['params']): void {
  sendJson(res, STATUS_FOR[code] ?? 400, { ok: false, error: params ? { code, message, params } : { code, message } });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}
