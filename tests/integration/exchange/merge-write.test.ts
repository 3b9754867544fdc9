// The merge's bulk write (merge-write.ts): rows that more than double scores and reviews go in
// without the tables' secondary indexes, which are then built again from their own definitions.
// Afterwards the schema is what it was (same indexes, same SQL), the database is consistent, and
// the judge's rows are found through the rebuilt index.
import { describe, expect, it } from 'vitest';
import { PendingRows } from '../../../src-main/core/merge/merge-write';
import { syntheticEntries } from '../../e2e/seed';
import { openTestApp } from '../../helpers';

describe('the merge bulk write', () => {
  it('builds the secondary indexes again after a load that more than doubles a table', () => {
    const { ctx } = openTestApp();
    const template = ctx.templates.get('sichuan-influence-2023');
    const campaign = ctx.campaigns.create(template.id, template.definition);
    const ids = ctx.entries.insertMany(campaign.id, '2023-12-25T10:00:00.000Z', syntheticEntries(6_000));
    const judges = [ctx.judges.create(campaign.id, '评委甲', null), ctx.judges.create(campaign.id, '评委乙', null)];
    const schema = () => ctx.db.prepare(`SELECT type, name, tbl_name, sql FROM sqlite_master WHERE tbl_name IN ('scores', 'reviews') ORDER BY name`).all();
    const before = schema();
    const pending = new PendingRows(ctx.db);
    ctx.db.transaction(() => {
      // Judge by judge, as bundles come: the flush sorts them by primary key.
      for (const judge of judges) {
        for (const entryId of ids) {
          for (const key of ['content', 'creativity', 'communication']) pending.addScore(entryId, judge.id, 1, key, 7, 2, '2026-12-01T00:00:00.000Z');
          pending.addReview(entryId, judge.id, 1, 'complete', 2, '2026-12-01T00:00:00.000Z');
        }
      }
      expect(pending.holds(judges[1].id)).toBe(true);
      pending.flush();
      expect(pending.holds(judges[1].id)).toBe(false);
    })();
    expect(schema()).toEqual(before);
    expect(ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
    // The rows' groups live in the connection's temp schema, emptied after each flush: never in the file.
    expect(ctx.db.prepare(`SELECT count(*) FROM sqlite_master WHERE name LIKE 'kepu_merge%'`).pluck().get()).toBe(0);
    expect(ctx.db.prepare('SELECT count(*) FROM temp.kepu_merge_row_groups').pluck().get()).toBe(0);
    expect(ctx.db.prepare('SELECT count(*) FROM scores').pluck().get()).toBe(ids.length * 6);
    // Each row with its own judge, round, dimension, value, revision and time (joined from its group).
    expect(ctx.db.prepare('SELECT entry_id, judge_id, round_no, dimension_key, value, revision, updated_at FROM scores WHERE entry_id = ? AND judge_id = ? ORDER BY dimension_key').raw().all(ids[7], judges[1].id)).toEqual(
      ['communication', 'content', 'creativity'].map((key) => [ids[7], judges[1].id, 1, key, 7, 2, '2026-12-01T00:00:00.000Z']),
    );
    expect(ctx.db.prepare('SELECT status, revision, updated_at, round_no FROM reviews WHERE entry_id = ? AND judge_id = ?').raw().get(ids[7], judges[0].id)).toEqual(['complete', 2, '2026-12-01T00:00:00.000Z', 1]);
    expect(ctx.db.prepare('SELECT count(*) FROM reviews WHERE judge_id = ?').pluck().get(judges[0].id)).toBe(ids.length);
    const plan = ctx.db.prepare('EXPLAIN QUERY PLAN SELECT entry_id FROM scores WHERE judge_id = ?').all(judges[0].id) as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('scores_by_judge');
    // A small load next to many stored rows keeps the indexes as they are (and still consistent).
    ctx.db.transaction(() => {
      pending.addScore(ids[0], judges[0].id, 2, 'content', 5, 1, '2026-12-02T00:00:00.000Z');
      pending.flush();
    })();
    expect(schema()).toEqual(before);
    expect(ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
    ctx.close();
  });
});
