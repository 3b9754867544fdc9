// Certificate scenarios (issue 7): 1,000 bilingual landscape certificates with seal and
// signature images — as one 1,000-page PDF and as 1,000 single-page PDFs — next to LibreOffice
// (`soffice --headless --convert-to pdf`) converting 1,000 small HTML documents with the same
// text, in batches of 100 files per command, in the same run. Aim: ≥ 50 certificates/s and
// ≤ 100 KB per certificate. Issuing (serials, signatures, one transaction) is timed on its own;
// the export runs then re-use the issued certificates, as a re-export does.
// LibreOffice missing: the peer is null and the note says so; the bench never fails for it.
// Issue 18 aim 4: a judge's review:get p99 while the 1,000 are exported as one PDF, by exportList
// on the main thread (before) and by the certificates:export job on a worker thread (after), and
// that job's time start to done next to LibreOffice and the in-process export (main-stall.ts).
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { certificateWording } from '../src-main/app/certificate-handlers';
import { createAppContext } from '../src-main/app/context';
import { createDispatch } from '../src-main/app/dispatch';
import { createHandlers } from '../src-main/app/handlers';
import type { Job } from '../src-main/contract';
import { exportList } from '../src-main/core/certificates/export';
import { issueList } from '../src-main/core/certificates/issue';
import { setImage } from '../src-main/core/certificates/settings';
import { sealPng, signaturePng } from '../tests/unit/certificates/images';
import { syntheticEntries } from '../tests/e2e/seed';
import { type BenchResult, measure, percentile, round, summarize } from './harness';
import { certificateStallBench, jobDone } from './main-stall';

const COUNT = 1000;
const RUNS = 3;
const BATCH = 100;
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '建国静怡志强嘉怡文博振华立新海燕晓明丽娟';

function holderName(i: number): string {
  return `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}${GIVEN[(i * 13 + 5) % GIVEN.length]}`;
}

function dirSize(dir: string): { files: number; bytes: number } {
  const names = fs.readdirSync(dir).filter((f) => f.endsWith('.pdf'));
  return { files: names.length, bytes: names.reduce((s, f) => s + fs.statSync(path.join(dir, f)).size, 0) };
}

function findLibreOffice(): string | null {
  for (const bin of ['soffice', 'libreoffice']) {
    const r = spawnSync('sh', ['-c', `command -v ${bin}`], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return null;
}

function libreOfficeVersion(bin: string): string {
  try {
    return execFileSync(bin, ['--version'], { encoding: 'utf8', timeout: 60_000 }).trim().split('\n')[0];
  } catch {
    return 'unknown version';
  }
}

/** Converts COUNT small HTML documents, BATCH per command; returns ms or null when not installed. */
function libreOfficeRun(work: string): { ms: number; bytes: number; converted: number; version: string } | null {
  const bin = findLibreOffice();
  if (!bin) return null;
  const src = path.join(work, 'lo-src');
  const out = path.join(work, 'lo-out');
  fs.mkdirSync(src, { recursive: true });
  fs.mkdirSync(out, { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < COUNT; i++) {
    const file = path.join(src, `doc-${String(i).padStart(4, '0')}.html`);
    fs.writeFileSync(
      file,
      `<!doctype html><html><head><meta charset="utf-8"><title>荣誉证书</title></head><body style="text-align:center">
<p>成都高新医学会 · 成都商报-红星新闻 · 四川省医学科技创新研究会</p><h1>荣誉证书 Certificate of Honour</h1>
<h2>${holderName(i)}</h2><p>衷心感谢您担任 2023 中国(四川)首届健康科普影响力榜评审专家。特致谢忱！</p>
<p>With sincere thanks for serving as a judge of the 2023 China (Sichuan) Health Science Popularization Influence List.</p>
<p>证书编号 Certificate No.: LOKP-2023-${String(i + 1).padStart(6, '0')}</p><p>2023年12月30日 / 30 December 2023</p></body></html>\n`,
    );
    files.push(file);
  }
  const profile = `file://${path.join(work, 'lo-profile')}`;
  const version = libreOfficeVersion(bin);
  // One warm-up conversion creates the profile, which is not part of the timing.
  spawnSync(bin, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', path.join(work, 'lo-warm'), files[0]], { timeout: 300_000 });
  const start = process.hrtime.bigint();
  for (let i = 0; i < files.length; i += BATCH) {
    spawnSync(bin, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, ...files.slice(i, i + BATCH)], { timeout: 600_000 });
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const size = dirSize(out);
  return { ms, bytes: size.bytes, converted: size.files, version };
}

export async function certificatesBench(): Promise<BenchResult[]> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kepu-bench-certs-'));
  const ctx = createAppContext({ dataDir: path.join(work, 'data'), resourcesDir: path.resolve(import.meta.dirname, '..', 'resources'), shell: 'cli' });
  const template = ctx.templates.get('sichuan-influence-2023');
  const campaign = ctx.campaigns.create(template.id, template.definition);
  const judgeIds = ctx.db.transaction(() => Array.from({ length: COUNT }, (_, i) => ctx.judges.create(campaign.id, holderName(i), `四川省第${(i % 40) + 1}人民医院 健康科普中心`).id))();
  // A judge with entries to open, for the review:get latencies while certificates are exported.
  const entryIds = ctx.entries.insertMany(campaign.id, new Date(template.definition.deadline).toISOString(), syntheticEntries(50));
  ctx.judges.assign(entryIds.map((entryId) => ({ entryId, judgeId: judgeIds[0] })), 'manual');
  setImage(ctx.db, campaign.id, 'seal', sealPng());
  setImage(ctx.db, campaign.id, 'signature', signaturePng());
  const dispatch = createDispatch(createHandlers(ctx));
  const created = await dispatch('identity:create', { name: '大赛组委会', passphrase: 'bench certificate issuer' });
  if (!created.ok) throw new Error(`bench: identity:create failed: ${JSON.stringify(created.error)}`);
  const issuer = { privateKey: ctx.identity.privateKey(), name: '大赛组委会' };
  const wording = certificateWording();
  const results: BenchResult[] = [];

  const issueSamples = await measure(1, () => issueList(ctx.db, campaign.id, 'judges', issuer, wording));
  results.push(summarize('certificates: issue 1,000 (serials, Ed25519 payloads, one IMMEDIATE transaction)', COUNT, 'certificates/s', issueSamples));

  let singleBytes = 0;
  const singleSamples = await measure(RUNS, async (run) => {
    const out = path.join(work, `single-${run}`);
    const report = await exportList(ctx.db, { campaignId: campaign.id, listName: 'judges', outDir: out, mode: 'single', issuer, wording });
    singleBytes = fs.statSync(report.files[0]).size;
  });
  let perHolder = { files: 0, bytes: 0 };
  const perHolderSamples = await measure(RUNS, async (run) => {
    const out = path.join(work, `each-${run}`);
    await exportList(ctx.db, { campaignId: campaign.id, listName: 'judges', outDir: out, mode: 'perHolder', issuer, wording });
    perHolder = dirSize(out);
  });
  // The same PDF by the certificates:export job (start to done, polled as the panel does), run for
  // run after the in-process export: the worker's start (its own connection, fonts, under tsx its
  // sources compiled) counts.
  const exportJob = async (outDir: string) => {
    const started = await dispatch('certificates:export', { campaignId: campaign.id, list: 'judges', outDir, mode: 'single' });
    if (!started.ok) throw new Error(`bench: certificates:export failed: ${JSON.stringify(started.error)}`);
    await jobDone(dispatch, (started.value as Job).jobId);
  };
  const jobSamples = await measure(RUNS, (run) => exportJob(path.join(work, `job-${run}`)));
  const stall = await certificateStallBench(dispatch, { campaignId: campaign.id, judgeId: judgeIds[0], entryIds }, COUNT, {
    inProcess: () => exportList(ctx.db, { campaignId: campaign.id, listName: 'judges', outDir: path.join(work, 'stall-main'), mode: 'single', issuer, wording }),
    job: () => exportJob(path.join(work, 'stall-worker')),
  });
  ctx.close();

  const lo = libreOfficeRun(work);
  const peer = lo ? { tool: `${lo.version} --convert-to pdf (HTML, ${BATCH} files per command)`, medianMs: round(lo.ms), opsPerSec: round((COUNT / lo.ms) * 1000) } : null;
  const loNote = lo ? `LibreOffice: ${lo.converted} PDFs, ${round(lo.bytes / Math.max(1, lo.converted) / 1024)} KB per document (plain text, no images or QR)` : 'LibreOffice not installed: no peer figure';
  results.push(
    summarize('certificates: export 1,000 as one PDF (bilingual, landscape, seal + signature, QR)', COUNT, 'certificates/s', singleSamples, {
      peer,
      note: `${round(singleBytes / 1024)} KB total, ${round(singleBytes / COUNT / 1024)} KB per certificate; ${loNote}`,
    }),
  );
  results.push(
    summarize('certificates: export 1,000 as one PDF per holder (atomic writes)', COUNT, 'certificates/s', perHolderSamples, {
      peer,
      note: `${perHolder.files} files, ${round(perHolder.bytes / Math.max(1, perHolder.files) / 1024)} KB per file; ${loNote}`,
    }),
  );
  const inProcessMs = percentile(singleSamples, 50);
  results.push(
    summarize('certificates: export 1,000 as one PDF, certificates:export job on a worker thread (start to done)', COUNT, 'certificates/s', jobSamples, {
      peer,
      note: `nothing else asked meanwhile; the in-process exportList of the same PDF in this run: ${round(inProcessMs)} ms (median of ${RUNS}), ratio job/in-process ${round(percentile(jobSamples, 50) / inProcessMs)}; the same job while review:get is asked every 20 ms: ${round(stall.jobMs)} ms; ${loNote}`,
    }),
    ...stall.results,
  );
  fs.rmSync(work, { recursive: true, force: true });
  return results;
}
