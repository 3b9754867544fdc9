// kepu-media://asset/<id>: asset bytes for <video>/<img> with HTTP range support, so the video
// player can seek. The reply comes from the app layer (guarded open, range plan), shared with the
// browser host; this file adapts it to Electron's protocol API.
import type { Protocol } from 'electron';
import { Readable } from 'node:stream';
import { type ErrorCode, MEDIA_SCHEME } from '../contract';
import type { AppContext } from '../app/context';
import { toErrorBody } from '../app/dispatch';
import { openAssetStream } from '../app/media';
import { APP_ORIGIN } from './schemes';

const STATUS_FOR: Partial<Record<ErrorCode, number>> = {
  ASSET_NOT_FOUND: 404,
  MEDIA_FILE_MISSING: 404,
  MEDIA_FILE_CHANGED: 409,
  MEDIA_FILE_REFUSED: 403,
};

export interface MediaRequest {
  url: string;
  headers: Headers;
}

/**
 * Serves an asset. `allow` narrows which assets this session may read (the PDF viewer window gets
 * only its PDF). CORS: the renderer (kepu-app://app) reads documents with fetch(), so exactly that
 * origin is allowed; no other origin, and never "*".
 */
export function mediaResponse(ctx: AppContext, request: MediaRequest, allow: (assetId: number) => boolean = () => true): Response {
  const url = new URL(request.url);
  const assetId = Number(url.pathname.replace(/^\/+/, ''));
  if (url.hostname !== 'asset' || !Number.isInteger(assetId) || assetId <= 0 || !allow(assetId)) {
    return new Response('not found', { status: 404 });
  }
  const cors: Record<string, string> = request.headers.get('origin') === APP_ORIGIN ? { 'Access-Control-Allow-Origin': APP_ORIGIN, Vary: 'Origin' } : { Vary: 'Origin' };
  try {
    const reply = openAssetStream(ctx, assetId, request.headers.get('range'));
    const body = reply.body ? (Readable.toWeb(reply.body) as ReadableStream<Uint8Array>) : null;
    return new Response(body, { status: reply.status, headers: { ...reply.headers, ...cors } });
  } catch (error) {
    const body = toErrorBody('media', error, console.error);
    return new Response(JSON.stringify({ ok: false, error: body }), {
      status: STATUS_FOR[body.code] ?? 500,
      headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...cors },
    });
  }
}

/** Registers the media scheme on a session's protocol object (the default session's, or the PDF window's). */
export function handleMediaProtocol(ctx: AppContext, target: Protocol, allow?: (assetId: number) => boolean): void {
  target.handle(MEDIA_SCHEME, (request) => mediaResponse(ctx, request, allow));
}
