// Every judge's review of an entry as the coordinator reads it (issue 15, "Coordinator: scores and
// comments"): per (entry, judge, scoring round) the signed dimension scores, the moderation
// override in effect beside each, the comment, the eligibility answers, a declared conflict, the
// review status and whether the judge is assigned. One read transaction, one query per table, each
// filtered to the campaign (and to the entry, round or judge asked for), grouped here in memory —
// the score matrix export reads a whole round this way. Read-only; nothing here ranks (ranking
// stays in core/ranking and is not touched).
import type { Database } from 'better-sqlite3';
import type { Answer } from '../ranking/committee';

export interface ReviewOverride {
  id: number;
  value: number;
  reason: string;
  actor: string;
  at: string;
}

export interface JudgeReview {
  entryId: number;
  roundNo: number;
  judgeId: string;
  judgeName: string;
  institution: string | null;
  assigned: boolean;
  /** The review's own status; null when the judge has not saved anything. */
  status: 'complete' | 'in_progress' | null;
  /** Dimension key → the judge's signed score. */
  scores: Record<string, number>;
  /** Dimension key → the override in effect (only cells that have one). */
  overrides: Record<string, ReviewOverride>;
  comment: string | null;
  eligibility: { item: string; answer: Answer; note: string | null }[];
  conflict: { reason: string; declaredAt: string } | null;
}

export interface ReviewFilter {
  entryId?: number;
  roundNo?: number;
  judgeId?: string;
}

/**
 * Where-clause over a table aliased `t` with entry_id, judge_id, round_no, for the filter. The
 * campaign test is written `+t.entry_id` so SQLite never drives the query by it: one entry is then
 * found by its primary key, and a whole round is one pass in storage order with the campaign's
 * entry ids as a filter (as load-scores.ts reads scores), not one index seek per entry.
 */
function where(filter: ReviewFilter): string {
  return [
    '+t.entry_id IN (SELECT id FROM entries WHERE campaign_id = @campaignId)',
    filter.entryId === undefined ? '' : 't.entry_id = @entryId',
    filter.roundNo === undefined ? '' : 't.round_no = @roundNo',
    filter.judgeId === undefined ? '' : 't.judge_id = @judgeId',
  ]
    .filter(Boolean)
    .join(' AND ');
}

/**
 * The reviews matching the filter, in entry id order, then round, then judge name (a person's
 * order, not an id's). A pair appears when the judge is assigned or left anything for the entry.
 */
export function readJudgeReviews(db: Database, campaignId: string, filter: ReviewFilter = {}): JudgeReview[] {
  const params = { campaignId, entryId: filter.entryId ?? null, roundNo: filter.roundNo ?? null, judgeId: filter.judgeId ?? null };
  const w = where(filter);
  const read = db.transaction((): JudgeReview[] => {
    const judges = new Map(
      (db.prepare<unknown[], { id: string; name: string; institution: string | null }>('SELECT id, name, institution FROM judges').all()).map((j) => [j.id, j]),
    );
    const byKey = new Map<string, JudgeReview>();
    const review = (entryId: number, judgeId: string, roundNo: number): JudgeReview => {
      const key = `${entryId}\u0000${roundNo}\u0000${judgeId}`;
      let r = byKey.get(key);
      if (!r) {
        const judge = judges.get(judgeId);
        r = {
          entryId,
          roundNo,
          judgeId,
          judgeName: judge?.name ?? judgeId,
          institution: judge?.institution ?? null,
          assigned: false,
          status: null,
          scores: {},
          overrides: {},
          comment: null,
          eligibility: [],
          conflict: null,
        };
        byKey.set(key, r);
      }
      return r;
    };
    for (const [e, j, n] of db.prepare(`SELECT t.entry_id, t.judge_id, t.round_no FROM assignments t WHERE ${w}`).raw().all(params) as [number, string, number][]) {
      review(e, j, n).assigned = true;
    }
    for (const [e, j, n, status] of db.prepare(`SELECT t.entry_id, t.judge_id, t.round_no, t.status FROM reviews t WHERE ${w}`).raw().all(params) as [number, string, number, JudgeReview['status']][]) {
      review(e, j, n).status = status;
    }
    for (const [e, j, n, d, v] of db.prepare(`SELECT t.entry_id, t.judge_id, t.round_no, t.dimension_key, t.value FROM scores t WHERE ${w}`).raw().all(params) as [number, string, number, string, number][]) {
      review(e, j, n).scores[d] = v;
    }
    for (const [e, j, n, body] of db.prepare(`SELECT t.entry_id, t.judge_id, t.round_no, t.body FROM comments t WHERE ${w}`).raw().all(params) as [number, string, number, string][]) {
      // An emptied comment box is stored as '' by some paths: nothing was said.
      if (body.trim() !== '') review(e, j, n).comment = body;
    }
    for (const [e, j, n, item, answer, note] of db
      .prepare(`SELECT t.entry_id, t.judge_id, t.round_no, t.item_key, t.answer, t.note FROM eligibility_answers t WHERE ${w} ORDER BY t.item_key`)
      .raw()
      .all(params) as [number, string, number, string, Answer, string | null][]) {
      review(e, j, n).eligibility.push({ item, answer, note });
    }
    for (const [e, j, n, reason, at] of db.prepare(`SELECT t.entry_id, t.judge_id, t.round_no, t.reason, t.declared_at FROM conflicts t WHERE ${w}`).raw().all(params) as [number, string, number, string, string][]) {
      review(e, j, n).conflict = { reason, declaredAt: at };
    }
    // The override in effect per cell: the cell's last row, when it sets a value (core/moderation).
    const overrides = db
      .prepare(
        `SELECT t.id, t.entry_id, t.judge_id, t.round_no, t.dimension_key, t.value, t.reason, t.actor, t.at FROM score_overrides t
         WHERE ${w} AND t.campaign_id = @campaignId AND t.value IS NOT NULL
           AND t.id = (SELECT max(x.id) FROM score_overrides x WHERE x.campaign_id = t.campaign_id AND x.entry_id = t.entry_id
                         AND x.judge_id = t.judge_id AND x.dimension_key = t.dimension_key AND x.round_no = t.round_no)`,
      )
      .raw()
      .all(params) as [number, number, string, number, string, number, string, string, string][];
    for (const [id, e, j, n, d, value, reason, actor, at] of overrides) {
      const r = byKey.get(`${e}\u0000${n}\u0000${j}`);
      // An override needs a signed score beside it; one whose score was merged away shows nothing.
      if (r && r.scores[d] !== undefined) r.overrides[d] = { id, value, reason, actor, at };
    }
    return [...byKey.values()].sort((a, b) => a.entryId - b.entryId || a.roundNo - b.roundNo || a.judgeName.localeCompare(b.judgeName, 'zh-CN') || (a.judgeId < b.judgeId ? -1 : 1));
  });
  return read.deferred();
}
