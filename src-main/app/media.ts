// Serving an asset's bytes, shared by the Electron media protocol and the browser host: look the
// asset up, plan a (range) reply, open the byte stream. Shells only adapt it to their transport.
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import { planMediaReply, type MediaReply } from '../core/media/range';
import type { AppContext } from './context';

export interface MediaStreamReply extends MediaReply {
  body: Readable | null;
}

export function openAssetStream(ctx: AppContext, assetId: number, rangeHeader: string | null | undefined): MediaStreamReply {
  const { path } = ctx.assets.location(assetId);
  const reply = planMediaReply(path, rangeHeader);
  const body = reply.range ? fs.createReadStream(path, { start: reply.range.start, end: reply.range.end }) : null;
  return { ...reply, body };
}
