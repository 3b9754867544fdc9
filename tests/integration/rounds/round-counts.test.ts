// Counts by round (issue 14), on a real two-round campaign (the sample, merged: round 1 holds the
// judges' scores; round 1 closed, a shortlist made, round 2 assigned): the assignment coverage, the
// judges table and the merge report count round 2's work only, a judge's round-2 package lists no round-1 entry as
// "no longer assigned", and certificates name only entries of the final round's published ranking.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CampaignDefinition, ResponseOf } from '../../../src-main/contract';
import { listFor } from '../../../src-main/contract/lists';
import { runAssignment } from '../../../src-main/core/assignment/run-assignment';
import { certificateLists } from '../../../src-main/core/certificates/lists';
import { insertLockedSnapshot, lockRanking } from '../../../src-main/core/certificates/locked-ranking';
import { currentDecisions } from '../../../src-main/core/decisions/decision-service';
import { openPackage } from '../../../src-main/core/exchange/package-open';
import { generateIdentity } from '../../../src-main/core/keys/identity';
import { createKeyCard } from '../../../src-main/core/keys/key-card';
import { mergeReport } from '../../../src-main/core/merge/merge-report';
import { issuePackage } from '../../../src-main/core/packages/issue-package';
import { importOpenedPackage, withdrawnEntries } from '../../../src-main/core/packages/open-package';
import { registerKeyCard } from '../../../src-main/core/packages/register-judge';
import { parseRankingConfig } from '../../../src-main/core/ranking/config';
import { loadCampaignScores } from '../../../src-main/core/ranking/load-scores';
import { runRanking } from '../../../src-main/core/ranking/run-ranking';
import { buildSnapshot } from '../../../src-main/core/ranking/snapshot';
import { rankedApp, TIERS } from '../certificates/fixture';
import { ok, openMergedSample, openTestApp, tempDir } from '../../helpers';
import { scoringRound as scoring } from '../../round-defs';


type App = Awaited<ReturnType<typeof openMergedSample>>;

/** The first list gets a first and a final round (2 judges per entry); round 1 is closed. */
async function twoRounds(app: Pick<App, 'ctx' | 'dispatch'>, campaignId: string, final: object = {}): Promise<CampaignDefinition> {
  const def = app.ctx.campaigns.definition(campaignId);
  const next = { ...def, lists: def.lists.map((l, i) => (i === 0 ? { ...l, rounds: [scoring('first', 'First round', '初评'), scoring('final', 'Final round', '终评', { judgesPerEntry: 2, ...final })] } : l)) };
  await ok(app.dispatch('campaign:updateDefinition', { campaignId, definition: next, reason: 'two rounds' }));
  await ok(app.dispatch('round:close', { campaignId, listKey: def.lists[0].key, roundNo: 1, reason: '初评结束' }));
  return app.ctx.campaigns.definition(campaignId);
}

/** Entry id → list key for the campaign. */
function listOfEntries(app: Pick<App, 'ctx'>, campaignId: string, def: CampaignDefinition): Map<number, string> {
  const rows = app.ctx.db.prepare('SELECT id, kind, category FROM entries WHERE campaign_id = ?').all(campaignId) as { id: number; kind: never; category: string | null }[];
  return new Map(rows.map((r) => [r.id, listFor(def, r.kind, r.category).key]));
}

describe('counts by round', () => {
  it('coverage and the merge report count round 2 of the shortlisted list, round 1 of the list without rounds', async () => {
    const app = await openMergedSample();
    const campaignId = app.works.id;
    const def = await twoRounds(app, campaignId);
    const [first, second] = def.lists.map((l) => l.key);
    const made = await ok<ResponseOf<'shortlist:make'>>(app.dispatch('shortlist:make', { campaignId, listKey: first, roundNo: 1, rule: { by: 'percent', value: 30 } }));
    expect(made.counts.in).toBeGreaterThan(0);
    await ok(app.dispatch('assignment:run', { campaignId }));
    const listOf = listOfEntries(app, campaignId, def);
    const assignments = app.ctx.db.prepare('SELECT a.entry_id, a.judge_id, a.round_no FROM assignments a JOIN entries e ON e.id = a.entry_id WHERE e.campaign_id = ?').all(campaignId) as { entry_id: number; judge_id: string; round_no: number }[];
    const inScope = (a: { entry_id: number; round_no: number }) => (listOf.get(a.entry_id) === first ? a.round_no === 2 : a.round_no === 1);
    const round2 = assignments.filter((a) => listOf.get(a.entry_id) === first && a.round_no === 2);
    expect(new Set(round2.map((a) => a.entry_id)).size).toBe(made.counts.in);
    expect(assignments.some((a) => listOf.get(a.entry_id) === first && a.round_no === 1)).toBe(true); // round 1's work is still there
    const secondListEntries = [...listOf.values()].filter((k) => k === second).length;

    const coverage = await ok<ResponseOf<'assignment:coverage'>>(app.dispatch('assignment:coverage', { campaignId }));
    expect(coverage.totals.entries).toBe(made.counts.in + secondListEntries);
    for (const j of coverage.judges) expect(j.assigned, j.name).toBe(assignments.filter((a) => a.judge_id === j.judgeId && inScope(a)).length);
    // The judges table says the same: each judge's load in the working rounds.
    const listed = await ok<ResponseOf<'judge:list'>>(app.dispatch('judge:list', { campaignId }));
    for (const j of listed.judges) expect(j.assigned, j.name).toBe(assignments.filter((a) => a.judge_id === j.id && inScope(a)).length);
    // Round 2 asks 2 judges per entry: none of its entries is short (round 1's 5 do not count).
    const shortFirst = coverage.short.filter((s) => listOf.get(s.entryId) === first);
    expect(shortFirst).toEqual([]);

    // One round-2 review scored: received 1 of the in-scope slots (round 1's reviews do not count).
    const list = def.lists[0];
    const ref = { campaignId, judgeId: round2[0].judge_id, entryId: round2[0].entry_id };
    for (const d of list.rubric) app.ctx.reviews.setScore(ref, d.key, d.scale.max);
    app.ctx.reviews.setComplete(ref, true);
    const secondListReviews = app.ctx.db.prepare('SELECT r.entry_id, r.status FROM reviews r JOIN entries e ON e.id = r.entry_id WHERE e.campaign_id = ? AND r.round_no = 1').all(campaignId) as { entry_id: number; status: string }[];
    const ofSecond = secondListReviews.filter((r) => listOf.get(r.entry_id) === second);
    const report = mergeReport(app.ctx, campaignId, []);
    expect(report.coverage).toEqual({
      entries: made.counts.in + secondListEntries,
      expected: assignments.filter(inScope).length,
      received: ofSecond.length + 1,
      complete: ofSecond.filter((r) => r.status === 'complete').length + 1,
    });
    app.ctx.close();
  });

  it("a judge's round-2 package lists no round-1 entry as no longer assigned; a round-2 entry taken back is", async () => {
    const coordinator = openTestApp();
    const campaignId = (await ok<{ id: string }>(coordinator.dispatch('demo:load', {}))).id;
    const coordinatorKey = generateIdentity();
    const judgeKey = generateIdentity();
    const registered = registerKeyCard(coordinator.ctx.db, campaignId, createKeyCard(judgeKey.privateKey, { name: '林晓', institution: '重庆医科大学' }));
    coordinator.ctx.db.prepare('DELETE FROM assignments').run();
    runAssignment(coordinator.ctx, campaignId, { seed: 'r1' });
    const issue = async (name: string) => {
      const out = path.join(tempDir(), name);
      await issuePackage(coordinator.ctx, { campaignId, judgeId: registered.judgeId, withMedia: false, outPath: out, coordinator: { privateKey: coordinatorKey.privateKey, name: '组委会' } });
      return out;
    };
    const judge = openTestApp();
    const open = async (file: string, dir: string) => importOpenedPackage(judge.ctx, await openPackage(file, { targetDir: path.join(judge.dataDir, 'packages', dir) }));
    const round1 = await open(await issue('r1.kepupkg'), 'p1');
    const judgeEntries = judge.ctx.db.prepare('SELECT count(*) FROM entries WHERE campaign_id = ?').pluck().get(round1.campaignId) as number;
    expect(judgeEntries).toBeGreaterThan(3);

    const def = await twoRounds(coordinator, campaignId, { panel: [registered.judgeId], judgesPerEntry: 1 });
    const listOf = listOfEntries(coordinator, campaignId, def);
    const shortlist = (coordinator.ctx.db.prepare('SELECT id FROM entries WHERE campaign_id = ? ORDER BY reg_no').pluck().all(campaignId) as number[]).filter((id) => listOf.get(id) === def.lists[0].key).slice(0, 3);
    runAssignment(coordinator.ctx, campaignId, { seed: 'r2', roundEntries: { [def.lists[0].key]: shortlist } });
    const round2 = await open(await issue('r2.kepupkg'), 'p2');
    expect(round2.campaignId).toBe(round1.campaignId);
    // The merge report waits for 林晓's round-2 bundle only: the sample judges' unanswered packages
    // are round 1's, and they have nothing in round 2.
    expect(mergeReport(coordinator.ctx, campaignId, []).missingJudges.map((j) => j.name)).toEqual(['林晓']);
    // The round-1 entries that are not in round 2 were not taken back: the round is over.
    expect(withdrawnEntries(judge.ctx.db, round1.campaignId)).toEqual([]);

    // A round-2 entry taken back in a re-issued round-2 package is listed, with its round-2 score.
    const [kept, taken] = shortlist;
    const localOf = (remote: number) => judge.ctx.db.prepare('SELECT entry_id FROM opened_package_entries WHERE remote_entry_id = ? ORDER BY rowid DESC LIMIT 1').pluck().get(remote) as number;
    const d0 = def.lists[0].rubric[0];
    judge.ctx.reviews.setScore({ campaignId: round1.campaignId, judgeId: round1.judgeId, entryId: localOf(taken) }, d0.key, d0.scale.max);
    coordinator.ctx.db.prepare('DELETE FROM assignments WHERE entry_id = ? AND round_no = 2').run(taken);
    expect(kept).toBeDefined();
    await open(await issue('r2b.kepupkg'), 'p3');
    const withdrawn = withdrawnEntries(judge.ctx.db, round1.campaignId);
    expect(withdrawn.map((w) => w.entryId)).toEqual([localOf(taken)]);
    expect(withdrawn[0].scores).toEqual({ [d0.key]: d0.scale.max });
    coordinator.ctx.close();
    judge.ctx.close();
  });

  it('certificates come from the published ranking of the final round only', async () => {
    const app = await rankedApp({ lock: false });
    const campaignId = app.works;
    // The final round asks 2 judges per entry where the campaign asks 3: its ranking counts the
    // round's number (held for want of judges otherwise).
    const def = await twoRounds(app, campaignId, { judgesPerEntry: 2 });
    const list = def.lists[0];
    // A round-1 result published along the way (what the ranking tab locks before round 2 scores).
    const data = loadCampaignScores(app.ctx.db, campaignId);
    const decisions = currentDecisions(app.ctx.db, campaignId);
    insertLockedSnapshot(app.ctx.db, buildSnapshot(data, runRanking(data, parseRankingConfig({ primary: 'mean', methods: ['mean'], tiers: TIERS }), new Map(), decisions), new Map(), decisions), app.issuer);
    expect(certificateLists(app.ctx.db, campaignId, app.wording).filter((l) => l.type === 'award')).toEqual([]);
    await ok(app.dispatch('ranking:allowChanges', { campaignId }));

    // Round 2: three entries of the first list, scored by their round-2 judges.
    const listOf = listOfEntries(app, campaignId, def);
    const shortlist = (app.ctx.db.prepare('SELECT id FROM entries WHERE campaign_id = ? ORDER BY reg_no').pluck().all(campaignId) as number[]).filter((id) => listOf.get(id) === list.key).slice(0, 3);
    runAssignment(app.ctx, campaignId, { seed: 'r2', roundEntries: { [list.key]: shortlist } });
    for (const p of app.ctx.db.prepare('SELECT entry_id, judge_id FROM assignments WHERE round_no = 2').all() as { entry_id: number; judge_id: string }[]) {
      const ref = { campaignId, judgeId: p.judge_id, entryId: p.entry_id };
      for (const d of list.rubric) app.ctx.reviews.setScore(ref, d.key, d.scale.max);
      app.ctx.reviews.setComplete(ref, true);
    }
    // The round-2 ranking ranks the entries round 2 took, none held; the others did not go on.
    const round2 = runRanking(loadCampaignScores(app.ctx.db, campaignId, { [list.key]: 2 }), parseRankingConfig({ primary: 'mean', methods: ['mean'], tiers: TIERS }));
    const firstList = round2.categories.filter((c) => c.list === list.key).map((c) => c.lists.mean!);
    expect(firstList.flatMap((l) => l.held)).toEqual([]);
    expect(new Set(firstList.flatMap((l) => l.ranked.map((r) => r.entryId)))).toEqual(new Set(shortlist));
    lockRanking(app.ctx.db, campaignId, { primary: 'mean', methods: ['mean'], tiers: TIERS }, app.issuer);
    const regNos = new Set(shortlist.map((id) => `entry:${app.ctx.db.prepare('SELECT reg_no FROM entries WHERE id = ?').pluck().get(id) as string}`));
    const firstListAwards = certificateLists(app.ctx.db, campaignId, app.wording).filter((l) => l.type === 'award' && TIERS.some((t) => t.key === l.name));
    const holders = firstListAwards.flatMap((l) => l.holders.map((h) => h.subject));
    expect(holders.length).toBe(shortlist.length);
    expect(new Set(holders)).toEqual(regNos);
    app.ctx.close();
  });
});
