// Video-frame covers for the showcase (issue 17): a frame of each winning video, captured in the
// renderer (its <video> decodes what the app plays for review; Node has no decoder), is handed
// over as a PNG or JPEG and kept in the data folder under media/frames/<campaign>/, named by the
// entry and the SHA-256 the video had when it was checked: a changed video (another hash) has no
// frame until one is captured again, and the card stands in. The bytes are checked to be a real
// picture of sensible size before they are kept; frames of the entry's older video are removed.
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { imageSize } from 'image-size';
import { KepuError } from '../errors';
import { writeFileAtomic } from '../files/atomic-write';
import type { Winner } from './winners';

/** A frame is a screen-sized picture: larger is not a frame of ours. */
export const MAX_FRAME_BYTES = 3_000_000;
const MAX_SIDE = 4096;
const MIN_SIDE = 16;

export interface VideoOf {
  assetId: number;
  sha256: string;
}

export function framesFolder(dataDir: string, campaignId: string): string {
  return path.join(dataDir, 'media', 'frames', campaignId);
}

/** The entry's first video (by position), the one a frame is taken of; null: no video. */
export function videoOf(db: Database, entryId: number): VideoOf | null {
  const row = db.prepare<[number], { id: number; sha256: string }>(`SELECT id, sha256 FROM assets WHERE entry_id = ? AND role = 'video' ORDER BY position, id LIMIT 1`).get(entryId);
  return row ? { assetId: row.id, sha256: row.sha256 } : null;
}

const frameName = (entryId: number, sha256: string, extension: 'png' | 'jpg') => `${entryId}-${sha256}.${extension}`;

/** The picture's type and size when `bytes` is a PNG or JPEG a frame can be; null otherwise. */
export function frameImage(bytes: Buffer): { extension: 'png' | 'jpg'; width: number; height: number } | null {
  if (bytes.length === 0 || bytes.length > MAX_FRAME_BYTES) return null;
  try {
    const size = imageSize(bytes);
    const extension = size.type === 'png' ? 'png' : size.type === 'jpg' ? 'jpg' : null;
    if (!extension || !size.width || !size.height) return null;
    if (size.width < MIN_SIDE || size.height < MIN_SIDE || size.width > MAX_SIDE || size.height > MAX_SIDE) return null;
    return { extension, width: size.width, height: size.height };
  } catch {
    return null;
  }
}

/**
 * Keeps a captured frame of entry `entryId`'s video `assetId` (SHOWCASE_FRAME_NOT_A_VIDEO when the
 * asset is not that entry's first video in this campaign, SHOWCASE_FRAME_INVALID when the bytes
 * are not a PNG or JPEG within the limits).
 */
export function storeFrame(db: Database, dataDir: string, input: { campaignId: string; entryId: number; assetId: number; bytes: Buffer }): { width: number; height: number; file: string } {
  const inCampaign = db.prepare<[number, string], number>('SELECT 1 FROM entries WHERE id = ? AND campaign_id = ?').pluck().get(input.entryId, input.campaignId);
  const video = inCampaign ? videoOf(db, input.entryId) : null;
  if (!video || video.assetId !== input.assetId) {
    throw new KepuError('SHOWCASE_FRAME_NOT_A_VIDEO', `showcase: asset ${input.assetId} is not the video of entry ${input.entryId}`, {});
  }
  const image = frameImage(input.bytes);
  if (!image) throw new KepuError('SHOWCASE_FRAME_INVALID', 'showcase: a frame is a PNG or JPEG of at most 3 MB and 4096 px', { limitMb: MAX_FRAME_BYTES / 1_000_000, maxSide: MAX_SIDE });
  const dir = framesFolder(dataDir, input.campaignId);
  const name = frameName(input.entryId, video.sha256, image.extension);
  const file = writeFileAtomic(path.join(dir, name), input.bytes);
  // Frames of the entry's earlier video (or the other format) are stale now.
  for (const other of fs.readdirSync(dir)) if (other.startsWith(`${input.entryId}-`) && other !== name) fs.rmSync(path.join(dir, other), { force: true });
  return { width: image.width, height: image.height, file };
}

/** The kept frame of the entry's current video, checked again as it is read; null: none. */
export function storedFrame(db: Database, dataDir: string, campaignId: string, entryId: number): { extension: 'png' | 'jpg'; bytes: Buffer } | null {
  const video = videoOf(db, entryId);
  if (!video) return null;
  for (const extension of ['png', 'jpg'] as const) {
    const file = path.join(framesFolder(dataDir, campaignId), frameName(entryId, video.sha256, extension));
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch {
      continue;
    }
    if (frameImage(bytes)?.extension === extension) return { extension, bytes };
  }
  return null;
}

export interface VideoWinner {
  entryId: number;
  regNo: string;
  title: string;
  assetId: number;
  /** A frame of the video as it is now is kept already. */
  stored: boolean;
}

/** The winners with a video, once each, in page order: what the renderer captures a frame of. */
export function videoWinners(db: Database, dataDir: string, campaignId: string, winners: readonly Winner[]): VideoWinner[] {
  const seen = new Set<number>();
  const out: VideoWinner[] = [];
  for (const w of winners) {
    if (seen.has(w.entryId)) continue;
    seen.add(w.entryId);
    const video = videoOf(db, w.entryId);
    if (video) out.push({ entryId: w.entryId, regNo: w.regNo, title: w.title, assetId: video.assetId, stored: storedFrame(db, dataDir, campaignId, w.entryId) !== null });
  }
  return out;
}
