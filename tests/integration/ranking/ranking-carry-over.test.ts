// Carry-over in the ranking of a final round (issue 14), on a real database: the round-2 ranking
// blends each entry's round-1 total (w = 0.3), the "why this place" view shows both totals, the
// lock records w and the round-1 totals, verifies, and a round-1 score changed behind the app's
// back (sqlite) makes verification name the entry whose earlier total moved.
import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { CampaignDefinition, ExportFile, RankingEntryDetail, RankingRow, RankingSummary, SnapshotInfo, SnapshotVerification } from '../../../src-main/contract';
import { carriedLine, differenceLines } from '../../../src-main/contract/verify-text';
import { createNodeI18n } from '../../../src-main/app/translate';
import { parseSnapshot } from '../../../src-main/core/ranking/snapshot';
import { ok, openMergedSample } from '../../helpers';

const scoring = (key: string, en: string, zh: string, carryOver = 0) => ({ key, name: { 'zh-CN': zh, en }, kind: 'scoring' as const, panel: null, judgesPerEntry: null, rubric: null, dueAt: null, shortlist: null, carryOver });

describe('carry-over in the ranking', () => {
  it('blends round 1 into round 2, explains it, locks it and verify names a changed round-1 total', async () => {
    const app = await openMergedSample();
    const campaignId = app.works.id;
    // Methods whose score depends on the entry's own reviews only (a z-score or Borda count moves
    // with every total of the judge's queue, so a changed score would move other entries too).
    await ok(app.dispatch('ranking:configure', { campaignId, config: { methods: ['mean', 'median'], primary: 'mean' } }));
    const def = app.ctx.campaigns.definition(campaignId);
    const list = def.lists[0];
    const summaryOf = async (rounds?: Record<string, number>) => ok<RankingSummary>(app.dispatch('ranking:summary', { campaignId, refresh: true, ...(rounds ? { rounds } : {}) }));
    const first = (await summaryOf()).categories.find((x) => x.list === list.key)!;
    const rowsOf = async (rounds?: Record<string, number>) =>
      (await ok<{ rows: RankingRow[] }>(app.dispatch('ranking:list', { campaignId, kind: first.kind, category: first.category, section: 'ranked', offset: 0, limit: 500, ...(rounds ? { rounds } : {}) }))).rows;
    const roundOne = new Map((await rowsOf()).map((r) => [r.entryId, r.score as number]));

    const next: CampaignDefinition = { ...def, lists: def.lists.map((l, i) => (i === 0 ? { ...l, rounds: [scoring('first', 'First round', '初评'), scoring('final', 'Final round', '终评', 0.3)] } : l)) };
    await ok(app.dispatch('campaign:updateDefinition', { campaignId, definition: next, reason: 'rounds with carry-over' }));
    await ok(app.dispatch('round:close', { campaignId, listKey: list.key, roundNo: 1, reason: '初评结束' }));
    const entryIds = [...roundOne.keys()].slice(0, 3);
    await ok(app.dispatch('assignment:run', { campaignId, roundEntries: { [list.key]: entryIds } }));
    const pairs = app.ctx.db.prepare('SELECT entry_id, judge_id FROM assignments WHERE round_no = 2 ORDER BY entry_id, judge_id').all() as { entry_id: number; judge_id: string }[];
    // Every round-2 judge gives every dimension 6: each entry's round-2 total is 6 by any method.
    for (const p of pairs) {
      const ref = { campaignId, judgeId: p.judge_id, entryId: p.entry_id };
      for (const d of list.rubric) app.ctx.reviews.setScore(ref, d.key, 6);
      app.ctx.reviews.setComplete(ref, true);
    }
    const summary = await summaryOf();
    expect(summary.rounds).toEqual({ [list.key]: 2 });
    const roundTwo = await rowsOf();
    expect(roundTwo.map((r) => r.entryId).sort()).toEqual([...entryIds].sort());
    const method = summary.categories.find((x) => x.list === list.key)!.method;
    for (const r of roundTwo) {
      const before = (await ok<RankingEntryDetail>(app.dispatch('ranking:entry', { campaignId, entryId: r.entryId }))).carry!;
      expect(before).toMatchObject({ weight: 0.3, round: 1, method, current: 6 });
      expect(before.previous).not.toBeNull();
      expect(r.score).toBeCloseTo(0.3 * (before.previous as number) + 0.7 * 6, 6);
      expect(before.final).toBe(r.score);
    }
    // Order follows the blend: the entry with the higher round-1 total leads.
    const previous = async (id: number) => (await ok<RankingEntryDetail>(app.dispatch('ranking:entry', { campaignId, entryId: id }))).carry!.previous as number;
    expect((await previous(roundTwo[0].entryId)) >= (await previous(roundTwo[roundTwo.length - 1].entryId))).toBe(true);

    // Exports: a "Carry-over" column on each entry (CSV, XLSX) and a line per list in the PDF.
    const leader = (await ok<RankingEntryDetail>(app.dispatch('ranking:entry', { campaignId, entryId: roundTwo[0].entryId }))).carry!;
    const n = (v: number | null) => String(Number((v as number).toFixed(3)));
    const csv = Buffer.from((await ok<ExportFile>(app.dispatch('ranking:export', { campaignId, format: 'csv' }))).contentBase64, 'base64').toString('utf8');
    expect(csv).toContain('成绩沿用 / Carry-over');
    expect(csv).toContain(`final ${n(leader.final)} = 0.3 × round 1 total ${n(leader.previous)} + 0.7 × this round’s total 6`);
    expect(csv).toContain(`最终得分 ${n(leader.final)} = 0.3 × 第 1 轮得分 ${n(leader.previous)} + 0.7 × 本轮得分 6`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from((await ok<ExportFile>(app.dispatch('ranking:export', { campaignId, format: 'xlsx' }))).contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheetText = book.worksheets.map((ws) => ws.getSheetValues().flat().map(String).join('\n')).join('\n');
    expect(sheetText).toContain('成绩沿用 / Carry-over');
    expect(sheetText).toContain(`0.3 × round 1 total ${n(leader.previous)}`);
    const pdf = await ok<ExportFile>(app.dispatch('ranking:export', { campaignId, format: 'pdf' }));
    const extracted = execFileSync('pdftotext', [pdf.savedTo, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(extracted).toContain('Carry-over between rounds');
    expect(extracted).toContain('final = 0.3 × round 1 + 0.7 × round 2. 0 ranked entries have no round 1 total');

    await ok(app.dispatch('identity:create', { name: '王协调', passphrase: 'correct horse battery' }));
    const lock = await ok<SnapshotInfo>(app.dispatch('ranking:lock', { campaignId }));
    const snapshot = parseSnapshot(JSON.parse(app.ctx.db.prepare('SELECT snapshot_json FROM ranking_snapshots WHERE id = ?').pluck().get(lock.id) as string));
    expect(snapshot.inputs.rounds).toEqual({ [list.key]: 2 });
    expect(snapshot.inputs.carryOver?.map((c) => [c.list, c.round, c.weight])).toEqual([[list.key, 1, 0.3]]);
    expect(await ok<SnapshotVerification>(app.dispatch('ranking:verify', { campaignId, snapshotId: lock.id }))).toMatchObject({ equal: true, signatureValid: true });

    // A round-1 score of the first round-2 entry changed with sqlite (one judge, one dimension).
    const target = entryIds[0];
    const regNo = app.ctx.db.prepare('SELECT reg_no FROM entries WHERE id = ?').pluck().get(target) as string;
    const cell = app.ctx.db.prepare('SELECT rowid, value FROM scores WHERE entry_id = ? AND round_no = 1 ORDER BY judge_id, dimension_key LIMIT 1').get(target) as { rowid: number; value: number };
    app.ctx.db.prepare('UPDATE scores SET value = ? WHERE rowid = ?').run(cell.value === 0 ? 1 : 0, cell.rowid);
    const verdict = await ok<SnapshotVerification>(app.dispatch('ranking:verify', { campaignId, snapshotId: lock.id }));
    expect(verdict.equal).toBe(false);
    expect(verdict.difference?.path).toMatch(/^inputs\.carryOver\[0\]\.totals\[\d+\]$/);
    expect(JSON.parse(verdict.difference!.locked).regNo).toBe(regNo);
    expect(JSON.parse(verdict.difference!.recomputed).regNo).toBe(regNo);
    expect(JSON.parse(verdict.difference!.recomputed).scores).not.toEqual(JSON.parse(verdict.difference!.locked).scores);
    // In words, as the Lock panel and `kepu rank --verify` say it: the entry and both totals.
    const t = createNodeI18n('en').t as unknown as (key: string, params?: Record<string, unknown>) => string;
    const carried = carriedLine(t, verdict.difference!.path, verdict.difference!.locked, verdict.difference!.recomputed);
    expect(carried).toMatch(new RegExp(`^${regNo}: its previous-round total carried into this ranking changed from Mean [0-9.]+ · Median [0-9.]+ to Mean [0-9.]+ · Median [0-9.]+\\.$`));
    expect(differenceLines(t, verdict.difference!.path, verdict.detail, verdict.differences, (k) => k, carried)).toEqual([t('ranking.verifyDiff.intro'), carried]);
    app.ctx.close();
  });
});
