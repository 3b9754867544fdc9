// Announcing results (issue 17): the showcase folder and the winners' posters as background jobs
// (kinds `showcase.export` and `posters.export`, followed and cancelled with job:status and
// job:cancel like every job). The work is core/showcase and core/posters; this file supplies the
// wording (the locale files, both languages) and the default folders under exports/.
import fs from 'node:fs';
import path from 'node:path';
import type { Handlers } from '../contract';
import { KepuError } from '../core/errors';
import { exportPosters } from '../core/posters/poster-export';
import { exportShowcase } from '../core/showcase/showcase-export';
import { storeFrame, videoWinners } from '../core/showcase/video-frames';
import { allWinners, announcement } from '../core/showcase/winners';
import { certificateWording } from './certificate-handlers';
import type { AppContext } from './context';

const MIME: Record<string, string> = { '.html': 'text/html', '.png': 'image/png', '.jpg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp' };

export function showcaseHandlers(ctx: AppContext): Pick<Handlers, 'showcase:export' | 'posters:export' | 'showcase:jobFile' | 'showcase:videoWinners' | 'showcase:storeFrame'> {
  const wording = certificateWording();
  return {
    'showcase:export': ({ campaignId, outDir }) => {
      ctx.campaigns.summary(campaignId);
      announcement(ctx.db, campaignId, wording); // nothing published: fail now, not in the job
      const dir = outDir ? path.resolve(outDir) : path.join(ctx.dataDir, 'exports', 'showcase', campaignId);
      return ctx.jobs.start('showcase.export', ({ signal, progress }) =>
        exportShowcase(ctx.db, { campaignId, outDir: dir, wording, dataDir: ctx.dataDir, signal, onProgress: (done, total) => progress({ done, total }) }),
      );
    },
    'posters:export': ({ campaignId, size, language, outDir }) => {
      ctx.campaigns.summary(campaignId);
      announcement(ctx.db, campaignId, wording);
      const dir = outDir ? path.resolve(outDir) : path.join(ctx.dataDir, 'exports', 'posters', campaignId, size);
      return ctx.jobs.start('posters.export', ({ signal, progress }) =>
        exportPosters(ctx.db, { campaignId, outDir: dir, size, language, wording, signal, onProgress: (done, total) => progress({ done, total }) }),
      );
    },
    'showcase:videoWinners': ({ campaignId }) => {
      ctx.campaigns.summary(campaignId);
      return videoWinners(ctx.db, ctx.dataDir, campaignId, allWinners(announcement(ctx.db, campaignId, wording)));
    },
    'showcase:storeFrame': ({ campaignId, entryId, assetId, imageBase64 }) => {
      ctx.campaigns.summary(campaignId);
      const { width, height } = storeFrame(ctx.db, ctx.dataDir, { campaignId, entryId, assetId, bytes: Buffer.from(imageBase64, 'base64') });
      return { width, height };
    },
    'showcase:jobFile': ({ jobId, file }) => {
      // Only a file the job reported writing (either kind): the request cannot name any other path.
      const status = ctx.jobs.status(jobId);
      const files = status.kind === 'showcase.export' || status.kind === 'posters.export' ? (status.result?.files ?? []) : [];
      if (!files.includes(file)) throw new KepuError('NOT_FOUND', `showcase: job ${jobId} wrote no file ${file}`);
      const mimeType = MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
      return { fileName: path.basename(file), mimeType, contentBase64: fs.readFileSync(file).toString('base64'), savedTo: file };
    },
  };
}
