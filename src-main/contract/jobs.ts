// Every kind of background job, as one union keyed by `kind`: what `job:status` and `job:cancel`
// answer. A new kind is declared with `jobStatus` next to its feature and added here.
import { z } from 'zod';
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
