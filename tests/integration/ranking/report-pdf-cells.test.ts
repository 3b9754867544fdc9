// The ranking report's table cells (core/pdf/table-cells.ts, fast-shaping.ts), read back with
// poppler: every ranked row's registration number, title and entrant are in the text, a title too
// long for its column is cut with '…' and never reaches past the column (word boxes from
// `pdftotext -bbox`), tie-break lines and held entries are there, in Chinese and English.
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExportFile, RankingSummary } from '../../../src-main/contract';
import { syntheticEntries } from '../../e2e/seed';
import { ok, openTestApp } from '../../helpers';

type Rows = { total: number; rows: { regNo: string; rank: number | null }[] };

const LONG_EN = 'A remarkably long English title about vaccines, sleep and everyday health that cannot fit';
const LONG_ZH = '关于睡眠、疫苗与日常健康的一部特别特别长的中文科普作品标题';

function seeded() {
  const app = openTestApp();
  const template = app.ctx.templates.get('sichuan-influence-2023');
  const campaign = app.ctx.campaigns.create(template.id, template.definition);
  const entries = syntheticEntries(90);
  entries[0].title = LONG_EN; // work · graphic
  entries[2].title = LONG_ZH; // individual (accounts are held: the synthetic ones have no link)
  entries[6].title = 'Short'; // work · video
  const ids = app.ctx.entries.insertMany(campaign.id, new Date(template.definition.deadline).toISOString(), entries);
  const judges = Array.from({ length: 5 }, (_, j) => app.ctx.judges.create(campaign.id, j === 0 ? 'Judge Zhang' : `评委${j}`, null).id);
  app.ctx.judges.assign(ids.flatMap((entryId) => judges.map((judgeId) => ({ entryId, judgeId }))), 'auto');
  const insert = app.ctx.db.prepare("INSERT INTO scores (entry_id, judge_id, dimension_key, value, revision, updated_at) VALUES (?, ?, ?, ?, 1, '2024-01-01T00:00:00.000Z')");
  app.ctx.db.transaction(() => {
    ids.forEach((entryId, i) => {
      // Every 11th entry has one judge's scores only (held: too few judges); the coarse grid of
      // values gives many ties, and content/creativity differing breaks some of them.
      const scoring = i % 11 === 5 ? judges.slice(0, 1) : judges;
      for (const judgeId of scoring) {
        insert.run(entryId, judgeId, 'content', 4 + (i % 5));
        insert.run(entryId, judgeId, 'creativity', 4 + ((i * 3) % 4));
        insert.run(entryId, judgeId, 'communication', 6);
      }
    });
  })();
  return { ...app, campaignId: campaign.id, entries };
}

interface Word {
  xMin: number;
  xMax: number;
  yMin: number;
  text: string;
}

function words(file: string): Word[] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({ xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), text: m[4].replace(/&amp;/g, '&') }));
}

describe('ranking report table cells', () => {
  let app: ReturnType<typeof seeded>;
  let pdf: ExportFile;
  let text: string;
  beforeAll(async () => {
    app = seeded();
    pdf = await ok<ExportFile>(app.dispatch('ranking:export', { campaignId: app.campaignId, format: 'pdf' }));
    text = execFileSync('pdftotext', [pdf.savedTo, '-'], { encoding: 'utf8' });
    if (process.env.KEEP_PDF) (await import('node:fs')).copyFileSync(pdf.savedTo, process.env.KEEP_PDF);
  });

  it('holds every ranked row, with titles whole or cut with … at a prefix', async () => {
    const summary = await ok<RankingSummary>(app.dispatch('ranking:summary', { campaignId: app.campaignId }));
    expect(summary.counts.held).toBeGreaterThan(0);
    const flat = text.replace(/\s+/g, '');
    let cut = 0;
    let rows = 0;
    for (const c of summary.categories) {
      const list = await ok<Rows>(app.dispatch('ranking:list', { campaignId: app.campaignId, kind: c.kind, category: c.category, section: 'ranked', offset: 0, limit: 500 }));
      expect(list.total).toBe(c.ranked);
      rows += list.total;
      for (const r of list.rows) {
        const entry = app.entries.find((e) => e.regNo === r.regNo)!;
        // The row as drawn: reg. no., title (whole, or cut with …), entrant (tie-break lines
        // name the reg. no. too, so any occurrence may be the row).
        const entrant = entry.entrantName.replace(/\s+/g, '');
        const drawn = [...flat.matchAll(new RegExp(`${r.regNo}(.{1,60}?)${entrant}`, 'g'))].map((m) => m[1]);
        const row = drawn.find((t) => t === entry.title.replace(/\s+/g, '') || t.endsWith('…'));
        expect(row, `${r.regNo}: ${drawn.join(' | ')}`).toBeDefined();
        const title = row!;
        const whole = entry.title.replace(/\s+/g, '');
        if (title !== whole) {
          cut++;
          expect(title.endsWith('…'), `${r.regNo}: ${title}`).toBe(true);
          expect(whole.startsWith(title.slice(0, -1)), `${r.regNo}: ${title}`).toBe(true);
          expect(title.length).toBeGreaterThan(5); // the column is filled, not emptied
        }
      }
    }
    expect(rows).toBe(summary.counts.ranked);
    expect(cut).toBeGreaterThan(0);
    expect(flat).toContain('Short');
    expect(flat).toMatch(/ARemarkablylongEnglishtitle/i);
    expect(flat).toContain(LONG_ZH.slice(0, 8));
    expect(flat).not.toContain(LONG_ZH); // too long for the column
  });

  it('never draws a cut cell past its column', () => {
    // Column left edges on an A4 page with 42 pt margins (ranking-report-pdf.ts, no reach blend).
    const edges = [42, 70, 132, 194, 324, 414, 448, 480];
    // The cut cells (the stability figures beside the histogram end with … too, in a block of their own).
    const cells = app.entries.flatMap((e) => [e.title.replace(/\s+/g, ''), e.entrantName.replace(/\s+/g, '')]).join('\n');
    const cutWords = words(pdf.savedTo).filter((w) => w.text.endsWith('…') && cells.includes(w.text.slice(0, -1)));
    expect(cutWords.length).toBeGreaterThan(0);
    for (const w of cutWords) {
      const column = edges.findLastIndex((e) => e <= w.xMin + 0.5);
      expect(column, w.text).toBeGreaterThanOrEqual(0);
      expect(w.xMax, `${w.text} in column ${column}`).toBeLessThanOrEqual(edges[column + 1] - 4 + 0.01);
    }
  });

  it('writes the tie-break lines and the held entries in both languages', () => {
    // └ (U+2514): the app's font has no glyph for ↳, which printed as a missing-glyph box.
    expect(text).toContain('└');
    expect(text).not.toContain('↳');
    expect(text).toMatch(/tied at \d+\.\d{2}/);
    expect(text).toMatch(/同为 ?\d+\.\d{2} ?分/);
    expect(text).toContain('Held out');
    const heldRegNo = app.entries[5].regNo; // one judge only
    expect(text).toContain(heldRegNo);
    // Page numbers on every page, and no page with a footer alone (the footer's own page break).
    for (let p = 1; p <= 3; p++) expect(execFileSync('pdftotext', ['-f', String(p), '-l', String(p), pdf.savedTo, '-'], { encoding: 'utf8' })).toContain(`Page ${p}`);
    expect(execFileSync('pdftotext', ['-l', '1', pdf.savedTo, '-'], { encoding: 'utf8' })).toContain('Ranking report');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf.savedTo], { encoding: 'utf8' }))![1]);
    expect(text, text.slice(-300)).toContain(`Page ${pages}`);
    // The campaign's name in the footer (it printed "[object Object]").
    expect(text).not.toContain('[object Object]');
    expect(text).toContain(`${app.ctx.campaigns.summary(app.campaignId).name['zh-CN']} · 第 ${pages} 页`);
  });
});
