// A winner's cover picture for the showcase page. Which file:
// - a work: its first image (graphics, cartoons); an account: its screenshot (else an image);
//   other kinds: an image or a screenshot if they have one;
// - an entry with a video: the frame of it the renderer captured, when one of the video as it is
//   now is kept (video-frames.ts), before any picture;
// - otherwise (a video without a captured frame, a registration without pictures, a file changed
//   or gone since it was checked): a typographic card drawn by the certificate layout engine with
//   the embedded font.
// The bytes are read through the guarded open (only the regular file with the size and time
// recorded when it was checked). A large picture is downscaled to 720 px wide by
// @resvg/resvg-js (an <image> rendered at that size) and encoded as JPEG (jpeg-js); a small one,
// or one resvg cannot decode, is copied as it is when under COPY_CAP.
import fs from 'node:fs';
import type { Database } from 'better-sqlite3';
import { imageSize } from 'image-size';
import jpeg from 'jpeg-js';
import { Resvg } from '@resvg/resvg-js';
import type { CertificateDrawing } from '../../contract/certificates';
import type { LocalizedText } from '../../contract/domain';
import { block, fit, FONT_FAMILY, heightOf, place } from '../certificates/layout';
import { openRegularFile } from '../media/guarded-open';
import { drawingToPng } from '../posters/drawing-png';
import { storedFrame } from './video-frames';
import type { Winner } from './winners';

export type CoverSource = 'frame' | 'image' | 'screenshot' | 'card';

export interface Cover {
  source: CoverSource;
  extension: 'jpg' | 'png' | 'gif' | 'webp';
  bytes: Buffer;
}

export const COVER_WIDTH = 720;
/** Pictures read at all (a poster-size scan is fine; a 200 MB TIFF is not). */
const READ_CAP = 40_000_000;
/** Pictures copied unchanged when they cannot be (or need not be) downscaled. */
const COPY_CAP = 3_000_000;
const SMALL_ENOUGH = 400_000;

interface AssetRow {
  role: string;
  path: string;
  size_bytes: number;
  mtime_ms: number;
}

/** `frames`: where captured video frames are kept (the data folder); absent, frames are not looked for. */
export function coverOf(db: Database, winner: Winner, frames?: { dataDir: string; campaignId: string }): Cover {
  const frame = frames ? storedFrame(db, frames.dataDir, frames.campaignId, winner.entryId) : null;
  if (frame) return { source: 'frame', ...frame };
  const assets = db
    .prepare<[number], AssetRow>(`SELECT role, path, size_bytes, mtime_ms FROM assets WHERE entry_id = ? AND role IN ('image', 'screenshot') ORDER BY position, id`)
    .all(winner.entryId);
  const order = winner.kind === 'account' ? ['screenshot', 'image'] : ['image', 'screenshot'];
  for (const role of order) {
    for (const asset of assets.filter((a) => a.role === role)) {
      const picture = readPicture(asset);
      if (picture) return { source: role as 'image' | 'screenshot', ...picture };
    }
  }
  return { source: 'card', extension: 'png', bytes: drawingToPng(coverCard(winner.category, winner.title)) };
}

function readPicture(asset: AssetRow): Omit<Cover, 'source'> | null {
  if (asset.size_bytes > READ_CAP) return null;
  let bytes: Buffer;
  try {
    const opened = openRegularFile(asset.path, { sizeBytes: asset.size_bytes, mtimeMs: asset.mtime_ms });
    try {
      bytes = fs.readFileSync(opened.fd);
    } finally {
      fs.closeSync(opened.fd);
    }
  } catch {
    return null; // gone, changed since checked, or refused: the card stands in
  }
  let size: { width?: number; height?: number; type?: string };
  try {
    size = imageSize(bytes);
  } catch {
    return null;
  }
  const type = size.type === 'jpg' || size.type === 'png' || size.type === 'gif' || size.type === 'webp' ? size.type : null;
  if (!type || !size.width || !size.height) return null;
  if (size.width <= COVER_WIDTH && bytes.length <= SMALL_ENOUGH) return { extension: type, bytes };
  const scaled = downscale(bytes, type, size.width, size.height);
  if (scaled) return { extension: 'jpg', bytes: scaled };
  return bytes.length <= COPY_CAP ? { extension: type, bytes } : null;
}

/** The picture at COVER_WIDTH (or its own width if narrower) as a JPEG; null when resvg cannot decode it. */
function downscale(bytes: Buffer, type: string, width: number, height: number): Buffer | null {
  const w = Math.min(COVER_WIDTH, width);
  const h = Math.max(1, Math.round((height * w) / width));
  const mime = type === 'jpg' ? 'image/jpeg' : `image/${type}`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><image href="data:${mime};base64,${bytes.toString('base64')}" width="${w}" height="${h}" preserveAspectRatio="none"/></svg>`;
  try {
    const rendered = new Resvg(svg, { font: { loadSystemFonts: false }, background: '#ffffff' }).render();
    if (rendered.width !== w || rendered.height !== h) return null;
    return Buffer.from(jpeg.encode({ data: rendered.pixels, width: w, height: h }, 82).data);
  } catch {
    return null;
  }
}

/** The typographic card: the category over the work's title, in the certificate's colours. */
export function coverCard(category: LocalizedText, title: string): CertificateDrawing {
  const W = COVER_WIDTH;
  const H = 450;
  const width = W - 120;
  const cat = fit(block('category', `${category['zh-CN']} · ${category.en}`, 'regular', 26, 18, 2, 1.35, '#7a5d1c', 1, width, 0));
  const name = fit(block('title', title, 'bold', 46, 24, 4, 1.3, '#3a1010', 0, width, 22));
  const total = heightOf(cat) + name.gapBefore + heightOf(name);
  let y = Math.max(40, (H - total) / 2);
  const items: CertificateDrawing['items'] = [
    { type: 'rect', x: 0, y: 0, w: W, h: H, stroke: null, fill: '#f6eedb', lineWidth: 0 },
    { type: 'rect', x: 18, y: 18, w: W - 36, h: H - 36, stroke: '#a8842c', fill: null, lineWidth: 3 },
  ];
  items.push(place(cat, 60, y));
  y += heightOf(cat) + name.gapBefore;
  items.push(place(name, 60, y));
  return { width: W, height: H, background: '#f6eedb', fontFamily: FONT_FAMILY, items };
}
