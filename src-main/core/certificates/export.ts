// Batch export of a list: issue (or re-use) every holder's certificate, then write one
// multi-page PDF for printing and/or one PDF per holder named "<serial>-<name>.pdf". Every file
// is written to a temporary name in the target folder, fsynced and renamed into place when
// complete (core/files/atomic-write), so a cancel, crash or full disk (DISK_FULL) never leaves a
// half-written PDF under a real name; a cancelled export keeps the per-holder files already
// finished (each complete) and reports cancelled: true.
import type { Database } from 'better-sqlite3';
import crypto from 'node:crypto';
import path from 'node:path';
import type { CertificateDrawing, CertificateExportReport, ImageRole } from '../../contract/certificates';
import { KepuError } from '../errors';
import { asDiskFull, isDiskFull } from '../files/disk-full';
import { writeFileAtomic } from '../files/atomic-write';
import { makePrivateDir } from '../files/private-files';
import { bodyText, certificateContent, type Wording } from './content';
import { getCertificate, type IssuedCertificate, type Issuer, issueList } from './issue';
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
  onProgress?: (done: number, total: number) => void;
  now?: Date;
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
  };
}

export function drawCertificate(ctx: DrawingContext, c: Pick<IssuedCertificate, 'serial' | 'payload' | 'issueDate' | 'validUntil' | 'holderName' | 'holderUnit' | 'body'>): CertificateDrawing {
  const size = (role: ImageRole) => (ctx.images[role] ? { width: ctx.images[role].width, height: ctx.images[role].height } : null);
  const content = certificateContent(
    ctx.wording,
    campaignFacts(ctx.db, ctx.campaignId),
    getSettings(ctx.db, ctx.campaignId),
    ctx.type,
    { serial: c.serial, code: c.payload, issueDate: c.issueDate, validUntil: c.validUntil, holderName: c.holderName, holderUnit: c.holderUnit, body: c.body },
    { seal: size('seal'), signature: size('signature') },
  );
  return layoutCertificate(content, ctx.template);
}

export function imageBytes(ctx: DrawingContext): Partial<Record<ImageRole, Buffer>> {
  return Object.fromEntries(Object.entries(ctx.images).map(([role, img]) => [role, img.bytes]));
}

export async function exportList(db: Database, options: ExportOptions): Promise<CertificateExportReport> {
  const issued = issueList(db, options.campaignId, options.listName, options.issuer, options.wording, options.now);
  const certificates = issued.certificates;
  const outDir = path.resolve(options.outDir);
  const report: CertificateExportReport = { listName: options.listName, certificates: certificates.length, newlyIssued: issued.newlyIssued, waiting: issued.waiting.length, files: [], outDir, cancelled: false };
  if (certificates.length === 0) return report;
  try {
    makePrivateDir(outDir);
  } catch (error) {
    if (isDiskFull(error)) throw asDiskFull(error, outDir);
    throw new KepuError('CERTIFICATE_OUTPUT_UNWRITABLE', `certificates: cannot create ${outDir}: ${(error as Error).message}`, { dir: outDir });
  }
  const ctx = drawingContext(db, options.campaignId, issued.list.type, options.wording, options.template);
  const images = imageBytes(ctx);
  const campaign = campaignFacts(db, options.campaignId);
  const meta = { title: `${campaign.definition.name['zh-CN']} — ${issued.list.label['zh-CN']}`, author: options.issuer.name };
  const single = options.mode !== 'perHolder';
  const perHolder = options.mode !== 'single';
  const total = certificates.length * ((single ? 1 : 0) + (perHolder ? 1 : 0));
  let done = 0;
  const tick = () => options.onProgress?.(++done, total);
  const pages: PdfPage[] = certificates.map((c) => ({ drawing: drawCertificate(ctx, c), code: c.payload }));
  try {
    if (single) {
      const date = localDate(options.now ?? new Date(), campaign.timeZone).replaceAll('-', '');
      const file = path.join(outDir, `${safeFileName(`certificates-${options.listName}-${date}`)}.pdf`);
      const bytes = await renderPdf(pages, images, meta, { signal: options.signal, onPage: tick });
      report.files.push(writeFileAtomic(file, bytes, { ifHeld: 'numbered' })); // "(2)" when the old one is open in a PDF reader
    }
    if (perHolder) {
      for (let i = 0; i < certificates.length; i++) {
        if (options.signal?.aborted) throw new RenderCancelled();
        const c = certificates[i];
        const file = path.join(outDir, `${safeFileName(`${c.serial}-${c.holderName}`)}.pdf`);
        const bytes = await renderPdf([pages[i]], images, { ...meta, title: `${meta.title} — ${c.serial}` });
        report.files.push(writeFileAtomic(file, bytes, { ifHeld: 'numbered' }));
        tick();
      }
    }
  } catch (error) {
    if (!(error instanceof RenderCancelled)) {
      if ((error as NodeJS.ErrnoException).code && !(error instanceof KepuError)) {
        throw new KepuError('CERTIFICATE_OUTPUT_UNWRITABLE', `certificates: cannot write to ${outDir}: ${(error as Error).message}`, { dir: outDir });
      }
      throw error;
    }
    report.cancelled = true;
  }
  return report;
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
