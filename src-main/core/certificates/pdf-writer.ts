// Draws certificate drawings (layout.ts) into a PDFKit document: one page each, text in the
// embedded subset font (extractable: PDFKit writes a ToUnicode map), the seal and signature as
// images embedded once per document, the QR code as filled module runs. The verification codes
// of all pages go into the document information dictionary under /KepuCertificates (space
// separated), so "verify a PDF" reads them back without OCR. Reading parses the PDF's structure
// (pdf-lib: trailer → information dictionary), so a file another program re-saved (objects moved,
// compressed into object streams, cross-reference streams) still verifies. A PDF without that entry
// is searched for codes in clear as a last resort; otherwise a photo or scan of the QR code is the way.
import jpeg from 'jpeg-js';
import jsQR from 'jsqr';
import PDFDocument from 'pdfkit';
import { PNG } from 'pngjs';
import type { CertificateDrawing, DrawItem, ImageRole } from '../../contract/certificates';
import { attachAppFonts, FONT } from '../pdf/fonts';
import { findCodes } from './payload';

export const INFO_KEY = 'KepuCertificates';

export interface PdfPage {
  drawing: CertificateDrawing;
  code: string;
}

export interface PdfMeta {
  title: string;
  author: string;
  subject?: string;
}

const PAGES_PER_SLICE = 25;

export type CertificateImages = Partial<Record<ImageRole, Buffer>>;

type Doc = InstanceType<typeof PDFDocument>;
/** PDFKit's opened image (not in its type declarations). */
type PdfImage = { width: number; height: number };

export class RenderCancelled extends Error {
  constructor() {
    super('certificates: rendering cancelled');
    this.name = 'RenderCancelled';
  }
}

/** One PDF with a page per drawing. Throws RenderCancelled when the signal aborts (or `cancelled` says so) between pages. */
export function renderPdf(
  pages: readonly PdfPage[],
  images: CertificateImages,
  meta: PdfMeta,
  control: { signal?: AbortSignal; cancelled?: () => boolean; onPage?: (done: number) => void } = {},
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (pages.length === 0) {
      reject(new Error('certificates: nothing to render'));
      return;
    }
    const doc = new PDFDocument({
      autoFirstPage: false,
      font: null,
      margin: 0,
      info: { Title: meta.title, Author: meta.author, Subject: meta.subject ?? meta.title, Creator: 'Kepu Review', Producer: 'Kepu Review (PDFKit)' },
    } as unknown as ConstructorParameters<typeof PDFDocument>[0]) as Doc;
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    // Opened once per document and drawn on every page: one image object in the file, not 1,000.
    const opened = new Map<ImageRole, PdfImage>();
    const imageOf = (role: ImageRole) => {
      if (!opened.has(role) && images[role]) opened.set(role, (doc as unknown as { openImage(src: Buffer): PdfImage }).openImage(images[role] as Buffer));
      return opened.get(role) ?? null;
    };
    // Pages in slices with a turn of the event loop between them, so a 1,000-page batch does
    // not hold up the app's other requests (job status polls, cancel) for seconds.
    const drawFrom = (start: number) => {
      try {
        if (start === 0) attachAppFonts(doc);
        for (let i = start; i < Math.min(pages.length, start + PAGES_PER_SLICE); i++) {
          if (control.signal?.aborted || control.cancelled?.()) throw new RenderCancelled();
          const page = pages[i];
          doc.addPage({ size: [page.drawing.width, page.drawing.height], margin: 0 });
          for (const item of page.drawing.items) drawItem(doc, item, imageOf);
          control.onPage?.(i + 1);
        }
        if (start + PAGES_PER_SLICE < pages.length) {
          setImmediate(() => drawFrom(start + PAGES_PER_SLICE));
          return;
        }
        (doc.info as Record<string, unknown>)[INFO_KEY] = pages.map((p) => p.code).join(' ');
        doc.end();
      } catch (error) {
        reject(error);
      }
    };
    drawFrom(0);
  });
}

function drawItem(doc: Doc, item: DrawItem, imageOf: (role: ImageRole) => PdfImage | null): void {
  switch (item.type) {
    case 'rect': {
      doc.rect(item.x, item.y, item.w, item.h);
      if (item.fill && item.stroke) doc.lineWidth(item.lineWidth).fillAndStroke(item.fill, item.stroke);
      else if (item.fill) doc.fill(item.fill);
      else if (item.stroke) doc.lineWidth(item.lineWidth).stroke(item.stroke);
      return;
    }
    case 'line':
      doc.moveTo(item.x1, item.y1).lineTo(item.x2, item.y2).lineWidth(item.lineWidth).stroke(item.color);
      return;
    case 'text':
      doc.font(item.weight === 'bold' ? FONT.bold : FONT.regular).fontSize(item.size).fillColor(item.color);
      for (const line of item.lines) {
        if (line.text === '') continue;
        doc.text(line.text, line.x, line.y, { lineBreak: false, baseline: 'alphabetic', characterSpacing: item.letterSpacing });
      }
      return;
    case 'image': {
      const image = imageOf(item.role);
      if (image) doc.image(image as never, item.x, item.y, { width: item.w, height: item.h });
      return;
    }
    case 'qr': {
      const n = item.rows.length;
      const m = item.size / n;
      item.rows.forEach((row, r) => {
        // One rectangle per run of dark modules: a fraction of the operators of one per module.
        for (let c = 0; c < n; ) {
          if (row[c] !== '1') {
            c++;
            continue;
          }
          let end = c;
          while (end < n && row[end] === '1') end++;
          doc.rect(item.x + c * m, item.y + r * m, (end - c) * m, m);
          c = end;
        }
      });
      doc.fill(item.color);
      return;
    }
  }
}

/** The verification codes a PDF carries: our information entry first, else codes found in clear. */
export async function readPayloadsFromPdf(bytes: Buffer): Promise<string[]> {
  const entry = await readInfoEntry(bytes);
  const codes = entry === null ? [] : findCodes(entry);
  return codes.length ? codes : findCodes(bytes.toString('latin1'));
}

/** The text of the information dictionary's /KepuCertificates, or null (absent, or not a PDF pdf-lib can read). */
async function readInfoEntry(bytes: Buffer): Promise<string | null> {
  try {
    // Loaded on first use: every CLI command imports this module, only verifying reads a PDF.
    const { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } = await import('pdf-lib');
    // updateMetadata: false: reading must not touch the document (nothing is saved anyway).
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true, throwOnInvalidObject: false });
    const info = pdf.context.lookup(pdf.context.trailerInfo.Info);
    if (!(info instanceof PDFDict)) return null;
    const value = info.lookup(PDFName.of(INFO_KEY));
    return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : null;
  } catch {
    return null; // damaged or not really a PDF: fall back to the search in clear
  }
}

/** Decodes the QR code in a PNG or JPEG (a screenshot, photo or scan of a certificate). */
export function readPayloadFromImage(bytes: Buffer): string | null {
  const image = decodeImage(bytes);
  if (!image) return null;
  const found = jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length), image.width, image.height, { inversionAttempts: 'attemptBoth' });
  return found?.data ?? null;
}

export function decodeImage(bytes: Buffer): { width: number; height: number; data: Uint8Array } | null {
  try {
    if (isPng(bytes)) {
      const png = PNG.sync.read(bytes);
      return { width: png.width, height: png.height, data: png.data };
    }
    if (isJpeg(bytes)) {
      const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 512 });
      return { width: img.width, height: img.height, data: img.data };
    }
  } catch {
    return null;
  }
  return null;
}

export function isPng(bytes: Buffer): boolean {
  return bytes.length > 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
}

export function isJpeg(bytes: Buffer): boolean {
  return bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

export function isPdf(bytes: Buffer): boolean {
  return bytes.subarray(0, 5).toString('latin1') === '%PDF-';
}
