// Result letters (issue 19): the export as a background job (kind `letters.export`, followed and
// cancelled with job:status / job:cancel like every job). The work is core/letters; this file
// supplies the wording (the locale files, both languages, as certificates do) and the folder.
import fs from 'node:fs';
import path from 'node:path';
import type { Handlers } from '../contract';
import { letterFactsOfList } from '../core/letters/letter-facts';
import { KepuError } from '../core/errors';
import { exportLetters } from '../core/letters/letter-export';
import { certificateWording } from './certificate-handlers';
import type { AppContext } from './context';

export function letterHandlers(ctx: AppContext): Pick<Handlers, 'letters:export' | 'letters:jobFile'> {
  const wording = certificateWording();
  return {
    'letters:export': ({ campaignId, list, outDir, language, scoreBand }) => {
      ctx.campaigns.summary(campaignId);
      letterFactsOfList(ctx.db, campaignId, list, { scoreBand: false }); // unknown list or nothing published: fail now, not in the job
      const dir = outDir ? path.resolve(outDir) : path.join(ctx.dataDir, 'exports', 'letters', campaignId, list);
      return ctx.jobs.start('letters.export', ({ signal, progress }) =>
        exportLetters(ctx.db, { campaignId, listKey: list, outDir: dir, language, scoreBand, wording, signal, onProgress: (done, total) => progress({ done, total }) }),
      );
    },
    'letters:jobFile': ({ jobId, file }) => {
      // Only a file the job reported writing: the request cannot name any other path.
      const result = ctx.jobs.statusOf('letters.export', jobId).result;
      if (!result || !result.files.includes(file)) throw new KepuError('NOT_FOUND', `letters: job ${jobId} wrote no file ${file}`);
      const mimeType = file.endsWith('.pdf') ? 'application/pdf' : file.endsWith('.eml') ? 'message/rfc822' : file.endsWith('.csv') ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      return { fileName: path.basename(file), mimeType, contentBase64: fs.readFileSync(file).toString('base64'), savedTo: file };
    },
  };
}
