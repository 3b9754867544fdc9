// The 公示 as a printable PDF: A4 portrait, the Noto font embedded (subset, text searchable and
// extractable), the heading, the period, the order note (排名不分先后 or in rank order), then per
// category a table of rank/number, award, reg. no., title, entrant and unit — no scores — and the
// contact for objections. Rows wrap and break across pages with the header repeated.
import PDFDocument from 'pdfkit';
import type { NoticeDocument } from '../contract';
import { FONT, useAppFonts } from '../core/pdf/fonts';
import { type NoticeFrame, type NoticeWords, groupCells, noticeColumns } from './notice-texts';

type Doc = InstanceType<typeof PDFDocument>;
const M = 48;
const INK = '#1f2933';
const MUTED = '#66707a';
const RULE = '#c9d1d9';
/** Relative column widths: rank, award, reg. no., title, entrant, unit. */
const WIDTHS = [0.07, 0.14, 0.13, 0.3, 0.15, 0.21];

export function noticePdf(doc: NoticeDocument, frame: NoticeFrame, words: NoticeWords, dateLine: string): Promise<Buffer> {
  const pdf: Doc = new PDFDocument({ size: 'A4', margin: M, bufferPages: true, info: { Title: frame.title.join(' / '), Creator: 'Kepu Review' } });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => pdf.on('end', () => resolve(Buffer.concat(chunks))));
  useAppFonts(pdf);
  const width = pdf.page.width - 2 * M;
  const bottom = () => pdf.page.height - M;
  const ensure = (h: number) => {
    if (pdf.y + h > bottom()) {
      pdf.addPage();
      pdf.y = M;
    }
  };
  const paragraph = (lines: string[], size = 10, color = INK, align: 'left' | 'center' = 'left') => {
    for (const line of lines) {
      ensure(size * 2);
      pdf.font(FONT.regular).fontSize(size).fillColor(color).text(line, M, pdf.y, { width, align });
    }
    pdf.moveDown(0.4);
  };

  pdf.font(FONT.bold).fontSize(16).fillColor(INK);
  for (const line of frame.title) pdf.text(line, M, pdf.y, { width, align: 'center' });
  pdf.moveDown(0.8);
  paragraph(frame.intro);
  paragraph(frame.period, 10.5);
  paragraph(frame.order, 10, MUTED);

  const columns = noticeColumns(words, doc.ranked);
  const xs = WIDTHS.reduce<number[]>((acc, _w, i) => [...acc, i === 0 ? M : acc[i - 1] + WIDTHS[i - 1] * width], []);
  const rowHeight = (cells: string[], font: string, size: number) =>
    Math.max(...cells.map((c, i) => pdf.font(font).fontSize(size).heightOfString(c, { width: WIDTHS[i] * width - 6 }))) + 6;
  const drawRow = (cells: string[], font: string, size: number) => {
    const h = rowHeight(cells, font, size);
    const y = pdf.y;
    cells.forEach((c, i) => pdf.font(font).fontSize(size).fillColor(INK).text(c, xs[i] + 3, y + 3, { width: WIDTHS[i] * width - 6 }));
    pdf.moveTo(M, y + h).lineTo(M + width, y + h).lineWidth(0.5).strokeColor(RULE).stroke();
    pdf.y = y + h;
  };
  const header = () => drawRow(columns, FONT.bold, 9);

  for (const group of doc.groups) {
    const label = words.text(group.label);
    const mine = groupCells(words, group);
    if (mine.length === 0) continue;
    ensure(60);
    pdf.moveDown(0.6).font(FONT.bold).fontSize(12).fillColor(INK).text(label, M, pdf.y, { width });
    pdf.moveDown(0.3);
    header();
    for (const r of mine) {
      const cells = r.map(String);
      if (pdf.y + rowHeight(cells, FONT.regular, 9) > bottom()) {
        pdf.addPage();
        pdf.y = M;
        header();
      }
      drawRow(cells, FONT.regular, 9);
    }
  }
  pdf.moveDown(1);
  paragraph(frame.objections);
  paragraph(frame.contact);
  paragraph([dateLine], 10, INK);
  pdf.end();
  return done;
}
