// The ranking worker's saved answers (app/ranking-answers.ts): after the worker (the app) starts
// again, the summary and the pages it gave are answered from the file for the same data, exactly
// as they were (their computedAt says they were not computed again); any write, by this process
// or another, or a refresh, makes it compute; a damaged file is ignored.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignSummary, RankingSummary } from '../../../src-main/contract';
import { answerKey, RankingAnswers, RANKING_ANSWERS_FILE } from '../../../src-main/app/ranking-answers';
import { WorkerReads } from '../../../src-main/app/ranking-worker';
import { changeToken } from '../../../src-main/core/db/change-token';
import { openTestApp, scoredDemo, tempDir } from '../../helpers';

type App = ReturnType<typeof openTestApp>;

describe('the saved answers file', () => {
  it('gives back an answer exactly, for its token only, and ignores a damaged file', () => {
    const dir = tempDir();
    const saved = new RankingAnswers(dir);
    const key = answerKey('ranking:summary', { campaignId: 'c1', refresh: true });
    expect(key).toBe(answerKey('ranking:summary', { campaignId: 'c1' }));
    const value = { tau: Number.NaN, zero: -0, absent: undefined, list: [1.5, null] };
    saved.put('AA', key, value);
    saved.flush();
    const again = new RankingAnswers(dir);
    const back = again.get('AA', key) as typeof value;
    expect(back).toStrictEqual(value);
    expect(Object.is(back.zero, -0)).toBe(true);
    expect(again.holdsCampaign('AA', 'c1')).toBe(true);
    expect(again.holdsCampaign('AA', 'c2')).toBe(false);
    expect(again.get('BB', key)).toBeUndefined();
    expect(again.get(null, key)).toBeUndefined();
    // A new token's answer drops the old token's.
    again.put('BB', answerKey('ranking:list', { campaignId: 'c1', offset: 0 }), 1);
    expect(again.get('AA', key)).toBeUndefined();
    fs.writeFileSync(path.join(dir, RANKING_ANSWERS_FILE), 'not what it was');
    expect(new RankingAnswers(dir).get('BB', key)).toBeUndefined();
  });
});

describe('the reads to answer again when the data changed', () => {
  it('are those of the campaign and rounds shown last, the summary first, then newest first', () => {
    const saved = new RankingAnswers(tempDir());
    const key = (channel: string, request: Record<string, unknown>) => answerKey(channel, request);
    saved.put('AA', key('ranking:summary', { campaignId: 'c2' }), 1);
    saved.put('AA', key('ranking:summary', { campaignId: 'c1' }), 2);
    saved.put('AA', key('ranking:summary', { campaignId: 'c1', rounds: { works: 2 } }), 3);
    saved.put('AA', key('ranking:list', { campaignId: 'c1', offset: 0 }), 4);
    saved.put('AA', key('ranking:entry', { campaignId: 'c1', entryId: 7 }), 5);
    expect(saved.outdated('AA')).toEqual([]);
    expect(saved.outdated(null)).toEqual([]);
    expect(saved.outdated('BB').map((r) => [r.channel, r.request])).toEqual([
      ['ranking:summary', { campaignId: 'c1' }],
      ['ranking:entry', { campaignId: 'c1', entryId: 7 }],
      ['ranking:list', { campaignId: 'c1', offset: 0 }],
    ]);
  });
});

describe('the ranking worker after a restart', () => {
  let app: App;
  let works: CampaignSummary;
  let reads: WorkerReads;
  let first: RankingSummary;
  let page: unknown;
  let listRequest: { campaignId: string; kind: string; category: string | null; section: 'ranked'; offset: number; limit: number };
  const setScore = (value: number) => {
    const row = app.ctx.db.prepare('SELECT a.entry_id AS entryId, a.judge_id AS judgeId FROM entries e JOIN assignments a ON a.entry_id = e.id WHERE e.campaign_id = ? ORDER BY e.id LIMIT 1').get(works.id) as { entryId: number; judgeId: string };
    app.ctx.reviews.setScore({ campaignId: works.id, judgeId: row.judgeId, entryId: row.entryId }, 'content', value);
  };

  beforeAll(async () => {
    app = openTestApp();
    ({ works } = await scoredDemo(app));
    reads = new WorkerReads(app.ctx);
    first = await reads.summary({ campaignId: works.id });
    const category = first.categories.find((c) => c.ranked > 2)!;
    listRequest = { campaignId: works.id, kind: category.kind, category: category.category, section: 'ranked', offset: 0, limit: 5 };
    page = await reads.list(listRequest);
    await reads.close();
  }, 120_000);
  afterAll(async () => {
    await reads.close();
    app.ctx.close();
  });

  it('answers the summary and a page from the saved file for the same data', async () => {
    expect(fs.existsSync(path.join(app.ctx.dataDir, RANKING_ANSWERS_FILE))).toBe(true);
    reads = new WorkerReads(app.ctx);
    const again = await reads.summary({ campaignId: works.id });
    expect(again).toEqual(first);
    expect(again.computedAt).toBe(first.computedAt);
    expect(await reads.list(listRequest)).toEqual(page);
    await reads.close();
  });

  it('computes again after a write, across a restart too, and on a refresh', async () => {
    reads = new WorkerReads(app.ctx);
    const refreshed = await reads.summary({ campaignId: works.id, refresh: true });
    expect(refreshed.computedAt).not.toBe(first.computedAt);
    await reads.close();

    // Written while no worker ran (as `kepu` in another process would).
    const before = changeToken(app.ctx.db);
    setScore(1);
    expect(changeToken(app.ctx.db)).not.toBe(before);
    reads = new WorkerReads(app.ctx);
    const afterWrite = await reads.summary({ campaignId: works.id });
    expect(afterWrite.computedAt).not.toBe(refreshed.computedAt);
    const lowered = await reads.list(listRequest);
    // Written while it runs: the next read computes (the main side's kept summary is keyed by its stamp too).
    setScore(10);
    const raised = await reads.summary({ campaignId: works.id });
    expect(raised.computedAt).not.toBe(afterWrite.computedAt);
    expect(await reads.list(listRequest)).not.toEqual(lowered);
    await reads.close();
  });

  it('answers again, soon after it starts, what the tab was shown when the data changed while it was closed', async () => {
    reads = new WorkerReads(app.ctx);
    const shown = await reads.summary({ campaignId: works.id });
    const shownPage = await reads.list(listRequest);
    await reads.close();
    // Written while no worker ran (as `kepu bundle merge` with the app closed).
    setScore(3);
    const token = changeToken(app.ctx.db);
    const summaryKey = answerKey('ranking:summary', { campaignId: works.id });
    const savedNow = () => new RankingAnswers(app.ctx.dataDir).get(token, summaryKey) as RankingSummary | undefined;
    expect(savedNow()).toBeUndefined();
    reads = new WorkerReads(app.ctx);
    reads.start();
    // Nobody asks: the worker computes and saves them for the data as it is now by itself.
    const until = Date.now() + 30_000;
    while (savedNow() === undefined && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 100));
    const caughtUp = savedNow();
    expect(caughtUp).toBeDefined();
    expect(caughtUp!.computedAt).not.toBe(shown.computedAt);
    const page = new RankingAnswers(app.ctx.dataDir).get(token, answerKey('ranking:list', listRequest));
    expect(page).toBeDefined();
    expect(page).not.toEqual(shownPage);
    // The tab's reads are those answers (computed once, by the catch-up).
    expect(await reads.summary({ campaignId: works.id })).toEqual(caughtUp);
    expect(await reads.list(listRequest)).toEqual(page);
    await reads.close();
  }, 60_000);

  it('computes when the file is damaged', async () => {
    fs.writeFileSync(path.join(app.ctx.dataDir, RANKING_ANSWERS_FILE), Buffer.from([0xff, 0x0d, 0x6f]));
    reads = new WorkerReads(app.ctx);
    const s = await reads.summary({ campaignId: works.id });
    expect(s.counts.ranked).toBe(first.counts.ranked);
    await reads.close();
  });
});
