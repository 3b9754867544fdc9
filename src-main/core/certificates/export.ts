// Batch export of a list: issue (or re-use) every holder's certificate, then write one
// multi-page PDF for printing and/or one PDF per holder named "<serial>-<name>.pdf". All or
// nothing (exportList): every file is drawn to a hidden temporary name in the target folder and
// fsynced; only when all are complete are the new certificates committed and the files renamed
// into place, so a cancel, crash or full disk (DISK_FULL) leaves neither a PDF under a real name
// nor an issued-certificate row; a cancelled export reports cancelled: true and no files. A
// temporary file left by an export that never finished is swept by the next export into that folder.
import type { Database } from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { CertificateDrawing, CertificateExportReport, ImageRole } from '../../contract/certificates';
import { KepuError } from '../errors';
import { asDiskFull, isDiskFull } from '../files/disk-full';
import { renameIntoPlace, syncFolder, writeTempSibling } from '../files/atomic-write';
import { makePrivateDir } from '../files/private-files';
import { bodyText, certificateContent, type Wording } from './content';
import { commitIssue, getCertificate, type IssuedCertificate, type IssuePlan, type Issuer, planIssue } from './issue';
import { layoutCertificate, type TemplateOptions } from './layout';
import { campaignFacts, certificateList, type ListInfo } from './lists';
import { localDate, signPayload, validUntilDate } from './payload';
import { type PdfPage, RenderCancelled, renderPdf } from './pdf-writer';
import { getSettings, type LoadedImage, loadImages } from './settings';

export type ExportMode = 'single' | 'perHolder' | 'both';

export interface ExportOptions {
  campaignId: string;
  listName: string;
  outDir: string;
  mode: ExportMode;
  template?: Partial<TemplateOptions>;
  issuer: Issuer;
  wording: Wording;
  signal?: AbortSignal;
  /** The job's cancel on a worker thread (a shared flag, not a signal): true once cancelled. */
  cancelled?: () => boolean;
  onProgress?: (done: number, total: number) => void;
  now?: Date;
  /** Remove an unfinished export's leftovers from outDir first (sweepLeftovers); false while another export writes there. */
  sweep?: boolean;
}

/** A file name that every desktop OS accepts, keeping Chinese: no separators, reserved or control characters. */
export function safeFileName(name: string, maxChars = 80): string {
  const cleaned = name
    .normalize('NFC')
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_')
    .replace(/\s+/g, '_')
    .replace(/_{2,}/g, '_')
    .replace(/^[._]+|[._ ]+$/g, '');
  const chars = [...cleaned];
  return (chars.length > maxChars ? chars.slice(0, maxChars).join('') : cleaned) || 'certificate';
}

/** Everything a drawing needs besides the certificate, loaded once per export. */
export interface DrawingContext {
  db: Database;
  campaignId: string;
  type: ListInfo['type'];
  template: TemplateOptions;
  images: Partial<Record<ImageRole, LoadedImage>>;
  wording: Wording;
  /** Read and parsed once per export, not once per certificate (a zod parse of the whole definition each). */
  facts: ReturnType<typeof campaignFacts>;
  settings: ReturnType<typeof getSettings>;
}

export function drawingContext(db: Database, campaignId: string, type: ListInfo['type'], wording: Wording, template: Partial<TemplateOptions> = {}): DrawingContext {
  const settings = getSettings(db, campaignId);
  return {
    db,
    campaignId,
    type,
    template: { orientation: template.orientation ?? settings.orientation, language: template.language ?? settings.language },
    images: loadImages(db, campaignId),
    wording,
    facts: campaignFacts(db, campaignId),
    settings,
  };
}

export function drawCertificate(ctx: DrawingContext, c: Pick<IssuedCertificate, 'serial' | 'payload' | 'issueDate' | 'validUntil' | 'holderName' | 'holderUnit' | 'body'>): CertificateDrawing {
  const size = (role: ImageRole) => (ctx.images[role] ? { width: ctx.images[role].width, height: ctx.images[role].height } : null);
  const content = certificateContent(
    ctx.wording,
    ctx.facts,
    ctx.settings,
    ctx.type,
    { serial: c.serial, code: c.payload, issueDate: c.issueDate, validUntil: c.validUntil, holderName: c.holderName, holderUnit: c.holderUnit, body: c.body },
    { seal: size('seal'), signature: size('signature') },
  );
  return layoutCertificate(content, ctx.template);
}

export function imageBytes(ctx: DrawingContext): Partial<Record<ImageRole, Buffer>> {
  return Object.fromEntries(Object.entries(ctx.images).map(([role, img]) => [role, img.bytes]));
}

/**
 * How often an export plans again when the register moved while it drew (another export, a
 * reissue). Each time it did, another issue was committed, so N exports started together all finish
 * within N plans (tests/integration/certificates/cli.test.ts runs four processes at once).
 */
const MAX_PLANS = 8;

/** A temporary sibling of a PDF as writeTempSibling names it: what an export that never finished leaves. */
const LEFTOVER = /^\..+\.pdf\.[0-9a-f]{12}\.tmp$/;

/**
 * Removes what an export into `dir` that never finished left there (its worker terminated, the app
 * killed): hidden temporary PDFs of our own naming, nothing else. The caller makes sure no other
 * export into the same folder is running (certificate-handlers.ts). Returns the names removed.
 */
export function sweepLeftovers(dir: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return []; // no folder yet: nothing left over
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!LEFTOVER.test(name)) continue;
    const file = path.join(dir, name);
    try {
      if (!fs.lstatSync(file).isFile()) continue;
      fs.rmSync(file, { force: true });
      removed.push(name);
    } catch {
      // Gone meanwhile or not ours to remove: the export goes on.
    }
  }
  return removed;
}

function outputError(error: unknown, outDir: string): unknown {
  if (isDiskFull(error)) return asDiskFull(error, outDir);
  if ((error as NodeJS.ErrnoException).code && !(error instanceof KepuError)) {
    return new KepuError('CERTIFICATE_OUTPUT_UNWRITABLE', `certificates: cannot write to ${outDir}: ${(error as Error).message}`, { dir: outDir });
  }
  return error;
}

/**
 * Issues the list and writes its PDFs, all or nothing: the issue is planned (serials, signed codes)
 * without writing, every PDF is drawn to a hidden temporary sibling, and only when all are complete
 * are the certificates committed (one transaction, commitIssue) and the files renamed into place.
 * Cancelled (`signal` or `cancelled()`, seen between pages and files) or failed before that, the
 * temporary files are removed and no certificate row is written; the report says cancelled: true
 * with no files. The register moved meanwhile (another export, a reissue): drawn again from a new plan.
 */
export async function exportList(db: Database, options: ExportOptions): Promise<CertificateExportReport> {
  const now = options.now ?? new Date();
  const outDir = path.resolve(options.outDir);
  const isCancelled = () => options.signal?.aborted === true || options.cancelled?.() === true;
  for (let attempt = 1; ; attempt++) {
    const plan = planIssue(db, options.campaignId, options.listName, options.issuer, options.wording, now);
    const certificates = plan.certificates;
    const report: CertificateExportReport = { listName: options.listName, certificates: certificates.length, newlyIssued: plan.newlyIssued, waiting: plan.waiting.length, files: [], outDir, cancelled: false };
    if (certificates.length === 0) return report;
    try {
      makePrivateDir(outDir);
    } catch (error) {
      if (isDiskFull(error)) throw asDiskFull(error, outDir);
      throw new KepuError('CERTIFICATE_OUTPUT_UNWRITABLE', `certificates: cannot create ${outDir}: ${(error as Error).message}`, { dir: outDir });
    }
    if (attempt === 1 && options.sweep !== false) sweepLeftovers(outDir);
    const staged: { temp: string; file: string }[] = [];
    const discard = () => {
      for (const s of staged.splice(0)) fs.rmSync(s.temp, { force: true });
    };
    try {
      await drawFiles(db, options, plan, outDir, now, isCancelled, staged);
      // The last point a cancel is seen: after it the certificates exist and the files are theirs.
      if (isCancelled()) throw new RenderCancelled();
      if (!commitIssue(db, plan)) {
        discard();
        if (attempt >= MAX_PLANS) throw new KepuError('CERTIFICATE_EXPORT_CONFLICT', `certificates: the register of ${options.listName} kept changing during the export`, { list: options.listName });
        continue;
      }
    } catch (error) {
      discard();
      if (error instanceof RenderCancelled) return { ...report, newlyIssued: 0, cancelled: true };
      throw outputError(error, outDir);
    }
    // Committed before the renames: a crash between leaves issued certificates and temporary files
    // (swept next time; a new export writes the same certificates again), never a PDF whose serial
    // the register does not hold.
    try {
      // "(2)" when the old file is open in a PDF reader.
      while (staged.length) {
        const s = staged[0];
        report.files.push(renameIntoPlace(s.temp, s.file, { ifHeld: 'numbered' }));
        staged.shift();
      }
    } catch (error) {
      discard();
      throw outputError(error, outDir);
    } finally {
      syncFolder(outDir);
    }
    return report;
  }
}

/** Draws the plan's PDFs to temporary siblings (listed in `staged` as they are written), one progress tick per certificate drawn. */
async function drawFiles(db: Database, options: ExportOptions, plan: IssuePlan, outDir: string, now: Date, isCancelled: () => boolean, staged: { temp: string; file: string }[]): Promise<void> {
  const certificates = plan.certificates;
  const ctx = drawingContext(db, options.campaignId, plan.list.type, options.wording, options.template);
  const images = imageBytes(ctx);
  const campaign = ctx.facts;
  const meta = { title: `${campaign.definition.name['zh-CN']} — ${plan.list.label['zh-CN']}`, author: options.issuer.name };
  const single = options.mode !== 'perHolder';
  const perHolder = options.mode !== 'single';
  const total = certificates.length * ((single ? 1 : 0) + (perHolder ? 1 : 0));
  let done = 0;
  const tick = () => options.onProgress?.(++done, total);
  const pages: PdfPage[] = certificates.map((c) => ({ drawing: drawCertificate(ctx, c), code: c.payload }));
  if (single) {
    const date = localDate(now, campaign.timeZone).replaceAll('-', '');
    const file = path.join(outDir, `${safeFileName(`certificates-${options.listName}-${date}`)}.pdf`);
    const bytes = await renderPdf(pages, images, meta, { cancelled: isCancelled, onPage: tick });
    staged.push({ temp: writeTempSibling(file, bytes), file });
  }
  if (perHolder) {
    for (let i = 0; i < certificates.length; i++) {
      if (isCancelled()) throw new RenderCancelled();
      const c = certificates[i];
      const file = path.join(outDir, `${safeFileName(`${c.serial}-${c.holderName}`)}.pdf`);
      const bytes = await renderPdf([pages[i]], images, { ...meta, title: `${meta.title} — ${c.serial}` });
      staged.push({ temp: writeTempSibling(file, bytes), file });
      tick();
    }
  }
}

/**
 * The drawing of one holder's certificate without issuing anything: the certificate already
 * issued to them if there is one, else a specimen with serial …-000000 and a code signed by a
 * throw-away key (same length, so the same QR size as the real one).
 */
export function previewCertificate(
  db: Database,
  campaignId: string,
  listName: string,
  which: { subject?: string; index?: number },
  wording: Wording,
  template: Partial<TemplateOptions> = {},
  now = new Date(),
): { drawing: CertificateDrawing; images: { seal: string | null; signature: string | null }; holder: { index: number; total: number; name: string } } {
  const list = certificateList(db, campaignId, listName, wording);
  const { subject } = which;
  const at = subject ? list.holders.findIndex((h) => h.subject === subject) : Math.min(which.index ?? 0, list.holders.length - 1);
  const holder = at >= 0 ? list.holders[at] : undefined;
  if (!holder) throw new KepuError('CERTIFICATE_HOLDER_UNKNOWN', `certificates: no holder ${subject ?? '(any)'} in list ${listName}`, { list: listName, subject: subject ?? '' });
  const ctx = drawingContext(db, campaignId, list.type, wording, template);
  const row = db.prepare(`SELECT serial FROM certificates WHERE campaign_id = ? AND list_name = ? AND subject = ? AND status = 'valid' ORDER BY issued_at DESC LIMIT 1`).pluck().get(campaignId, listName, holder.subject) as
    | string
    | undefined;
  let drawing: CertificateDrawing;
  if (row) {
    drawing = drawCertificate(ctx, getCertificate(db, row));
  } else {
    const campaign = campaignFacts(db, campaignId);
    const issueDate = localDate(now, campaign.timeZone);
    const serial = `${getSettings(db, campaignId).serialPrefix}-${issueDate.slice(0, 4)}-000000`;
    const { privateKey } = crypto.generateKeyPairSync('ed25519');
    const validUntil = list.validityMonths ? validUntilDate(issueDate, list.validityMonths) : null;
    const code = signPayload({ serial, holderName: holder.name, kind: list.kind, campaignId, issueDate, validUntil, issuerKeyPrefix: '00000000' }, privateKey);
    drawing = drawCertificate(ctx, { serial, payload: code, issueDate, validUntil, holderName: holder.name, holderUnit: holder.unit, body: bodyText(wording, campaign, list, holder) });
  }
  const dataUrl = (role: ImageRole) => (ctx.images[role] ? `data:${ctx.images[role].mimeType};base64,${ctx.images[role].bytes.toString('base64')}` : null);
  return { drawing, images: { seal: dataUrl('seal'), signature: dataUrl('signature') }, holder: { index: at, total: list.holders.length, name: holder.name } };
}
