// A list that blends public votes into its score (issue 16, ListDef.blend): each ranked entry's
// score is (1 − w) × the judges' score + w × its votes placed on the span of the category's judges'
// scores (blend.ts); the ranking rows show the judges' score and rank alone beside the blended
// ones; the lock records the rule and every figure, verifies, and names inputs.reach when a figure
// changes afterwards. A list without the rule ranks exactly as before.
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CampaignDefinition, ExportFile, RankingRow, SnapshotInfo, SnapshotVerification } from '../../../src-main/contract';
import { blendCategory } from '../../../src-main/core/ranking/blend';
import type { EntryAggregate } from '../../../src-main/core/ranking/aggregate';
import { loadSnapshot } from '../../../src-main/core/ranking/snapshot-store';
import { ok, openMergedSample, repoRoot } from '../../helpers';

const aggregate = (entryId: number, mean: number): EntryAggregate => ({ entryId, judges: 3, totals: [], excluded: [], scores: { mean }, zMean: null, trimmed: null, dimensionMeans: {}, sd: null, range: null });

describe('the blend formula', () => {
  it('places the figure on the span of the judges’ scores, by percentile or by log share', () => {
    const group = [aggregate(1, 9), aggregate(2, 7), aggregate(3, 5)];
    const votes = new Map([
      [1, 10],
      [2, 1000],
    ]); // entry 3 has none: counts as 0
    const byPercentile = blendCategory(group, votes, { metric: 'votes', weight: 0.5, method: 'percentile' });
    // Shares 0.5, 1, 0 on the span [5, 9]: reach parts 7, 9, 5.
    expect(byPercentile.map((a) => a.scores.mean)).toEqual([8, 8, 5]);
    expect(byPercentile.map((a) => a.blend?.share)).toEqual([0.5, 1, 0]);
    expect(byPercentile[2].blend).toMatchObject({ value: 0, hadFigure: false, judges: { scores: { mean: 5 } } });
    const byLog = blendCategory(group, votes, { metric: 'votes', weight: 0.5, method: 'log' });
    // log(11)/log(1001) = 0.347…; reach part 5 + 4 × that.
    expect(byLog[0].scores.mean).toBeCloseTo(0.5 * 9 + 0.5 * (5 + (4 * Math.log1p(10)) / Math.log1p(1000)), 6);
    expect(byLog[1].scores.mean).toBe(8);
    // An entry without a judges' score is left as it is (it is held, not blended).
    const unscored = { ...aggregate(4, 0), judges: 0, scores: { mean: null } };
    expect(blendCategory([...group, unscored], votes, { metric: 'votes', weight: 0.5, method: 'percentile' })[3]).toBe(unscored);
  });
});

describe('a list blending public votes', () => {
  let app: Awaited<ReturnType<typeof openMergedSample>>;
  let before: CampaignDefinition;
  const rowsOf = async (kind: string, category: string | null, section: 'ranked' | 'held' = 'ranked') =>
    (await ok<{ rows: RankingRow[] }>(app.dispatch('ranking:list', { campaignId: app.works.id, kind, category, section, offset: 0, limit: 100 }))).rows;

  beforeAll(async () => {
    app = await openMergedSample();
    before = app.ctx.campaigns.definition(app.works.id);
    await ok(app.dispatch('identity:create', { name: '王协调', passphrase: 'correct horse battery' }));
  });

  it('ranks on the blend, shows the judges’ own beside it, and the lock names a changed figure', async () => {
    const category = app.ctx.ranking.compute(app.works.id).outcome.categories.find((c) => c.kind === 'work' && c.lists[c.method]!.ranked.length >= 3)!;
    const judged = await rowsOf(category.kind, category.category);
    expect(judged.every((r) => r.judgesOnly === null)).toBe(true);
    // The last-placed work gets by far the most votes; the others a few.
    const last = judged[judged.length - 1];
    const csv = ['报名编号,网络投票', ...judged.map((r) => `${r.regNo},${r.regNo === last.regNo ? 50000 : 10}`)].join('\n');
    await ok(app.dispatch('reach:import', { campaignId: app.works.id, source: { fileName: 'votes.csv', contentBase64: Buffer.from(csv).toString('base64') } }));
    const list = before.lists.find((l) => l.key === category.list)!;
    const definition = { ...before, lists: before.lists.map((l) => (l.key === list.key ? { ...l, blend: { metric: 'votes' as const, weight: 0.9, method: 'percentile' as const } } : l)) };
    await ok(app.dispatch('campaign:updateDefinition', { campaignId: app.works.id, definition, reason: '网络投票占 90%' }));

    const blended = await rowsOf(category.kind, category.category);
    const judgesScore = new Map(judged.map((r) => [r.regNo, r.score!]));
    // The span is the category's scored entries', held ones included (a held entry does not move the others).
    const heldScores = (await rowsOf(category.kind, category.category, 'held')).map((r) => r.judgesOnly?.score ?? null).filter((v): v is number => v !== null);
    const lo = Math.min(...judgesScore.values(), ...heldScores);
    const hi = Math.max(...judgesScore.values(), ...heldScores);
    for (const r of blended) {
      expect(r.judgesOnly).toMatchObject({ score: judgesScore.get(r.regNo), metric: 'votes', value: r.regNo === last.regNo ? 50000 : 10, hadFigure: true });
      // Its rank by the judges alone is the rank it had before the blend.
      expect(r.judgesOnly!.rank).toBe(judged.findIndex((j) => j.regNo === r.regNo) + 1);
      expect(r.score).toBeCloseTo(0.1 * judgesScore.get(r.regNo)! + 0.9 * (lo + r.judgesOnly!.share * (hi - lo)), 5);
    }
    // The most-voted work is the top share, and it moved up.
    expect(blended.find((r) => r.regNo === last.regNo)!.judgesOnly!.share).toBe(1);
    expect(blended.findIndex((r) => r.regNo === last.regNo)).toBeLessThan(judged.length - 1);
    // Other categories' lists without the rule rank as before: nothing blended there.
    const other = app.ctx.ranking.compute(app.works.id).outcome.categories.find((c) => c.list !== list.key);
    if (other) expect((await rowsOf(other.kind, other.category)).every((r) => r.judgesOnly === null)).toBe(true);

    // The CSV carries the judges' result alone beside the blended one.
    const exported = Buffer.from((await ok<ExportFile>(app.dispatch('ranking:export', { campaignId: app.works.id, format: 'csv' }))).contentBase64, 'base64').toString('utf8');
    expect(exported).toContain('仅专家评分 / Judges only');
    const lastLine = exported.split(/\r?\n/).find((l) => l.includes(last.regNo))!;
    expect(lastLine).toContain('50000 (网络投票 / Public votes)');
    // kepu rank prints the judges' rank and score alone beside a blended score (text, CSV, JSON).
    const cli = (format: string[]) => {
      const r = spawnSync(process.execPath, [path.join(repoRoot, 'bin/kepu.mjs'), 'rank', '--campaign', app.works.id, '--data-dir', app.dataDir, ...format], { encoding: 'utf8', env: { ...process.env, KEPU_LANG: 'en' } });
      expect(r.status, r.stderr).toBe(0);
      return r.stdout;
    };
    const lastAlone = blended.find((r) => r.regNo === last.regNo)!.judgesOnly!;
    const textLine = cli([]).split('\n').find((l) => l.includes(last.regNo))!;
    expect(textLine).toContain(`Judges only ${lastAlone.rank} · ${lastAlone.score!.toFixed(2)}`);
    const csvLines = cli(['--csv']).trim().split(/\r?\n/).map((l) => l.replaceAll('"', '')); // every cell quoted
    expect(csvLines[0]).toBe('kind,category,rank,regNo,score,judges,tier,judgesOnlyScore,judgesOnlyRank,reachFigure');
    expect(csvLines.find((l) => l.includes(last.regNo))!.endsWith(`,${lastAlone.score},${lastAlone.rank},50000`)).toBe(true);
    const json = JSON.parse(cli(['--json'])) as { ranked: { regNo: string; judgesOnly?: unknown }[] };
    expect(json.ranked.find((r) => r.regNo === last.regNo)!.judgesOnly).toEqual({ rank: lastAlone.rank, score: lastAlone.score, metric: 'votes', value: 50000, hadFigure: true });
    // Rows of a list that does not blend stay as they were.
    if (other) expect(json.ranked.filter((r) => !judged.some((j) => j.regNo === r.regNo)).every((r) => !('judgesOnly' in r))).toBe(true);

    // And the PDF report says how the list blends and shows the judges' result alone.
    const pdf = await ok<ExportFile>(app.dispatch('ranking:export', { campaignId: app.works.id, format: 'pdf' }));
    const text = execFileSync('pdftotext', ['-layout', pdf.savedTo, '-']).toString('utf8');
    expect(text).toContain('Judges only');
    expect(text).toContain('仅专家评分');
    expect(text.replace(/\s+/g, ' ')).toContain('10 % the judges');

    const lock = await ok<SnapshotInfo>(app.dispatch('ranking:lock', { campaignId: app.works.id }));
    const snapshot = JSON.parse(loadSnapshot(app.ctx.db, app.works.id, lock.id).bytes.toString('utf8')) as { inputs: { reach: { list: string; metric: string; weight: number; figures: { regNo: string; value: number }[] }[] } };
    expect(snapshot.inputs.reach).toEqual([expect.objectContaining({ list: list.key, metric: 'votes', weight: 0.9, method: 'percentile' })]);
    expect(snapshot.inputs.reach[0].figures).toContainEqual({ regNo: last.regNo, value: 50000 });
    expect(await ok<SnapshotVerification>(app.dispatch('ranking:verify', { campaignId: app.works.id, snapshotId: lock.id }))).toMatchObject({ equal: true, signatureValid: true });

    // A figure changed after publishing: verification names the reach input.
    const again = `报名编号,网络投票\n${last.regNo},60000\n`;
    await ok(app.dispatch('reach:import', { campaignId: app.works.id, source: { fileName: 'votes-2.csv', contentBase64: Buffer.from(again).toString('base64') } }));
    const changed = await ok<SnapshotVerification>(app.dispatch('ranking:verify', { campaignId: app.works.id, snapshotId: lock.id }));
    expect(changed).toMatchObject({ equal: false, difference: { path: expect.stringMatching(/^inputs\.reach/) } });
  });
});
