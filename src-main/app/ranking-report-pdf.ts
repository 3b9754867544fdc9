// The printable ranking report: A4 portrait, bilingual (Chinese and English labels side by side),
// with the method and tie-breaks, whether it matches the published (locked) result, then per
// category the score histogram, the agreement and stability figures, the ranked list with each
// entry's spread of judges' totals drawn inline, the held entries with their reasons, the
// judges' score distributions as box plots and, for committee selections, the member list with
// the reasons for each rejection, the moderation overrides and the decisions on entries in effect. The font is embedded (subset) so it prints anywhere and the
// text stays searchable.
//
// Speed (issue 18: the 50,000-entry report within 10 s): the rows and tie-break lines, ~450,000
// pieces of text, are drawn through core/pdf (table-cells.ts: widths from the cmap, no PDFKit line
// wrapper; fast-text.ts: each line's operators written at once, glyphs through the font's subset;
// fast-shaping.ts: no fontkit shaping for ideographs, digits and ids), and the spread charts as
// operator strings (content-ops.ts). Each writes what PDFKit itself would write, byte for byte
// (tests/unit/pdf/fast-text.test.ts), so the document is the same, only made faster.
import PDFDocument from 'pdfkit';
import type { RankingMethod } from '../contract';
import { allEligibility, findDimension } from '../contract/lists';
import { FONT, useAppFonts } from '../core/pdf/fonts';
import { cell, cellMeasure, paragraph } from '../core/pdf/table-cells';
import { useFastShaping } from '../core/pdf/fast-shaping';
import { circlePath, strokedLine } from '../core/pdf/content-ops';
import type { StoredSnapshot } from '../core/ranking/snapshot-store';
import { formatInZone } from '../core/time';
import type { AppContext } from './context';
import { checkCancelled, type WorkerControl } from './worker-tasks';
import { setAsideSummary } from '../core/ranking/set-aside';
import { both, describeFlag, describeSetAside, describeTie, tEn, tZh } from './ranking-texts';
import { categoryLabel, committeeApplicants, tierLabel, trimFallback } from './ranking-views';
import { overrideLine, overridesInEffect } from './override-texts';
import { decisionLine, decisionsInEffect } from './decision-texts';
import { carryListLines, hasCarryOver } from './carry-texts';
import { categoryRows, scaleOf } from '../core/ranking/ranking-rows';
import type { ComputedRanking } from '../core/ranking/ranking-service';

type Doc = InstanceType<typeof PDFDocument>;
const M = 42; // page margin
const INK = '#1f2933';
const MUTED = '#66707a';
const ACCENT = '#1d5fa8';
const RULE = '#d5dbe1';

/**
 * `control` (a worker's job): progress in ranked rows drawn, and a cancel seen between slices of
 * 500 rows (the document, still in memory, is dropped).
 */
export async function rankingReportPdf(ctx: Pick<AppContext, 'db' | 'campaigns'>, computed: ComputedRanking, lock: (StoredSnapshot & { matches: boolean }) | null, control?: WorkerControl): Promise<Buffer> {
  const totalRows = computed.outcome.categories.reduce((n, c) => n + (c.lists[c.method]?.ranked.length ?? 0), 0);
  let rowsDone = 0;
  const def = computed.data.definition;
  const tz = def.timeZone;
  const summary = ctx.campaigns.summary(computed.data.campaignId);
  const doc = new PDFDocument({ size: 'A4', margin: M, bufferPages: true, info: { Title: `${tZh('ranking.report.title')} / ${tEn('ranking.report.title')} — ${summary.name['zh-CN']} / ${summary.name.en}`, Creator: 'Kepu Review' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  useAppFonts(doc);
  useFastShaping(doc);
  const width = doc.page.width - 2 * M;
  const bottom = () => doc.page.height - M - 16;
  const ensure = (h: number) => {
    if (doc.y + h > bottom()) {
      doc.addPage();
      doc.y = M;
    }
  };
  const heading = (text: string, size = 13) => {
    ensure(size * 3);
    doc.moveDown(0.6).font(FONT.bold).fontSize(size).fillColor(INK).text(text, M, doc.y, { width });
    doc.moveTo(M, doc.y + 2).lineTo(M + width, doc.y + 2).lineWidth(0.5).strokeColor(RULE).stroke();
    doc.moveDown(0.4).font(FONT.regular).fontSize(9);
  };
  const para = (text: string, color = INK, size = 9) => {
    ensure(size * 2);
    doc.font(FONT.regular).fontSize(size).fillColor(color).text(text, M, doc.y, { width });
  };

  // Title block.
  doc.font(FONT.bold).fontSize(20).fillColor(INK).text(`${tZh('ranking.report.title')}  ${tEn('ranking.report.title')}`, M, M, { width });
  doc.moveDown(0.3).font(FONT.regular).fontSize(11).text(def.name['zh-CN'], { width });
  doc.fontSize(10).fillColor(MUTED).text(def.name.en, { width });
  doc.text(def.organizers.map((o) => `${o.name['zh-CN']} / ${o.name.en}`).join(' · '), { width });
  doc.moveDown(0.6);
  const config = computed.outcome.config;
  const methodText = (m: RankingMethod) => `${tZh(`ranking.methods.${m}`)} / ${tEn(`ranking.methods.${m}`)} — ${tEn(`ranking.methodHelp.${m}`, { n: config.trimMinJudges })}`;
  // Lists ranked by methods of their own are named each with its method.
  const byList = new Map(computed.outcome.categories.map((c) => [c.list, c.method]));
  const methods = new Set(byList.values());
  const methodLine =
    methods.size <= 1
      ? methodText([...methods][0] ?? config.primary)
      : def.lists.filter((l) => byList.has(l.key)).map((l) => `${l.name['zh-CN']} / ${l.name.en}: ${methodText(byList.get(l.key) as RankingMethod)}`).join('\n');
  const meta: [string, string][] = [
    [both('ranking.report.method'), methodLine],
    [both('ranking.report.methods'), config.methods.map((m) => `${tZh(`ranking.methods.${m}`)} / ${tEn(`ranking.methods.${m}`)}`).join(', ')],
    [both('ranking.report.tieBreaks'), config.tieBreaks.map((t) => tieBreakText(computed, t)).join(' → ')],
    // Only when some list is ranked on a round other than 1 (CampaignScores.rounds): every list's round.
    ...(computed.data.rounds
      ? [[both('ranking.report.rounds'), def.lists.map((l) => `${l.name['zh-CN']} / ${l.name.en}: ${tZh('rounds.numbered', { roundNo: computed.data.rounds?.[l.key] ?? 1 })} / ${tEn('rounds.numbered', { roundNo: computed.data.rounds?.[l.key] ?? 1 })}`).join('\n')] as [string, string]]
      : []),
    [both('ranking.report.computedAt'), formatInZone(computed.computedAt, tz)],
    [
      both('ranking.report.lockedAs'),
      lock
        ? `${tZh(lock.matches ? 'ranking.report.matchesLock' : 'ranking.report.differsLock', { hash: lock.sha256.slice(0, 16), time: formatInZone(lock.lockedAt, tz) })}\n${tEn(lock.matches ? 'ranking.report.matchesLock' : 'ranking.report.differsLock', { hash: lock.sha256.slice(0, 16), time: formatInZone(lock.lockedAt, tz) })}\n${lock.signerName} · ${lock.signerFingerprint}`
        : both('ranking.report.notLocked'),
    ],
  ];
  for (const [label, value] of meta) {
    ensure(24);
    const y = doc.y;
    doc.font(FONT.bold).fontSize(8.5).fillColor(MUTED).text(label, M, y, { width: 150 });
    doc.font(FONT.regular).fontSize(8.5).fillColor(lock && !lock.matches && label === meta[4][0] ? '#b42318' : INK).text(value, M + 156, y, { width: width - 156 });
    doc.y = Math.max(doc.y, y + 12) + 3;
  }
  // Scores and answers a new definition version set aside: kept, not counted — said before the lists.
  const setAside = setAsideSummary(ctx.db, computed.data);
  if (setAside) {
    doc.moveDown(0.3);
    for (const line of [...describeSetAside(tZh, setAside, 'zh-CN'), ...describeSetAside(tEn, setAside, 'en')]) para(line, MUTED, 8);
  }

  for (const c of computed.outcome.categories) {
    const scale = scaleOf(computed, c.list);
    const label = categoryLabel(computed, c.kind, c.category);
    const ranked = categoryRows(computed, c, 'ranked', c.method);
    const held = categoryRows(computed, c, 'held', c.method);
    ensure(190); // heading, figures and the first rows stay together
    heading(`${label['zh-CN']}  ${label.en}`);
    para(`${tZh('ranking.categoryCount', { ranked: ranked.length, held: held.length })} · ${tEn('ranking.categoryCount', { ranked: ranked.length, held: held.length })}`, MUTED);
    // The trimmed mean fell back to the plain mean for entries with too few judges: said, not silent.
    const fallback = trimFallback(computed, c);
    if (fallback) para(`${tZh('ranking.fallback.trimmed', { count: fallback.entries, n: fallback.needed })}\n${tEn('ranking.fallback.trimmed', { count: fallback.entries, n: fallback.needed })}`, '#b54708', 8);
    // Histogram and figures side by side.
    ensure(110);
    const top = doc.y + 4;
    histogram(doc, M, top, 230, 80, ranked.map((r) => r.score ?? 0), scale, `${tZh('ranking.charts.histogram', { method: tZh(`ranking.methods.${c.method}`) })} / ${tEn('ranking.charts.histogram', { method: tEn(`ranking.methods.${c.method}`) })}`);
    const s = c.stability;
    const figures = [
      `${both('ranking.stability.w')}: ${s.w.value === null ? tEn('ranking.stability.wNone') : `${s.w.value.toFixed(3)} (${s.w.judges} × ${s.w.entries})`}`,
      `${both('ranking.stability.icc')}: ${s.icc ? `${s.icc.icc1.toFixed(3)} / ${s.icc.icc1k === null ? '—' : s.icc.icc1k.toFixed(3)}` : '—'}`,
      `${both('ranking.stability.tau')}:`,
      ...s.tau.map((t) => `   ${tEn(`ranking.methods.${t.a}`)} ↔ ${tEn(`ranking.methods.${t.b}`)}: ${t.tau === null ? '—' : t.tau.toFixed(3)}`),
    ];
    doc.font(FONT.regular).fontSize(7.5).fillColor(INK).text(figures.join('\n'), M + 250, top, { width: width - 250, height: 100, ellipsis: true });
    doc.y = top + 106;
    if (s.movers.length > 0) {
      para(`${both('ranking.stability.movers')}: ${s.movers.slice(0, 5).map((m) => `${m.regNo} (${config.methods.map((x) => `${x} ${m.ranks[x] ?? '—'}`).join(', ')})`).join('; ')}`, MUTED, 7.5);
    }
    // The ranked list; a list blending reach (issue 16) says how and shows the judges' result alone.
    const blend = computed.data.definition.lists.find((l) => l.key === c.list)?.blend;
    if (blend) {
      const words = (t: typeof tEn) => t(`ranking.blend.note.${blend.method}`, { percent: Math.round(blend.weight * 100), judges: Math.round((1 - blend.weight) * 100), metric: t(`reach.metric.${blend.metric}`) });
      para(`${words(tZh)} ${words(tEn)}`, MUTED, 7.5);
    }
    const judgesOnlyWidth = blend ? 46 : 0;
    const cols = [
      { key: 'rank', w: 28 },
      { key: 'tier', w: 62 },
      { key: 'regNo', w: 62 },
      { key: 'title', w: 130 - judgesOnlyWidth / 2 },
      { key: 'entrant', w: 90 - judgesOnlyWidth / 2 },
      { key: 'score', w: 34 },
      ...(blend ? [{ key: 'judgesOnly', w: judgesOnlyWidth }] : []),
      { key: 'judges', w: 32 },
      { key: 'spread', w: width - 438 },
    ];
    let headMeasure: ReturnType<typeof cellMeasure> | undefined;
    const header = () => {
      ensure(30);
      let x = M;
      const y = doc.y + 4;
      doc.font(FONT.bold).fontSize(7).fillColor(MUTED);
      headMeasure ??= cellMeasure(doc);
      for (const col of cols) {
        doc.y = y;
        paragraph(doc, `${tZh(`ranking.columns.${col.key}`)}\n${tEn(`ranking.columns.${col.key}`)}`, x, col.w - 4, headMeasure);
        x += col.w;
      }
      doc.y = y + 20;
      doc.moveTo(M, doc.y - 2).lineTo(M + width, doc.y - 2).lineWidth(0.5).strokeColor(RULE).stroke();
    };
    header();
    // One width measure for the rows' font and size (regular 7.5 pt), made on the first row.
    let rowMeasure: ReturnType<typeof cellMeasure> | undefined;
    let tieMeasure: ReturnType<typeof cellMeasure> | undefined;
    let heldMeasure: ReturnType<typeof cellMeasure> | undefined;
    for (const [index, r] of ranked.entries()) {
      // A 50,000-entry report takes half a minute: let other requests (and the UI) in between.
      if (index % 500 === 499) {
        control?.progress({ done: rowsDone + index + 1, total: totalRows });
        checkCancelled(control);
        await yieldToEventLoop();
      }
      if (doc.y + 13 > bottom()) {
        doc.addPage();
        doc.y = M;
        header();
      }
      const y = doc.y;
      const tier = r.tier ? tierLabel(c, r.tier) : null;
      const values: Record<string, string> = {
        rank: String(r.rank),
        tier: r.tier ? (tier ? `${tier['zh-CN']}` : r.tier) : '',
        regNo: r.regNo,
        title: r.title,
        entrant: r.entrantName,
        score: r.score === null ? '—' : r.score.toFixed(2),
        judgesOnly: r.judgesOnly ? `${r.judgesOnly.rank ?? '—'} · ${r.judgesOnly.score === null ? '—' : r.judgesOnly.score.toFixed(2)}` : '',
        judges: String(r.judges),
      };
      let x = M;
      doc.font(FONT.regular).fontSize(7.5).fillColor(INK);
      rowMeasure ??= cellMeasure(doc);
      for (const col of cols) {
        if (col.key === 'spread') spread(doc, x, y + 2, col.w - 6, 7, r.low, r.high, r.score, scale);
        else cell(doc, values[col.key], x, y, col.w - 4, rowMeasure);
        x += col.w;
      }
      doc.y = y + 12;
      for (const tie of r.ties.filter((t) => t.behind === r.regNo)) {
        ensure(10);
        doc.font(FONT.regular).fontSize(6.5).fillColor(MUTED);
        tieMeasure ??= cellMeasure(doc);
        paragraph(doc, `└ ${describeTie(tZh, tie, computed, 'zh-CN')} / ${describeTie(tEn, tie, computed, 'en')}`, M + 30, width - 30, tieMeasure);
      }
    }
    rowsDone += ranked.length;
    if (held.length > 0) {
      ensure(30);
      doc.moveDown(0.4).font(FONT.bold).fontSize(9).fillColor(INK).text(`${tZh('ranking.sections.held', { count: held.length })} · ${tEn('ranking.sections.held', { count: held.length })}`, M, doc.y, { width });
      para(`${tZh('ranking.heldHelp')} ${tEn('ranking.heldHelp')}`, MUTED, 7.5);
      for (const h of held) {
        ensure(15);
        doc.font(FONT.regular).fontSize(7.5).fillColor(INK);
        heldMeasure ??= cellMeasure(doc);
        paragraph(doc, `${h.regNo}  ${h.title} — ${h.flags.map((f) => `${describeFlag(tZh, f)} / ${describeFlag(tEn, f)}`).join('; ')}`, M, width, heldMeasure);
      }
    }
  }

  // Judges.
  if (computed.outcome.judges.length > 0) {
    heading(`${tZh('ranking.charts.judges')}  ${tEn('ranking.charts.judges')}`, 11);
    for (const j of computed.outcome.judges) {
      ensure(16);
      const y = doc.y;
      const name = computed.judgeNames.get(j.judgeId) ?? j.judgeId;
      doc.font(FONT.regular).fontSize(7.5).fillColor(INK);
      cell(doc, name, M, y, 110);
      doc.fillColor(MUTED).text(`${tZh('ranking.charts.scored', { count: j.scored })}`, M + 112, y, { width: 50, lineBreak: false });
      boxPlot(doc, M + 165, y + 1, width - 165 - 120, 8, j, scaleOf(computed));
      const flag = j.flag ? `${tZh(`ranking.charts.bias.${j.flag}`, { bias: (j.bias ?? 0).toFixed(2) })} / ${tEn(`ranking.charts.bias.${j.flag}`, { bias: (j.bias ?? 0).toFixed(2) })}` : '';
      doc.fillColor(j.flag ? '#b54708' : MUTED);
      cell(doc, flag, M + width - 115, y, 115);
      doc.y = y + 14;
    }
  }

  // Moderation: every override in effect, beside the judge's signed score, with reason, who and when.
  const overrides = overridesInEffect(computed);
  heading(`${tZh('ranking.report.overrides')}  ${tEn('ranking.report.overrides')}`, 11);
  if (overrides.length === 0) para(both('ranking.report.overridesNone'), MUTED, 8);
  for (const o of overrides) {
    para(overrideLine(tZh, o, 'zh-CN'), INK, 7.5);
    para(overrideLine(tEn, o, 'en'), MUTED, 7.5);
  }

  // Decisions: every decision in effect on an entry, with reason, who and when (an accepted late
  // entry is ranked with no flag, so only this says why it has a place).
  const decisions = decisionsInEffect(computed);
  heading(`${tZh('ranking.report.decisions')}  ${tEn('ranking.report.decisions')}`, 11);
  if (decisions.length === 0) para(both('ranking.report.decisionsNone'), MUTED, 8);
  for (const d of decisions) {
    para(decisionLine(tZh, d), INK, 7.5);
    para(decisionLine(tEn, d), MUTED, 7.5);
  }

  // Carry-over between rounds (only when some list carries over): w, the rounds, and who ranks on
  // this round alone. Each entry's own figures are in the CSV / XLSX and the "why this place" view.
  if (hasCarryOver(computed)) {
    heading(`${tZh('ranking.report.carryOver')}  ${tEn('ranking.report.carryOver')}`, 11);
    const en = carryListLines(tEn, computed, 'en');
    carryListLines(tZh, computed, 'zh-CN').forEach((line, i) => {
      para(line, INK, 7.5);
      para(en[i], MUTED, 7.5);
    });
  }

  // Committee.
  const committee = committeeApplicants(computed);
  if (committee) {
    heading(`${tZh('ranking.committee.title')}  ${tEn('ranking.committee.title')}`, 11);
    para(`${tZh('ranking.committee.rule', { rule: tZh(`ranking.committee.rules.${committee.rule}`) })} / ${tEn('ranking.committee.rule', { rule: tEn(`ranking.committee.rules.${committee.rule}`) })}`, MUTED, 8);
    const eligibility = new Map(allEligibility(def).map((i) => [i.key, i.label]));
    const reasonText = (t: typeof tZh, lang: 'zh-CN' | 'en', r: { code: string; params: Record<string, string | number> }) =>
      t(`ranking.committee.reasons.${r.code}`, { ...r.params, item: eligibility.get(String(r.params.item))?.[lang] ?? r.params.item, score: typeof r.params.score === 'number' ? r.params.score.toFixed(2) : r.params.score });
    for (const key of ['members', 'rejected', 'held'] as const) {
      const list = committee[key];
      ensure(24);
      doc.moveDown(0.3).font(FONT.bold).fontSize(9).fillColor(INK).text(`${tZh(`ranking.committee.${key}`, { count: list.length })} · ${tEn(`ranking.committee.${key}`, { count: list.length })}`, M, doc.y, { width });
      for (const a of list) {
        const why = [...a.reasons.map((r) => `${reasonText(tZh, 'zh-CN', r)} / ${reasonText(tEn, 'en', r)}`), ...a.flags.map((f) => `${describeFlag(tZh, f)} / ${describeFlag(tEn, f)}`)];
        para(`${a.regNo}  ${a.name}${a.unit ? `(${a.unit})` : ''}  ${a.score === null ? '' : a.score.toFixed(2)}${why.length ? ` — ${why.join('; ')}` : ''}`, INK, 7.5);
      }
    }
  }

  // Page numbers.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Centred by hand and drawn with no width: PDFKit's wrapper saw the footer below the page's
    // bottom margin and started a new page for it, so every page was followed by a blank one that
    // held only the previous page's footer (half of a report's pages).
    const footer = `${summary.name['zh-CN']} · ${tZh('ranking.report.page', { page: i + 1 })} / ${tEn('ranking.report.page', { page: i + 1 })}`;
    doc.font(FONT.regular).fontSize(7).fillColor(MUTED);
    doc.text(footer, M + Math.max(0, (width - doc.widthOfString(footer)) / 2), doc.page.height - M + 8, { lineBreak: false });
  }
  doc.end();
  return done;
}

function tieBreakText(computed: ComputedRanking, t: ComputedRanking['outcome']['config']['tieBreaks'][number]): string {
  if (t.by === 'dimension') {
    const d = findDimension(computed.data.definition, t.key)?.label;
    return `${tZh('ranking.settings.tieBy.dimension', { dimension: d?.['zh-CN'] ?? t.key })} / ${tEn('ranking.settings.tieBy.dimension', { dimension: d?.en ?? t.key })}`;
  }
  if (t.by === 'method') return `${tZh('ranking.settings.tieBy.method', { method: tZh(`ranking.methods.${t.method}`) })} / ${tEn('ranking.settings.tieBy.method', { method: tEn(`ranking.methods.${t.method}`) })}`;
  return both('ranking.settings.tieBy.submittedAt');
}

function histogram(doc: Doc, x: number, y: number, w: number, h: number, scores: number[], scale: { min: number; max: number }, title: string): void {
  const bins = new Array<number>(20).fill(0);
  for (const s of scores) bins[Math.min(19, Math.max(0, Math.floor(((s - scale.min) / (scale.max - scale.min)) * 20)))]++;
  const peak = Math.max(1, ...bins);
  doc.font(FONT.regular).fontSize(7).fillColor(MUTED).text(title, x, y, { width: w, lineBreak: false, ellipsis: true });
  const top = y + 12;
  const plotH = h - 22;
  const barW = w / 20;
  bins.forEach((n, i) => {
    const bh = (n / peak) * plotH;
    if (n > 0) doc.rect(x + i * barW + 0.5, top + plotH - bh, barW - 1, bh).fill(ACCENT);
  });
  doc.moveTo(x, top + plotH).lineTo(x + w, top + plotH).lineWidth(0.5).strokeColor(RULE).stroke();
  doc.font(FONT.regular).fontSize(6.5).fillColor(MUTED);
  doc.text(String(scale.min), x, top + plotH + 2, { lineBreak: false });
  doc.text(String(scale.max), x + w - 12, top + plotH + 2, { lineBreak: false });
}

/** A row's spread of judges' totals: the operators written in one piece (core/pdf/content-ops.ts). */
function spread(doc: Doc, x: number, y: number, w: number, h: number, low: number | null, high: number | null, score: number | null, scale: { min: number; max: number }): void {
  const at = (v: number) => x + ((v - scale.min) / (scale.max - scale.min)) * w;
  let ops = strokedLine(x, y + h / 2, x + w, y + h / 2, 0.3, RULE);
  if (low !== null && high !== null) ops += `\n${strokedLine(at(low), y + h / 2, at(high) + 0.01, y + h / 2, 2, '#8fb3dd')}`;
  if (score !== null) ops += `\n${circlePath(at(score), y + h / 2, 1.8)}`;
  doc.addContent(ops);
  if (score !== null) doc.fill(ACCENT); // through PDFKit: it keeps the fill colour it sets
}

function boxPlot(doc: Doc, x: number, y: number, w: number, h: number, j: { min: number | null; q1: number | null; median: number | null; q3: number | null; max: number | null }, scale: { min: number; max: number }): void {
  const at = (v: number) => x + ((v - scale.min) / (scale.max - scale.min)) * w;
  doc.moveTo(x, y + h / 2).lineTo(x + w, y + h / 2).lineWidth(0.3).strokeColor(RULE).stroke();
  if (j.min === null || j.max === null || j.q1 === null || j.q3 === null || j.median === null) return;
  doc.moveTo(at(j.min), y + h / 2).lineTo(at(j.max) + 0.01, y + h / 2).lineWidth(0.8).strokeColor(INK).stroke();
  doc.rect(at(j.q1), y, Math.max(0.8, at(j.q3) - at(j.q1)), h).fillAndStroke('#dbe7f5', INK);
  doc.moveTo(at(j.median), y).lineTo(at(j.median), y + h).lineWidth(1.2).strokeColor(ACCENT).stroke();
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
