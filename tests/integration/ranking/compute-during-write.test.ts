// A write another connection commits while the ranking is being computed (a merge in the main
// process while the ranking worker computes, or `kepu bundle merge` beside the app) must never
// leave a computation of the data before it cached as if it were of the data after it: the
// Ranking tab would show the old ranking until some later write, and keeping it fresh would not
// help (it asks the same cache). Found reading ranking-service.ts: the stamp a computation was
// cached under was read after computing, and the flags, scores, decisions and judges' names were
// read in separate transactions.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignSummary } from '../../../src-main/contract';
import { entryRuleFlag, formalCheckFlag } from '../../../src-main/app/entry-problem-text';
import { rowsOf } from '../../../src-main/core/ranking/score-columns';
import { scoreColumnsOf } from '../../../src-main/core/ranking/load-scores';
import { RankingService } from '../../../src-main/core/ranking/ranking-service';
import { openTestApp, scoredDemo, writeWhenPrepared } from '../../helpers';

describe('a write committed while the ranking computes', () => {
  let app: ReturnType<typeof openTestApp>;
  let works: CampaignSummary;
  let cell: { entryId: number; judgeId: string; dimension: string; value: number };
  beforeAll(async () => {
    app = openTestApp();
    const scored = await scoredDemo(app);
    works = scored.works;
    cell = { ...scored.rows[0], dimension: 'content', value: 4 };
  }, 120_000);
  afterAll(() => app.ctx.close());

  it('is in the next computation, not hidden behind a cache stamped after it', () => {
    const file = app.ctx.db.name;
    expect(path.isAbsolute(file)).toBe(true);
    // Another connection (another process, as far as this one can tell) commits a changed score
    // just as the computation reads the judges' names, after it read the scores.
    const other = new Database(file);
    const { db, fired } = writeWhenPrepared(
      app.ctx.db,
      (sql) => sql.startsWith('SELECT id, name FROM judges'),
      () => other.prepare('UPDATE scores SET value = 9 WHERE entry_id = ? AND judge_id = ? AND dimension_key = ?').run(cell.entryId, cell.judgeId, cell.dimension),
    );
    const ranking = new RankingService(db, app.ctx.campaigns, entryRuleFlag, formalCheckFlag);
    const valueIn = (computed: ReturnType<RankingService['compute']>) =>
      rowsOf(scoreColumnsOf(computed.data)).find((r) => r.entryId === cell.entryId && r.judgeId === cell.judgeId && r.dimension === cell.dimension)?.value;
    const first = ranking.compute(works.id);
    expect(fired()).toBe(true);
    // The first computation may show the data before or after the write, but all of one state.
    expect([cell.value, 9]).toContain(valueIn(first));
    const second = ranking.compute(works.id);
    expect(valueIn(second)).toBe(9);
    expect(second.aggregates.get(cell.entryId)?.totals.find((t) => t.judgeId === cell.judgeId)).toBeDefined();
    // Nothing changed since: the second is kept.
    expect(ranking.compute(works.id)).toBe(second);
    other.close();
  });
});
