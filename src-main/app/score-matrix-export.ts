// The score matrix as a spreadsheet (issue 15): one row per (entry, judge) of the round — judge ×
// entry × dimension — with the totals, overrides, comment, eligibility answers and conflict, for
// people who check the judges' work in Excel/WPS. CSV through the one CSV writer (UTF-8 with BOM,
// formula-like text neutralised); XLSX through ExcelJS as the ranking export does, a sheet per list.
// Headers are bilingual (中文 / English) like the ranking export; docs/formats.md lists the columns.
// A CSV covering several lists has every list's dimensions and items as columns (keys are unique
// across lists), empty where an entry's list has none.
import path from 'node:path';
import type { EligibilityItem, ExportFile, JudgeEntryScores, RubricDimension } from '../contract';
import { safeFileStem } from '../core/campaigns/backup-file';
import { csvDocument, type CsvValue } from '../core/export/csv';
import { xlsxBuffer } from '../core/export/xlsx-stream';
import { type MatrixList, type MatrixRow, type ScoreMatrix, scoreMatrix } from '../core/scores/score-matrix';
import { nowIso } from '../core/time';
import type { AppContext } from './context';
import { saveExport, writeExport } from './export-file';
import { both } from './ranking-texts';

const MIME = { csv: 'text/csv', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;
const label = (text: { 'zh-CN': string; en: string }) => (text['zh-CN'] === text.en ? text.en : `${text['zh-CN']} / ${text.en}`);

/** What an override changed, in one cell: "内容 / Content: 7 → 8 (reason)". */
function overrideText(rubric: readonly RubricDimension[], judge: JudgeEntryScores): string {
  return judge.scores
    .filter((s) => s.override)
    .map((s) => `${label(rubric.find((d) => d.key === s.dimension)?.label ?? { 'zh-CN': s.dimension, en: s.dimension })}: ${s.signed} → ${s.override?.value} (${s.override?.reason})`)
    .join('\n');
}

interface Layout {
  dimensions: RubricDimension[];
  items: EligibilityItem[];
}

function headers({ dimensions, items }: Layout): string[] {
  return [
    both('scores.columns.list'),
    both('scores.columns.round'),
    both('scores.columns.category'),
    both('scores.columns.regNo'),
    both('scores.columns.title'),
    both('scores.columns.judge'),
    both('scores.columns.institution'),
    both('scores.columns.state'),
    ...dimensions.map((d) => label(d.label)),
    both('scores.columns.signedTotal'),
    both('scores.columns.total'),
    both('scores.columns.overrides'),
    both('scores.columns.comment'),
    ...items.map((i) => label(i.label)),
    both('scores.columns.conflict'),
  ];
}

function cells(m: MatrixList, { entry, judge }: MatrixRow, { dimensions, items }: Layout): CsvValue[] {
  const score = new Map(judge.scores.map((s) => [s.dimension, s.signed]));
  const answer = new Map(judge.eligibility.map((a) => [a.item, a.note ? `${both(`review.answers.${a.answer}`)} (${a.note})` : both(`review.answers.${a.answer}`)]));
  return [
    label(m.list.name),
    m.roundNo,
    label(entry.category),
    entry.regNo,
    entry.title,
    judge.name,
    judge.institution ?? '',
    both(`scores.state.${judge.state}`),
    ...dimensions.map((d) => score.get(d.key) ?? null),
    judge.signedTotal,
    judge.total,
    overrideText(m.list.rubric, judge),
    judge.comment ?? '',
    ...items.map((i) => answer.get(i.key) ?? ''),
    judge.conflict?.reason ?? '',
  ];
}

export function matrixCsv(matrix: ScoreMatrix): string {
  const layout = { dimensions: matrix.lists.flatMap((m) => m.list.rubric), items: matrix.lists.flatMap((m) => m.list.eligibility) };
  return csvDocument([headers(layout), ...matrix.lists.flatMap((m) => m.rows.map((r) => cells(m, r, layout)))]);
}

export async function matrixXlsx(matrix: ScoreMatrix): Promise<Buffer> {
  return xlsxBuffer(async (workbook) => {
    const used = new Set<string>();
    for (const m of matrix.lists) {
      const layout = { dimensions: m.list.rubric, items: m.list.eligibility };
      // Sheet names: ≤ 31 characters, no []:*?/\ and unique.
      let name = `${m.list.name['zh-CN']} ${m.list.name.en} R${m.roundNo}`.replace(/[[\]:*?/\\]/g, ' ').slice(0, 28);
      for (let i = 2; used.has(name); i++) name = `${name.slice(0, 26)} ${i}`;
      used.add(name);
      const head = headers(layout);
      const comment = head.indexOf(both('scores.columns.comment'));
      const sheet = workbook.addSheet({ name, widths: head.map((_, i) => (i === 4 || i === comment ? 40 : 14)), frozenRows: 1 });
      sheet.addRow(head, 'bold');
      for (const [index, r] of m.rows.entries()) {
        sheet.addRow(cells(m, r, layout));
        if (index % 2000 === 1999) await new Promise((resolve) => setImmediate(resolve));
      }
    }
  });
}

export async function exportScoreMatrix(
  ctx: Pick<AppContext, 'db' | 'dataDir'>,
  campaignId: string,
  format: 'csv' | 'xlsx',
  options: { roundNo?: number; listKey?: string },
  targetPath?: string,
): Promise<ExportFile> {
  const matrix = scoreMatrix(ctx.db, campaignId, options);
  const bytes = format === 'csv' ? Buffer.from(matrixCsv(matrix), 'utf8') : await matrixXlsx(matrix);
  const rounds = [...new Set(matrix.lists.map((m) => m.roundNo))].join('-');
  const fileName = `${safeFileStem(`scores-${campaignId}${options.listKey ? `-${options.listKey}` : ''}-r${rounds}-${nowIso().slice(0, 10)}`, 'scores')}.${format}`;
  if (targetPath) {
    return { fileName: path.basename(targetPath), mimeType: MIME[format], contentBase64: '', ...writeExport(targetPath, bytes) };
  }
  return saveExport(ctx, fileName, bytes, MIME[format]);
}
