// Reach figures and public votes (issue 16), imported from a spreadsheet by registration number:
// a column per metric (粉丝数, 播放量/阅读量, 点赞数, 转发数/分享数, 评论数, 网络投票/票数), plus an
// optional as-of date (统计日期 / 截止日期) and source (数据来源) for the whole row. Policy, as for
// registrations: a bad row is reported with its spreadsheet row number and never blocks the others;
// the file's rows go in as one transaction; importing a newer file replaces an entry's figure for
// each metric the file has (metrics it lacks stay as they were); an empty cell leaves that metric as
// it was. The import is recorded in the audit log.
import type { Database } from 'better-sqlite3';
import path from 'node:path';
import type { ReachFigure, ReachImportReport, ReachMetric, RowError } from '../../contract';
import { reachMetrics } from '../../contract/definition-terms';
import { decodeText } from '../../contract/text-encoding';
import { KepuError } from '../errors';
import { nowIso } from '../time';
import { parseCsv } from './csv';
import { findHeaderRow, normaliseHeader, type Target } from './targets';
import { parseDateCell, parseNumberCell } from './values';
import { readXlsx } from './xlsx';

const LABEL = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/** The columns a reach file may have, with the header words that name them. */
const COLUMNS: Target[] = [
  { key: 'regNo', label: LABEL('报名编号', 'Registration no.'), required: true, aliases: ['报名编号', '编号', '作品编号', '账号编号', 'registration no', 'reg no', 'regno'] },
  { key: 'followers', label: LABEL('粉丝数', 'Followers'), required: false, aliases: ['粉丝数', '粉丝', '粉丝量', '关注者', 'followers', 'fans'] },
  { key: 'views', label: LABEL('播放量', 'Views'), required: false, aliases: ['播放量', '阅读量', '浏览量', '播放数', '阅读数', '观看量', 'views', 'plays', 'reads'] },
  { key: 'likes', label: LABEL('点赞数', 'Likes'), required: false, aliases: ['点赞数', '点赞', '点赞量', '获赞', 'likes'] },
  { key: 'shares', label: LABEL('转发数', 'Shares'), required: false, aliases: ['转发数', '转发', '分享数', '分享', '转发量', 'shares', 'reposts'] },
  { key: 'comments', label: LABEL('评论数', 'Comments'), required: false, aliases: ['评论数', '评论', '评论量', 'comments'] },
  { key: 'votes', label: LABEL('网络投票', 'Public votes'), required: false, aliases: ['网络投票', '投票数', '票数', '得票数', '网络票数', 'votes', 'public votes'] },
  { key: 'asOf', label: LABEL('统计日期', 'As of'), required: false, aliases: ['统计日期', '截止日期', '数据日期', '统计时间', 'as of', 'date'] },
  { key: 'source', label: LABEL('数据来源', 'Source'), required: false, aliases: ['数据来源', '来源', '来源文件', '截图', 'source'] },
];

async function readTable(fileName: string, bytes: Uint8Array): Promise<string[][]> {
  const ext = path.extname(fileName).toLowerCase();
  if (ext === '.xlsx' || (bytes[0] === 0x50 && bytes[1] === 0x4b && ext !== '.csv')) return (await readXlsx(bytes, fileName)).rows;
  if (!['.csv', '.txt', '.tsv', ''].includes(ext)) {
    throw new KepuError('IMPORT_UNSUPPORTED_FORMAT', `reach: ${fileName}: only CSV and XLSX`, { file: fileName });
  }
  return parseCsv(decodeText(bytes, {}).text);
}

/** Column of each reach column key in the header row (exact names first, then names that contain one). */
function columnsOf(headers: string[]): Record<string, number> {
  const normalised = headers.map(normaliseHeader);
  const found: Record<string, number> = {};
  const used = new Set<number>();
  for (const pass of ['exact', 'contains'] as const) {
    for (const column of COLUMNS) {
      if (found[column.key] !== undefined) continue;
      const aliases = column.aliases.map(normaliseHeader);
      const at = normalised.findIndex((h, i) => !used.has(i) && h !== '' && (pass === 'exact' ? aliases.includes(h) : aliases.some((a) => a.length >= 2 && h.includes(a))));
      if (at !== -1) {
        found[column.key] = at;
        used.add(at);
      }
    }
  }
  return found;
}

export async function importReachFigures(db: Database, campaignId: string, input: { fileName: string; bytes: Uint8Array }, actor = 'local'): Promise<ReachImportReport> {
  const rows = await readTable(input.fileName, input.bytes);
  const header = findHeaderRow(rows, COLUMNS);
  const headers = (rows[header.index] ?? []).map((h) => h.trim());
  const columns = columnsOf(headers);
  const metrics = reachMetrics.filter((m) => columns[m] !== undefined);
  if (columns.regNo === undefined || metrics.length === 0) {
    throw new KepuError('REACH_COLUMNS_MISSING', `reach: ${input.fileName} needs a registration-number column and at least one figure column`, { file: input.fileName });
  }
  const entryOf = db.prepare<[string, string], { id: number }>('SELECT id FROM entries WHERE campaign_id = ? AND reg_no = ?');
  const current = db.prepare<[number, string], { value: number; as_of: string | null; source: string | null }>('SELECT value, as_of, source FROM reach_figures WHERE entry_id = ? AND metric = ?');
  const report: ReachImportReport = { fileName: input.fileName, totalRows: 0, stored: [], unchanged: [], rejected: [], metrics };
  const writes: { entryId: number; figure: ReachFigure }[] = [];
  for (let i = header.index + 1; i < rows.length; i++) {
    const cells = rows[i];
    if (cells.every((c) => c.trim() === '')) continue;
    report.totalRows++;
    const row = i + 1;
    const cell = (key: string) => (columns[key] === undefined ? '' : (cells[columns[key]] ?? '').trim());
    const errors: RowError[] = [];
    const problem = (code: RowError['code'], key: string) => errors.push({ code, target: key, column: columns[key] ?? null, value: cell(key) });
    const regNo = cell('regNo');
    const entry = regNo ? entryOf.get(campaignId, regNo) : undefined;
    if (!regNo) problem('ROW_MISSING_FIELD', 'regNo');
    else if (!entry) problem('ROW_UNKNOWN_REG_NO', 'regNo');
    const asOf = cell('asOf') ? parseDateCell(cell('asOf')) : null;
    if (cell('asOf') && !asOf) problem('ROW_BAD_DATE', 'asOf');
    const figures: ReachFigure[] = [];
    for (const metric of metrics) {
      const text = cell(metric);
      if (!text) continue;
      const value = parseReachNumber(text);
      if (value === null) problem('ROW_BAD_NUMBER', metric);
      else figures.push({ metric, value, asOf, source: cell('source') || null });
    }
    if (errors.length > 0 || !entry) {
      report.rejected.push({ row, regNo: regNo || null, errors });
      continue;
    }
    const changed = figures.filter((f) => {
      const before = current.get(entry.id, f.metric);
      return !before || before.value !== f.value || before.as_of !== f.asOf || before.source !== f.source;
    });
    (changed.length > 0 ? report.stored : report.unchanged).push(row);
    for (const figure of changed) writes.push({ entryId: entry.id, figure });
  }
  const now = nowIso();
  db.transaction(() => {
    const upsert = db.prepare(`INSERT INTO reach_figures (entry_id, metric, value, as_of, source, imported_at) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (entry_id, metric) DO UPDATE SET value = excluded.value, as_of = excluded.as_of, source = excluded.source, imported_at = excluded.imported_at`);
    for (const w of writes) upsert.run(w.entryId, w.figure.metric, w.figure.value, w.figure.asOf, w.figure.source, now);
    db.prepare(`INSERT INTO audit_log (at, actor, action, subject, details_json) VALUES (?, ?, 'intake.reach', ?, ?)`).run(
      now, actor, campaignId, JSON.stringify({ file: input.fileName, metrics, stored: report.stored.length, unchanged: report.unchanged.length, rejected: report.rejected.length }),
    );
  })();
  return report;
}

/** 12,345 / 1.2万 / 3.5w / 2亿: platforms and people write large counts this way. */
export function parseReachNumber(text: string): number | null {
  const t = text.normalize('NFKC').trim().toLowerCase().replace(/\+$/, '');
  const scaled = /^(\d+(?:\.\d+)?)\s*(万|w|亿|k)$/.exec(t.replace(/[,，]/g, ''));
  if (scaled) {
    const factor = { 万: 1e4, w: 1e4, 亿: 1e8, k: 1e3 }[scaled[2] as '万' | 'w' | '亿' | 'k'];
    return Math.round(Number(scaled[1]) * factor);
  }
  const plain = parseNumberCell(t);
  if (plain === null) return null;
  const n = Number(plain);
  return Number.isInteger(n) && n >= 0 ? n : null;
}

export function reachOfEntry(db: Database, entryId: number): ReachFigure[] {
  const order = new Map<string, number>(reachMetrics.map((m, i) => [m, i]));
  return db
    .prepare<[number], { metric: ReachMetric; value: number; as_of: string | null; source: string | null }>('SELECT metric, value, as_of, source FROM reach_figures WHERE entry_id = ?')
    .all(entryId)
    .map((r) => ({ metric: r.metric, value: r.value, asOf: r.as_of, source: r.source }))
    .sort((a, b) => order.get(a.metric)! - order.get(b.metric)!);
}
