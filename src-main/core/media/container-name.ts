// One container name from ffprobe's demuxer list, shared by the ffprobe path (probe.ts) and the
// in-process readers (mp4-facts.ts, image-facts.ts), so both paths name a file alike.
import type { FfprobeStream } from './ffprobe';

const IMAGE_CODECS: Record<string, string> = {
  png: 'png', apng: 'png', mjpeg: 'jpeg', jpegls: 'jpeg', gif: 'gif', webp: 'webp', bmp: 'bmp', tiff: 'tiff',
};
const WEBM_CODECS = new Set(['vp8', 'vp9', 'av1', 'opus', 'vorbis', 'webvtt']);

/**
 * ffprobe's demuxer list → one container name. The MP4 family shares one demuxer, so the brand
 * decides ("qt  " is QuickTime); Matroska and WebM share one too, so the codecs decide (WebM allows
 * only VP8/VP9/AV1 with Opus/Vorbis); image demuxers are named by their codec.
 */
export function normaliseContainer(
  formatName: string | null,
  tags: Record<string, unknown> | undefined,
  streams: readonly FfprobeStream[],
): string | null {
  if (!formatName) return null;
  const names = formatName.split(',');
  if (names.includes('mov')) {
    const brand = typeof tags?.major_brand === 'string' ? tags.major_brand.trim().toLowerCase() : '';
    if (brand === '' || brand === 'qt') return 'mov';
    if (brand.startsWith('3g')) return '3gp';
    if (brand === 'm4a' || brand === 'm4b') return 'm4a';
    return 'mp4';
  }
  if (names.includes('matroska') || names.includes('webm')) {
    const codecs = streams.map((s) => s.codec_name).filter((c): c is string => Boolean(c));
    return codecs.length > 0 && codecs.every((c) => WEBM_CODECS.has(c)) ? 'webm' : 'matroska';
  }
  const first = names[0];
  if (first === 'image2' || first.endsWith('_pipe') || first === 'gif' || first === 'apng') {
    const codec = streams.find((s) => s.codec_type === 'video')?.codec_name;
    if (codec && IMAGE_CODECS[codec]) return IMAGE_CODECS[codec];
    const piped = first.replace(/_pipe$/, '');
    return IMAGE_CODECS[piped] ?? piped;
  }
  return first;
}
