// 评审打分表 (issue 15): the per-judge score sheet associations print, have signed and keep in the
// paper archive. A4 portrait, the app's Noto font embedded (subset, text extractable as the 公示's
// is); for each judge: the campaign, list, round, judge and institution, then per list a table of
// each entry (registration number, title) with the judge's signed dimension scores, total and
// comment — the judge's own scores, since the judge signs them (moderation overrides are the
// coordinator's and are in the score matrix) — and the signature and date line.
// Batch: every judge in ONE PDF, each judge from a new page with pages numbered per judge. One
// file is one download in the browser shell (which has no folder to write into), one print job for
// the archive, and splits at the judge's first page; a folder of files would need a folder picker
// in both shells and a zip in the browser.
import PDFDocument from 'pdfkit';
import type { JudgeEntryScores, NoticeLanguage } from '../contract';
import { FONT, useAppFonts } from '../core/pdf/fonts';
import type { MatrixList, ScoreMatrix } from '../core/scores/score-matrix';
import { tEn, tZh } from './ranking-texts';

type Doc = InstanceType<typeof PDFDocument>;
const M = 48;
const INK = '#1f2933';
const MUTED = '#66707a';
const RULE = '#c9d1d9';

/** One judge's part of the matrix: per list, the judge's rows. */
export interface JudgeSheet {
  judge: Pick<JudgeEntryScores, 'judgeId' | 'name' | 'institution'>;
  lists: { list: MatrixList; rows: MatrixList['rows'] }[];
}

/** The matrix regrouped per judge (by name), each judge's lists in the programme's order. */
export function judgeSheets(matrix: ScoreMatrix): JudgeSheet[] {
  const byJudge = new Map<string, JudgeSheet>();
  for (const m of matrix.lists) {
    for (const r of m.rows) {
      let sheet = byJudge.get(r.judge.judgeId);
      if (!sheet) byJudge.set(r.judge.judgeId, (sheet = { judge: { judgeId: r.judge.judgeId, name: r.judge.name, institution: r.judge.institution }, lists: [] }));
      let part = sheet.lists.find((p) => p.list === m);
      if (!part) sheet.lists.push((part = { list: m, rows: [] }));
      part.rows.push(r);
    }
  }
  return [...byJudge.values()].sort((a, b) => a.judge.name.localeCompare(b.judge.name, 'zh-CN') || (a.judge.judgeId < b.judge.judgeId ? -1 : 1));
}

function words(language: NoticeLanguage) {
  const pick = (zh: string, en: string) => (language === 'zh' ? zh : language === 'en' ? en : zh === en ? zh : `${zh} / ${en}`);
  return {
    label: (key: string, params?: Record<string, unknown>) => pick(tZh(`scores.sheet.${key}`, params), tEn(`scores.sheet.${key}`, params)),
    lines: (key: string, params?: Record<string, unknown>) => (language === 'zh' ? [tZh(`scores.sheet.${key}`, params)] : language === 'en' ? [tEn(`scores.sheet.${key}`, params)] : [tZh(`scores.sheet.${key}`, params), tEn(`scores.sheet.${key}`, params)]),
    text: (value: { 'zh-CN': string; en: string } | null | undefined) => (value ? pick(value['zh-CN'], value.en) : ''),
    // "评审活动：…" in Chinese (GB/T 15834 full-width), "Campaign: …" when the label ends in English.
    colon: language === 'zh' ? '：' : ': ',
  };
}

const num = (v: number | null) => (v === null ? '' : String(Number(v.toFixed(2))));

export function scoreSheetPdf(matrix: ScoreMatrix, sheets: readonly JudgeSheet[], language: NoticeLanguage): Promise<Buffer> {
  const w = words(language);
  const title = w.label('title');
  const pdf: Doc = new PDFDocument({ size: 'A4', margin: M, bufferPages: true, autoFirstPage: false, info: { Title: title, Creator: 'Kepu Review' } });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => pdf.on('end', () => resolve(Buffer.concat(chunks))));
  useAppFonts(pdf);
  /** The judge each page belongs to, for the footer's per-judge page numbers. */
  const pageJudge: number[] = [];
  const newPage = (judgeIndex: number) => {
    pdf.addPage();
    pageJudge.push(judgeIndex);
    pdf.y = M;
  };
  const width = () => pdf.page.width - 2 * M;
  const bottom = () => pdf.page.height - M - 16;

  if (sheets.length === 0) {
    newPage(-1);
    pdf.font(FONT.bold).fontSize(16).fillColor(INK).text(title, M, pdf.y, { width: width(), align: 'center' });
    pdf.moveDown(1).font(FONT.regular).fontSize(10).text(w.label('noEntries'), M, pdf.y, { width: width() });
  }
  sheets.forEach((sheet, judgeIndex) => {
    newPage(judgeIndex);
    const ensure = (h: number) => {
      if (pdf.y + h > bottom()) newPage(judgeIndex);
    };
    pdf.font(FONT.bold).fontSize(16).fillColor(INK).text(title, M, pdf.y, { width: width(), align: 'center' });
    pdf.moveDown(0.6);
    const facts: [string, string][] = [
      [w.label('campaign'), w.text(matrix.campaignName)],
      [w.label('judge'), sheet.judge.name],
      [w.label('institution'), sheet.judge.institution ?? '—'],
    ];
    for (const [k, v] of facts) pdf.font(FONT.regular).fontSize(10.5).fillColor(INK).text(`${k}${w.colon}${v}`, M, pdf.y, { width: width() });
    for (const part of sheet.lists) {
      const { list } = part.list;
      const rubric = list.rubric;
      ensure(80);
      pdf.moveDown(0.6);
      const round = part.list.roundName ? `${part.list.roundNo} · ${w.text(part.list.roundName)}` : String(part.list.roundNo);
      pdf.font(FONT.bold).fontSize(11.5).fillColor(INK).text(`${w.label('list')}${w.colon}${w.text(list.name)}    ${w.label('round')}${w.colon}${round}`, M, pdf.y, { width: width() });
      pdf.moveDown(0.3);
      // Columns: reg. no., title, one per dimension, total, comment.
      const dimShare = Math.min(0.11, 0.36 / rubric.length);
      const widths = [0.13, 0.19, ...rubric.map(() => dimShare), 0.08];
      widths.push(1 - widths.reduce((s, x) => s + x, 0));
      const xs = widths.reduce<number[]>((acc, _x, i) => [...acc, i === 0 ? M : acc[i - 1] + widths[i - 1] * width()], []);
      const rowHeight = (cells: string[], font: string, size: number) =>
        Math.max(...cells.map((c, i) => pdf.font(font).fontSize(size).heightOfString(c || ' ', { width: widths[i] * width() - 6 }))) + 6;
      const drawRow = (cells: string[], font: string, size: number, color = INK) => {
        const h = rowHeight(cells, font, size);
        const y = pdf.y;
        cells.forEach((c, i) => pdf.font(font).fontSize(size).fillColor(color).text(c, xs[i] + 3, y + 3, { width: widths[i] * width() - 6 }));
        pdf.moveTo(M, y + h).lineTo(M + width(), y + h).lineWidth(0.5).strokeColor(RULE).stroke();
        pdf.y = y + h;
      };
      const head = [w.label('regNo'), w.label('entryTitle'), ...rubric.map((d) => w.text(d.label)), w.label('total'), w.label('comment')];
      const header = () => drawRow(head, FONT.bold, 8.5);
      header();
      for (const { entry, judge } of part.rows) {
        const cells =
          judge.state === 'conflict'
            ? [entry.regNo, entry.title, ...rubric.map(() => ''), '', `${w.label('conflict')}${w.colon}${judge.conflict?.reason ?? ''}`]
            : [entry.regNo, entry.title, ...judge.scores.map((s) => num(s.signed)), num(judge.signedTotal), judge.comment ?? ''];
        if (pdf.y + rowHeight(cells, FONT.regular, 9) > bottom()) {
          newPage(judgeIndex);
          header();
        }
        drawRow(cells, FONT.regular, 9, judge.state === 'conflict' ? MUTED : INK);
      }
    }
    ensure(70);
    pdf.moveDown(2.5);
    for (const line of w.lines('signature')) pdf.font(FONT.regular).fontSize(11).fillColor(INK).text(line, M, pdf.y, { width: width() });
  });

  // Footer: the judge's name and the page within the judge's sheet.
  const range = pdf.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    const judgeIndex = pageJudge[i];
    if (judgeIndex < 0) continue;
    const pages = pageJudge.filter((j) => j === judgeIndex).length;
    const page = pageJudge.slice(0, i + 1).filter((j) => j === judgeIndex).length;
    pdf.switchToPage(range.start + i);
    // Below the bottom margin: without lifting it PDFKit would start a new page for the footer.
    pdf.page.margins.bottom = 0;
    const footer = `${sheets[judgeIndex].judge.name} · ${w.label('page', { page, pages })}`;
    pdf.font(FONT.regular).fontSize(8).fillColor(MUTED).text(footer, M, pdf.page.height - M - 4, { width: pdf.page.width - 2 * M, align: 'center', lineBreak: false });
  }
  pdf.end();
  return done;
}
