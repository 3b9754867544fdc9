// Every kind of background job, as one union keyed by `kind`: what `job:status` and `job:cancel`
// answer. A new kind is declared with `jobStatus` next to its feature and added here.
import { z } from 'zod';
import type { ChannelMap } from './channel-def';
import { CertificateJob } from './certificates';
import { MediaLinkJob } from './compliance';
import { LetterJob } from './letters';
import { BackupCreateJob, BackupRestoreJob } from './backup';
import { PosterJob, ShowcaseJob } from './showcase';
import { RankingExportJob } from './ranking';
import { ScoresExportJob } from './scores';
import { MergeJob } from './exchange';

export const Job = z.discriminatedUnion('kind', [MediaLinkJob, CertificateJob, LetterJob, ShowcaseJob, PosterJob, BackupCreateJob, BackupRestoreJob, RankingExportJob, ScoresExportJob, MergeJob]);
export type Job = z.infer<typeof Job>;
export type JobKind = Job['kind'];
export type JobOf<K extends JobKind> = Extract<Job, { kind: K }>;

const Id = z.string().min(1).max(100);

/** Any job's status and cancel (handler group `jobs`): the union above is their answer. */
export const jobChannels = {
  /** Any background job's status, whatever its kind (media linking, certificate export). */
  'job:status': { request: z.object({ jobId: Id }).strict(), response: Job },
  /** Asks a running job of any kind to stop; it reports `cancelled` once it has. */
  'job:cancel': { request: z.object({ jobId: Id }).strict(), response: Job },
} as const satisfies ChannelMap;
