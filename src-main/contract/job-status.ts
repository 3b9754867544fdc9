// The status every background job reports, whatever it does: one shape (id, kind, state,
// progress, result, typed error) so `job:status` and `job:cancel` serve every kind and the
// renderer follows all of them with one hook. Each kind declares its progress and result here
// through `jobStatus`; the union of kinds lives in jobs.ts.
import { z } from 'zod';
import { errorCodes } from './errors';

export const JobState = z.enum(['running', 'done', 'cancelled', 'failed']);
export type JobState = z.infer<typeof JobState>;

/** A failed job's error: a code from errors.ts (translated as `errors.<CODE>`), never a bare message. */
export const JobError = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type JobError = z.infer<typeof JobError>;

export function jobStatus<K extends string, P extends z.ZodType, R extends z.ZodType>(kind: K, progress: P, result: R) {
  return z.object({
    jobId: z.string(),
    kind: z.literal(kind),
    state: JobState,
    progress: progress.nullable(),
    result: result.nullable(),
    error: JobError.nullable(),
  });
}
