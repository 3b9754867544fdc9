// Review scenarios (issue: judge workspace), through the handler path the UI uses (dispatch with
// zod validation) on a 50,000-entry campaign: saving one score (median and p99), opening the next
// entry (review:get: entry, scores, media verdicts), and loading a judge's queue.
import { createDispatch } from '../src-main/app/dispatch';
import { createHandlers } from '../src-main/app/handlers';
import { type BenchResult, measure, summarize } from './harness';
import { largeCampaign } from './large-campaign';

const SIZE = 50_000;
const JUDGES = 200;
const PER_ENTRY = 5;

export async function reviewBench(): Promise<BenchResult[]> {
  const large = largeCampaign('review', SIZE);
  const { ctx, ids } = large;
  const campaign = { id: large.campaignId };
  const dispatch = createDispatch(createHandlers(ctx));
  try {
    const judges = Array.from({ length: JUDGES }, (_, j) => ctx.judges.create(campaign.id, `评委${j}`, null));
    ctx.judges.assign(ids.flatMap((entryId, i) => Array.from({ length: PER_ENTRY }, (_, k) => ({ entryId, judgeId: judges[(i + k * 41) % JUDGES].id }))), 'auto');
    const judgeId = judges[0].id;
    const mine = ctx.db.prepare('SELECT entry_id FROM assignments WHERE judge_id = ? ORDER BY entry_id').pluck().all(judgeId) as number[];

    const dims = ['content', 'creativity', 'communication'];
    const saves = await measure(2000, async (i) => {
      const r = await dispatch('review:score', { campaignId: campaign.id, judgeId, entryId: mine[i % mine.length], dimension: dims[i % 3], value: (i % 21) / 2 });
      if (!r.ok) throw new Error(`bench: save failed: ${r.error.message}`);
    });
    const next = await measure(500, async (i) => {
      const r = await dispatch('review:get', { campaignId: campaign.id, judgeId, entryId: mine[(i * 7) % mine.length] });
      if (!r.ok) throw new Error(`bench: open failed: ${r.error.message}`);
    });
    const queue = await measure(20, async () => {
      const r = await dispatch('review:queue', { campaignId: campaign.id, judgeId });
      if (!r.ok) throw new Error('bench: queue failed');
    });
    return [
      summarize('review.saveScore', 1, 'saves/s', saves, { note: `dispatch → IMMEDIATE transaction (synchronous=FULL) at ${SIZE} entries; aim p99 < 10 ms` }),
      summarize('review.openNextEntry', 1, 'opens/s', next, { note: `review:get (entry, scores, media verdicts) at ${SIZE} entries; aim < 50 ms` }),
      summarize('review.queue', 1, 'queues/s', queue, { note: `one judge's queue of ${mine.length} entries (${SIZE} × ${PER_ENTRY} over ${JUDGES} judges)` }),
    ];
  } finally {
    large.dispose();
  }
}
