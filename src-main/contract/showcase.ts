// Announcing results (issue 17): the showcase, a static bilingual folder (index.html + assets/)
// of every published award list by category, and posters, one PNG per winner for WeChat drawn
// from the certificate layout engine with a QR that verifies. Both are background jobs followed
// with job:status and stopped with job:cancel like every job.
import { z } from 'zod';
import type { ChannelMap } from './channel-def';
import { ExportFile } from './compliance';
import { jobStatus } from './job-status';

const Id = z.string().min(1).max(100);
/** A captured frame is at most 3 MB (core/showcase/video-frames.ts MAX_FRAME_BYTES), 4 MB as base64. */
const FRAME_BASE64_MAX = 4_000_000;

export const VideoWinner = z.object({
  entryId: z.number().int(),
  regNo: z.string(),
  title: z.string(),
  /** The video a frame is captured of (its media URL is the one review playback uses). */
  assetId: z.number().int(),
  /** A frame of the video as it is now is kept already. */
  stored: z.boolean(),
});
export type VideoWinner = z.infer<typeof VideoWinner>;
const OutDir = z.string().min(1).max(4096);

export const ShowcaseReport = z.object({
  outDir: z.string(),
  /** The page to open (outDir/index.html); null when the export was cancelled before writing it. */
  index: z.string().nullable(),
  lists: z.number().int(),
  winners: z.number().int(),
  /** How each winner's cover was made: a captured video frame, an image of the work, the account screenshot, or a drawn card. */
  covers: z.object({ frame: z.number().int(), image: z.number().int(), screenshot: z.number().int(), card: z.number().int() }),
  /** Winners whose certificate is issued: their verification code is on the page. */
  withCertificate: z.number().int(),
  files: z.array(z.string()),
  cancelled: z.boolean(),
});
export type ShowcaseReport = z.infer<typeof ShowcaseReport>;

export const ShowcaseJob = jobStatus('showcase.export', z.object({ done: z.number().int(), total: z.number().int() }), ShowcaseReport);
export type ShowcaseJob = z.infer<typeof ShowcaseJob>;

export const posterSizes = ['story', 'square'] as const;
export const PosterSize = z.enum(posterSizes);
export type PosterSize = z.infer<typeof PosterSize>;
/** Pixel sizes: story 1080×1920 (WeChat Moments / channels portrait), square 1080×1080. */
export const POSTER_PIXELS: Record<PosterSize, { width: number; height: number }> = { story: { width: 1080, height: 1920 }, square: { width: 1080, height: 1080 } };

export const posterLanguages = ['zh-CN', 'en', 'bilingual'] as const;
export const PosterLanguage = z.enum(posterLanguages);
export type PosterLanguage = z.infer<typeof PosterLanguage>;

export const PosterReport = z.object({
  outDir: z.string(),
  size: PosterSize,
  posters: z.number().int(),
  /** Winners without a valid issued certificate get no poster: its QR must verify. */
  withoutCertificate: z.number().int(),
  files: z.array(z.string()),
  cancelled: z.boolean(),
});
export type PosterReport = z.infer<typeof PosterReport>;

export const PosterJob = jobStatus('posters.export', z.object({ done: z.number().int(), total: z.number().int() }), PosterReport);
export type PosterJob = z.infer<typeof PosterJob>;

export const showcaseChannels = {
  'showcase:export': {
    request: z.object({ campaignId: Id, outDir: OutDir.optional() }).strict(),
    response: ShowcaseJob,
  },
  'posters:export': {
    request: z.object({ campaignId: Id, size: PosterSize.default('story'), language: PosterLanguage.default('bilingual'), outDir: OutDir.optional() }).strict(),
    response: PosterJob,
  },
  /** The published winners with a video, for the renderer to capture a frame of each (issue 17). */
  'showcase:videoWinners': { request: z.object({ campaignId: Id }).strict(), response: z.array(VideoWinner) },
  /** Keeps a frame the renderer captured (PNG or JPEG) as the video's showcase cover. */
  'showcase:storeFrame': {
    request: z.object({ campaignId: Id, entryId: z.number().int().positive(), assetId: z.number().int().positive(), imageBase64: z.string().min(1).max(FRAME_BASE64_MAX) }).strict(),
    response: z.object({ width: z.number().int(), height: z.number().int() }),
  },
  /** One file a finished showcase or poster export wrote (a poster to look at, the page). */
  'showcase:jobFile': { request: z.object({ jobId: Id, file: z.string().min(1).max(4096) }).strict(), response: ExportFile },
} as const satisfies ChannelMap;
