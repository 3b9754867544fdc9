// The progress counts of a judge's queue, computed from its rows. Pure (no zod) so the renderer
// may import it as a value: the core builds the queue with it and the renderer recounts with it
// after each save, so the numbers shown live are the numbers a reload shows.
import type { QueueProgress, QueueRow } from './review';

/** Progress of a judge's queue from its rows (all of them, unfiltered). */
export function queueProgress(rows: readonly Pick<QueueRow, 'kind' | 'category' | 'status'>[]): QueueProgress {
  const groups = new Map<string, QueueProgress['byGroup'][number]>();
  let finished = 0;
  let conflicts = 0;
  for (const r of rows) {
    const key = `${r.kind}/${r.category ?? ''}`;
    const g = groups.get(key) ?? { kind: r.kind, category: r.category, assigned: 0, finished: 0, conflicts: 0 };
    g.assigned += 1;
    if (r.status === 'complete') {
      g.finished += 1;
      finished += 1;
    } else if (r.status === 'conflict') {
      g.conflicts += 1;
      conflicts += 1;
    }
    groups.set(key, g);
  }
  return { assigned: rows.length, finished, conflicts, byGroup: [...groups.values()] };
}
