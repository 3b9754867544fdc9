// kepu-media://asset/<id>: asset bytes for <video>/<img> with HTTP range support, so the video
// player can seek. The reply plan comes from the app layer, shared with the browser host.
import { protocol } from 'electron';
import { Readable } from 'node:stream';
import { MEDIA_SCHEME } from '../contract';
import type { AppContext } from '../app/context';
import { toErrorBody } from '../app/dispatch';
import { openAssetStream } from '../app/media';

/** Must run before app 'ready'. */
export function registerMediaScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true, stream: true, supportFetchAPI: true, corsEnabled: true } },
  ]);
}

export function handleMediaProtocol(ctx: AppContext): void {
  protocol.handle(MEDIA_SCHEME, (request) => {
    const url = new URL(request.url);
    const assetId = Number(url.pathname.replace(/^\/+/, ''));
    if (url.hostname !== 'asset' || !Number.isInteger(assetId) || assetId <= 0) {
      return new Response('not found', { status: 404 });
    }
    try {
      const reply = openAssetStream(ctx, assetId, request.headers.get('range'));
      const body = reply.body ? (Readable.toWeb(reply.body) as ReadableStream<Uint8Array>) : null;
      // The page (file://, origin "null") reads documents with fetch(); the scheme exists only inside
      // this app, so allowing any origin opens nothing to the outside.
      return new Response(body, { status: reply.status, headers: { ...reply.headers, 'Access-Control-Allow-Origin': '*' } });
    } catch (error) {
      const body = toErrorBody('media', error, console.error);
      return new Response(JSON.stringify({ ok: false, error: body }), { status: 404 });
    }
  });
}
