// The judge workspace's state: whose queue, which entry, and the save pipeline. Changes are sent
// one after another (a later change never overtakes an earlier one) and the entry shows "saved"
// only when the database acknowledged the change, with the revision it committed.
import { create } from 'zustand';
import type { Queue, QueueRow, ReviewState, SaveAck } from '../../../src-main/contract';
import { queueProgress } from '../../../src-main/contract/queue-progress';
import { ApiError, invoke } from '../api';
import { useAppStore } from './useAppStore';

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; revision: number; at: string } | { kind: 'failed' };

interface ReviewStore {
  campaignId: string | null;
  judgeId: string | null;
  queue: Queue | null;
  entryId: number | null;
  review: ReviewState | null;
  save: SaveState;
  pending: number;
  open(campaignId: string, judgeId: string): Promise<void>;
  refreshQueue(): Promise<void>;
  select(entryId: number): Promise<void>;
  step(direction: 1 | -1, unscoredOnly?: boolean): Promise<void>;
  /** Resolves when every change sent so far has been acknowledged (or failed). */
  whenSaved(): Promise<void>;
  /** Marks the current entry complete once pending saves are in; false when something is missing. */
  complete(): Promise<boolean>;
  /**
   * The `c` key: marks the entry complete and moves on to the next unfinished one. False when
   * something is missing (nothing moves); true and nothing done on a signed, read-only entry.
   */
  completeAndNext(): Promise<boolean>;
  /** Runs a save in order; applies the acknowledgement to the current review and the queue. */
  commit(
    send: (ref: { campaignId: string; judgeId: string; entryId: number }) => Promise<SaveAck>,
    optimistic?: (r: ReviewState) => ReviewState,
    /** The entry the change belongs to, when the caller may outlive the selection (a late comment). */
    forEntry?: number,
  ): Promise<SaveAck | null>;
}

let chain: Promise<unknown> = Promise.resolve();
/** Changes started so far: a read that began before one may be older than what is shown. */
let edits = 0;

export const useReviewStore = create<ReviewStore>((set, get) => ({
  campaignId: null,
  judgeId: null,
  queue: null,
  entryId: null,
  review: null,
  save: { kind: 'idle' },
  pending: 0,

  async open(campaignId, judgeId) {
    set({ campaignId, judgeId, queue: null, entryId: null, review: null, save: { kind: 'idle' } });
    await get().refreshQueue();
    const first = get().queue?.rows.find((r) => r.status !== 'complete' && r.status !== 'conflict') ?? get().queue?.rows[0];
    if (first) await get().select(first.entryId);
  },

  async refreshQueue() {
    const { campaignId, judgeId } = get();
    if (!campaignId || !judgeId) return;
    const queue = await useAppStore.getState().run(() => invoke('review:queue', { campaignId, judgeId }));
    if (queue && get().judgeId === judgeId) set({ queue });
  },

  async select(entryId) {
    const { campaignId, judgeId } = get();
    if (!campaignId || !judgeId) return;
    await chain; // never show an entry while its last change is still being written
    set({ entryId });
    const seen = edits;
    const review = await useAppStore.getState().run(() => invoke('review:get', { campaignId, judgeId, entryId }));
    // A change made to this entry while the read was on its way (the entry was already on screen,
    // e.g. clicked again): what is shown is newer than the answer, which must not take it back.
    const newerShown = edits !== seen && get().review?.entryId === entryId;
    if (review && get().entryId === entryId && !newerShown) {
      set({ review, save: review.revision ? { kind: 'saved', revision: review.revision, at: review.updatedAt ?? '' } : { kind: 'idle' } });
    }
  },

  async step(direction, unscoredOnly = false) {
    const { queue, entryId } = get();
    if (!queue || queue.rows.length === 0) return;
    const rows = queue.rows;
    const at = rows.findIndex((r) => r.entryId === entryId);
    for (let i = 1; i <= rows.length; i++) {
      const candidate = rows[(at + direction * i + rows.length * 2) % rows.length];
      if (!unscoredOnly || candidate.status === 'not_started' || candidate.status === 'in_progress') {
        if (candidate.entryId !== entryId || !unscoredOnly) await get().select(candidate.entryId);
        return;
      }
    }
  },

  async whenSaved() {
    await chain.catch(() => undefined);
  },

  async complete() {
    await get().whenSaved();
    const r = get().review;
    if (!r || r.status === 'conflict' || r.status === 'complete') return true;
    if (r.missing.length > 0) return false;
    const ack = await get().commit((ref) => invoke('review:complete', { ...ref, complete: true }), undefined, r.entryId);
    return ack !== null;
  },

  async completeAndNext() {
    const r = get().review;
    if (!r || r.signed) return true;
    if (!(await get().complete())) return false;
    // Only if the judge is still on that entry (a click elsewhere meanwhile wins).
    if (get().entryId === r.entryId) await get().step(1, true);
    return true;
  },

  async commit(send, optimistic, forEntry) {
    const { campaignId, judgeId, review } = get();
    const entryId = forEntry ?? get().entryId;
    if (!campaignId || !judgeId || entryId === null) return null;
    edits++;
    if (optimistic && review && review.entryId === entryId) set({ review: optimistic(review) });
    set((s) => ({ pending: s.pending + 1, save: { kind: 'saving' } }));
    const run = chain.then(async () => {
      try {
        const ack = await send({ campaignId, judgeId, entryId });
        set((s) => {
          // A declared conflict shows no score (as the queue does after a reload).
          const total = ack.status === 'conflict' ? null : ack.total;
          const rows = s.queue?.rows.map((r): QueueRow => (r.entryId === ack.entryId ? { ...r, status: ack.status, total } : r));
          return {
            // The queue's rows are all the judge's entries (unfiltered): the counts follow live.
            queue: s.queue && rows ? { rows, progress: queueProgress(rows) } : s.queue,
            review:
              s.review && s.review.entryId === ack.entryId
                ? { ...s.review, revision: ack.revision, updatedAt: ack.updatedAt, status: ack.status, total: ack.total, missing: ack.missing }
                : s.review,
            save: s.entryId === ack.entryId && s.pending === 1 ? { kind: 'saved', revision: ack.revision, at: ack.updatedAt } : s.save,
          };
        });
        return ack;
      } catch (error) {
        useAppStore.setState({ error: error instanceof ApiError ? error : new ApiError({ code: 'INTERNAL', message: String(error) }) });
        set({ save: { kind: 'failed' } });
        // Show what the database really holds, not the optimistic value that failed.
        const fresh = await invoke('review:get', { campaignId, judgeId, entryId }).catch(() => null);
        if (fresh && get().entryId === entryId) set({ review: fresh });
        return null;
      } finally {
        set((s) => ({ pending: s.pending - 1 }));
      }
    });
    chain = run;
    return run;
  },
}));
