// A verification recomputes the locked ranking from the data of one moment: a write committed while
// it recomputes (here a changed score and a recorded decision, committed together by another
// connection, as the sqlite3 shell or another process could) is either wholly in the
// recomputation or wholly out of it. Before, the scores were read in one transaction and the
// decisions afterwards, so the recomputation could mix the scores before the write with the
// decisions after it: a state the database never held, reported as the difference.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignSummary, SnapshotInfo } from '../../../src-main/contract';
import { loadSnapshot } from '../../../src-main/core/ranking/snapshot-store';
import { verifyExplained } from '../../../src-main/core/ranking/verify';
import { type DemoReview, ok, openTestApp, scoredDemo, writeWhenPrepared } from '../../helpers';

describe('a write committed while a lock is verified', () => {
  let app: ReturnType<typeof openTestApp>;
  let works: CampaignSummary;
  let rows: DemoReview[];
  let lock: SnapshotInfo;
  beforeAll(async () => {
    app = openTestApp();
    ({ works, rows } = await scoredDemo(app));
    await ok(app.dispatch('identity:create', { name: '王协调', passphrase: 'correct horse battery' }));
    lock = await ok<SnapshotInfo>(app.dispatch('ranking:lock', { campaignId: works.id }));
  }, 120_000);
  afterAll(() => app.ctx.close());

  it('recomputes the data of one moment, before it or after it', () => {
    const other = new Database(app.ctx.db.name);
    // The write lands as the verification reads the decisions (after it read the scores).
    const { db, fired } = writeWhenPrepared(
      app.ctx.db,
      (sql) => sql.includes('FROM entry_decisions d JOIN entries e'),
      () =>
        other.transaction(() => {
          other.prepare("UPDATE scores SET value = 9.5 WHERE entry_id = ? AND judge_id = ? AND dimension_key = 'content'").run(rows[0].entryId, rows[0].judgeId);
          other
            .prepare("INSERT INTO entry_decisions (campaign_id, entry_id, kind, reason, actor, at) VALUES (?, ?, 'withdraw', 'withdrawn by the entrant', 'coordinator', '2026-12-04T10:00:00.000Z')")
            .run(works.id, rows[0].entryId);
        })(),
    );
    const loaded = loadSnapshot(app.ctx.db, works.id, lock.id);
    const during = verifyExplained(db, loaded.snapshot, null);
    expect(fired()).toBe(true);
    // Read before the write: the data as locked.
    expect(during.comparison.equal).toBe(true);
    // Read after it: the write differs, the decision named first.
    const after = verifyExplained(app.ctx.db, loaded.snapshot, null);
    expect(after.comparison).toMatchObject({ equal: false, path: 'inputs.decisions' });
    other.close();
  });
});
