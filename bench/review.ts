// Review scenarios (issue: judge workspace), through the handler path the UI uses (dispatch with
// zod validation) on a 50,000-entry campaign: saving one score (median and p99), opening the next
// entry (review:get: entry, scores, media verdicts), and loading a judge's queue.
// A saved score is durable when acknowledged (WAL, synchronous=FULL: the commit waits for the
// disk), so its peer is that commit without Kepu Review: a bare one-row upsert in an IMMEDIATE
// transaction on the same connection (same file, same pragmas), taken right after each save so both
// see the same disk (issue 18: on this shared machine the fsync is most of a save and swings with
// the other processes' writes). The setup's writes are checkpointed first: a judge's machine has
// not just written 300 MB when they score.
import { createDispatch } from '../src-main/app/dispatch';
import { createHandlers } from '../src-main/app/handlers';
import { type BenchResult, measure, percentile, round, summarize } from './harness';
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
    ctx.db.exec(`CREATE TABLE bench_fsync_peer (entry_id INTEGER NOT NULL, dimension_key TEXT NOT NULL, value REAL NOT NULL, updated_at TEXT NOT NULL, PRIMARY KEY (entry_id, dimension_key)) STRICT`);
    const upsert = ctx.db.prepare(`INSERT INTO bench_fsync_peer VALUES (?, ?, ?, ?) ON CONFLICT (entry_id, dimension_key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`);
    const bareSave = ctx.db.transaction((i: number) => upsert.run(mine[i % mine.length], dims[i % 3], (i % 21) / 2, new Date().toISOString()));
    ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    const bare: number[] = [];
    const saves = await measure(2000, async (i) => {
      const r = await dispatch('review:score', { campaignId: campaign.id, judgeId, entryId: mine[i % mine.length], dimension: dims[i % 3], value: (i % 21) / 2 });
      if (!r.ok) throw new Error(`bench: save failed: ${r.error.message}`);
      bare.push(...(await measure(1, () => bareSave.immediate(i))));
    });
    // measure() timed the save and its peer together: the save alone is the difference.
    saves.forEach((ms, i) => (saves[i] = ms - bare[i]));
    const next = await measure(500, async (i) => {
      const r = await dispatch('review:get', { campaignId: campaign.id, judgeId, entryId: mine[(i * 7) % mine.length] });
      if (!r.ok) throw new Error(`bench: open failed: ${r.error.message}`);
    });
    const queue = await measure(20, async () => {
      const r = await dispatch('review:queue', { campaignId: campaign.id, judgeId });
      if (!r.ok) throw new Error('bench: queue failed');
    });
    return [
      summarize('review.saveScore', 1, 'saves/s', saves, {
        peer: { tool: 'bare one-row upsert in an IMMEDIATE transaction on the same connection (WAL, synchronous=FULL), after each save', medianMs: round(percentile(bare, 50)), opsPerSec: round(1000 / percentile(bare, 50)) },
        note:
          `dispatch → IMMEDIATE transaction (synchronous=FULL) at ${SIZE} entries; aim p99 < 10 ms. ` +
          `Peer (the durable commit alone): median ${round(percentile(bare, 50))} ms, p99 ${round(percentile(bare, 99))} ms; the save's p99 is ${round(percentile(saves, 99) / percentile(bare, 99))}× the peer's`,
      }),
      summarize('review.openNextEntry', 1, 'opens/s', next, { note: `review:get (entry, scores, media verdicts) at ${SIZE} entries; aim < 50 ms` }),
      summarize('review.queue', 1, 'queues/s', queue, { note: `one judge's queue of ${mine.length} entries (${SIZE} × ${PER_ENTRY} over ${JUDGES} judges)` }),
    ];
  } finally {
    large.dispose();
  }
}
