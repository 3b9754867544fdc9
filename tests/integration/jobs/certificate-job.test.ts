// Certificate exports as jobs on a worker thread (certificates:export, issue 18 aim 4): the PDFs
// the worker writes say what the in-process exportList writes (pdftotext of both), whichever path
// issued the certificates; the main connection reads the rows the worker committed at once
// (register, list counts, verification); a job cancelled after its first progress ends "cancelled"
// with no file (not even a temporary one) and no row; a failure in the worker comes back as the
// typed error the in-process export throws, which both locales translate; and temporary PDFs left by
// an export that never finished are swept when the next export into that folder starts.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CertificateJob, CertificateList, CertificateRow, VerifyResult } from '../../../src-main/contract';
import { createNodeI18n } from '../../../src-main/app/translate';
import { exportList } from '../../../src-main/core/certificates/export';
import { KepuError } from '../../../src-main/core/errors';
import { ok, tempDir } from '../../helpers';
import { type RankedApp, rankedApp } from '../certificates/fixture';

async function finished(app: RankedApp, jobId: string, onRunning?: (job: CertificateJob) => Promise<void> | void): Promise<CertificateJob> {
  for (;;) {
    const job = await ok<CertificateJob>(app.dispatch('job:status', { jobId }));
    if (job.state !== 'running') return job;
    await onRunning?.(job);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function viaWorker(app: RankedApp, request: Record<string, unknown>): Promise<CertificateJob> {
  const started = await ok<CertificateJob>(app.dispatch('certificates:export', request));
  expect(started).toMatchObject({ kind: 'certificates.export', state: 'running' });
  return finished(app, started.jobId);
}

const text = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
const pdfs = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.pdf')).sort();
const counts = (app: RankedApp) =>
  Object.fromEntries(['certificates', 'certificate_sequences', 'certificate_issuers', 'audit_log'].map((t) => [t, app.ctx.db.prepare(`SELECT count(*) FROM ${t}`).pluck().get()]));

describe('certificate exports on a worker thread', () => {
  let app: RankedApp;
  beforeAll(async () => {
    app = await rankedApp();
  }, 120_000);
  afterAll(() => app.ctx.close());

  it('writes the PDFs the in-process export writes, and the main connection sees the rows it committed', async () => {
    // The worker issues the award list; the in-process export then writes the same certificates.
    const there = tempDir('kepu-certs-worker-');
    const job = await viaWorker(app, { campaignId: app.works, list: 'influence', outDir: there, mode: 'both' });
    expect(job).toMatchObject({ state: 'done', error: null, result: { cancelled: false, outDir: there } });
    const report = job.result!;
    expect(report.newlyIssued).toBe(report.certificates);
    expect(report.certificates).toBeGreaterThan(1);
    expect(job.progress).toEqual({ done: 2 * report.certificates, total: 2 * report.certificates });
    const here = tempDir('kepu-certs-main-');
    const inProcess = await exportList(app.ctx.db, { campaignId: app.works, listName: 'influence', outDir: here, mode: 'both', issuer: app.issuer, wording: app.wording });
    expect(inProcess.newlyIssued).toBe(0);
    expect(pdfs(there)).toEqual(pdfs(here));
    expect(pdfs(there)).toHaveLength(report.certificates + 1);
    for (const name of pdfs(there)) expect(text(path.join(there, name))).toEqual(text(path.join(here, name)));
    expect(fs.readdirSync(there)).toEqual(pdfs(there)); // nothing temporary left

    // The rows the worker committed, read through the main process's connection.
    const register = await ok<{ total: number; rows: CertificateRow[] }>(app.dispatch('certificates:issued', { campaignId: app.works, list: 'influence' }));
    expect(register.total).toBe(report.certificates);
    const batchFile = report.files.find((f) => path.basename(f).startsWith('certificates-'))!;
    for (const row of register.rows) expect(text(batchFile)).toContain(row.serial);
    const lists = await ok<CertificateList[]>(app.dispatch('certificates:lists', { campaignId: app.works }));
    expect(lists.find((l) => l.name === 'influence')?.issued).toBe(report.certificates);
    const batch = fs.readFileSync(batchFile);
    const verified = await ok<VerifyResult>(app.dispatch('certificates:verify', { file: { fileName: 'batch.pdf', contentBase64: batch.toString('base64') } }));
    expect(verified.status).toBe('valid');
    // The job's files can be fetched for printing, as before.
    expect(await ok(app.dispatch('certificates:jobFile', { jobId: job.jobId, file: report.files[0] }))).toMatchObject({ mimeType: 'application/pdf' });

    // The other way round: issued in process (portrait, Chinese only), written again by the worker.
    const hereCommittee = tempDir('kepu-certs-main-');
    const issuedHere = await exportList(app.ctx.db, {
      campaignId: app.committee,
      listName: 'committee',
      outDir: hereCommittee,
      mode: 'single',
      template: { orientation: 'portrait', language: 'zh-CN' },
      issuer: app.issuer,
      wording: app.wording,
    });
    expect(issuedHere.newlyIssued).toBeGreaterThan(0);
    const thereCommittee = tempDir('kepu-certs-worker-');
    const again = await viaWorker(app, { campaignId: app.committee, list: 'committee', outDir: thereCommittee, mode: 'single', template: { orientation: 'portrait', language: 'zh-CN' } });
    expect(again).toMatchObject({ state: 'done', result: { newlyIssued: 0, certificates: issuedHere.certificates } });
    expect(pdfs(thereCommittee)).toEqual(pdfs(hereCommittee));
    expect(text(path.join(thereCommittee, pdfs(thereCommittee)[0]))).toEqual(text(issuedHere.files[0]));
    expect(text(issuedHere.files[0])).toContain('委员证书');
  }, 180_000);

  it('cancelled after its first progress, leaves no file and no row', async () => {
    const out = tempDir('kepu-certs-cancel-');
    const before = counts(app);
    const started = await ok<CertificateJob>(app.dispatch('certificates:export', { campaignId: app.works, list: 'honourable', outDir: out, mode: 'perHolder' }));
    let cancelledAt: { done: number; total: number } | null = null;
    const job = await finished(app, started.jobId, async (running) => {
      if (running.progress && !cancelledAt) {
        cancelledAt = running.progress;
        await ok(app.dispatch('job:cancel', { jobId: started.jobId }));
      }
    });
    expect(cancelledAt).not.toBeNull();
    expect(cancelledAt!.done).toBeLessThan(cancelledAt!.total);
    expect(job).toMatchObject({ state: 'cancelled', error: null, result: { cancelled: true, files: [], newlyIssued: 0 } });
    expect(fs.readdirSync(out)).toEqual([]);
    expect(counts(app)).toEqual(before);
    expect((await ok<{ total: number }>(app.dispatch('certificates:issued', { campaignId: app.works, list: 'honourable' }))).total).toBe(0);
  }, 120_000);

  it('answers a failure in the worker with the in-process error, translated in both languages', async () => {
    const blocker = path.join(tempDir('kepu-certs-blocked-'), 'a-file');
    fs.writeFileSync(blocker, 'not a folder');
    const outDir = path.join(blocker, 'certificates');
    const before = counts(app);
    const job = await viaWorker(app, { campaignId: app.works, list: 'honourable', outDir, mode: 'single' });
    expect(job).toMatchObject({ state: 'failed', result: null, error: { code: 'CERTIFICATE_OUTPUT_UNWRITABLE', params: { dir: outDir } } });
    const inProcess = await exportList(app.ctx.db, { campaignId: app.works, listName: 'honourable', outDir, mode: 'single', issuer: app.issuer, wording: app.wording }).catch((error: unknown) => error);
    expect(inProcess).toBeInstanceOf(KepuError);
    expect({ code: (inProcess as KepuError).code, params: (inProcess as KepuError).params }).toEqual({ code: job.error!.code, params: job.error!.params });
    expect(counts(app)).toEqual(before);
    for (const language of ['en', 'zh-CN'] as const) {
      const said = createNodeI18n(language).t(`errors.${job.error!.code}`, { ...job.error!.params });
      expect(said).toContain(outDir);
      expect(said).not.toContain('CERTIFICATE_OUTPUT_UNWRITABLE');
    }
  }, 120_000);

  it('does not sweep the temporary PDFs of an export still writing into the same folder', async () => {
    const out = tempDir('kepu-certs-shared-');
    // The judges' letters issued first, so the second export below re-uses them (no serial to
    // plan, nothing that could make the first export plan and draw again).
    expect(await viaWorker(app, { campaignId: app.works, list: 'judges', outDir: tempDir('kepu-certs-'), mode: 'single' })).toMatchObject({ state: 'done' });
    const first = await ok<CertificateJob>(app.dispatch('certificates:export', { campaignId: app.works, list: 'honourable', outDir: out, mode: 'both' }));
    // A temporary PDF as the first export names its own: the second export, started while the
    // first is running, must leave it (whether the first already wrote it or not is a race; this
    // one is there for certain).
    const inFlight = '.SCKP-2021-000099-王建国.pdf.0123456789ab.tmp';
    let second: CertificateJob | null = null;
    const done = await finished(app, first.jobId, async (running) => {
      if (running.progress && !second) {
        fs.writeFileSync(path.join(out, inFlight), 'x');
        second = await ok<CertificateJob>(app.dispatch('certificates:export', { campaignId: app.works, list: 'judges', outDir: out, mode: 'single' }));
      }
    });
    expect(second).not.toBeNull();
    expect(done).toMatchObject({ state: 'done', error: null });
    expect(await finished(app, second!.jobId)).toMatchObject({ state: 'done', result: { newlyIssued: 0 } });
    expect(fs.readdirSync(out).filter((f) => !f.endsWith('.pdf'))).toEqual([inFlight]);
    expect(fs.readdirSync(out).filter((f) => f.endsWith('.pdf'))).toHaveLength(done.result!.certificates + 2);
  }, 120_000);

  it('sweeps the temporary PDFs an unfinished export left in the folder, and nothing else', async () => {
    const out = tempDir('kepu-certs-sweep-');
    // What a worker terminated mid-export leaves: hidden temporary siblings of its PDFs.
    const leftovers = ['.SCKP-2021-000007-王建国.pdf.0123456789ab.tmp', '.certificates-judges-20240105.pdf.abcdef012345.tmp'];
    const kept = ['.notes.txt.0123456789ab.tmp', '.x.pdf.tmp', 'mine.pdf', 'readme.txt'];
    for (const name of [...leftovers, ...kept]) fs.writeFileSync(path.join(out, name), 'x');
    fs.mkdirSync(path.join(out, '.folder.pdf.0123456789ab.tmp'));
    const job = await viaWorker(app, { campaignId: app.works, list: 'judges', outDir: out, mode: 'single' });
    expect(job).toMatchObject({ state: 'done', result: { cancelled: false } });
    const left = fs.readdirSync(out).sort();
    for (const name of leftovers) expect(left).not.toContain(name);
    expect(left).toEqual([...kept, '.folder.pdf.0123456789ab.tmp', path.basename(job.result!.files[0])].sort());
  }, 120_000);
});
