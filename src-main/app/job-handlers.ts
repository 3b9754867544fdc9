// Any background job's status and cancel, whatever its kind (one JobRegistry: jobs.ts). A group of
// the handler table of its own (handler-table.ts): its answer is the union of every job kind, whose
// schemas a command that starts no job should not have to build.
import type { Handlers } from '../contract';
import type { AppContext } from './context';

export function jobHandlers(ctx: AppContext): Pick<Handlers, 'job:status' | 'job:cancel'> {
  return {
    'job:status': ({ jobId }) => ctx.jobs.status(jobId),
    'job:cancel': ({ jobId }) => ctx.jobs.cancel(jobId),
  };
}
