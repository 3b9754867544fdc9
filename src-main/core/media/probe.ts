// What a media file is, from ffprobe-static plus two cheap checks of our own: the magic bytes
// (to tell a damaged media file from something that never was media) and, for MP4/QuickTime, the
// top-level box structure (to catch a faststart file whose media data was cut short, which ffprobe
// alone reports as complete). Policy: the probed container is the truth, never the extension; an
// empty file is decided without starting ffprobe; facts are normalised here once (container names,
// frame rate as a number, rotation as 0/90/180/270 clockwise) so rules and UI never re-parse
// ffprobe output. Still images report durationSeconds, frameRate and bitRate as null and their
// image codec (png, mjpeg, gif, webp, bmp, tiff) as videoCodec.
import fs from 'node:fs/promises';
import { z } from 'zod';
import { MediaFacts } from '../../contract/media';
import { type FfprobeOptions, type FfprobeOutput, type FfprobeRun, type FfprobeStream, runFfprobe } from './ffprobe';
import { normaliseContainer } from './container-name';
import { fastFacts } from './fast-probe';
import { looksLikeIsoBmff, walkTopLevelBoxes } from './mp4-boxes';
import { IMAGE_CONTAINERS } from './rules';

export const unreadableOutcomeCodes = ['MEDIA_EMPTY', 'MEDIA_NOT_MEDIA', 'MEDIA_TRUNCATED'] as const;

/** A probe's result; stored as-is (JSON) in the probe cache, so it is a zod schema too. */
export const ProbeOutcome = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), facts: MediaFacts }),
  z.object({
    ok: z.literal(false),
    code: z.enum(unreadableOutcomeCodes),
    detail: z.string(),
    /** ffprobe timed out: maybe the machine was busy, so the outcome is not cached. */
    transient: z.boolean().optional(),
  }),
]);
export type ProbeOutcome = z.infer<typeof ProbeOutcome>;
export type UnreadableOutcome = Extract<ProbeOutcome, { ok: false }>;
export { normaliseContainer };

export interface ProbeOptions {
  signal?: AbortSignal;
  /** The size from a stat the caller already made (the probe queue does, for the cache key). */
  sizeBytes?: number;
  /** Replaces ffprobe (tests). */
  run?: (file: string, options: FfprobeOptions) => Promise<FfprobeRun>;
  /**
   * Read MP4/MOV/M4V indexes and JPEG/PNG/GIF/WebP headers in process when they are plain enough
   * (fast-probe.ts), ffprobe otherwise. Default: on, unless `run` replaces ffprobe.
   */
  fastPath?: boolean;
}

/** ffprobe "detects" plain text as an ANSI-art video; that is not media. */
const NOT_MEDIA_FORMATS = new Set(['tty']);
const HEAD_BYTES = 512;
/** ftyp + major brand of HEIF still images (HEIC from phones, AVIF). */
const HEIF_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1', 'avif', 'avis'].map((b) => `ftyp${b}`));
const HEIF_MAGIC = 'HEIF/AVIF image';

export async function probeFile(file: string, options: ProbeOptions = {}): Promise<ProbeOutcome> {
  let sizeBytes = options.sizeBytes;
  if (sizeBytes === undefined) {
    try {
      const stat = await fs.stat(file);
      if (stat.isDirectory()) return unreadable('MEDIA_NOT_MEDIA', 'a folder, not a file');
      sizeBytes = stat.size;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return unreadable('MEDIA_NOT_MEDIA', code === 'ENOENT' ? 'file not found' : `cannot read: ${code ?? String(error)}`);
    }
  }
  if (sizeBytes === 0) return unreadable('MEDIA_EMPTY', '0 bytes');
  if (options.fastPath ?? options.run === undefined) {
    const facts = await fastFacts(file, sizeBytes);
    if (facts) return { ok: true, facts };
  }
  const run = options.run ?? runFfprobe;
  // Our own reads run while ffprobe does: they are off the critical path of a busy machine.
  const [probed, shape] = await Promise.all([run(file, { signal: options.signal }), inspectStructure(file, sizeBytes)]);
  if (!probed.ok) {
    if (probed.reason === 'timeout') {
      const code = shape.magic ? 'MEDIA_TRUNCATED' : 'MEDIA_NOT_MEDIA';
      return { ...unreadable(code, probed.detail), transient: true };
    }
    if (shape.magic === HEIF_MAGIC) {
      // Intact HEIC/AVIF photos, which ffprobe-static 4.0 cannot parse: not "truncated". No
      // better code exists yet, so they are unreadable with a detail that says why.
      return unreadable('MEDIA_NOT_MEDIA', `${HEIF_MAGIC}: a format the probe cannot read (${probed.detail})`);
    }
    return shape.magic
      ? unreadable('MEDIA_TRUNCATED', `${shape.magic} data that ffprobe cannot read: ${probed.detail}`)
      : unreadable('MEDIA_NOT_MEDIA', probed.detail);
  }
  const facts = factsFrom(probed.output, sizeBytes);
  if (facts.formatName && facts.formatName.split(',').some((f) => NOT_MEDIA_FORMATS.has(f))) {
    return unreadable('MEDIA_NOT_MEDIA', `ffprobe sees "${facts.formatName}", not audio, video or an image`);
  }
  if (!facts.videoCodec && !facts.audioCodec) {
    return shape.magic
      ? unreadable('MEDIA_TRUNCATED', `${shape.magic} data without a readable audio or video stream`)
      : unreadable('MEDIA_NOT_MEDIA', 'no audio, video or image stream');
  }
  if (shape.truncated && isIsoBmffFormat(facts.formatName)) return unreadable('MEDIA_TRUNCATED', shape.truncated);
  return { ok: true, facts };
}

/** Magic bytes, and for MP4/QuickTime whether the top-level boxes fit the file. */
async function inspectStructure(file: string, sizeBytes: number): Promise<{ magic: string | null; truncated: string | null }> {
  try {
    const head = await readHead(file);
    const magic = sniffMagic(head, sizeBytes);
    if (!looksLikeIsoBmff(head)) return { magic, truncated: null };
    return { magic, truncated: (await walkTopLevelBoxes(file)).truncated };
  } catch {
    // Gone or unreadable since the stat: ffprobe fails on it too and names the reason.
    return { magic: null, truncated: null };
  }
}

/** Outcome for a file that is judged without probing (documents): only its size is known. */
export function unprobedOutcome(sizeBytes: number): ProbeOutcome {
  if (sizeBytes === 0) return unreadable('MEDIA_EMPTY', '0 bytes');
  return {
    ok: true,
    facts: {
      container: null, formatName: null, durationSeconds: null, sizeBytes, videoCodec: null, audioCodec: null,
      width: null, height: null, frameRate: null, bitRate: null, rotation: null,
    },
  };
}

function unreadable(code: UnreadableOutcome['code'], detail: string): UnreadableOutcome {
  return { ok: false, code, detail };
}

async function readHead(file: string): Promise<Buffer> {
  const handle = await fs.open(file, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * Names the media format the first bytes announce, or null. Only signatures that ordinary text or
 * office files cannot start with count, so "looks like media" means damaged media, not a stray file.
 */
export function sniffMagic(head: Buffer, sizeBytes = Number.POSITIVE_INFINITY): string | null {
  const ascii = (start: number, end: number) => head.toString('latin1', start, end);
  const bytes = (...values: number[]) => values.every((v, i) => head[i] === v);
  if (looksLikeIsoBmff(head)) return HEIF_BRANDS.has(ascii(4, 12)) ? HEIF_MAGIC : 'MP4/QuickTime';
  if (bytes(0x1a, 0x45, 0xdf, 0xa3)) return 'Matroska/WebM';
  if (ascii(0, 4) === 'RIFF' && head.length >= 12) {
    const form = ascii(8, 12);
    return form === 'WEBP' ? 'WebP' : form === 'WAVE' ? 'WAV' : form === 'AVI ' ? 'AVI' : 'RIFF';
  }
  if (bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'PNG';
  if (bytes(0xff, 0xd8, 0xff)) return 'JPEG';
  if (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a') return 'GIF';
  if (ascii(0, 3) === 'FLV' && head[3] === 1) return 'FLV';
  if (ascii(0, 4) === 'OggS') return 'Ogg';
  if (ascii(0, 4) === 'fLaC') return 'FLAC';
  if (ascii(0, 3) === 'ID3') return 'MP3';
  // MPEG audio frame sync (11 set bits) with a valid layer: MP3/MP2 and ADTS AAC. FF FE is the
  // UTF-16 byte-order mark of a text file, not an (almost extinct) layer I frame.
  const utf16 = head[0] === 0xff && head[1] === 0xfe;
  if (!utf16 && head.length >= 2 && head[0] === 0xff && (head[1] & 0xe0) === 0xe0 && (head[1] & 0x06) !== 0) return 'MPEG audio';
  if (head.length >= 2 && head[0] === 0xff && (head[1] & 0xf6) === 0xf0) return 'AAC (ADTS)';
  if (bytes(0x00, 0x00, 0x01, 0xba)) return 'MPEG-PS';
  if (head.length > 188 && head[0] === 0x47 && head[188] === 0x47) return 'MPEG-TS';
  if (bytes(0x30, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11)) return 'ASF/WMV';
  if (ascii(0, 2) === 'BM' && head.length >= 14 && head.readUInt32LE(6) === 0 && head.readUInt32LE(2) <= sizeBytes * 2) return 'BMP';
  return null;
}

function isIsoBmffFormat(formatName: string | null): boolean {
  return formatName !== null && formatName.split(',').includes('mov');
}

/** ffprobe output → MediaFacts. Exported for tests of the normalisation. */
export function factsFrom(output: FfprobeOutput, sizeBytes: number): MediaFacts {
  const streams = output.streams ?? [];
  const format = output.format ?? {};
  const video = streams.find((s) => s.codec_type === 'video' && s.disposition?.attached_pic !== 1);
  const audio = streams.find((s) => s.codec_type === 'audio');
  const formatName = format.format_name ?? null;
  const container = normaliseContainer(formatName, format.tags, streams);
  const still = container !== null && IMAGE_CONTAINERS.has(container);
  const streamDurations = streams.map((s) => toNumber(s.duration)).filter((d): d is number => d !== null);
  const duration = toNumber(format.duration) ?? (streamDurations.length ? Math.max(...streamDurations) : null);
  return {
    container,
    formatName,
    durationSeconds: still ? null : duration,
    sizeBytes,
    videoCodec: video?.codec_name ?? null,
    audioCodec: audio?.codec_name ?? null,
    width: positiveInt(video?.width),
    height: positiveInt(video?.height),
    frameRate: still || !video ? null : (parseRate(video.avg_frame_rate) ?? parseRate(video.r_frame_rate)),
    bitRate: still ? null : toNumber(format.bit_rate),
    rotation: video ? rotationOf(video) : null,
  };
}

/** Clockwise display rotation: the legacy "rotate" tag is clockwise, the display matrix is not. */
function rotationOf(stream: FfprobeStream): number {
  const tag = toNumber(stream.tags?.rotate as string | number | undefined);
  if (tag !== null) return quarterTurns(tag);
  const matrix = stream.side_data_list?.find((d) => toNumber(d.rotation) !== null);
  return matrix ? quarterTurns(-(toNumber(matrix.rotation) ?? 0)) : 0;
}

function quarterTurns(degrees: number): number {
  return (((Math.round(degrees / 90) * 90) % 360) + 360) % 360;
}

function parseRate(rate: string | undefined): number | null {
  if (!rate) return null;
  const [num, den] = rate.split('/').map(Number);
  const value = den === undefined ? num : num / den;
  return Number.isFinite(value) && value > 0 ? Math.round(value * 1000) / 1000 : null;
}

function toNumber(value: string | number | undefined | null): number | null {
  if (value === undefined || value === null || value === '' || value === 'N/A') return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

function positiveInt(value: number | undefined): number | null {
  return value !== undefined && Number.isInteger(value) && value > 0 ? value : null;
}
