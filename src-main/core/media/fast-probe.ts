// The probe's fast path (issue 18): the common files — MP4/MOV/M4V and JPEG/PNG/GIF/WebP — read in
// process instead of through one ffprobe process per file. It answers only when the file is plain
// enough to be sure (mp4-facts.ts and image-facts.ts list what is "odd"); null sends the file to
// ffprobe, which stays the authority, also for every other container and for every damaged file:
// a top-level box walk that does not tile the file exactly (cut short or trailing junk) is left to
// probe.ts's ffprobe path, which reports truncation with its own words.
import fs from 'node:fs/promises';
import type { MediaFacts } from '../../contract';
import { IMAGE_HEAD_BYTES, imageFacts } from './image-facts';
import { walkTopLevelBoxes } from './mp4-boxes';
import { readMp4Facts } from './mp4-facts';
import { sniffMagic } from './probe';

export async function fastFacts(file: string, sizeBytes: number): Promise<MediaFacts | null> {
  try {
    const head = await readStart(file, Math.min(sizeBytes, IMAGE_HEAD_BYTES));
    const magic = sniffMagic(head, sizeBytes);
    if (magic === 'MP4/QuickTime') {
      const walk = await walkTopLevelBoxes(file);
      if (walk.truncated || walk.malformed) return null;
      const facts = await readMp4Facts(file, walk.boxes, sizeBytes);
      // The file changed size between the caller's stat and our read: let ffprobe look.
      return facts && walk.boxes.reduce((sum, b) => sum + b.size, 0) === sizeBytes ? facts : null;
    }
    return imageFacts(file, magic, head, sizeBytes);
  } catch {
    // Unreadable since the stat, or a header that made a reader throw: ffprobe names the reason.
    return null;
  }
}

async function readStart(file: string, bytes: number): Promise<Buffer> {
  const handle = await fs.open(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
