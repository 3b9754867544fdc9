// The compliance rules of a campaign (its MediaRules) applied to probed facts: a pure function, so
// the same facts always give the same verdict and re-checking with other rules needs no re-probe.
// Policy:
// - What a file is comes from probing (container, streams), never from its name; the extension
//   only names documents (not probed) and is otherwise checked against the probed container.
// - Every broken rule is one Violation (a file can break several); limits are in the unit of the
//   measurement: bytes, seconds, "WxH" pixels, or the allowed list ("mp4" or "h264, hevc").
// - Sizes compare in bytes. `sizeUnit` only records how the organiser's "100 MB" was read into
//   `maxSizeBytes` (10^6 or 2^20); it never rescales here.
// - Video: container, extension, size, duration, video codec, audio codec (when there is audio).
//   Audio-only: extension and audio codec (the organiser's size/duration limits are worded for
//   videos). Image: extension and minimum displayed size. Documents: only "not empty".
// - A file sent as a video (named .mp4, .mov… — not by its container: MP4 is also the usual box
//   for sound, .m4a) that holds no moving picture — an audio-only .mp4 — is MEDIA_NO_VIDEO_STREAM,
//   unless the rules say `requireVideoStream: false` (absent: required).
// - Which rules apply: the entry's category's own mediaRules when it has them, else the
//   campaign's (mediaRulesFor); the callers pick them per entry.
// - MEDIA_DUPLICATE needs the other entries' files; it is decided by the caller, never here.
import path from 'node:path';
import type { CampaignDefinition, EntryKind, FileCheck, MediaClass, MediaFacts, MediaRules, Violation } from '../../contract';
import { assertNever } from '../../contract/errors';
import type { ProbeOutcome } from './probe';

/** Containers whose "video" stream is a still picture (see normaliseContainer in probe.ts). */
export const IMAGE_CONTAINERS: ReadonlySet<string> = new Set(['png', 'jpeg', 'gif', 'webp', 'bmp', 'tiff']);
const DOCUMENT_EXTENSIONS = new Set(['.pdf', '.txt', '.md', '.html', '.htm', '.doc', '.docx', '.ppt', '.pptx', '.xls', '.xlsx']);

/** Which probed containers an extension may honestly carry. Unknown extensions are not checked. */
const EXTENSION_CONTAINERS: Record<string, readonly string[]> = {
  mp4: ['mp4', 'm4a'], m4v: ['mp4'], m4a: ['m4a', 'mp4'], mov: ['mov'], qt: ['mov'], '3gp': ['3gp', 'mp4'],
  webm: ['webm'], mkv: ['matroska', 'webm'], mka: ['matroska', 'webm'],
  avi: ['avi'], flv: ['flv'], ts: ['mpegts'], mts: ['mpegts'], m2ts: ['mpegts'], mpg: ['mpeg'], mpeg: ['mpeg'],
  wmv: ['asf'], asf: ['asf'], wma: ['asf'], mp3: ['mp3'], wav: ['wav'], aac: ['aac'], flac: ['flac'],
  ogg: ['ogg'], oga: ['ogg'], ogv: ['ogg'], opus: ['ogg'],
  png: ['png'], jpg: ['jpeg'], jpeg: ['jpeg'], jfif: ['jpeg'], gif: ['gif'], webp: ['webp'], bmp: ['bmp'],
  tif: ['tiff'], tiff: ['tiff'],
};
const VIDEO_EXTENSIONS = new Set(['mp4', 'm4v', 'mov', 'qt', '3gp', 'webm', 'mkv', 'avi', 'flv', 'ts', 'mts', 'm2ts', 'mpg', 'mpeg', 'wmv', 'asf', 'ogv']);
const AUDIO_EXTENSIONS = new Set(['m4a', 'mka', 'mp3', 'wav', 'aac', 'flac', 'ogg', 'oga', 'opus', 'wma']);
const IMAGE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'jfif', 'gif', 'webp', 'bmp', 'tif', 'tiff']);

/** The media rules for an entry: its category's own when the definition gives them, else the campaign's. */
export function mediaRulesFor(def: CampaignDefinition, kind: EntryKind, category: string | null): MediaRules {
  if (category === null) return def.mediaRules;
  return def.entryKinds.find((k) => k.kind === kind)?.categories.find((c) => c.key === category)?.mediaRules ?? def.mediaRules;
}

export interface CheckOptions {
  /** Judge as a document whatever the extension (the caller knows the asset's role). */
  document?: boolean;
}

export function isDocumentPath(file: string): boolean {
  return DOCUMENT_EXTENSIONS.has(path.extname(file).toLowerCase());
}

/** The lower-case extension without the dot ("" when there is none). */
export function extensionOf(file: string): string {
  return path.extname(file).slice(1).toLowerCase();
}

export function checkFacts(file: string, outcome: ProbeOutcome, rules: MediaRules, options: CheckOptions = {}): FileCheck {
  const document = options.document === true || isDocumentPath(file);
  if (!outcome.ok) {
    const actual = outcome.code === 'MEDIA_EMPTY' ? 0 : outcome.detail;
    return {
      path: file,
      mediaClass: document ? 'document' : classFromExtension(file),
      verdict: 'unreadable',
      violations: [{ code: outcome.code, limit: null, actual }],
      facts: null,
    };
  }
  const facts = outcome.facts;
  const mediaClass: MediaClass = document ? 'document' : classify(facts);
  const violations = violationsFor(file, mediaClass, facts, rules);
  return { path: file, mediaClass, verdict: violations.length ? 'fail' : 'pass', violations, facts };
}

/** What probing says the file is: a still picture, a video with moving pictures, or sound. */
export function classify(facts: MediaFacts): MediaClass {
  if (facts.container !== null && IMAGE_CONTAINERS.has(facts.container)) return 'image';
  if (facts.videoCodec !== null) return 'video';
  if (facts.audioCodec !== null) return 'audio';
  return 'other';
}

function classFromExtension(file: string): MediaClass {
  const ext = extensionOf(file);
  if (VIDEO_EXTENSIONS.has(ext)) return 'video';
  if (AUDIO_EXTENSIONS.has(ext)) return 'audio';
  if (IMAGE_EXTENSIONS.has(ext)) return 'image';
  return 'other';
}

function violationsFor(file: string, mediaClass: MediaClass, facts: MediaFacts, rules: MediaRules): Violation[] {
  switch (mediaClass) {
    case 'video':
      return videoViolations(file, facts, rules.video);
    case 'audio':
      return [...noVideoStreamViolations(file, facts, rules.video), ...extensionViolations(file, facts), ...audioCodecViolations(facts, rules.video)];
    case 'image':
      return [...extensionViolations(file, facts), ...imageViolations(facts, rules.image)];
    case 'document':
      return [];
    case 'other':
      return [...noVideoStreamViolations(file, facts, rules.video), ...extensionViolations(file, facts)];
    default:
      return assertNever(mediaClass, 'media class');
  }
}

function videoViolations(file: string, facts: MediaFacts, rules: MediaRules['video']): Violation[] {
  const found: Violation[] = [];
  const allowed = rules.containers.map((c) => c.toLowerCase());
  if (facts.container === null || !allowed.includes(facts.container)) {
    found.push({ code: 'MEDIA_CONTAINER_NOT_ALLOWED', limit: allowed.join(', '), actual: facts.container ?? facts.formatName });
  }
  found.push(...extensionViolations(file, facts));
  if (rules.maxSizeBytes !== null && facts.sizeBytes > rules.maxSizeBytes) {
    found.push({ code: 'MEDIA_TOO_LARGE', limit: rules.maxSizeBytes, actual: facts.sizeBytes });
  }
  if (rules.maxDurationSeconds !== null && facts.durationSeconds !== null && facts.durationSeconds > rules.maxDurationSeconds) {
    found.push({ code: 'MEDIA_TOO_LONG', limit: rules.maxDurationSeconds, actual: facts.durationSeconds });
  }
  const videoCodecs = rules.playableVideoCodecs.map((c) => c.toLowerCase());
  if (facts.videoCodec !== null && !videoCodecs.includes(facts.videoCodec.toLowerCase())) {
    found.push({ code: 'MEDIA_VIDEO_CODEC_UNPLAYABLE', limit: videoCodecs.join(', '), actual: facts.videoCodec });
  }
  found.push(...audioCodecViolations(facts, rules));
  return found;
}

/** Named as a video but without a moving picture. */
function noVideoStreamViolations(file: string, facts: MediaFacts, rules: MediaRules['video']): Violation[] {
  if (rules.requireVideoStream === false || !VIDEO_EXTENSIONS.has(extensionOf(file))) return [];
  return [{ code: 'MEDIA_NO_VIDEO_STREAM', limit: null, actual: facts.audioCodec }];
}

function audioCodecViolations(facts: MediaFacts, rules: MediaRules['video']): Violation[] {
  const audioCodecs = rules.playableAudioCodecs.map((c) => c.toLowerCase());
  if (facts.audioCodec === null || audioCodecs.includes(facts.audioCodec.toLowerCase())) return [];
  return [{ code: 'MEDIA_AUDIO_CODEC_UNPLAYABLE', limit: audioCodecs.join(', '), actual: facts.audioCodec }];
}

/** A name that promises one format while the bytes are another (a WebM renamed .mp4). */
function extensionViolations(file: string, facts: MediaFacts): Violation[] {
  const ext = extensionOf(file);
  const expected = EXTENSION_CONTAINERS[ext];
  if (!expected || facts.container === null || expected.includes(facts.container)) return [];
  return [{ code: 'MEDIA_EXTENSION_MISMATCH', limit: ext, actual: facts.container }];
}

function imageViolations(facts: MediaFacts, rules: MediaRules['image']): Violation[] {
  const shown = displaySize(facts);
  if (!shown) return [];
  if (shown.width >= rules.minWidth && shown.height >= rules.minHeight) return [];
  return [{ code: 'MEDIA_IMAGE_TOO_SMALL', limit: `${rules.minWidth}x${rules.minHeight}`, actual: `${shown.width}x${shown.height}` }];
}

/** Width and height as shown: a picture stored landscape with a 90°/270° rotation displays portrait. */
export function displaySize(facts: MediaFacts): { width: number; height: number } | null {
  if (facts.width === null || facts.height === null) return null;
  const quarter = facts.rotation === 90 || facts.rotation === 270;
  return quarter ? { width: facts.height, height: facts.width } : { width: facts.width, height: facts.height };
}
