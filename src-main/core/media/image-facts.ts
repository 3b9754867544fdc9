// The facts of a JPEG, PNG, GIF or WebP picture read in process (image-size reads the dimensions
// from the header), named the way ffprobe 4.x names them, so the probe need not start ffprobe for
// every photo (issue 18). ffprobe's demuxer choice depends on the content and, for JPEG, on the
// file name: these are the cases matched against ffprobe on real files (tests/integration/media/
// probe-fast-path.test.ts). Everything else answers null and ffprobe decides ("odd"):
//   JPEG   only named .jpg/.jpeg and over 4 kB (ffprobe's image2 demuxer wins on the extension;
//          a small whole JPEG, or another name, makes it jpeg_pipe)
//   PNG    not animated (an acTL chunk makes it APNG, another demuxer)
//   GIF    any (the gif demuxer; a still picture, so no duration or frame rate either way)
//   WebP   simple lossy (VP8) or lossless (VP8L) only: extended files (VP8X: animation, alpha,
//          metadata) go to ffprobe
// and any picture whose header image-size cannot read, or reads as 0 wide or high.
import path from 'node:path';
import { imageSize } from 'image-size';
import type { MediaFacts } from '../../contract';
import { normaliseContainer } from './container-name';

/** Bytes of the file's start that must hold the header: JPEG's SOF may follow a large EXIF block. */
export const IMAGE_HEAD_BYTES = 256 * 1024;
const JPEG_IMAGE2_EXTENSIONS = new Set(['.jpg', '.jpeg']);
const JPEG_MIN_BYTES = 4096;

/** `magic` is probe.ts's sniffMagic name of the first bytes; `head` the file's first bytes. */
export function imageFacts(file: string, magic: string | null, head: Buffer, sizeBytes: number): MediaFacts | null {
  const demuxer = demuxerOf(file, magic, head, sizeBytes);
  if (!demuxer) return null;
  let width: number | undefined;
  let height: number | undefined;
  try {
    ({ width, height } = imageSize(head));
  } catch {
    return null;
  }
  if (!width || !height) return null;
  const streams = [{ codec_type: 'video', codec_name: demuxer.codec }];
  return {
    container: normaliseContainer(demuxer.formatName, undefined, streams),
    formatName: demuxer.formatName,
    durationSeconds: null,
    sizeBytes,
    videoCodec: demuxer.codec,
    audioCodec: null,
    width,
    height,
    frameRate: null,
    bitRate: null,
    rotation: 0,
  };
}

function demuxerOf(file: string, magic: string | null, head: Buffer, sizeBytes: number): { formatName: string; codec: string } | null {
  switch (magic) {
    case 'JPEG':
      return JPEG_IMAGE2_EXTENSIONS.has(path.extname(file).toLowerCase()) && sizeBytes > JPEG_MIN_BYTES && head.length >= Math.min(sizeBytes, IMAGE_HEAD_BYTES)
        ? { formatName: 'image2', codec: 'mjpeg' }
        : null;
    case 'PNG':
      // The chunk list up to the first IDAT must be in `head`, and hold no acTL.
      return head.includes('IDAT', 0, 'latin1') && !head.includes('acTL', 0, 'latin1') ? { formatName: 'png_pipe', codec: 'png' } : null;
    case 'GIF':
      return { formatName: 'gif', codec: 'gif' };
    case 'WebP': {
      const chunk = head.toString('latin1', 12, 16);
      return chunk === 'VP8 ' || chunk === 'VP8L' ? { formatName: 'webp_pipe', codec: 'webp' } : null;
    }
    default:
      return null;
  }
}
