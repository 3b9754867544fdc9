// Media facts and compliance verdicts, shared by the probe (core/media), the CLI's JSON output and
// the compliance report in the UI. Violation codes are translated under `compliance.rules.<CODE>`.
import { z } from 'zod';

/** What ffprobe told us about one file. Container is the probed one, never the extension. */
export const MediaFacts = z.object({
  /** Normalised container: mp4, mov, webm, matroska, avi, flv, mpegts, mp3, wav, png, jpeg, gif, webp, bmp… */
  container: z.string().nullable(),
  /** ffprobe's raw format_name, e.g. "mov,mp4,m4a,3gp,3g2,mj2". */
  formatName: z.string().nullable(),
  durationSeconds: z.number().nullable(),
  sizeBytes: z.number().int().nonnegative(),
  videoCodec: z.string().nullable(),
  audioCodec: z.string().nullable(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  frameRate: z.number().nullable(),
  bitRate: z.number().nullable(),
  /** Display rotation in degrees (0, 90, 180, 270) from side data or tags. */
  rotation: z.number().nullable(),
});
export type MediaFacts = z.infer<typeof MediaFacts>;

/** How a file is judged: by what it is (from probing), falling back to its extension. */
export const mediaClasses = ['video', 'audio', 'image', 'document', 'other'] as const;
export const MediaClass = z.enum(mediaClasses);
export type MediaClass = z.infer<typeof MediaClass>;

export const violationCodes = [
  // unreadable
  'MEDIA_EMPTY',
  'MEDIA_NOT_MEDIA',
  'MEDIA_TRUNCATED',
  // fail
  'MEDIA_CONTAINER_NOT_ALLOWED',
  'MEDIA_EXTENSION_MISMATCH',
  'MEDIA_TOO_LARGE',
  'MEDIA_TOO_LONG',
  'MEDIA_VIDEO_CODEC_UNPLAYABLE',
  'MEDIA_AUDIO_CODEC_UNPLAYABLE',
  'MEDIA_IMAGE_TOO_SMALL',
  'MEDIA_DUPLICATE',
  /** Sent as a video but holds no video stream (an audio-only .mp4); see MediaRules.video.requireVideoStream. */
  'MEDIA_NO_VIDEO_STREAM',
] as const;
export const ViolationCode = z.enum(violationCodes);
export type ViolationCode = z.infer<typeof ViolationCode>;

export const unreadableCodes: readonly ViolationCode[] = ['MEDIA_EMPTY', 'MEDIA_NOT_MEDIA', 'MEDIA_TRUNCATED'];

export const Violation = z.object({
  code: ViolationCode,
  /** The rule's limit (bytes, seconds, pixels "600x400", allowed list "mp4"), null when none applies. */
  limit: z.union([z.number(), z.string()]).nullable(),
  /** The measured value, in the same unit as the limit. */
  actual: z.union([z.number(), z.string()]).nullable(),
});
export type Violation = z.infer<typeof Violation>;

export const verdicts = ['pass', 'fail', 'unreadable'] as const;
export const Verdict = z.enum(verdicts);
export type Verdict = z.infer<typeof Verdict>;

export const FileCheck = z.object({
  path: z.string(),
  mediaClass: MediaClass,
  verdict: Verdict,
  violations: z.array(Violation),
  facts: MediaFacts.nullable(),
});
export type FileCheck = z.infer<typeof FileCheck>;
