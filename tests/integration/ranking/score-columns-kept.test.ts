// The loaded scores stay columns (score-columns.ts) through everything the Ranking tab and a lock
// ask of a computation: an entry's details, the lock's snapshot and input lines. Building the
// 750,000 rows as objects cost a lock at 50,000 entries about half a second, and once built they
// replace the columns, so every later read of that computation built columns from them again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignSummary, RankingEntryDetail } from '../../../src-main/contract';
import { rankingEntry, rankingLockPrepare, rankingSummary } from '../../../src-main/app/ranking-reads';
import { scoreColumnsOf } from '../../../src-main/core/ranking/load-scores';
import { rowsOf } from '../../../src-main/core/ranking/score-columns';
import { openTestApp, scoredDemo } from '../../helpers';

describe('a computation keeps its score columns', () => {
  let app: ReturnType<typeof openTestApp>;
  let works: CampaignSummary;
  let rows: { entryId: number; judgeId: string }[];
  beforeAll(async () => {
    app = openTestApp();
    ({ works, rows } = await scoredDemo(app));
  }, 120_000);
  afterAll(() => app.ctx.close());

  it('through an entry’s details and a lock’s snapshot, whose cells and lines match the rows', () => {
    rankingSummary(app.ctx, { campaignId: works.id });
    const computed = app.ctx.ranking.compute(works.id);
    const columns = scoreColumnsOf(computed.data);
    const entryId = rows[0].entryId;
    const detail: RankingEntryDetail = rankingEntry(app.ctx, { campaignId: works.id, entryId });
    const prepared = rankingLockPrepare(app.ctx, { campaignId: works.id });
    expect(prepared.bytes.length).toBeGreaterThan(0);
    expect(scoreColumnsOf(computed.data)).toBe(columns);
    // The cells as the rows give them, in the same order.
    const own = rowsOf(columns).filter((r) => r.entryId === entryId);
    expect(detail.cells.map((c) => [c.judgeId, c.dimension, c.signed])).toEqual(own.map((r) => [r.judgeId, r.dimension, r.value]));
    expect(detail.cells.length).toBeGreaterThan(0);
  });
});
