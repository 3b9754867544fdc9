// Exports of the ranking for people who work in spreadsheets, on paper or who audit: CSV (UTF-8
// with BOM for Excel/WPS), XLSX (a sheet per category, held entries, committee, judges,
// stability), moderation overrides (a last column "Overrides" on each entry's row in CSV and
// XLSX — the row shows a score, not the judges' cells, so the override is named there as
// "judge · dimension: signed → override"; the XLSX adds a sheet with reason, who and when), a printable bilingual PDF report (ranking-report-pdf.ts), and the signed locked
// snapshot (what `kepu rank --verify` checks). The decisions in effect follow the same pattern: a
// last column "Decisions" and an XLSX sheet with reason, who and when. Carry-over between rounds adds a
// column after it (only when some list carries over). Texts come from the UI's locale files.
import type { ExportFile, RankingRow } from '../contract';
import { csvDocument } from '../core/export/csv';
import { XlsxStreamWriter } from '../core/export/xlsx-stream';
import { buildSnapshot, snapshotBytes } from '../core/ranking/snapshot';
import { latestSnapshotInfo, loadSnapshot, snapshotLinesPacked } from '../core/ranking/snapshot-store';
import { KepuError } from '../core/errors';
import { nowIso } from '../core/time';
import crypto from 'node:crypto';
import type { AppContext } from './context';
import fs from 'node:fs';
import type { Writable } from 'node:stream';
import path from 'node:path';
import { writeStreamAtomic } from '../core/files/atomic-write';
import { checkCancelled, type WorkerContext, type WorkerControl } from './worker-tasks';
import { saveExport } from './export-file';
import { categoryLabel, committeeApplicants, tierLabel } from './ranking-views';
import { rankingReportPdf } from './ranking-report-pdf';
import { categoryRows } from '../core/ranking/ranking-rows';
import type { ComputedRanking } from '../core/ranking/ranking-service';
import type { CategoryResult } from '../core/ranking/run-ranking';
import { both, describeFlag, describeTie, tEn, tZh } from './ranking-texts';
import { overrideCell, type OverrideText, overridesInEffect } from './override-texts';
import { decisionCell, type DecisionText, decisionsInEffect } from './decision-texts';
import { carryCell, hasCarryOver } from './carry-texts';

const num = (v: number | null | undefined, digits = 3) => (v === null || v === undefined ? '' : Number(v.toFixed(digits)));

interface FlatRow {
  category: string;
  /** The category's computed result (its published method and tier rules). */
  result: CategoryResult;
  section: 'ranked' | 'held';
  row: RankingRow;
}

function flatRows(computed: ComputedRanking): FlatRow[] {
  return computed.outcome.categories.flatMap((c) => {
    const label = categoryLabel(computed, c.kind, c.category);
    const category = `${label['zh-CN']} / ${label.en}`;
    return [
      ...categoryRows(computed, c, 'ranked', c.method).map((row) => ({ category, result: c, section: 'ranked' as const, row })),
      ...categoryRows(computed, c, 'held', c.method).map((row) => ({ category, result: c, section: 'held' as const, row })),
    ];
  });
}

function columns(computed: ComputedRanking) {
  const methods = computed.outcome.config.methods;
  const carried = hasCarryOver(computed);
  // Only when a list blends reach into its score (issue 16): the judges' result alone beside it.
  const blended = computed.data.definition.lists.some((l) => l.blend);
  const published = new Set(computed.outcome.categories.map((c) => c.method));
  if (published.size === 0) published.add(computed.outcome.config.primary);
  const headers = [
    '类别 / Category',
    both('ranking.columns.rank'),
    both('ranking.columns.tier'),
    both('ranking.columns.regNo'),
    both('ranking.columns.title'),
    both('ranking.columns.entrant'),
    `${tZh('ranking.columns.entrant')}单位 / Unit`,
    // One method for every list (the usual case) is named; lists ranked by methods of their own say so.
    published.size === 1 ? `${both('ranking.columns.score')} (${tEn(`ranking.methods.${[...published][0]}`)})` : both('ranking.columns.scoreByList'),
    ...methods.flatMap((m) => [`${tZh(`ranking.methods.${m}`)} / ${tEn(`ranking.methods.${m}`)}`, `${tZh('ranking.columns.rank')} / Rank (${m})`]),
    both('ranking.columns.judges'),
    `最低 / Lowest`,
    `最高 / Highest`,
    both('ranking.columns.sd'),
    both('ranking.columns.reasons'),
    // Last, so the columns before keep their places: what an override changed on this entry.
    both('ranking.columns.overrides'),
    // After it, for the same reason: the decisions in effect (an accepted late entry is ranked with no flag).
    both('ranking.columns.decisions'),
    // Only when a list carries over a previous round's score: both totals, w and the result.
    ...(carried ? [both('ranking.columns.carryOver')] : []),
    ...(blended ? [both('ranking.blend.judgesOnly'), `${tZh('ranking.blend.judgesOnly')}名次 / Judges-only rank`, both('ranking.blend.figure')] : []),
  ];
  const byEntry = new Map<number, OverrideText[]>();
  for (const o of overridesInEffect(computed)) byEntry.set(o.entryId, [...(byEntry.get(o.entryId) ?? []), o]);
  const decided = new Map<number, DecisionText[]>();
  for (const d of decisionsInEffect(computed)) decided.set(d.entryId, [...(decided.get(d.entryId) ?? []), d]);
  const cells = ({ category, result, row }: FlatRow): (string | number)[] => {
    const tier = row.tier ? tierLabel(result, row.tier) : null;
    return [
      category,
      row.rank ?? '',
      row.tier ? (tier ? `${tier['zh-CN']} / ${tier.en}` : row.tier) : '',
      row.regNo,
      row.title,
      row.entrantName,
      row.entrantUnit ?? '',
      num(row.score),
      ...methods.flatMap((m) => [num(row.methods[m]?.score), row.methods[m]?.rank ?? '']),
      row.judges,
      num(row.low),
      num(row.high),
      num(row.sd),
      [...row.flags.map((f) => `${describeFlag(tZh, f)} / ${describeFlag(tEn, f)}`), ...row.ties.map((t) => describeTie(tEn, t, computed, 'en'))].join('\n'),
      byEntry.has(row.entryId) ? `${overrideCell(tZh, byEntry.get(row.entryId) ?? [], 'zh-CN')}\n${overrideCell(tEn, byEntry.get(row.entryId) ?? [], 'en')}` : '',
      decided.has(row.entryId) ? `${decisionCell(tZh, decided.get(row.entryId) ?? [])}\n${decisionCell(tEn, decided.get(row.entryId) ?? [])}` : '',
      ...(carried ? [carryCell(computed, row.entryId, result.method)] : []),
      ...(blended ? blendCells(row) : []),
    ];
  };
  return { headers, cells };
}

/** The judges' score and rank alone and the figure blended (empty for a list that does not blend). */
function blendCells(row: RankingRow): (string | number)[] {
  const own = row.judgesOnly;
  if (!own) return ['', '', ''];
  return [num(own.score), own.rank ?? '', own.hadFigure ? `${own.value} (${tZh(`reach.metric.${own.metric}`)} / ${tEn(`reach.metric.${own.metric}`)})` : '—'];
}

/** What the exports read: the app's context, or a worker thread's (worker-context.ts). */
export type RankingExportContext = Pick<AppContext, 'dataDir' | 'db' | 'campaigns' | 'ranking'>;

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * `rounds`: the scoring round per list to rank, as the Ranking tab shows it (lists not named: their
 * default round, core/rounds/round-state.ts). A list ranked on a round other than 1 is named in the
 * file name (`-<list>-r<n>`), so exports of two rounds made the same day never replace each other,
 * and the PDF report says which round each list was ranked on.
 */
export async function exportRanking(ctx: RankingExportContext, campaignId: string, format: 'csv' | 'xlsx' | 'pdf' | 'snapshot', snapshotId?: string, control?: WorkerControl, rounds?: Record<string, number>): Promise<ExportFile> {
  const stamp = nowIso().slice(0, 10);
  if (format === 'snapshot') {
    const id = snapshotId ?? latestSnapshotInfo(ctx.db, campaignId)?.id;
    if (!id) throw new KepuError('RANKING_SNAPSHOT_NOT_FOUND', `ranking: campaign ${campaignId} has no published result`, { snapshotId: '—' });
    const loaded = loadSnapshot(ctx.db, campaignId, id);
    const packed = snapshotLinesPacked(ctx.db, id);
    const lock = {
      format: 'kepu-ranking-lock/1',
      snapshot: JSON.parse(loaded.bytes.toString('utf8')),
      sha256: loaded.info.sha256,
      signature: loaded.signature,
      signerKeyId: loaded.info.signerKeyId,
      signerPublicKey: loaded.signerPublicKey,
      signerName: loaded.info.signerName,
      lockedAt: loaded.info.lockedAt,
      // The inputs line by line, so `kepu rank --verify` on another machine names each difference.
      ...(packed ? { inputLines: packed.toString('base64') } : {}),
    };
    return saveExport(ctx, `ranking-${campaignId}-${id}.kepurank.json`, Buffer.from(`${JSON.stringify(lock, null, 2)}\n`, 'utf8'), 'application/json');
  }
  const computed = ctx.ranking.compute(campaignId, false, rounds);
  checkCancelled(control);
  const ranked = Object.entries(computed.data.rounds ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const base = `ranking-${campaignId}-${stamp}${ranked.map(([list, n]) => `-${list}-r${n}`).join('')}`;
  if (format === 'pdf') {
    // The current result's hash only when there is a published one to compare it with: building
    // and hashing the snapshot is ~2 s of a 50,000-entry report, and a draft report has no use for it.
    const latest = latestSnapshotInfo(ctx.db, campaignId);
    const matches = () => latest?.sha256 === crypto.createHash('sha256').update(snapshotBytes(buildSnapshot(computed.data, computed.outcome, computed.flags, computed.decisions))).digest('hex');
    const bytes = await rankingReportPdf(ctx, computed, latest ? { ...latest, matches: matches() } : null, control);
    checkCancelled(control);
    return saveExport(ctx, `${base}.pdf`, bytes, 'application/pdf');
  }
  const { headers, cells } = columns(computed);
  const rows = flatRows(computed);
  if (format === 'csv') {
    const bytes = Buffer.from(csvDocument([headers, ...rows.map(cells)]), 'utf8');
    checkCancelled(control);
    return saveExport(ctx, `${base}.csv`, bytes, 'text/csv');
  }
  const fileName = `${base}.xlsx`;
  const target = path.join(ctx.dataDir, 'exports', fileName);
  // Streamed (core/export/xlsx-stream.ts): each row goes to the file as it is made instead of a
  // workbook of 50,000 rows held in memory and zipped at the end. To a temporary name, renamed at
  // the end: a cancel leaves nothing.
  const savedTo = await writeStreamAtomic(target, (stream) => writeRankingWorkbook(stream, computed, headers, cells, rows, control), { ifHeld: 'numbered' });
  return { fileName, mimeType: XLSX_MIME, contentBase64: fs.readFileSync(savedTo).toString('base64'), savedTo, ...(savedTo === target ? {} : { heldOpen: target }) };
}

type WorkbookParts = [computed: ComputedRanking, headers: string[], cells: (r: FlatRow) => (string | number)[], rows: FlatRow[], control: WorkerControl | undefined];

async function writeRankingWorkbook(stream: Writable, ...parts: WorkbookParts): Promise<void> {
  const workbook = new XlsxStreamWriter(stream);
  try {
    await writeRankingSheets(workbook, ...parts);
  } catch (error) {
    workbook.abort(); // cancelled or failed: nothing more goes to the file, which is removed
    throw error;
  }
}

async function writeRankingSheets(workbook: XlsxStreamWriter, ...[computed, headers, cells, rows, control]: WorkbookParts): Promise<void> {
  const sheetOf = (name: string, widths: number[], frozen = false) => workbook.addSheet({ name, widths, frozenRows: frozen ? 1 : 0 });
  const used = new Set<string>();
  // The rows come category by category (flatRows), so each sheet takes the next run of rows.
  let next = 0;
  for (const c of computed.outcome.categories) {
    const label = categoryLabel(computed, c.kind, c.category);
    // Sheet names: ≤ 31 characters, no []:*?/\ and unique.
    let name = `${label['zh-CN']} ${label.en}`.replace(/[[\]:*?/\\]/g, ' ').slice(0, 28);
    for (let i = 2; used.has(name); i++) name = `${name.slice(0, 26)} ${i}`;
    used.add(name);
    const sheet = sheetOf(name, headers.map((_, i) => (i === 4 ? 36 : i === headers.length - 1 ? 60 : 14)), true);
    sheet.addRow(headers, 'bold');
    for (; next < rows.length && rows[next].result === c; next++) {
      sheet.addRow(cells(rows[next]));
      // Progress and cancel between slices; on the main thread (the CLI) other work gets a turn.
      if ((next + 1) % 2000 === 0) {
        control?.progress({ done: next + 1, total: rows.length });
        checkCancelled(control);
        await sheet.drained();
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  }
  const committee = committeeApplicants(computed);
  if (committee) {
    const sheet = sheetOf('委员名单 Committee', [20, 20, 20, 20, 20, 70]);
    sheet.addRow(['结果 / Decision', both('ranking.columns.regNo'), both('ranking.columns.entrant'), `单位 / Unit`, both('ranking.columns.score'), both('ranking.columns.reasons')], 'bold');
    const reasons = (a: (typeof committee.members)[number]) =>
      [...a.reasons.map((r) => `${tZh(`ranking.committee.reasons.${r.code}`, r.params)} / ${tEn(`ranking.committee.reasons.${r.code}`, r.params)}`), ...a.flags.map((f) => `${describeFlag(tZh, f)} / ${describeFlag(tEn, f)}`)].join('\n');
    for (const [key, list] of [['members', committee.members], ['rejected', committee.rejected], ['held', committee.held]] as const) {
      for (const a of list) sheet.addRow([both(`ranking.committee.${key}`, { count: list.length }), a.regNo, a.name, a.unit ?? '', num(a.score), reasons(a)]);
    }
  }
  // Every override in effect with its reason, who and when (the rows above only name judge and values).
  const overrides = overridesInEffect(computed);
  if (overrides.length > 0) {
    const sheet = sheetOf('改分 Overrides', [18, 18, 18, 18, 18, 50, 18]);
    sheet.addRow(
      [
        both('ranking.columns.regNo'),
        both('ranking.moderation.judge'),
        both('ranking.moderation.dimension'),
        both('ranking.moderation.signed'),
        both('ranking.moderation.override'),
        both('ranking.moderation.reason'),
        both('ranking.moderation.by'),
      ],
      'bold',
    );
    for (const o of overrides) sheet.addRow([o.regNo, o.judgeName, `${o.dimensionLabel['zh-CN']} / ${o.dimensionLabel.en}`, o.signed, o.value, o.reason, `${o.actor}, ${o.time}`]);
  }
  // Every decision in effect with its reason, who and when.
  const decisions = decisionsInEffect(computed);
  if (decisions.length > 0) {
    const sheet = sheetOf('处理决定 Decisions', [22, 22, 50, 22]);
    sheet.addRow([both('ranking.columns.regNo'), both('ranking.columns.decisions'), both('ranking.moderation.reason'), both('ranking.moderation.by')], 'bold');
    for (const d of decisions) sheet.addRow([d.regNo, `${tZh(`decisions.state.${d.kind}`)} / ${tEn(`decisions.state.${d.kind}`)}`, d.reason, `${d.actor}, ${d.time}`]);
  }
  const judges = workbook.addSheet({ name: '评委 Judges' });
  judges.addRow(['评委 / Judge', '评分数 / Scored', '最低 / Min', 'Q1', '中位 / Median', 'Q3', '最高 / Max', '偏差 / Bias', 'SD', '提示 / Flag'], 'bold');
  for (const j of computed.outcome.judges) {
    judges.addRow([computed.judgeNames.get(j.judgeId) ?? j.judgeId, j.scored, num(j.min), num(j.q1), num(j.median), num(j.q3), num(j.max), num(j.bias), num(j.sd), j.flag ? both(`ranking.charts.bias.${j.flag}`, { bias: (j.bias ?? 0).toFixed(2) }) : '']);
  }
  const stability = workbook.addSheet({ name: '稳定性 Stability' });
  stability.addRow(['类别 / Category', 'A', 'B', 'Kendall τ', 'W', 'ICC(1)', 'ICC(k)'], 'bold');
  for (const c of computed.outcome.categories) {
    const label = categoryLabel(computed, c.kind, c.category);
    for (const t of c.stability.tau) stability.addRow([`${label['zh-CN']} / ${label.en}`, t.a, t.b, num(t.tau), num(c.stability.w.value), num(c.stability.icc?.icc1), num(c.stability.icc?.icc1k)]);
  }
  control?.progress({ done: rows.length, total: rows.length });
  checkCancelled(control);
  await workbook.finish();
}

/** The export as a worker's job (ranking:exportJob): the file, or JobCancelled when cancelled. */
export async function exportRankingJob(ctx: WorkerContext, args: { campaignId: string; format: 'csv' | 'xlsx' | 'pdf'; rounds?: Record<string, number> }, control: WorkerControl): Promise<{ cancelled: false; file: ExportFile }> {
  return { cancelled: false, file: await exportRanking(ctx, args.campaignId, args.format, undefined, control, args.rounds) };
}
