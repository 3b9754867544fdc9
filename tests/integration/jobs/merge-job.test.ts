// The merge as a job on a worker thread (bundle:mergeJob, issue 18 aim 4): its own writable
// connection writes the same rows as the in-process bundle:merge; the main process's connection sees
// them at once after (the ranking, cached by data_version, moves); a job cancelled before it writes
// ends "cancelled" and leaves every table the merge touches as it was; and a merge cancelled between
// bundles inside its transaction rolls everything back.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CampaignSummary, Job, MergeJob, MergeReport } from '../../../src-main/contract';
import { exchangeBundleReader, MergeCancelled, mergeBundleFiles } from '../../../src-main/core/merge/merge-bundles';
import { ok, openTestApp } from '../../helpers';

type App = ReturnType<typeof openTestApp>;
const TABLES = ['scores', 'reviews', 'eligibility_answers', 'comments', 'conflicts', 'bundles', 'audit_log'] as const;

async function finished(app: App, jobId: string): Promise<Job> {
  for (;;) {
    const job = await ok<Job>(app.dispatch('job:status', { jobId }));
    if (job.state !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function sample() {
  const app = openTestApp();
  const works = await ok<CampaignSummary>(app.dispatch('demo:load', {}));
  const dir = path.join(app.dataDir, 'sample-bundles');
  const files = fs.readdirSync(dir).sort().map((f) => ({ fileName: f, contentBase64: fs.readFileSync(path.join(dir, f)).toString('base64') }));
  return { app, works, files };
}

/** The merged rows without clock times and random ids (two demo campaigns: judges by name). */
function rows(app: App) {
  const db = app.ctx.db;
  return {
    scores: db.prepare('SELECT s.entry_id, j.name, s.round_no, s.dimension_key, s.value, s.revision FROM scores s JOIN judges j ON j.id = s.judge_id ORDER BY 1, 2, 3, 4').all(),
    reviews: db.prepare('SELECT r.entry_id, j.name, r.round_no, r.status, r.revision FROM reviews r JOIN judges j ON j.id = r.judge_id ORDER BY 1, 2, 3').all(),
    bundles: db.prepare('SELECT j.name, b.revision, b.status FROM bundles b JOIN judges j ON j.id = b.judge_id ORDER BY 1, 2').all(),
  };
}

const counts = (app: App) => Object.fromEntries(TABLES.map((t) => [t, app.ctx.db.prepare(`SELECT count(*) FROM ${t}`).pluck().get()]));

describe('the merge as a job on a worker thread', () => {
  it('writes what bundle:merge writes, and the main connection sees it after', async () => {
    const here = await sample();
    const there = await sample();
    try {
      const reportHere = await ok<MergeReport>(here.app.dispatch('bundle:merge', { campaignId: here.works.id, files: here.files }));
      const summaryBefore = await ok<{ entries?: unknown }>(there.app.dispatch('ranking:summary', { campaignId: there.works.id }));
      const started = await ok<MergeJob>(there.app.dispatch('bundle:mergeJob', { campaignId: there.works.id, files: there.files }));
      const job = (await finished(there.app, started.jobId)) as MergeJob;
      expect(job).toMatchObject({ kind: 'bundle.merge', state: 'done', error: null, result: { cancelled: false } });
      expect(job.result!.report!.files.map((f) => f.status)).toEqual(reportHere.files.map((f) => f.status));
      expect(job.result!.report!.files.every((f) => f.status === 'accepted')).toBe(true);
      expect(job.result!.report!.coverage).toEqual(reportHere.coverage);
      // Who has sent nothing yet is read after the commit, on the worker's connection: none here.
      expect(reportHere.missingJudges).toEqual([]);
      expect(job.result!.report!.missingJudges.map((j) => j.name)).toEqual(reportHere.missingJudges.map((j) => j.name));
      expect(job.result!.report!.disagreements.map((d) => d.regNo)).toEqual(reportHere.disagreements.map((d) => d.regNo));
      // The same rows, read through the main process's own connection.
      const merged = rows(there.app);
      expect(merged.scores.length).toBeGreaterThan(20);
      expect(merged).toEqual(rows(here.app));
      // The ranking cached before the merge is computed again from the merged scores.
      const summaryAfter = await ok(there.app.dispatch('ranking:summary', { campaignId: there.works.id }));
      expect(summaryAfter).not.toEqual(summaryBefore);
    } finally {
      here.app.ctx.close();
      there.app.ctx.close();
    }
  }, 180_000);

  it('cancelled, it writes nothing', async () => {
    const { app, works, files } = await sample();
    try {
      const before = counts(app);
      const started = await ok<MergeJob>(app.dispatch('bundle:mergeJob', { campaignId: works.id, files }));
      await ok(app.dispatch('job:cancel', { jobId: started.jobId }));
      const job = (await finished(app, started.jobId)) as MergeJob;
      expect(job).toMatchObject({ state: 'cancelled', result: { cancelled: true, report: null } });
      expect(counts(app)).toEqual(before);

      // Cancelled inside the write transaction, after two bundles were applied: rolled back.
      let progressed = 0;
      await expect(
        mergeBundleFiles({ ...app.ctx, reader: exchangeBundleReader() }, works.id, files.map((f) => ({ fileName: f.fileName, bytes: Buffer.from(f.contentBase64, 'base64') })), {
          progress: (p) => {
            if (p.stage === 'writing') progressed = p.done;
          },
          cancelled: () => progressed >= 2,
        }),
      ).rejects.toBeInstanceOf(MergeCancelled);
      expect(progressed).toBe(2);
      expect(counts(app)).toEqual(before);
    } finally {
      app.ctx.close();
    }
  }, 180_000);
});
