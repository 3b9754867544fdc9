// A lock publishes the data of one moment: a write committed after its snapshot was made (on the
// ranking worker) and before it is stored (after signing, in the main process) would otherwise
// leave a published result that does not recompute from the data it was locked over, which a
// verification right after the lock would report as changed. The lock checks, in the transaction
// that stores it, that the data is still what the snapshot was made from, and makes it again if not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignSummary, SnapshotInfo } from '../../../src-main/contract';
import { ok, openTestApp } from '../../helpers';

describe('a write committed while a lock is being signed', () => {
  let app: ReturnType<typeof openTestApp>;
  let works: CampaignSummary;
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
    await ok(app.dispatch('identity:create', { name: '王协调', passphrase: 'correct horse battery' }));
  }, 120_000);
  afterAll(() => app.ctx.close());

  it('gives up after three attempts when writes keep landing, and publishes nothing', async () => {
    const identity = app.ctx.identity;
    const privateKey = identity.privateKey.bind(identity);
    let calls = 0;
    identity.privateKey = () => {
      calls += 1;
      if (calls >= 2) app.ctx.reviews.setScore({ campaignId: works.id, judgeId: rows[1].judgeId, entryId: rows[1].entryId }, 'content', 1 + (calls % 9));
      return privateKey();
    };
    try {
      const before = await ok<SnapshotInfo[]>(app.dispatch('ranking:snapshots', { campaignId: works.id }));
      const failed = await app.dispatch('ranking:lock', { campaignId: works.id });
      expect(failed).toMatchObject({ ok: false, error: { code: 'RANKING_DATA_CHANGED' } });
      expect(calls).toBe(4);
      expect(await ok<SnapshotInfo[]>(app.dispatch('ranking:snapshots', { campaignId: works.id }))).toEqual(before);
    } finally {
      identity.privateKey = privateKey;
    }
  });

  it('is in the published snapshot, which verifies against the data right after', async () => {
    const identity = app.ctx.identity;
    const privateKey = identity.privateKey.bind(identity);
    let calls = 0;
    // The lock asks for the key before its backup and again once the snapshot is made: the
    // second time, a judge's score is saved, as it could be from another window or process.
    identity.privateKey = () => {
      calls += 1;
      if (calls === 2) app.ctx.reviews.setScore({ campaignId: works.id, judgeId: rows[0].judgeId, entryId: rows[0].entryId }, 'content', 10);
      return privateKey();
    };
    try {
      const lock = await ok<SnapshotInfo>(app.dispatch('ranking:lock', { campaignId: works.id }));
      const verified = await ok<{ equal: boolean; signatureValid: boolean }>(app.dispatch('ranking:verify', { campaignId: works.id, snapshotId: lock.id }));
      expect(verified.signatureValid).toBe(true);
      expect(verified.equal).toBe(true);
      // Made again after the write (a third key request, for the snapshot made again).
      expect(calls).toBe(3);
      // One lock stored, not one per attempt (the attempts given up above stored none).
      expect(await ok<SnapshotInfo[]>(app.dispatch('ranking:snapshots', { campaignId: works.id }))).toHaveLength(1);
    } finally {
      identity.privateKey = privateKey;
    }
  });
});
