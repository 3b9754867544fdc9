// A lock publishes the data of one moment: a write committed after its snapshot was made (on the
// ranking worker) and before it is stored (after signing, in the main process) would otherwise
// leave a published result that does not recompute from the data it was locked over, which a
// verification right after the lock would report as changed. The lock checks, in the transaction
// that stores it, that the data is still what the snapshot was made from, and makes it again if not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignSummary, SnapshotInfo } from '../../../src-main/contract';
import { ok, openTestApp, scoredDemo } from '../../helpers';

describe('a write committed while a lock is being signed', () => {
  let app: ReturnType<typeof openTestApp>;
  let works: CampaignSummary;
  let rows: { entryId: number; judgeId: string }[];
  beforeAll(async () => {
    app = openTestApp();
    ({ works, rows } = await scoredDemo(app));
    await ok(app.dispatch('identity:create', { name: '王协调', passphrase: 'correct horse battery' }));
  }, 120_000);
  afterAll(() => app.ctx.close());

  /**
   * Runs `body` with the key requests counted and `onRequest` called at each (its number given):
   * the lock asks for the key before its backup, then once per snapshot it made, just before
   * signing it, which is where a write lands here, as it could from another window or process.
   */
  const withKeyRequests = async (onRequest: (n: number) => void, body: (requests: () => number) => Promise<void>) => {
    const identity = app.ctx.identity;
    const privateKey = identity.privateKey.bind(identity);
    let calls = 0;
    identity.privateKey = () => {
      onRequest(++calls);
      return privateKey();
    };
    try {
      await body(() => calls);
    } finally {
      identity.privateKey = privateKey;
    }
  };
  const saveScore = (row: { entryId: number; judgeId: string }, value: number) => app.ctx.reviews.setScore({ campaignId: works.id, ...row }, 'content', value);

  it('gives up after three attempts when writes keep landing, and publishes nothing', async () => {
    await withKeyRequests(
      (n) => n >= 2 && saveScore(rows[1], 1 + (n % 9)),
      async (requests) => {
        const before = await ok<SnapshotInfo[]>(app.dispatch('ranking:snapshots', { campaignId: works.id }));
        const failed = await app.dispatch('ranking:lock', { campaignId: works.id });
        expect(failed).toMatchObject({ ok: false, error: { code: 'RANKING_DATA_CHANGED' } });
        expect(requests()).toBe(4);
        expect(await ok<SnapshotInfo[]>(app.dispatch('ranking:snapshots', { campaignId: works.id }))).toEqual(before);
      },
    );
  });

  it('is in the published snapshot, which verifies against the data right after', async () => {
    await withKeyRequests(
      (n) => n === 2 && saveScore(rows[0], 10),
      async (requests) => {
        const lock = await ok<SnapshotInfo>(app.dispatch('ranking:lock', { campaignId: works.id }));
        const verified = await ok<{ equal: boolean; signatureValid: boolean }>(app.dispatch('ranking:verify', { campaignId: works.id, snapshotId: lock.id }));
        expect(verified.signatureValid).toBe(true);
        expect(verified.equal).toBe(true);
        // Made again after the write (a third key request, for the snapshot made again).
        expect(requests()).toBe(3);
        // One lock stored, not one per attempt (the attempts given up above stored none).
        expect(await ok<SnapshotInfo[]>(app.dispatch('ranking:snapshots', { campaignId: works.id }))).toHaveLength(1);
      },
    );
  });
});
