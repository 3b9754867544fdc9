// Moderation, not editing (issue 14), on the merged sample in a real SQLite file: an override
// changes the ranking while the judge's signed score row stays as signed; history and withdraw;
// the audit chain still verifies; a result locked with an override verifies; a score changed in
// the database after locking is named (entry, judge, dimension, old, new) by the app and the CLI;
// lines altered after publishing are not trusted; a result without kept lines says only the hash
// comparison is available.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { AuditCheckView, AuditPage, ExportFile, RankingEntryDetail, RankingSummary, ScoreOverride, SnapshotInfo, SnapshotVerification } from '../../../src-main/contract';
import { ok, openMergedSample, repoRoot } from '../../helpers';

type ListResult = { rows: { entryId: number; regNo: string; score: number | null }[] };

function kepu(args: string[]) {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'bin/kepu.mjs'), ...args], { encoding: 'utf8', env: { ...process.env, KEPU_LANG: 'en' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('moderation overrides', () => {
  it('override beside the signed score, ranking uses it, history and withdraw, lock and verify naming each difference', async () => {
    const app = await openMergedSample();
    const { dispatch, ctx, works } = app;
    const campaignId = works.id;
    const summary = await ok<RankingSummary>(dispatch('ranking:summary', { campaignId }));
    const category = summary.categories.find((c) => c.ranked > 2)!;
    const list = await ok<ListResult>(dispatch('ranking:list', { campaignId, kind: category.kind, category: category.category, section: 'ranked', offset: 0, limit: 100 }));
    const target = list.rows[list.rows.length - 1];
    const before = await ok<RankingEntryDetail>(dispatch('ranking:entry', { campaignId, entryId: target.entryId }));
    expect(before.cells.length).toBeGreaterThan(0);
    expect(before.cells.every((c) => c.override === null && c.name !== c.judgeId)).toBe(true);
    const cell = before.cells[0];
    const dimension = ctx.campaigns.definition(campaignId).lists.flatMap((l) => l.rubric).find((d) => d.key === cell.dimension)!;
    const value = cell.signed === dimension.scale.max ? dimension.scale.min : dimension.scale.max;
    const signedRow = () =>
      ctx.db.prepare('SELECT value, revision, updated_at FROM scores WHERE entry_id = ? AND judge_id = ? AND dimension_key = ?').get(target.entryId, cell.judgeId, cell.dimension);
    const rowBefore = signedRow();

    // Refusals: off the scale, no signed score to sit beside, no reason.
    expect(await dispatch('moderation:set', { campaignId, entryId: target.entryId, judgeId: cell.judgeId, dimension: cell.dimension, value: dimension.scale.max + 1, reason: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'SCORE_OUT_OF_RANGE' },
    });
    const unscored = summary.judges.find((j) => !before.cells.some((c) => c.judgeId === j.judgeId))!;
    expect(await dispatch('moderation:set', { campaignId, entryId: target.entryId, judgeId: unscored.judgeId, dimension: cell.dimension, value, reason: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'SCORE_OVERRIDE_NO_SCORE' },
    });
    expect(await dispatch('moderation:set', { campaignId, entryId: target.entryId, judgeId: cell.judgeId, dimension: cell.dimension, value, reason: '   ' })).toMatchObject({ ok: false });

    const set = await ok<ScoreOverride>(dispatch('moderation:set', { campaignId, entryId: target.entryId, judgeId: cell.judgeId, dimension: cell.dimension, value, reason: 'Judge agreed by phone: typing error' }));
    expect(set).toMatchObject({ value, signed: cell.signed, inEffect: true, regNo: target.regNo, judgeName: cell.name });
    // The signed score row is exactly as merged.
    expect(signedRow()).toEqual(rowBefore);
    const after = await ok<RankingEntryDetail>(dispatch('ranking:entry', { campaignId, entryId: target.entryId }));
    const shown = after.cells.find((c) => c.judgeId === cell.judgeId && c.dimension === cell.dimension)!;
    expect(shown).toMatchObject({ signed: cell.signed, override: { id: set.id, value, reason: 'Judge agreed by phone: typing error' } });
    expect(after.row.score).not.toBe(before.row.score);
    expect(after.overrides.map((o) => o.id)).toEqual([set.id]);
    // Rows are append-only: the database refuses to change one.
    expect(() => ctx.db.prepare('UPDATE score_overrides SET value = 1 WHERE id = ?').run(set.id)).toThrow(/cannot be changed/);

    // Exports: the CSV names the override on the entry's row; the XLSX has the overrides sheet; the PDF lists them.
    const csv = await ok<ExportFile>(dispatch('ranking:export', { campaignId, format: 'csv' }));
    const csvText = fs.readFileSync(csv.savedTo, 'utf8');
    expect(csvText).toContain('Overrides');
    expect(csvText).toContain(`${cell.name} · ${dimension.label.en}: ${cell.signed} → ${value}`);
    const xlsx = await ok<ExportFile>(dispatch('ranking:export', { campaignId, format: 'xlsx' }));
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx.savedTo);
    const sheet = book.getWorksheet('改分 Overrides')!;
    expect(sheet.getRow(2).values).toEqual(expect.arrayContaining([target.regNo, cell.name, cell.signed, value, 'Judge agreed by phone: typing error']));
    const pdf = await ok<ExportFile>(dispatch('ranking:export', { campaignId, format: 'pdf' }));
    expect(fs.statSync(pdf.savedTo).size).toBeGreaterThan(1000);

    // Locked with the override in effect: verifies, and the snapshot records the override input.
    await ok(dispatch('identity:create', { name: '王协调', passphrase: 'correct horse battery' }));
    const lock = await ok<SnapshotInfo>(dispatch('ranking:lock', { campaignId }));
    const snapshot = JSON.parse(ctx.db.prepare('SELECT snapshot_json FROM ranking_snapshots WHERE id = ?').pluck().get(lock.id) as string);
    expect(snapshot.inputs.overrides).toMatch(/^[0-9a-f]{64}$/);
    expect(snapshot.inputs.counts.overrides).toBe(1);
    expect(await ok<SnapshotVerification>(dispatch('ranking:verify', { campaignId, snapshotId: lock.id }))).toMatchObject({ equal: true, signatureValid: true, detail: null });

    // Withdraw (after agreeing that the published result may change): history kept, signed score counts again.
    expect(await dispatch('moderation:withdraw', { campaignId, overrideId: set.id, reason: 'wrong judge' })).toMatchObject({ ok: false, error: { code: 'RESULT_PUBLISHED' } });
    await ok(dispatch('ranking:allowChanges', { campaignId }));
    const withdrawn = await ok<ScoreOverride>(dispatch('moderation:withdraw', { campaignId, overrideId: set.id, reason: 'wrong judge' }));
    expect(withdrawn).toMatchObject({ value: null, withdraws: set.id, inEffect: false });
    expect(await dispatch('moderation:withdraw', { campaignId, overrideId: set.id, reason: 'again' })).toMatchObject({ ok: false, error: { code: 'SCORE_OVERRIDE_NOT_IN_EFFECT' } });
    const history = await ok<ScoreOverride[]>(dispatch('moderation:list', { campaignId, entryId: target.entryId }));
    expect(history.map((h) => [h.id, h.value, h.inEffect])).toEqual([
      [set.id, value, false],
      [withdrawn.id, null, false],
    ]);
    const back = await ok<RankingEntryDetail>(dispatch('ranking:entry', { campaignId, entryId: target.entryId }));
    expect(back.row.score).toBe(before.row.score);
    expect(back.cells.every((c) => c.override === null)).toBe(true);

    // The record: both actions are audit rows, and the chain verifies.
    const audit = await ok<AuditPage>(dispatch('audit:list', { campaignId, actions: ['score.override', 'score.override_withdraw'] }));
    expect(audit.rows.map((r) => r.action).sort()).toEqual(['score.override', 'score.override_withdraw']);
    expect(audit.rows.find((r) => r.action === 'score.override')!.details).toMatchObject({ regNo: target.regNo, judgeId: cell.judgeId, dimension: cell.dimension, from: cell.signed, to: value });
    expect((await ok<AuditCheckView>(dispatch('audit:verify', {}))).intact).toBe(true);

    // Verify names what differs: the withdrawn override, then a score changed behind the app's back.
    const moved = await ok<SnapshotVerification>(dispatch('ranking:verify', { campaignId, snapshotId: lock.id }));
    expect(moved).toMatchObject({ equal: false, detail: 'named', difference: { path: 'inputs.counts.overrides' } });
    expect(moved.differences!.overrides).toEqual([{ regNo: target.regNo, judgeName: cell.name, dimension: cell.dimension, old: value, new: null }]);
    const other = before.cells[1];
    ctx.db.prepare('UPDATE scores SET value = ? WHERE entry_id = ? AND judge_id = ? AND dimension_key = ?').run(other.signed === 5 ? 6 : 5, target.entryId, other.judgeId, other.dimension);
    const tampered = await ok<SnapshotVerification>(dispatch('ranking:verify', { campaignId, snapshotId: lock.id }));
    expect(tampered.differences!.scores).toEqual([{ regNo: target.regNo, judgeName: other.name, dimension: other.dimension, old: other.signed, new: other.signed === 5 ? 6 : 5 }]);

    // The CLI names it too, from the exported lock file (text and --json).
    const file = await ok<ExportFile>(dispatch('ranking:export', { campaignId, format: 'snapshot', snapshotId: lock.id }));
    const otherLabel = ctx.campaigns.definition(campaignId).lists.flatMap((l) => l.rubric).find((d) => d.key === other.dimension)!.label.en;
    ctx.close();
    const text = kepu(['rank', '--verify', file.savedTo, '--data-dir', app.dataDir]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(`${target.regNo} · ${other.name} · ${otherLabel}: ${other.signed} → ${other.signed === 5 ? 6 : 5}`);
    expect(text.stdout).toContain(`Override ${target.regNo} · ${cell.name} · ${dimension.label.en}: ${value} → none`);
    expect(text.stderr).toContain('[RANKING_SNAPSHOT_DIFFERS]');
    const json = JSON.parse(kepu(['rank', '--verify', file.savedTo, '--data-dir', app.dataDir, '--json']).stdout);
    expect(json).toMatchObject({ ok: false, code: 'RANKING_SNAPSHOT_DIFFERS', detail: 'named', differences: { scoreCount: 1, overrideCount: 1 } });

    const again = (await import('../../helpers')).openTestApp(app.dataDir);
    // Lines altered after publishing are not trusted (their hash no longer matches the signed one):
    // the altered kind names nothing, the intact kind still does.
    const packed = again.ctx.db.prepare('SELECT lines_gz FROM ranking_snapshot_lines WHERE snapshot_id = ?').pluck().get(lock.id) as Buffer;
    const lines = JSON.parse(zlib.gunzipSync(packed).toString('utf8'));
    lines.scores = lines.scores.map((l: string) => l.replace(/,(\d+(\.\d+)?)\]$/, ',0]'));
    again.ctx.db.prepare('UPDATE ranking_snapshot_lines SET lines_gz = ? WHERE snapshot_id = ?').run(zlib.gzipSync(JSON.stringify(lines)), lock.id);
    const altered = await ok<SnapshotVerification>(again.dispatch('ranking:verify', { campaignId, snapshotId: lock.id }));
    expect(altered).toMatchObject({ detail: 'named', differences: { scoreCount: 0, overrideCount: 1 } });

    // A result published before the lines were kept: only the hash comparison.
    again.ctx.db.prepare('DELETE FROM ranking_snapshot_lines').run();
    const old = await ok<SnapshotVerification>(again.dispatch('ranking:verify', { campaignId, snapshotId: lock.id }));
    expect(old).toMatchObject({ equal: false, detail: 'hash_only', differences: null });
    again.ctx.close();
  });
});
