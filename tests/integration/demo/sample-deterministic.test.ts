// The sample campaign must be the same sample in every data folder: its judges are created in the
// same millisecond with random ids, and the sample scores depend on the judges' order, so an order
// that fell back to the random id gave each data folder a different ranking (and tests and
// screenshots that assumed a leader failed now and then).
import { describe, expect, it } from 'vitest';
import type { RankingSummary } from '../../../src-main/contract';
import { ok, openMergedSample } from '../../helpers';

type RankedRows = { rows: { regNo: string; rank: number | null; methods: Record<string, { score: number | null }> }[] };

async function rankingOfFreshSample() {
  const app = await openMergedSample();
  const summary = await ok<RankingSummary>(app.dispatch('ranking:summary', { campaignId: app.works.id }));
  const lists: string[] = [];
  for (const c of summary.categories) {
    const list = await ok<RankedRows>(app.dispatch('ranking:list', { campaignId: app.works.id, kind: c.kind, category: c.category, section: 'ranked', offset: 0, limit: 500 }));
    for (const r of list.rows) lists.push(`${c.kind}/${c.category ?? ''} ${r.rank} ${r.regNo} ${JSON.stringify(r.methods)}`);
  }
  app.ctx.db.close();
  return lists;
}

describe('the sample campaign', () => {
  it('ranks the same in two data folders, entry by entry and score by score', async () => {
    const first = await rankingOfFreshSample();
    const second = await rankingOfFreshSample();
    expect(first.length).toBe(27);
    expect(second).toEqual(first);
  });
});
