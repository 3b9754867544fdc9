// Every judge's scores seen and exported (issue 15), on the merged sample in a real SQLite file:
// the entry view names each judge with the scores, totals, comment and eligibility answers stored,
// a declared conflict, an override beside the signed score, and the spread with its flag; the score
// matrix as CSV (parsed back) and XLSX (read back); the 评审打分表 PDF read back with pdftotext, for
// one judge and for all; and the same through `kepu scores`.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { EntryScores, ExportFile } from '../../../src-main/contract';
import { ok, openMergedSample, repoRoot, tempDir } from '../../helpers';

const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });

function kepu(args: string[]) {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'bin/kepu.mjs'), ...args], { encoding: 'utf8', env: { ...process.env, KEPU_LANG: 'en' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('scores: every judge seen and exported', () => {
  it('entry view, matrix CSV/XLSX, score sheet PDF and the CLI', async () => {
    const { ctx, dispatch, works, dataDir } = await openMergedSample();
    const campaignId = works.id;
    const db = ctx.db;
    // An entry with a comment from some judge (the sample writes one on every fourth entry).
    const commented = db.prepare(`SELECT c.entry_id, c.judge_id, c.body FROM comments c JOIN entries e ON e.id = c.entry_id WHERE e.campaign_id = ? AND c.body <> '' ORDER BY c.entry_id LIMIT 1`).get(campaignId) as {
      entry_id: number;
      judge_id: string;
      body: string;
    };
    expect(commented).toBeTruthy();
    const entryId = commented.entry_id;
    const names = new Map((db.prepare('SELECT id, name FROM judges').all() as { id: string; name: string }[]).map((j) => [j.id, j.name]));

    const view = await ok<EntryScores>(dispatch('scores:entry', { campaignId, entryId }));
    expect(view.rounds.map((r) => r.roundNo)).toEqual([1]);
    const round = view.rounds[0];
    const stored = db.prepare('SELECT judge_id, dimension_key, value FROM scores WHERE entry_id = ? AND round_no = 1').all(entryId) as { judge_id: string; dimension_key: string; value: number }[];
    const judgesWithScores = new Set(stored.map((s) => s.judge_id));
    expect(round.judges.length).toBeGreaterThanOrEqual(judgesWithScores.size);
    for (const s of stored) {
      const judge = round.judges.find((j) => j.judgeId === s.judge_id)!;
      expect(judge.name).toBe(names.get(s.judge_id));
      expect(judge.name).not.toBe(s.judge_id);
      expect(judge.scores.find((x) => x.dimension === s.dimension_key)?.signed).toBe(s.value);
    }
    const withComment = round.judges.find((j) => j.judgeId === commented.judge_id)!;
    expect(withComment.comment).toBe(commented.body);
    const totals = round.judges.filter((j) => j.total !== null).map((j) => j.total as number);
    expect(totals.length).toBeGreaterThanOrEqual(2);
    expect(round.spread).toBeCloseTo(Math.max(...totals) - Math.min(...totals), 6);
    // The sample's rubric is 0–10 weighted: 20 % of the scale is 2 points.
    expect(round.threshold).toBe(2);
    expect(round.disagreement).toBe((round.spread ?? 0) > round.threshold);

    // An override sits beside the signed score and moves the total in effect, not the signed total.
    const judge = round.judges.find((j) => j.total !== null && j.judgeId !== commented.judge_id)!;
    const cell = judge.scores[0];
    const value = cell.signed === 10 ? 3 : 10;
    await ok(dispatch('moderation:set', { campaignId, entryId, judgeId: judge.judgeId, dimension: cell.dimension, value, reason: 'typing error, agreed by phone' }));
    // A declared conflict (what a merged bundle with a conflict writes).
    const conflicted = round.judges.find((j) => j.judgeId !== judge.judgeId && j.judgeId !== commented.judge_id)!;
    db.prepare(`INSERT OR REPLACE INTO conflicts (entry_id, judge_id, round_no, reason, declared_at) VALUES (?, ?, 1, '曾指导该作品', '2026-11-01T00:00:00Z')`).run(entryId, conflicted.judgeId);
    const after = (await ok<EntryScores>(dispatch('scores:entry', { campaignId, entryId }))).rounds[0];
    const moderated = after.judges.find((j) => j.judgeId === judge.judgeId)!;
    expect(moderated.scores[0]).toMatchObject({ signed: cell.signed, override: { value, reason: 'typing error, agreed by phone' } });
    expect(moderated.signedTotal).toBe(judge.signedTotal);
    expect(moderated.total).not.toBe(judge.total);
    const withConflict = after.judges.find((j) => j.judgeId === conflicted.judgeId)!;
    expect(withConflict).toMatchObject({ state: 'conflict', conflict: { reason: '曾指导该作品' } });
    const counted = after.judges.filter((j) => j.state !== 'conflict' && j.total !== null).map((j) => j.total as number);
    expect(after.spread).toBeCloseTo(counted.length >= 2 ? Math.max(...counted) - Math.min(...counted) : Number.NaN, 6);

    expect(await dispatch('scores:entry', { campaignId, entryId: 999_999 })).toMatchObject({ ok: false, error: { code: 'ENTRY_NOT_FOUND' } });

    // The matrix as CSV: one row per (entry, judge) of round 1, the comment and the override named.
    const csvFile = await ok<ExportFile>(dispatch('scores:export', { campaignId, format: 'csv' }));
    const csv = fs.readFileSync(csvFile.savedTo, 'utf8');
    expect(csv.startsWith('\ufeff')).toBe(true);
    const [header, ...rows] = parse(csv.slice(1), { relax_column_count: false }) as string[][];
    expect(header.slice(0, 8)).toEqual(['名单 / List', '轮次 / Round', '类别 / Category', '报名编号 / Reg. no.', '作品名称 / Title', '评审专家 / Judge', '单位 / Institution', '状态 / State']);
    const pairs = db
      .prepare(
        `SELECT count(*) FROM (SELECT entry_id, judge_id FROM assignments WHERE round_no = 1 UNION SELECT entry_id, judge_id FROM scores WHERE round_no = 1
           UNION SELECT entry_id, judge_id FROM conflicts WHERE round_no = 1 UNION SELECT entry_id, judge_id FROM comments WHERE round_no = 1) p JOIN entries e ON e.id = p.entry_id WHERE e.campaign_id = ?`,
      )
      .pluck()
      .get(campaignId) as number;
    expect(rows.length).toBe(pairs);
    const regNo = view.regNo;
    const commentCol = header.indexOf('评语 / Comment');
    const judgeCol = header.indexOf('评审专家 / Judge');
    const mine = rows.find((r) => r[3] === regNo && r[judgeCol] === names.get(commented.judge_id))!;
    expect(mine[commentCol]).toBe(commented.body);
    const first = ctx.campaigns.definition(campaignId).lists.find((l) => l.key === view.listKey)!.rubric[0];
    const dimensionCol = header.indexOf(`${first.label['zh-CN']} / ${first.label.en}`);
    expect(dimensionCol).toBeGreaterThan(7);
    expect(Number(mine[dimensionCol])).toBe(stored.find((s) => s.judge_id === commented.judge_id && s.dimension_key === first.key)!.value);
    const overridden = rows.find((r) => r[3] === regNo && r[judgeCol] === judge.name)!;
    expect(overridden[header.indexOf('改分 / Overrides')]).toContain(`${cell.signed} → ${value} (typing error, agreed by phone)`);
    expect(rows.find((r) => r[3] === regNo && r[judgeCol] === conflicted.name)![header.indexOf('申报回避 / Conflict declared')]).toBe('曾指导该作品');

    // XLSX: a sheet per list with the same rows.
    const xlsxFile = await ok<ExportFile>(dispatch('scores:export', { campaignId, format: 'xlsx' }));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(fs.readFileSync(xlsxFile.savedTo) as unknown as ArrayBuffer);
    const xlsxRows = book.worksheets.reduce((n, s) => n + s.rowCount - 1, 0);
    expect(xlsxRows).toBe(pairs);
    expect(await dispatch('scores:export', { campaignId, format: 'csv', listKey: 'nope' })).toMatchObject({ ok: false, error: { code: 'SCORES_LIST_UNKNOWN' } });

    // One judge's sheet: name, scores, comment, the signature line.
    const sheet = await ok<ExportFile>(dispatch('scores:sheet', { campaignId, judgeId: commented.judge_id, language: 'zh' }));
    const text = pdfText(sheet.savedTo);
    expect(text).toContain('评审打分表');
    expect(text).toContain(names.get(commented.judge_id));
    expect(text).toContain(regNo);
    expect(text.replace(/\s+/g, '')).toContain(commented.body.replace(/\s+/g, ''));
    expect(text).toContain('评审专家签字');
    expect(text).toContain('日期');
    // The labels take the colon of their language: full-width after Chinese, ASCII after English.
    expect(text).toContain(`评审专家：${names.get(commented.judge_id)}`);
    const bothText = pdfText((await ok<ExportFile>(dispatch('scores:sheet', { campaignId, judgeId: commented.judge_id, language: 'both' }))).savedTo);
    expect(bothText).toContain('Judge score sheet');
    expect(bothText).toContain("Judge's signature");
    // All judges in one PDF, each judge from a new page.
    const all = pdfText((await ok<ExportFile>(dispatch('scores:sheet', { campaignId, language: 'en' }))).savedTo);
    for (const id of judgesWithScores) expect(all).toContain(names.get(id));
    expect(all).toMatch(/Judge: \S/);
    expect(all).not.toMatch(/(Campaign|Judge|Institution|List|Round)：/);
    expect(all.split('\f').filter((page) => page.includes('Judge score sheet')).length).toBe(new Set(rows.map((r) => r[judgeCol])).size);

    // A second round (rows as a round-2 merge writes them): the entry view shows both rounds apart,
    // and an export of round 2 holds only round 2.
    const rubric = ctx.campaigns.definition(campaignId).lists.find((l) => l.key === view.listKey)!.rubric;
    const now = '2026-12-01T00:00:00Z';
    db.prepare(`INSERT INTO assignments (entry_id, judge_id, source, assigned_at, round_no) VALUES (?, ?, 'manual', ?, 2)`).run(entryId, commented.judge_id, now);
    for (const d of rubric) db.prepare('INSERT INTO scores (entry_id, judge_id, dimension_key, value, revision, updated_at, round_no) VALUES (?, ?, ?, ?, 1, ?, 2)').run(entryId, commented.judge_id, d.key, d.scale.max, now);
    db.prepare('INSERT INTO comments (entry_id, judge_id, body, updated_at, round_no) VALUES (?, ?, ?, ?, 2)').run(entryId, commented.judge_id, '第二轮：进步明显', now);
    const twoRounds = await ok<EntryScores>(dispatch('scores:entry', { campaignId, entryId }));
    expect(twoRounds.rounds.map((r) => r.roundNo)).toEqual([1, 2]);
    expect(twoRounds.rounds[1].judges).toEqual([expect.objectContaining({ judgeId: commented.judge_id, comment: '第二轮：进步明显', signedTotal: 10 })]);
    expect(twoRounds.rounds[0].judges.find((j) => j.judgeId === commented.judge_id)!.comment).toBe(commented.body);
    const round2 = await ok<ExportFile>(dispatch('scores:export', { campaignId, format: 'csv', roundNo: 2, listKey: view.listKey }));
    // One list: only its dimensions and items, so the columns are found by name again.
    const [header2, ...round2Rows] = parse(fs.readFileSync(round2.savedTo, 'utf8').slice(1)) as string[][];
    expect(round2Rows.map((r) => [r[1], r[3], r[header2.indexOf('评审专家 / Judge')], r[header2.indexOf('评语 / Comment')]])).toEqual([['2', regNo, names.get(commented.judge_id), '第二轮：进步明显']]);
    const sheet2 = pdfText((await ok<ExportFile>(dispatch('scores:sheet', { campaignId, judgeId: commented.judge_id, roundNo: 2, language: 'zh' }))).savedTo);
    expect(sheet2).toContain('第二轮：进步明显');
    expect(sheet2).not.toContain(commented.body);

    // The CLI, on the same data folder (the app's handle closed first).
    ctx.close();
    const out = tempDir();
    const csvOut = path.join(out, 'matrix.csv');
    const exported = kepu(['scores', 'export', '--campaign', campaignId, '--round', '1', '--out', csvOut, '--data-dir', dataDir, '--json']);
    expect(exported.code, exported.stderr).toBe(0);
    expect(JSON.parse(exported.stdout)).toMatchObject({ ok: true, file: csvOut, format: 'csv' });
    expect((parse(fs.readFileSync(csvOut, 'utf8').slice(1)) as string[][]).length - 1).toBe(pairs);
    const pdfOut = path.join(out, 'sheet.pdf');
    const sheetRun = kepu(['scores', 'sheet', '--campaign', campaignId, '--judge', names.get(commented.judge_id)!, '--out', pdfOut, '--lang', 'en', '--data-dir', dataDir, '--json']);
    expect(sheetRun.code, sheetRun.stderr).toBe(0);
    expect(pdfText(pdfOut)).toContain(names.get(commented.judge_id));
    const unknown = kepu(['scores', 'sheet', '--campaign', campaignId, '--judge', 'Nobody', '--out', pdfOut, '--data-dir', dataDir, '--json']);
    expect(unknown.code).toBe(1);
    expect(JSON.parse(unknown.stdout)).toMatchObject({ ok: false, code: 'JUDGE_NOT_FOUND' });
    expect(kepu(['scores', 'export', '--campaign', campaignId, '--data-dir', dataDir]).code).toBe(2);
  });
});
