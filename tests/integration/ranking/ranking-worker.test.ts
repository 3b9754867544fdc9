// The Ranking tab's reads on the ranking worker (issue 18 aim 4; app/ranking-worker.ts, the
// worker through tsx here): ranking:summary, ranking:list and ranking:entry answer exactly what
// the in-process handlers answer, and a score saved after the first summary (a write of the main
// connection) makes both the main side's kept summary and the worker's computation stale.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels, type CampaignSummary, type RankingSummary } from '../../../src-main/contract';
import { WorkerReads } from '../../../src-main/app/ranking-worker';
import { ok, openTestApp } from '../../helpers';

type App = ReturnType<typeof openTestApp>;

/** The summary without the moment it was computed (each computation has its own). */
const comparable = (s: RankingSummary) => ({ ...s, computedAt: '' });

describe('ranking reads on the worker thread', () => {
  let app: App;
  let works: CampaignSummary;
  let reads: WorkerReads;
  let rows: { entryId: number; judgeId: string }[];
  beforeAll(async () => {
    app = openTestApp();
    works = await ok<CampaignSummary>(app.dispatch('demo:load', {}));
    rows = app.ctx.db
      .prepare('SELECT a.entry_id AS entryId, a.judge_id AS judgeId FROM entries e JOIN assignments a ON a.entry_id = e.id WHERE e.campaign_id = ? ORDER BY e.id, a.judge_id')
      .all(works.id) as { entryId: number; judgeId: string }[];
    rows.forEach((r, i) => {
      for (const [dimension, value] of Object.entries({ content: 4 + (i % 7), creativity: 5 + (i % 4), communication: 3 + (i % 6) })) {
        app.ctx.reviews.setScore({ campaignId: works.id, judgeId: r.judgeId, entryId: r.entryId }, dimension, value);
      }
    });
    reads = new WorkerReads(app.ctx);
  }, 120_000);
  afterAll(async () => {
    await reads.close();
    app.ctx.close();
  });

  it('answers the summary, a page of a list and an entry as the in-process handlers do', async () => {
    const here = await ok<RankingSummary>(app.dispatch('ranking:summary', { campaignId: works.id }));
    const there = channels['ranking:summary'].response.parse(await reads.summary({ campaignId: works.id }));
    expect(comparable(there)).toEqual(comparable(here));
    expect(there.counts.ranked).toBeGreaterThan(0);

    const category = here.categories.find((c) => c.ranked > 2)!;
    const request = { campaignId: works.id, kind: category.kind, category: category.category, section: 'ranked' as const, offset: 1, limit: 5 };
    const page = await ok(app.dispatch('ranking:list', request));
    expect(channels['ranking:list'].response.parse(await reads.list(channels['ranking:list'].request.parse(request)))).toEqual(page);

    const entryId = rows[3].entryId;
    const entry = await ok(app.dispatch('ranking:entry', { campaignId: works.id, entryId }));
    expect(channels['ranking:entry'].response.parse(await reads.entry({ campaignId: works.id, entryId }))).toEqual(entry);

    // An error arrives as its code, as from the handler.
    await expect(reads.entry({ campaignId: works.id, entryId: 987_654 })).rejects.toMatchObject({ code: 'ENTRY_NOT_FOUND' });
  }, 120_000);

  it('computes again after a score is saved: the kept summary and the worker\'s computation are both stale', async () => {
    const before = await reads.summary({ campaignId: works.id });
    expect(await reads.summary({ campaignId: works.id })).toBe(before); // kept while nothing changed
    // One judge's score raised through the review service, as a judge's key press saves it.
    const r = rows[1];
    app.ctx.reviews.setScore({ campaignId: works.id, judgeId: r.judgeId, entryId: r.entryId }, 'content', 10);
    const after = await reads.summary({ campaignId: works.id });
    expect(after).not.toBe(before);
    expect(after.computedAt >= before.computedAt).toBe(true);
    const judge = (s: RankingSummary) => s.judges.find((j) => j.judgeId === r.judgeId)!;
    expect(judge(after)).not.toEqual(judge(before));
    expect(comparable(after)).toEqual(comparable(await ok<RankingSummary>(app.dispatch('ranking:summary', { campaignId: works.id }))));
    // The worker's computation is the new one too (the entry's details read it).
    const entry = await reads.entry({ campaignId: works.id, entryId: r.entryId });
    expect(entry).toEqual(await ok(app.dispatch('ranking:entry', { campaignId: works.id, entryId: r.entryId })));
    expect(entry.cells.find((c) => c.judgeId === r.judgeId && c.dimension === 'content')?.signed).toBe(10);
  }, 120_000);
});
