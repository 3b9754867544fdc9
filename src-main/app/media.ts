// Serving an asset's bytes, shared by the Electron media protocol and the browser host: look the
// asset up, open its file through the guarded open (a regular file, never a link, still with the
// size and mtime recorded when it was checked), plan a (range) reply and stream from that very
// descriptor. Shells only adapt it to their transport.
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import { openRegularFile } from '../core/media/guarded-open';
import { planMediaReply, type MediaReply } from '../core/media/range';
import type { AppContext } from './context';

export interface MediaStreamReply extends MediaReply {
  body: Readable | null;
}

export function openAssetStream(ctx: AppContext, assetId: number, rangeHeader: string | null | undefined): MediaStreamReply {
  const asset = ctx.assets.location(assetId);
  const { fd, stat } = openRegularFile(asset.path, asset, ctx.protectedFiles);
  const reply = planMediaReply(asset.path, stat.size, rangeHeader);
  if (!reply.range) {
    fs.closeSync(fd);
    return { ...reply, body: null };
  }
  // The stream owns the descriptor from here and closes it when it ends or is destroyed.
  const body = fs.createReadStream('', { fd, start: reply.range.start, end: reply.range.end, autoClose: true });
  return { ...reply, body };
}
