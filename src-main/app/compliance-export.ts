// Exports of the compliance report for people who work in spreadsheets or on paper: CSV (UTF-8
// with BOM so Excel/WPS open Chinese correctly), XLSX, and a printable bilingual HTML summary.
// Labels come from the same locale files as the UI, in both languages side by side. Entries that
// miss a completeness rule of their kind follow the files (CSV/XLSX: a row without a file).
import { xlsxBuffer } from '../core/export/xlsx-stream';
import type { ComplianceRow, EntryProblem, ExportFile, LocalizedText, ShownViolation } from '../contract';
import { csvDocument } from '../core/export/csv';
import { complianceRows } from '../core/media/compliance';
import { entryRuleProblems } from '../core/media/entry-rules';
import { entryProblemText } from './entry-problem-text';
import { nowIso } from '../core/time';
import type { AppContext } from './context';
import { saveExport } from './export-file';
import { createNodeI18n } from './translate';

const zh = createNodeI18n('zh-CN');
const en = createNodeI18n('en');
const both = (key: string, params?: Record<string, unknown>) => `${zh.t(key, params)} / ${en.t(key, params)}`;

const COLUMNS = ['regNo', 'title', 'fileName', 'verdict', 'problems', 'container', 'duration', 'size', 'codecs', 'resolution', 'sha256'] as const;

function describeViolation(t: (key: string, params?: Record<string, unknown>) => string, v: ShownViolation): string {
  return t(`compliance.rules.${v.code}`, { limit: v.limitText, actual: v.actualText });
}

function cells(row: ComplianceRow): Record<(typeof COLUMNS)[number], string | number> {
  const f = row.facts;
  return {
    regNo: row.regNo,
    title: row.title,
    fileName: row.fileName,
    verdict: `${zh.t(`compliance.verdicts.${row.verdict}`)} / ${en.t(`compliance.verdicts.${row.verdict}`)}`,
    problems: row.violations.map((v) => `${describeViolation(zh.t.bind(zh), v)} / ${describeViolation(en.t.bind(en), v)}`).join('\n'),
    container: f?.container ?? '',
    duration: f?.durationSeconds != null ? Math.round(f.durationSeconds * 10) / 10 : '',
    size: f?.sizeBytes ?? '',
    codecs: [f?.videoCodec, f?.audioCodec].filter(Boolean).join(' + '),
    resolution: f?.width && f?.height ? `${f.width}×${f.height}` : '',
    sha256: row.sha256,
  };
}

/** An entry missing a completeness rule, in the file columns: no file, the problem in both languages. */
function problemCells(p: EntryProblem): Record<(typeof COLUMNS)[number], string | number> {
  return {
    regNo: p.regNo,
    title: p.title,
    fileName: '',
    verdict: both('compliance.entryProblems.verdict'),
    problems: `${entryProblemText(p, 'zh-CN')} / ${entryProblemText(p, 'en')}`,
    container: '',
    duration: '',
    size: '',
    codecs: '',
    resolution: '',
    sha256: '',
  };
}

export async function exportCompliance(ctx: AppContext, campaignId: string, format: 'csv' | 'xlsx' | 'html'): Promise<ExportFile> {
  const rows = complianceRows(ctx, campaignId);
  const problems = entryRuleProblems(ctx.db, campaignId, ctx.campaigns.definition(campaignId));
  const summary = ctx.campaigns.summary(campaignId);
  const headers = COLUMNS.map((c) => both(`compliance.columns.${c}`));
  const stamp = nowIso().slice(0, 10);
  const base = `compliance-${campaignId}-${stamp}`;
  let content: Buffer;
  let fileName: string;
  let mimeType: string;
  if (format === 'csv') {
    content = Buffer.from(csvDocument([headers, ...rows.map((r) => COLUMNS.map((c) => cells(r)[c])), ...problems.map((p) => COLUMNS.map((c) => problemCells(p)[c]))]), 'utf8');
    fileName = `${base}.csv`;
    mimeType = 'text/csv';
  } else if (format === 'xlsx') {
    content = await xlsxBuffer((workbook) => {
      const sheet = workbook.addSheet({ name: 'Compliance 合规', widths: [14, 30, 28, 16, 60, 10, 10, 14, 16, 12, 20], frozenRows: 1 });
      sheet.addRow(headers, 'bold');
      for (const r of rows) sheet.addRow(COLUMNS.map((c) => cells(r)[c]));
      for (const p of problems) sheet.addRow(COLUMNS.map((c) => problemCells(p)[c]));
    });
    fileName = `${base}.xlsx`;
    mimeType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  } else {
    content = Buffer.from(renderHtml(summary.name, rows, problems, ctx.campaigns.definition(campaignId).mediaRules.video.sizeUnit), 'utf8');
    fileName = `${base}.html`;
    mimeType = 'text/html';
  }
  return saveExport(ctx, fileName, content, mimeType);
}

function escapeHtml(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function renderHtml(name: LocalizedText, rows: ComplianceRow[], problems: EntryProblem[], sizeUnit: 'MB' | 'MiB'): string {
  const count = (v: string) => rows.filter((r) => r.verdict === v).length;
  const verdicts = ['pass', 'fail', 'unreadable', 'unchecked'] as const;
  const problemRows = rows.filter((r) => r.verdict !== 'pass');
  const table = (list: ComplianceRow[]) =>
    `<table><thead><tr>${COLUMNS.slice(0, 5).map((c) => `<th>${escapeHtml(zh.t(`compliance.columns.${c}`))}<br><small>${escapeHtml(en.t(`compliance.columns.${c}`))}</small></th>`).join('')}</tr></thead><tbody>${list
      .map((r) => `<tr class="${r.verdict}">${COLUMNS.slice(0, 5).map((c) => `<td>${escapeHtml(cells(r)[c]).replace(/\n/g, '<br>')}</td>`).join('')}</tr>`)
      .join('')}</tbody></table>`;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(zh.t('compliance.exportTitle'))} · ${escapeHtml(name['zh-CN'])}</title>
<style>
body{font-family:'Noto Sans CJK SC','Microsoft YaHei','PingFang SC',sans-serif;margin:24px;color:#1d2733;font-size:12px}
h1{font-size:18px;margin:0}h2{font-size:14px;margin:18px 0 6px}.en{color:#5f6b7a}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccd3da;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f4f6f8}tr.fail td{background:#fdecea}tr.unreadable td{background:#fff3e0}
.stats{display:flex;gap:12px}.stats div{border:1px solid #ccd3da;padding:6px 10px}
@media print{body{margin:10mm}tr{page-break-inside:avoid}}
</style></head><body>
<h1>${escapeHtml(zh.t('compliance.exportTitle'))} · ${escapeHtml(name['zh-CN'])}</h1>
<p class="en">${escapeHtml(en.t('compliance.exportTitle'))} · ${escapeHtml(name.en)}</p>
<p>${escapeHtml(zh.t(`compliance.sizeUnit.${sizeUnit}`))}<br><span class="en">${escapeHtml(en.t(`compliance.sizeUnit.${sizeUnit}`))}</span></p>
<p>${escapeHtml(both('compliance.generatedAt', { time: nowIso() }))}</p>
<div class="stats">${verdicts.map((v) => `<div><strong>${count(v)}</strong> ${escapeHtml(both(`compliance.verdicts.${v}`))}</div>`).join('')}</div>
${problems.length ? `<h2>${escapeHtml(both('compliance.entryProblems.title'))}</h2>
<table><thead><tr>${(['regNo', 'title', 'problems'] as const).map((c) => `<th>${escapeHtml(zh.t(`compliance.columns.${c}`))}<br><small>${escapeHtml(en.t(`compliance.columns.${c}`))}</small></th>`).join('')}</tr></thead><tbody>${problems
  .map((p) => `<tr class="fail"><td>${escapeHtml(p.regNo)}</td><td>${escapeHtml(p.title)}</td><td>${escapeHtml(entryProblemText(p, 'zh-CN'))}<br>${escapeHtml(entryProblemText(p, 'en'))}</td></tr>`)
  .join('')}</tbody></table>` : ''}
<h2>${escapeHtml(both('compliance.problemFiles'))}</h2>
${problemRows.length ? table(problemRows) : `<p>${escapeHtml(both('compliance.noProblems'))}</p>`}
<h2>${escapeHtml(both('compliance.allFiles'))}</h2>
${table(rows)}
</body></html>
`;
}
