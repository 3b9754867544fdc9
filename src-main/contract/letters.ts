// Result letters (issue 19): one PDF per entrant of a programme list, with the outcome from the
// published (locked) ranking and only the feedback the coordinator shared, plus a mail-merge file
// (CSV and XLSX) and one .eml draft per entrant with the letter attached, for sending offline.
import { z } from 'zod';
import type { ChannelMap } from './channel-def';
import { ExportFile } from './compliance';
import { jobStatus } from './job-status';

const Id = z.string().min(1).max(100);

export const letterLanguages = ['zh-CN', 'en', 'both'] as const;
export const LetterLanguage = z.enum(letterLanguages);
export type LetterLanguage = z.infer<typeof LetterLanguage>;

export const LetterExportReport = z.object({
  listKey: z.string(),
  letters: z.number().int(),
  /** Every file written: letters (PDF), drafts (.eml), then the mail-merge CSV and XLSX. */
  files: z.array(z.string()),
  outDir: z.string(),
  /** Entrants without an e-mail address: their draft has no recipient (the merge row an empty one). */
  withoutEmail: z.number().int(),
  cancelled: z.boolean(),
});
export type LetterExportReport = z.infer<typeof LetterExportReport>;

/** Exporting a list's result letters (`letters:export`, followed with `job:status`, stopped with `job:cancel`). */
export const LetterJob = jobStatus('letters.export', z.object({ done: z.number().int(), total: z.number().int() }), LetterExportReport);
export type LetterJob = z.infer<typeof LetterJob>;

export const letterChannels = {
  'letters:export': {
    request: z
      .object({
        campaignId: Id,
        /** The programme list (definition lists[].key) whose entrants get letters. */
        list: Id,
        outDir: z.string().min(1).max(4096).optional(),
        /** 'zh-CN' / 'en': that language for every letter; absent: the entrant's own language when the registration says, else both. */
        language: LetterLanguage.optional(),
        /** Print the entry's score band (top 10 % / 25 % / 50 % of its category). */
        scoreBand: z.boolean().default(false),
      })
      .strict(),
    response: LetterJob,
  },
  /** One file a finished letters export wrote (a letter to open, a draft, the merge table). */
  'letters:jobFile': { request: z.object({ jobId: Id, file: z.string().min(1).max(4096) }).strict(), response: ExportFile },
} as const satisfies ChannelMap;
