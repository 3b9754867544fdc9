// Jobs on worker threads (issue 18 aim 4): the ranking exports run by `ranking:exportJob` on a
// worker (its own read-only connection, job-worker.ts through tsx here) give the same files as the
// in-process `ranking:export` (and the score matrix and sheets by `scores:exportJob` as
// `scores:export` and `scores:sheet`): CSV byte for byte, XLSX cell for cell read back with exceljs, the
// PDF's text through pdftotext. A job cancelled mid-way (after its first progress) ends
// "cancelled" and leaves nothing in exports/, not even a temporary file; an error in the worker
// arrives as the typed error body (code and parameters), as from any job.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignSummary, ExportFile, Job, RankingExportJob, ScoresExportJob } from '../../../src-main/contract';
import { runInWorker } from '../../../src-main/app/worker-runner';
import { exportNames, ok, openTestApp, syntheticCampaign } from '../../helpers';

type App = ReturnType<typeof openTestApp>;

async function finished(app: App, jobId: string, onRunning?: (job: Job) => Promise<void> | void): Promise<Job> {
  for (;;) {
    const job = await ok<Job>(app.dispatch('job:status', { jobId }));
    if (job.state !== 'running') return job;
    await onRunning?.(job);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function viaWorker(app: App, campaignId: string, format: 'csv' | 'xlsx' | 'pdf'): Promise<ExportFile> {
  const started = await ok<RankingExportJob>(app.dispatch('ranking:exportJob', { campaignId, format }));
  const job = await finished(app, started.jobId);
  expect(job).toMatchObject({ kind: 'ranking.export', state: 'done', error: null });
  return (job as RankingExportJob).result!.file!;
}

async function sheets(file: ExportFile) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(fs.readFileSync(file.savedTo) as unknown as ArrayBuffer);
  return book.worksheets.map((sheet) => ({ name: sheet.name, rows: sheet.getSheetValues().map((row) => (Array.isArray(row) ? row.map((v) => (v === null ? undefined : v)) : row)) }));
}

/** The report's text without the one line that differs between two runs: when it was computed. */
const pdfText = (file: ExportFile) => execFileSync('pdftotext', ['-layout', file.savedTo, '-'], { encoding: 'utf8' }).replace(/\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?/g, '<time>');

describe('ranking exports on a worker thread', () => {
  let app: App;
  let works: CampaignSummary;
  let committee: CampaignSummary;
  beforeAll(async () => {
    app = openTestApp();
    works = await ok<CampaignSummary>(app.dispatch('demo:load', {}));
    const read = (dir: string) => fs.readdirSync(path.join(app.dataDir, dir)).map((f) => ({ fileName: f, contentBase64: fs.readFileSync(path.join(app.dataDir, dir, f)).toString('base64') }));
    await ok(app.dispatch('bundle:merge', { campaignId: works.id, files: read('sample-bundles') }));
    committee = (await ok<CampaignSummary[]>(app.dispatch('campaign:list', {}))).find((c) => c.id !== works.id)!;
    await ok(app.dispatch('bundle:merge', { campaignId: committee.id, files: read('sample-bundles-committee') }));
  }, 120_000);
  afterAll(() => app.ctx.close());

  it('writes the same CSV, XLSX and PDF as the in-process export', async () => {
    const csv = await viaWorker(app, works.id, 'csv');
    const csvHere = await ok<ExportFile>(app.dispatch('ranking:export', { campaignId: works.id, format: 'csv' }));
    expect(Buffer.from(csv.contentBase64, 'base64').equals(Buffer.from(csvHere.contentBase64, 'base64'))).toBe(true);
    expect(fs.readFileSync(csv.savedTo).equals(Buffer.from(csv.contentBase64, 'base64'))).toBe(true);

    for (const campaign of [works, committee]) {
      const xlsx = await viaWorker(app, campaign.id, 'xlsx');
      const xlsxHere = await ok<ExportFile>(app.dispatch('ranking:export', { campaignId: campaign.id, format: 'xlsx' }));
      const [there, here] = [await sheets(xlsx), await sheets(xlsxHere)];
      expect(there.length).toBeGreaterThan(2);
      expect(there).toEqual(here);
      expect(there.flatMap((s) => s.rows).length).toBeGreaterThan(20);

      const pdf = await viaWorker(app, campaign.id, 'pdf');
      const pdfHere = await ok<ExportFile>(app.dispatch('ranking:export', { campaignId: campaign.id, format: 'pdf' }));
      expect(pdfText(pdf)).toEqual(pdfText(pdfHere));
      expect(pdfText(pdf)).toContain('Ranking report');
    }
  }, 120_000);

  it('writes the same score matrix and score sheets as scores:export and scores:sheet', async () => {
    const job = async (request: Record<string, unknown>) => {
      const started = await ok<ScoresExportJob>(app.dispatch('scores:exportJob', { campaignId: works.id, ...request }));
      const done = await finished(app, started.jobId);
      expect(done).toMatchObject({ kind: 'scores.export', state: 'done', error: null });
      return (done as ScoresExportJob).result!.file!;
    };
    const csv = await job({ format: 'csv' });
    const csvHere = await ok<ExportFile>(app.dispatch('scores:export', { campaignId: works.id, format: 'csv' }));
    expect(fs.readFileSync(csv.savedTo).equals(fs.readFileSync(csvHere.savedTo))).toBe(true);
    const xlsx = await job({ format: 'xlsx' });
    const xlsxHere = await ok<ExportFile>(app.dispatch('scores:export', { campaignId: works.id, format: 'xlsx' }));
    expect(await sheets(xlsx)).toEqual(await sheets(xlsxHere));
    const pdf = await job({ format: 'pdf', language: 'both' });
    const pdfHere = await ok<ExportFile>(app.dispatch('scores:sheet', { campaignId: works.id, language: 'both' }));
    expect(pdfText(pdf)).toEqual(pdfText(pdfHere));
    expect(pdfText(pdf).length).toBeGreaterThan(200);
  }, 120_000);

  it('leaves nothing in exports/ when a job is cancelled mid-way', async () => {
    // A campaign large enough that the XLSX reports progress (every 2,000 rows) before it ends.
    const big = syntheticCampaign(app.ctx, 30_000);
    const before = new Set(exportNames(app.dataDir));
    const started = await ok<RankingExportJob>(app.dispatch('ranking:exportJob', { campaignId: big.id, format: 'xlsx' }));
    let cancelledAt: { done: number; total: number } | null = null;
    const job = await finished(app, started.jobId, async (running) => {
      const progress = (running as RankingExportJob).progress;
      if (progress && !cancelledAt) {
        cancelledAt = progress;
        await ok(app.dispatch('job:cancel', { jobId: started.jobId }));
      }
    });
    expect(cancelledAt).not.toBeNull();
    expect(cancelledAt!.done).toBeLessThan(cancelledAt!.total);
    expect(job).toMatchObject({ state: 'cancelled', result: { cancelled: true, file: null }, error: null });
    expect(exportNames(app.dataDir).filter((name) => !before.has(name))).toEqual([]);
  }, 120_000);

  it('reports an error in the worker as a typed error body', async () => {
    const job = (name: string, args: unknown) =>
      app.ctx.jobs.start('ranking.export', (control) => runInWorker(app.ctx, { module: 'ranking-export', export: name, args }, control, { cancelled: true, file: null }));
    // A KepuError thrown in the worker: its code and parameters, as the in-process handler says them.
    const missing = await finished(app, job('exportRankingJob', { campaignId: 'no-such-campaign', format: 'csv' }).jobId);
    const here = await app.dispatch('ranking:export', { campaignId: 'no-such-campaign', format: 'csv' });
    expect(here.ok).toBe(false);
    expect(missing).toMatchObject({ state: 'failed', result: null, error: (here as { error: unknown }).error });
    expect(missing.error?.code).toBe('CAMPAIGN_NOT_FOUND');
    // Anything else: INTERNAL, with a message that names the job, never a stack.
    const unknown = await finished(app, job('noSuchExport', {}).jobId);
    expect(unknown).toMatchObject({ state: 'failed', error: { code: 'INTERNAL' } });
    expect(unknown.error?.message).toContain('noSuchExport');
  }, 60_000);
});
