// The merge as a job on a worker thread (bundle:mergeJob; issue 18 aim 4): the same
// mergeBundleFiles and mergeReport as bundle:merge, on the worker's own writable connection (WAL:
// the main process keeps reading and answering meanwhile; busy_timeout: it waits for a writer of
// the main connection rather than failing). The bundle checks run on this worker's
// thread before the one write transaction. A cancel seen before or during the transaction rolls it back:
// nothing is written, the job ends "cancelled". The main connection sees the merged rows at its
// next read (and the ranking cache, keyed by data_version, recomputes).
import type { MergeJob } from '../contract';
import { exchangeBundleReader, mergeBundleFiles, MergeCancelled } from '../core/merge/merge-bundles';
import { mergeReport } from '../core/merge/merge-report';
import { JobCancelled, type WorkerContext, type WorkerControl } from './worker-tasks';

export interface MergeJobArgs {
  campaignId: string;
  files: { fileName: string; contentBase64: string }[];
}

export async function mergeBundlesJob(ctx: WorkerContext, args: MergeJobArgs, control: WorkerControl): Promise<NonNullable<MergeJob['result']>> {
  const files = args.files.map((f) => ({ fileName: f.fileName, bytes: Buffer.from(f.contentBase64, 'base64') }));
  try {
    const outcomes = await mergeBundleFiles({ db: ctx.db, campaigns: ctx.campaigns, reader: exchangeBundleReader() }, args.campaignId, files, {
      cancelled: () => control.cancelled(),
      progress: (progress) => control.progress(progress),
    });
    control.progress({ stage: 'report', done: 0, total: 1 });
    return { cancelled: false, report: mergeReport(ctx, args.campaignId, outcomes) };
  } catch (error) {
    if (error instanceof MergeCancelled) throw new JobCancelled();
    throw error;
  }
}
