// A result letter as a PDF: A4 portrait, the app's embedded Noto font (core/pdf/fonts: subset,
// text extractable, Chinese without any system font), flowing text that breaks across pages.
import PDFDocument from 'pdfkit';
import { FONT, useAppFonts } from '../pdf/fonts';
import type { LetterText } from './letter-text';

type Doc = InstanceType<typeof PDFDocument>;
const M = 56;
const INK = '#1f2933';
const MUTED = '#66707a';
const RULE = '#c9d1d9';

export function letterPdf(text: LetterText, meta: { title: string; author: string }): Promise<Buffer> {
  // A fixed creation date: the same letter gives the same bytes (re-exports compare equal).
  const pdf: Doc = new PDFDocument({ size: 'A4', margin: M, info: { Title: meta.title, Author: meta.author, Creator: 'Kepu Review', CreationDate: new Date(0) } });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  useAppFonts(pdf);
  const width = pdf.page.width - 2 * M;
  const write = (line: string, size: number, options: { bold?: boolean; color?: string; align?: 'left' | 'center'; gap?: number } = {}) => {
    pdf.font(options.bold ? FONT.bold : FONT.regular).fontSize(size).fillColor(options.color ?? INK).text(line, M, pdf.y, { width, align: options.align ?? 'left' });
    pdf.moveDown(options.gap ?? 0.5);
  };
  const rule = () => {
    pdf.moveDown(0.3);
    pdf.moveTo(M, pdf.y).lineTo(M + width, pdf.y).lineWidth(0.5).strokeColor(RULE).stroke();
    pdf.moveDown(0.8);
  };

  for (const line of text.title.split('\n')) write(line, 16, { bold: true, align: 'center', gap: 0.2 });
  pdf.moveDown(0.4);
  for (const line of text.organizers.split('\n')) write(line, 9.5, { color: MUTED, align: 'center', gap: 0.1 });
  rule();
  text.sections.forEach((section, i) => {
    if (i > 0) rule();
    write(section.heading, 11.5, { bold: true });
    for (const p of section.paragraphs) write(p, 11);
  });
  if (text.feedback.length > 0) {
    rule();
    write(text.feedbackHeading, 11.5, { bold: true });
    for (const f of text.feedback) write(f, 10.5);
  }
  if (text.contact) {
    rule();
    write(text.contact, 9.5, { color: MUTED });
  }
  pdf.end();
  return done;
}
