import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CampaignSummary } from '../../../src-main/contract';
import { parseRankingConfig } from '../../../src-main/core/ranking/config';
import { loadCampaignScores, scoreColumnsOf } from '../../../src-main/core/ranking/load-scores';
import { runRanking } from '../../../src-main/core/ranking/run-ranking';
import { buildSnapshot, parseSnapshot, snapshotBytes } from '../../../src-main/core/ranking/snapshot';
import { verifyAgainstDatabase } from '../../../src-main/core/ranking/verify';
import { ok, openTestApp } from '../../helpers';

type App = ReturnType<typeof openTestApp>;

function assignmentsOf(app: App, campaignId: string) {
  return app.ctx.db
    .prepare(`SELECT e.id AS entryId, e.reg_no AS regNo, e.category, e.is_late AS late, a.judge_id AS judgeId
              FROM entries e JOIN assignments a ON a.entry_id = e.id WHERE e.campaign_id = ? ORDER BY e.reg_no, a.judge_id`)
    .all(campaignId) as { entryId: number; regNo: string; category: string | null; late: number; judgeId: string }[];
}

function score(app: App, campaignId: string, entryId: number, judgeId: string, values: Record<string, number>) {
  for (const [dimension, value] of Object.entries(values)) app.ctx.reviews.setScore({ campaignId, judgeId, entryId }, dimension, value);
}

describe('loading a campaign for ranking from a real database', () => {
  it('reads entries, assignment counts, scores and conflicts of the sample works campaign', async () => {
    const app = openTestApp();
    const works = await ok<CampaignSummary>(app.dispatch('demo:load', {}));
    const rows = assignmentsOf(app, works.id);
    const graphic = [...new Set(rows.filter((r) => r.category === 'graphic' && !r.late).map((r) => r.entryId))];
    expect(graphic.length).toBeGreaterThanOrEqual(3);
    const [first, second, third] = graphic;
    const judgesOf = (entryId: number) => rows.filter((r) => r.entryId === entryId).map((r) => r.judgeId);
    // First: three complete reviews. Second: complete, complete, and one missing communication.
    // Third: two complete reviews and a declared conflict.
    judgesOf(first).forEach((j, i) => score(app, works.id, first, j, { content: 8 + i * 0.5, creativity: 7, communication: 9 }));
    judgesOf(second).forEach((j, i) => score(app, works.id, second, j, i < 2 ? { content: 6, creativity: 6, communication: 6 } : { content: 9, creativity: 9 }));
    for (const j of judgesOf(third)) score(app, works.id, third, j, { content: 7, creativity: 7, communication: 7 });
    app.ctx.reviews.setConflict({ campaignId: works.id, judgeId: judgesOf(third)[2], entryId: third }, true, '同一单位 same unit');

    const data = loadCampaignScores(app.ctx.db, works.id);
    expect(data.definition.lists[0].rubric.map((d) => d.key)).toEqual(['content', 'creativity', 'communication']);
    expect(data.entries).toHaveLength(app.ctx.db.prepare('SELECT count(*) FROM entries WHERE campaign_id = ?').pluck().get(works.id) as number);
    expect(data.entries.map((e) => e.entryId)).toEqual([...data.entries.map((e) => e.entryId)].sort((a, b) => a - b));
    expect(data.entries.every((e) => e.assigned === 3)).toBe(true);
    expect(data.entries.filter((e) => e.isLate).length).toBe(3); // the sample registers three entries after the deadline
    expect(data.scores).toHaveLength(9 + 8 + 9);
    expect(data.scores.find((s) => s.entryId === first && s.judgeId === judgesOf(first)[2] && s.dimension === 'content')?.value).toBe(9);
    expect(data.conflicts).toEqual([{ entryId: third, judgeId: judgesOf(third)[2] }]);
    expect([data.eligibility, data.bundles]).toEqual([[], []]);
    // Values come through SQLite's JSON bit for bit, even one off the decimal grid.
    app.ctx.db.prepare('UPDATE scores SET value = ? WHERE entry_id = ? AND judge_id = ? AND dimension_key = ?').run(0.1 + 0.2, first, judgesOf(first)[0], 'creativity');
    expect(loadCampaignScores(app.ctx.db, works.id).scores.find((x) => x.entryId === first && x.judgeId === judgesOf(first)[0] && x.dimension === 'creativity')?.value).toBe(0.1 + 0.2);
    app.ctx.db.prepare('UPDATE scores SET value = 7 WHERE entry_id = ? AND judge_id = ? AND dimension_key = ?').run(first, judgesOf(first)[0], 'creativity');

    const outcome = runRanking(data, parseRankingConfig({}));
    const list = outcome.categories.find((c) => c.kind === 'work' && c.category === 'graphic')?.lists.trimmed;
    const regNo = (id: number) => data.entries.find((e) => e.entryId === id)?.regNo;
    // Only the entry with three complete, unconflicted reviews is ranked: its totals are
    // 0.4 × (8, 8.5, 9) + 0.3 × 7 + 0.3 × 9 = 8, 8.2, 8.4 → trimmed = plain mean (3 < N = 5) = 8.2.
    expect(list?.ranked.map((r) => [r.regNo, r.score, r.judges])).toEqual([[regNo(first), 8.2, 3]]);
    const held = new Map(list?.held.map((h) => [h.regNo, h]));
    expect(held.get(regNo(second) as string)?.flags).toEqual([{ code: 'incomplete_coverage', params: { judges: 2, wanted: 3, assigned: 3 } }]);
    expect(held.get(regNo(third) as string)?.flags).toEqual([{ code: 'incomplete_coverage', params: { judges: 2, wanted: 3, assigned: 3 } }]);
    // Late entries are held in their category with a 'late' flag, never dropped.
    const heldEverywhere = outcome.categories.flatMap((c) => c.lists.trimmed?.held ?? []);
    for (const late of data.entries.filter((e) => e.isLate)) {
      expect(heldEverywhere.find((h) => h.regNo === late.regNo)?.flags.map((f) => f.code)).toContain('late');
    }
    app.ctx.close();
  });

  it('sees merged result bundles, and a locked snapshot notices a score changed afterwards', async () => {
    const app = openTestApp();
    const works = await ok<CampaignSummary>(app.dispatch('demo:load', {}));
    const dir = path.join(app.dataDir, 'sample-bundles');
    const files = fs.readdirSync(dir).sort().map((f) => ({ fileName: f, contentBase64: fs.readFileSync(path.join(dir, f)).toString('base64') }));
    await ok(app.dispatch('bundle:merge', { campaignId: works.id, files }));

    const config = parseRankingConfig({ tiers: [{ key: 'influence', by: 'rank', count: 3 }] });
    const data = loadCampaignScores(app.ctx.db, works.id);
    // Six bundle files (one per sample judge, one a second revision): five stay accepted.
    expect(data.bundles).toHaveLength(5);
    expect(data.scores).toHaveLength(288); // every score in the sample bundles that stay accepted
    const flags = new Map([[data.entries[0].entryId, [{ code: 'non_compliant_media' as const, params: { violations: 'MEDIA_TOO_LONG' } }]]]);
    const locked = buildSnapshot(data, runRanking(data, config, flags), flags);
    const again = loadCampaignScores(app.ctx.db, works.id);
    expect(snapshotBytes(buildSnapshot(again, runRanking(again, config, flags), flags)).equals(snapshotBytes(locked))).toBe(true);
    // Written to a file and read back, it verifies against the database (locked config and flags).
    const file = path.join(app.dataDir, 'ranking.snapshot.json');
    fs.writeFileSync(file, snapshotBytes(locked));
    const reread = parseSnapshot(JSON.parse(fs.readFileSync(file, 'utf8')));
    expect(verifyAgainstDatabase(app.ctx.db, reread)).toEqual({ equal: true });

    const s = data.scores[0];
    const dim = data.definition.lists[0].rubric.find((d) => d.key === s.dimension);
    const other = s.value === dim?.scale.max ? s.value - 1 : s.value + 0.5;
    app.ctx.db.prepare('UPDATE scores SET value = ? WHERE entry_id = ? AND judge_id = ? AND dimension_key = ?').run(other, s.entryId, s.judgeId, s.dimension);
    expect(verifyAgainstDatabase(app.ctx.db, reread)).toMatchObject({ equal: false, path: 'inputs.scores' });
    app.ctx.close();
  });

  it('gives the committee campaign its member list with reasons for each rejection', async () => {
    const app = openTestApp();
    await ok(app.dispatch('demo:load', {}));
    const campaigns = await ok<CampaignSummary[]>(app.dispatch('campaign:list', {}));
    const caca = campaigns.find((c) => c.templateId === 'caca-committee-2021') as CampaignSummary;
    const rows = assignmentsOf(app, caca.id).filter((r) => !r.late);
    const [p1, p2] = [...new Set(rows.map((r) => r.entryId))];
    const def = loadCampaignScores(app.ctx.db, caca.id).definition;
    const items = def.lists[0].eligibility.map((i) => i.key);
    const judgesOf = (entryId: number) => rows.filter((r) => r.entryId === entryId).map((r) => r.judgeId);
    expect(judgesOf(p1)).toHaveLength(5);
    for (const entryId of [p1, p2]) {
      judgesOf(entryId).forEach((judgeId, j) => {
        score(app, caca.id, entryId, judgeId, { scientific: 8, accessibility: 7, practice: 9 });
        for (const item of items) {
          // P2: the attending item gets yes, yes, no, no, unsure — 2 of 5 is not a majority.
          const answer = entryId === p2 && item === 'attending_or_above' ? (['yes', 'yes', 'no', 'no', 'unsure'] as const)[j] : 'yes';
          app.ctx.reviews.setEligibility({ campaignId: caca.id, judgeId, entryId }, item, answer, '');
        }
      });
    }
    const data = loadCampaignScores(app.ctx.db, caca.id);
    expect(data.eligibility).toHaveLength(2 * 5 * items.length);
    const outcome = runRanking(data, parseRankingConfig({ committee: { rule: 'majority', minScore: 7.5, method: 'mean' } }));
    const regNo = (id: number) => data.entries.find((e) => e.entryId === id)?.regNo;
    // Totals 0.4 × 8 + 0.3 × 7 + 0.3 × 9 = 8 for everyone: above 7.5.
    expect(outcome.committee?.members.map((m) => [m.regNo, m.score])).toEqual([[regNo(p1), 8]]);
    expect(outcome.committee?.rejected.map((r) => [r.regNo, r.reasons])).toEqual([
      [regNo(p2), [{ code: 'item_failed', item: 'attending_or_above', rule: 'majority', yes: 2, no: 2, unsure: 1 }]],
    ]);
    // Everyone else has no complete review yet: held, not rejected.
    expect(outcome.committee?.held).toHaveLength(data.entries.length - 2);
    app.ctx.close();
  });
  it('reads only the campaign\'s scores when another campaign\'s entries sit between its ids, and the columns rank as the rows do', async () => {
    const app = openTestApp();
    const works = await ok<CampaignSummary>(app.dispatch('demo:load', {}));
    const rows = assignmentsOf(app, works.id);
    const ids = [...new Set(rows.map((r) => r.entryId))].sort((a, b) => a - b);
    for (const r of rows) score(app, works.id, r.entryId, r.judgeId, { content: 5 + (r.entryId % 5), creativity: 7, communication: 6 + (r.entryId % 3) });
    app.ctx.reviews.setConflict({ campaignId: works.id, judgeId: rows.find((r) => r.entryId === ids[2])!.judgeId, entryId: ids[2] }, true, 'same unit');
    // An entry in the middle of the id range moves, with its scores, to another campaign: the
    // bounded scan (load-scores.ts) still sees its rows and must leave them out.
    const template = app.ctx.templates.get('sichuan-influence-2023');
    const other = app.ctx.campaigns.create(template.id, template.definition);
    const moved = ids[Math.floor(ids.length / 2)];
    app.ctx.db.prepare('UPDATE entries SET campaign_id = ? WHERE id = ?').run(other.id, moved);
    const data = loadCampaignScores(app.ctx.db, works.id);
    expect(data.entries.some((e) => e.entryId === moved)).toBe(false);
    const expected = rows.filter((r) => r.entryId !== moved).length * 3;
    const columns = scoreColumnsOf(data);
    expect(columns.entryId.length).toBe(expected);
    expect([...columns.entryId].includes(moved)).toBe(false);
    // The same ranking from the columns as from the rows as objects (a spread copy has no columns).
    const config = parseRankingConfig({});
    const fromColumns = JSON.stringify(runRanking(data, config));
    const asRows = { ...data };
    expect(asRows.scores).toHaveLength(expected);
    expect(JSON.stringify(runRanking(asRows, config))).toBe(fromColumns);
    expect(loadCampaignScores(app.ctx.db, other.id).scores.map((s) => s.entryId)).toEqual(Array(rows.filter((r) => r.entryId === moved).length * 3).fill(moved));
  });
});
