// The facts of an MP4 / MOV / M4V file read in process from its index (moov), without starting
// ffprobe (issue 18: one ffprobe process per file costs its start-up every time). The numbers are
// the ones ffprobe 4.x's mov demuxer reports, derived the same way:
//   duration   mvhd duration / timescale, in whole microseconds (format.duration)
//   bit rate   file size × 8 / duration, truncated (libavformat's estimate when the container has none)
//   frame rate samples × mdhd timescale / sum of stts deltas of the first video track (avg_frame_rate)
//   rotation   the angle of the first video track's tkhd matrix, clockwise (the "rotate" tag)
//   size       the visual sample entry's width and height; codecs from the sample entry's type
//              (and for mp4v/mp4a the esds object type)
// Anything this reader does not fully understand is "odd" and answers null, so the caller asks
// ffprobe, which stays the authority: no moov or a moov over 64 MB, fragmented files (mvex), a
// zero timescale or duration, a track whose sample entries are not exactly one, an unknown sample
// entry type or object type, a video track without samples, a tkhd matrix that scales, shears or
// mirrors or turns by other than a quarter, a tkhd size that differs from the sample entry's
// (anamorphic or cropped), edit lists with more than one entry, and no audio or video track at all.
import fs from 'node:fs/promises';
import type { MediaFacts } from '../../contract';
import { normaliseContainer } from './container-name';
import type { BoxHeader } from './mp4-boxes';

/** ffprobe's format_name for every file of the MP4 family (one demuxer). */
export const MOV_FORMAT_NAME = 'mov,mp4,m4a,3gp,3g2,mj2';
const MAX_MOOV_BYTES = 64 * 1024 * 1024;

const VIDEO_ENTRIES: Record<string, string> = { avc1: 'h264', avc3: 'h264', hvc1: 'hevc', hev1: 'hevc', av01: 'av1', vp09: 'vp9', vp08: 'vp8' };
const AUDIO_ENTRIES: Record<string, string> = { 'ac-3': 'ac3', 'ec-3': 'eac3', Opus: 'opus', fLaC: 'flac', alac: 'alac' };
/** MPEG-4 Systems objectTypeIndication (esds) → ffprobe codec name. */
const VIDEO_OBJECT_TYPES: Record<number, string> = { 0x20: 'mpeg4', 0x60: 'mpeg2video', 0x61: 'mpeg2video', 0x62: 'mpeg2video', 0x63: 'mpeg2video', 0x64: 'mpeg2video', 0x65: 'mpeg2video', 0x6a: 'mpeg1video' };
const AUDIO_OBJECT_TYPES: Record<number, string> = { 0x40: 'aac', 0x66: 'aac', 0x67: 'aac', 0x68: 'aac', 0x69: 'mp3', 0x6b: 'mp3' };

interface Box {
  type: string;
  /** Payload (after the header) as a view into the moov buffer. */
  body: Buffer;
}

interface Track {
  handler: string;
  codec: string | null;
  entryWidth: number;
  entryHeight: number;
  tkhdWidth: number;
  tkhdHeight: number;
  rotation: number | null;
  samples: number;
  sampleDurationSum: number;
  mediaTimescale: number;
}

/** Child boxes of a payload; null when they do not tile it (a corrupt index: odd). */
function children(body: Buffer): Box[] | null {
  const boxes: Box[] = [];
  let offset = 0;
  while (offset + 8 <= body.length) {
    let size = body.readUInt32BE(offset);
    const type = body.toString('latin1', offset + 4, offset + 8);
    let header = 8;
    if (size === 1) {
      if (offset + 16 > body.length) return null;
      size = Number(body.readBigUInt64BE(offset + 8));
      header = 16;
    } else if (size === 0) {
      size = body.length - offset;
    }
    if (size < header || offset + size > body.length) return null;
    boxes.push({ type, body: body.subarray(offset + header, offset + size) });
    offset += size;
  }
  return offset === body.length || body.length - offset < 8 ? boxes : null;
}

function child(boxes: Box[] | null, type: string): Box | null {
  return boxes?.find((b) => b.type === type) ?? null;
}

function path(root: Box | null, ...types: string[]): Box | null {
  let box = root;
  for (const type of types) box = box ? child(children(box.body), type) : null;
  return box;
}

/** Reads the facts, or null when ffprobe must decide (see the list above). */
export async function readMp4Facts(file: string, boxes: readonly BoxHeader[], sizeBytes: number): Promise<MediaFacts | null> {
  const ftypHeader = boxes.find((b) => b.type === 'ftyp');
  const moovHeader = boxes.find((b) => b.type === 'moov');
  if (!moovHeader || moovHeader.size > MAX_MOOV_BYTES) return null;
  const handle = await fs.open(file, 'r');
  let moovBody: Buffer;
  let brand = '';
  try {
    moovBody = Buffer.alloc(moovHeader.size - moovHeader.headerSize);
    const { bytesRead } = await handle.read(moovBody, 0, moovBody.length, moovHeader.offset + moovHeader.headerSize);
    if (bytesRead !== moovBody.length) return null;
    if (ftypHeader && ftypHeader.size >= ftypHeader.headerSize + 4) {
      const major = Buffer.alloc(4);
      await handle.read(major, 0, 4, ftypHeader.offset + ftypHeader.headerSize);
      brand = major.toString('latin1');
    }
  } finally {
    await handle.close();
  }
  return factsFromMoov(moovBody, brand, sizeBytes);
}

/** The facts from a moov payload; exported for tests. */
export function factsFromMoov(moovBody: Buffer, majorBrand: string, sizeBytes: number): MediaFacts | null {
  const moov = children(moovBody);
  if (!moov || child(moov, 'mvex')) return null;
  const mvhd = child(moov, 'mvhd');
  if (!mvhd || mvhd.body.length < 20) return null;
  const v1 = mvhd.body[0] === 1;
  const timescale = mvhd.body.readUInt32BE(v1 ? 20 : 12);
  const duration = v1 ? Number(mvhd.body.readBigUInt64BE(24)) : mvhd.body.readUInt32BE(16);
  if (!timescale || !duration || (!v1 && duration === 0xffffffff)) return null;

  const tracks: Track[] = [];
  for (const trak of moov.filter((b) => b.type === 'trak')) {
    const track = readTrack(trak);
    if (track === 'odd') return null;
    if (track) tracks.push(track);
  }
  const video = tracks.find((t) => t.handler === 'vide');
  const audio = tracks.find((t) => t.handler === 'soun');
  if (!video && !audio) return null;
  if (video && (video.samples === 0 || video.sampleDurationSum === 0 || video.rotation === null)) return null;
  if (video && (video.tkhdWidth !== video.entryWidth || video.tkhdHeight !== video.entryHeight)) return null;

  const durationMicros = Math.round((duration * 1e6) / timescale);
  const brandTag = majorBrand ? { major_brand: majorBrand } : undefined;
  const streams = tracks.map((t) => ({ codec_name: t.codec ?? undefined, codec_type: t.handler === 'vide' ? 'video' : 'audio' }));
  return {
    container: normaliseContainer(MOV_FORMAT_NAME, brandTag, streams),
    formatName: MOV_FORMAT_NAME,
    durationSeconds: durationMicros / 1e6,
    sizeBytes,
    videoCodec: video?.codec ?? null,
    audioCodec: audio?.codec ?? null,
    width: video ? video.entryWidth || null : null,
    height: video ? video.entryHeight || null : null,
    frameRate: video ? Math.round(((video.samples * video.mediaTimescale) / video.sampleDurationSum) * 1000) / 1000 : null,
    bitRate: Math.trunc((sizeBytes * 8 * 1e6) / durationMicros),
    rotation: video ? video.rotation : null,
  };
}

/** One trak: null for tracks ffprobe reports as neither audio nor video (timecode, text…). */
function readTrack(trak: Box): Track | null | 'odd' {
  const hdlr = path(trak, 'mdia', 'hdlr');
  if (!hdlr || hdlr.body.length < 12) return 'odd';
  const handler = hdlr.body.toString('latin1', 8, 12);
  if (handler !== 'vide' && handler !== 'soun') return null;
  const tkhd = path(trak, 'tkhd');
  const mdhd = path(trak, 'mdia', 'mdhd');
  const stbl = path(trak, 'mdia', 'minf', 'stbl');
  const stsd = stbl ? path(stbl, 'stsd') : null;
  const stts = stbl ? path(stbl, 'stts') : null;
  if (!tkhd || !mdhd || !stsd || !stts) return 'odd';
  const elst = path(trak, 'edts', 'elst');
  const editEntries = elst && elst.body.length >= 8 ? elst.body.readUInt32BE(4) : 0;
  if (editEntries > 1) return 'odd';

  const mdhdV1 = mdhd.body[0] === 1;
  const mediaTimescale = mdhd.body.readUInt32BE(mdhdV1 ? 20 : 12);
  if (!mediaTimescale) return 'odd';

  if (stts.body.length < 8) return 'odd';
  const entries = stts.body.readUInt32BE(4);
  if (stts.body.length < 8 + entries * 8) return 'odd';
  let samples = 0;
  let sampleDurationSum = 0;
  for (let i = 0; i < entries; i++) {
    const count = stts.body.readUInt32BE(8 + i * 8);
    samples += count;
    sampleDurationSum += count * stts.body.readUInt32BE(12 + i * 8);
  }

  if (stsd.body.length < 8 || stsd.body.readUInt32BE(4) !== 1) return 'odd';
  const entryBoxes = children(stsd.body.subarray(8));
  const entry = entryBoxes?.length === 1 ? entryBoxes[0] : null;
  if (!entry) return 'odd';
  const codec = handler === 'vide' ? videoCodec(entry) : audioCodec(entry);
  if (!codec) return 'odd';
  const tkhdV1 = tkhd.body[0] === 1;
  const matrixAt = tkhdV1 ? 52 : 40;
  if (tkhd.body.length < matrixAt + 44) return 'odd';
  return {
    handler,
    codec,
    entryWidth: handler === 'vide' && entry.body.length >= 28 ? entry.body.readUInt16BE(24) : 0,
    entryHeight: handler === 'vide' && entry.body.length >= 28 ? entry.body.readUInt16BE(26) : 0,
    tkhdWidth: tkhd.body.readUInt32BE(matrixAt + 36) >>> 16,
    tkhdHeight: tkhd.body.readUInt32BE(matrixAt + 40) >>> 16,
    rotation: quarterRotation(tkhd.body.subarray(matrixAt, matrixAt + 36)),
    samples,
    sampleDurationSum,
    mediaTimescale,
  };
}

/** Clockwise quarter turns of a tkhd matrix {a b u; c d v; x y w}, or null for any other transform. */
function quarterRotation(matrix: Buffer): number | null {
  const a = matrix.readInt32BE(0);
  const b = matrix.readInt32BE(4);
  const c = matrix.readInt32BE(12);
  const d = matrix.readInt32BE(16);
  const one = 0x10000;
  if (a === one && b === 0 && c === 0 && d === one) return 0;
  if (a === 0 && b === one && c === -one && d === 0) return 90;
  if (a === -one && b === 0 && c === 0 && d === -one) return 180;
  if (a === 0 && b === -one && c === one && d === 0) return 270;
  return null;
}

/** Visual sample entry: 78 bytes of fields, then boxes (avcC, esds…). */
function videoCodec(entry: Box): string | null {
  if (VIDEO_ENTRIES[entry.type]) return VIDEO_ENTRIES[entry.type];
  if (entry.type !== 'mp4v') return null;
  const objectType = esdsObjectType(children(entry.body.subarray(78)));
  return objectType === null ? null : (VIDEO_OBJECT_TYPES[objectType] ?? null);
}

/** Audio sample entry: 28 bytes of fields (QuickTime version 1 adds 16, version 2 adds 36), then boxes. */
function audioCodec(entry: Box): string | null {
  if (AUDIO_ENTRIES[entry.type]) return AUDIO_ENTRIES[entry.type];
  if (entry.type !== 'mp4a' || entry.body.length < 28) return null;
  const version = entry.body.readUInt16BE(8);
  const fields = version === 0 ? 28 : version === 1 ? 44 : version === 2 ? 64 : -1;
  if (fields < 0) return null;
  const boxes = children(entry.body.subarray(fields));
  // QuickTime puts the esds inside a 'wave' box.
  const objectType = esdsObjectType(boxes) ?? esdsObjectType(children(child(boxes, 'wave')?.body ?? Buffer.alloc(0)));
  return objectType === null ? null : (AUDIO_OBJECT_TYPES[objectType] ?? null);
}

/** objectTypeIndication of the DecoderConfigDescriptor inside an esds box (ISO/IEC 14496-1 §7.2.6). */
function esdsObjectType(boxes: Box[] | null): number | null {
  const esds = child(boxes, 'esds');
  if (!esds) return null;
  const body = esds.body;
  let offset = 4; // version and flags
  const descriptor = (): { tag: number; length: number } | null => {
    if (offset >= body.length) return null;
    const tag = body[offset++];
    let length = 0;
    for (let i = 0; i < 4 && offset < body.length; i++) {
      const byte = body[offset++];
      length = (length << 7) | (byte & 0x7f);
      if (!(byte & 0x80)) break;
    }
    return { tag, length };
  };
  const es = descriptor();
  if (!es || es.tag !== 0x03 || offset + 3 > body.length) return null;
  const flags = body[offset + 2];
  offset += 3;
  if (flags & 0x80) offset += 2; // streamDependenceFlag
  if (flags & 0x40) offset += 1 + (body[offset] ?? 0); // URL_Flag
  if (flags & 0x20) offset += 2; // OCRstreamFlag
  const config = descriptor();
  if (!config || config.tag !== 0x04 || offset >= body.length) return null;
  return body[offset];
}
