// Exports of a 公示: PDF (notice-pdf.ts), a self-contained HTML page (every text escaped, inline
// style only, no script, a CSP that forbids everything else) and XLSX (one sheet: the heading,
// period and contact above one table with the category as its first column), in Chinese, English
// or both. Always from the snapshot the notice was made from, never from the live ranking, and
// never with scores. Written among the exports (atomically) or to the path the caller chose.
import { xlsxBuffer } from '../core/export/xlsx-stream';
import path from 'node:path';
import type { ExportFile, NoticeDocument, NoticeLanguage } from '../contract';
import { checkedSnapshot, noticeDocument } from '../core/notices/notice-document';
import { getNotice } from '../core/notices/notice-repo';
import { safeFileStem } from '../core/campaigns/backup-file';
import { formatInZone, nowIso } from '../core/time';
import type { AppContext } from './context';
import { saveExport, writeExport } from './export-file';
import { noticePdf } from './notice-pdf';
import { groupCells, type NoticeFrame, noticeColumns, noticeFrame, type NoticeWords, noticeWords } from './notice-texts';

export type NoticeFormat = 'pdf' | 'html' | 'xlsx';

const MIME: Record<NoticeFormat, string> = {
  pdf: 'application/pdf',
  html: 'text/html',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

function noticeHtml(doc: NoticeDocument, frame: NoticeFrame, words: NoticeWords, dateLine: string, language: NoticeLanguage): string {
  const p = (lines: string[], cls = '') => lines.map((l) => `<p${cls ? ` class="${cls}"` : ''}>${escapeHtml(l)}</p>`).join('\n');
  const head = noticeColumns(words, doc.ranked).map((c) => `<th>${escapeHtml(c)}</th>`).join('');
  const sections = doc.groups
    .filter((g) => g.entries.length > 0)
    .map((g) => {
      const rows = groupCells(words, g).map((cells) => `<tr>${cells.map((c) => `<td>${escapeHtml(String(c))}</td>`).join('')}</tr>`).join('\n');
      return `<section>\n<h2>${escapeHtml(words.text(g.label))}</h2>\n<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table>\n</section>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="${language === 'en' ? 'en' : 'zh-CN'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(frame.title.join(' / '))}</title>
<style>
body { font-family: "Noto Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1f2933; line-height: 1.6; }
h1 { text-align: center; font-size: 1.5rem; }
h2 { font-size: 1.1rem; margin-top: 1.5rem; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #c9d1d9; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #f1f4f7; }
.muted { color: #66707a; }
.period { font-weight: bold; }
</style>
</head>
<body>
<h1>${frame.title.map(escapeHtml).join('<br>')}</h1>
${p(frame.intro)}
${p(frame.period, 'period')}
${p(frame.order, 'muted')}
${sections}
${p(frame.objections)}
${p(frame.contact)}
${p([dateLine])}
</body>
</html>
`;
}

async function noticeXlsx(doc: NoticeDocument, frame: NoticeFrame, words: NoticeWords, dateLine: string): Promise<Buffer> {
  const columns = [words.label('columns.category'), ...noticeColumns(words, doc.ranked)];
  return xlsxBuffer((workbook) => {
    const sheet = workbook.addSheet({ name: words.label('sheet').replace(/[[\]:*?/\\]/g, ' ').slice(0, 31), widths: columns.map((_, i) => [22, 8, 16, 16, 40, 18, 30][i] ?? 16) });
    for (const line of frame.title) sheet.addRow([line], 'title');
    for (const line of [...frame.intro, ...frame.period, ...frame.order]) sheet.addRow([line]);
    sheet.addRow([]);
    sheet.addRow(columns, 'bold');
    for (const g of doc.groups) for (const cells of groupCells(words, g)) sheet.addRow([words.text(g.label), ...cells]);
    sheet.addRow([]);
    for (const line of [...frame.objections, ...frame.contact, dateLine]) sheet.addRow([line]);
  });
}

/**
 * The notice as a file; `targetPath` (already checked by the caller) or among the exports. The
 * language and the order (ranked or 排名不分先后) default to the notice's.
 */
export async function exportNotice(
  ctx: AppContext,
  campaignId: string,
  noticeId: number,
  format: NoticeFormat,
  options: { language?: NoticeLanguage; ranked?: boolean } = {},
  targetPath?: string,
): Promise<ExportFile> {
  const notice = getNotice(ctx.db, campaignId, noticeId);
  const ranked = options.ranked ?? notice.ranked;
  const doc = noticeDocument(ctx.db, campaignId, notice.snapshotId, checkedSnapshot(ctx.db, campaignId, notice.snapshotId), notice.listKey, ranked);
  const lang = options.language ?? notice.language;
  const words = noticeWords(lang);
  const frame = noticeFrame(words, doc, { start: notice.periodStart, end: notice.periodEnd });
  const organizers = ctx.campaigns.definition(campaignId).organizers.map((o) => words.text(o.name)).join('  ');
  const dateLine = `${organizers}  ${formatInZone(notice.createdAt, doc.timeZone).slice(0, 10)}`;
  const bytes =
    format === 'pdf' ? await noticePdf(doc, frame, words, dateLine)
    : format === 'html' ? Buffer.from(noticeHtml(doc, frame, words, dateLine, lang), 'utf8')
    : await noticeXlsx(doc, frame, words, dateLine);
  const fileName = `${safeFileStem(`notice-${campaignId}-${notice.listKey}-${lang}-${nowIso().slice(0, 10)}`, 'notice')}.${format}`;
  if (targetPath) {
    return { fileName: path.basename(targetPath), mimeType: MIME[format], contentBase64: '', ...writeExport(targetPath, bytes) };
  }
  return saveExport(ctx, fileName, bytes, MIME[format]);
}
