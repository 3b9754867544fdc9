// One judge's reviews: the queue, the state of a review, and every autosaved change.
// Policy (DESIGN.md §4, "never lose a score"):
// - Each change is one IMMEDIATE transaction that writes the value, bumps the (entry, judge)
//   revision and returns the acknowledgement; the UI shows "saved" only on that acknowledgement.
// - Only assigned entries can be reviewed; a declared conflict freezes scoring until withdrawn;
//   "complete" needs every rubric dimension (and, in committee campaigns, every eligibility item).
// - What a judge signed is never changed by anyone else: once a signed result bundle from this
//   judge covered the entry (on the coordinator's machine, after a merge), every change here is
//   refused; only a newer bundle from that judge changes those values (core/merge).
import { scoringRoundOf } from '../../contract/lists';
import type { Database, Statement } from 'better-sqlite3';
import type { CampaignDefinition, ListDef, LocalizedText, Queue, QueueRow, ReviewState, ReviewStatus, RubricDimension, SaveAck, SignedSource } from '../../contract';
import { listFor, rubricOfRound } from '../../contract/lists';
import { queueProgress } from '../../contract/queue-progress';
import type { CampaignRepo } from '../campaigns/campaign-repo';
import type { EntryRepo } from '../entries/entry-repo';
import { fieldsForJudges } from '../campaigns/identifying-fields';
import { KepuError } from '../errors';
import { nowIso } from '../time';
import { workingRoundOfEntry, workingRounds } from '../rounds/round-state';
import type { PublishedChanges } from '../ranking/published-changes';
import type { JudgeRepo } from './judge-repo';
import type { DbConflictRow, DbDimensionValueRow, DbEligibilityAnswerRow, DbEntryListRow, DbEntryScoreRow, DbQueueRow, DbReviewRow, DbScoreRow, DbSignedBundleRow } from './review-rows';
import { partialTotal, validateScore } from './scoring';

export interface ReviewRef {
  campaignId: string;
  judgeId: string;
  entryId: number;
}


/** The definition, the entry's list and the working round of one request (ReviewService.place). */
interface Place {
  def: CampaignDefinition;
  entry: DbEntryListRow | undefined;
  round: number;
}

/** The list the entry belongs to: its rubric and eligibility items are the ones this review answers. */
function listOf(ref: ReviewRef, at: Place): ListDef {
  if (!at.entry) throw new KepuError('ENTRY_NOT_FOUND', `review: no entry #${ref.entryId}`, { entryId: ref.entryId });
  return listFor(at.def, at.entry.kind, at.entry.category);
}

/** The rubric this review is scored on: its round's own, else the list's (contract/lists rubricOfRound). */
function rubricOf(ref: ReviewRef, at: Place): RubricDimension[] {
  return rubricOfRound(listOf(ref, at), at.round);
}

export class ReviewService {
  /** Statements prepared once per connection: a saved score ran a dozen, each compiled again every time. */
  private readonly statements = new Map<string, Statement>();

  constructor(
    private readonly db: Database,
    private readonly campaigns: CampaignRepo,
    private readonly judges: JudgeRepo,
    private readonly entries: EntryRepo,
    /** Absent on machines that never publish (tests of the review alone). */
    private readonly published?: PublishedChanges,
  ) {}

  private sql<P extends unknown[] | object = unknown[], R = unknown>(source: string): Statement<P, R> {
    let statement = this.statements.get(source);
    if (!statement) this.statements.set(source, (statement = this.db.prepare(source)));
    return statement as Statement<P, R>;
  }

  queue(campaignId: string, judgeId: string, filter: { status?: ReviewStatus; kind?: string; query?: string } = {}): Queue {
    this.judges.assertInCampaign(campaignId, judgeId);
    const def = this.campaigns.sharedDefinition(campaignId);
    const rows = this.sql<[string, string], DbQueueRow & { round_no: number }>(`SELECT e.id, e.reg_no, e.title, e.kind, e.category, r.status, c.entry_id IS NOT NULL AS conflict, a.round_no
                FROM assignments a
                JOIN entries e ON e.id = a.entry_id AND e.campaign_id = ?
                LEFT JOIN reviews r ON r.entry_id = a.entry_id AND r.judge_id = a.judge_id AND r.round_no = a.round_no
                LEFT JOIN conflicts c ON c.entry_id = a.entry_id AND c.judge_id = a.judge_id AND c.round_no = a.round_no
                WHERE a.judge_id = ? ORDER BY e.reg_no`)
      .all(campaignId, judgeId);
    // Only the assignments of the round each list is in now (earlier rounds' work stays stored).
    const rounds = workingRounds(this.db, campaignId, def);
    const current = rows.filter((r) => r.round_no === (rounds.get(listFor(def, r.kind, r.category).key) ?? 1));
    const scores = this.scoresByEntry(campaignId, judgeId, def);
    const all: QueueRow[] = current.map((r) => ({
      entryId: r.id,
      regNo: r.reg_no,
      title: r.title,
      kind: r.kind,
      category: r.category,
      status: r.conflict ? 'conflict' : ((r.status as ReviewStatus | null) ?? 'not_started'),
      // A declared conflict shows no score: the judge is out of this entry.
      total: r.conflict ? null : partialTotal(rubricOfRound(listFor(def, r.kind, r.category), r.round_no), scores.get(r.id) ?? {}),
    }));
    const query = filter.query?.toLowerCase();
    return {
      rows: all.filter(
        (r) =>
          (!filter.status || r.status === filter.status) &&
          (!filter.kind || r.kind === filter.kind) &&
          (!query || r.title.toLowerCase().includes(query) || r.regNo.toLowerCase().includes(query)),
      ),
      progress: queueProgress(all),
    };
  }

  state(ref: ReviewRef): Omit<ReviewState, 'assets' | 'reach'> {
    const at = this.place(ref);
    this.assertAssigned(ref, at);
    const { def, round } = at;
    const entry = this.entries.get(ref.entryId);
    const scores = this.sql('SELECT dimension_key, value, updated_at FROM scores WHERE entry_id = ? AND judge_id = ? AND round_no = ?')
      .all(ref.entryId, ref.judgeId, round) as DbScoreRow[];
    const eligibility = this.sql('SELECT item_key, answer, note FROM eligibility_answers WHERE entry_id = ? AND judge_id = ? AND round_no = ?')
      .all(ref.entryId, ref.judgeId, round) as DbEligibilityAnswerRow[];
    const comment = this.sql<[number, string, number], { body: string; entrant_body: string }>('SELECT body, entrant_body FROM comments WHERE entry_id = ? AND judge_id = ? AND round_no = ?')
      .get(ref.entryId, ref.judgeId, round);
    const conflict = this.sql('SELECT reason, declared_at FROM conflicts WHERE entry_id = ? AND judge_id = ? AND round_no = ?').get(ref.entryId, ref.judgeId, round) as
      | DbConflictRow
      | undefined;
    const review = this.reviewRow(ref, at);
    const blind = def.blindReview;
    const fields = fieldsForJudges(def, entry.kind, entry.fields);
    const progress = this.progress(ref, at);
    return {
      entryId: entry.id,
      judgeId: ref.judgeId,
      regNo: entry.regNo,
      title: entry.title,
      kind: entry.kind,
      category: entry.category,
      entrantName: blind ? null : entry.entrantName,
      entrantUnit: blind ? null : entry.entrantUnit,
      reason: entry.reason,
      fields,
      blind,
      scores: Object.fromEntries(scores.map((s) => [s.dimension_key, { value: s.value, updatedAt: s.updated_at }])),
      comment: comment?.body ?? '',
      entrantComment: comment?.entrant_body ?? '',
      eligibility: Object.fromEntries(eligibility.map((e) => [e.item_key, { answer: e.answer, note: e.note ?? '' }])),
      conflict: conflict ? { reason: conflict.reason, declaredAt: conflict.declared_at } : null,
      status: conflict ? 'conflict' : (review?.status ?? 'not_started'),
      revision: review?.revision ?? 0,
      updatedAt: review?.updated_at ?? null,
      total: progress.total,
      missing: progress.missing,
      signed: this.signedSource(ref, at),
      ...this.roundOf(ref, at),
    };
  }

  /**
   * The newest signed bundle from this judge whose package held the entry (accepted or later
   * superseded: either way the values came from the judge's key), or null.
   */
  signedSource(ref: ReviewRef, at: Place = this.place(ref)): SignedSource | null {
    const row = this.sql(`SELECT b.revision, b.received_at FROM bundles b
                JOIN issued_package_entries ipe ON ipe.package_id = b.package_id AND ipe.entry_id = ?
                JOIN issued_packages ip ON ip.id = b.package_id
                WHERE b.judge_id = ? AND b.campaign_id = ? AND b.status IN ('accepted', 'superseded')
                  AND coalesce(json_extract(ip.rounds_json, ?), 1) = ?
                ORDER BY b.revision DESC, b.received_at DESC LIMIT 1`)
      .get(ref.entryId, ref.judgeId, ref.campaignId, `$."${listOf(ref, at).key}"`, at.round) as DbSignedBundleRow | undefined;
    return row ? { revision: row.revision, receivedAt: row.received_at } : null;
  }

  setScore(ref: ReviewRef, dimension: string, value: number | null): SaveAck {
    return this.mutate(ref, (at, now, revision) => {
      const dim = rubricOf(ref, at).find((d) => d.key === dimension);
      if (!dim) throw new KepuError('DIMENSION_UNKNOWN', `review: no dimension ${dimension}`, { dimension });
      if (value === null) {
        this.sql('DELETE FROM scores WHERE entry_id = ? AND judge_id = ? AND round_no = ? AND dimension_key = ?').run(ref.entryId, ref.judgeId, at.round, dimension);
        return;
      }
      validateScore(dim, value);
      this.sql(`INSERT INTO scores (entry_id, judge_id, round_no, dimension_key, value, revision, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                  ON CONFLICT (entry_id, judge_id, round_no, dimension_key) DO UPDATE SET value = excluded.value, revision = excluded.revision, updated_at = excluded.updated_at`)
        .run(ref.entryId, ref.judgeId, at.round, dimension, value, revision, now);
    });
  }

  setComment(ref: ReviewRef, body: string): SaveAck {
    return this.mutate(ref, (at, now) => {
      this.sql(`INSERT INTO comments (entry_id, judge_id, round_no, body, updated_at) VALUES (?, ?, ?, ?, ?)
                  ON CONFLICT (entry_id, judge_id, round_no) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at`)
        .run(ref.entryId, ref.judgeId, at.round, body, now);
    }, { allowInConflict: true, feedsResult: false });
  }

  /** The comment for the entrant, beside the committee one (same row; either may be empty). */
  setEntrantComment(ref: ReviewRef, body: string): SaveAck {
    return this.mutate(ref, (at, now) => {
      this.sql(`INSERT INTO comments (entry_id, judge_id, round_no, body, entrant_body, updated_at) VALUES (?, ?, ?, '', ?, ?)
                  ON CONFLICT (entry_id, judge_id, round_no) DO UPDATE SET entrant_body = excluded.entrant_body, updated_at = excluded.updated_at`)
        .run(ref.entryId, ref.judgeId, at.round, body, now);
    }, { allowInConflict: true, feedsResult: false });
  }

  setEligibility(ref: ReviewRef, item: string, answer: 'yes' | 'no' | 'unsure' | null, note: string): SaveAck {
    return this.mutate(ref, (at, now) => {
      if (!listOf(ref, at).eligibility.some((e) => e.key === item)) throw new KepuError('ELIGIBILITY_ITEM_UNKNOWN', `review: no eligibility item ${item}`, { item });
      if (answer === null) {
        this.sql('DELETE FROM eligibility_answers WHERE entry_id = ? AND judge_id = ? AND round_no = ? AND item_key = ?').run(ref.entryId, ref.judgeId, at.round, item);
        return;
      }
      this.sql(`INSERT INTO eligibility_answers (entry_id, judge_id, round_no, item_key, answer, note, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                  ON CONFLICT (entry_id, judge_id, round_no, item_key) DO UPDATE SET answer = excluded.answer, note = excluded.note, updated_at = excluded.updated_at`)
        .run(ref.entryId, ref.judgeId, at.round, item, answer, note, now);
    });
  }

  setConflict(ref: ReviewRef, declare: boolean, reason: string): SaveAck {
    if (declare && !reason.trim()) throw new KepuError('CONFLICT_REASON_REQUIRED', 'review: a conflict needs a reason');
    return this.mutate(ref, (at, now) => {
      if (declare) {
        this.sql(`INSERT INTO conflicts (entry_id, judge_id, round_no, reason, declared_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (entry_id, judge_id, round_no) DO UPDATE SET reason = excluded.reason, declared_at = excluded.declared_at`)
          .run(ref.entryId, ref.judgeId, at.round, reason.trim(), now);
      } else this.sql('DELETE FROM conflicts WHERE entry_id = ? AND judge_id = ? AND round_no = ?').run(ref.entryId, ref.judgeId, at.round);
    }, { allowInConflict: true });
  }

  setComplete(ref: ReviewRef, complete: boolean): SaveAck {
    return this.mutate(ref, () => {}, { complete });
  }

  private mutate(
    ref: ReviewRef,
    change: (at: Place, now: string, revision: number) => void,
    options: { allowInConflict?: boolean; complete?: boolean; feedsResult?: boolean } = {},
  ): SaveAck {
    const def = this.campaigns.sharedDefinition(ref.campaignId);
    const run = this.db.transaction((): SaveAck => {
      // The entry's list and round, read once per change (they were read again by every step).
      const at = this.place(ref, def);
      this.assertAssigned(ref, at);
      if (this.signedSource(ref, at)) {
        const judge = this.sql('SELECT name FROM judges WHERE id = ?').pluck().get(ref.judgeId) as string;
        throw new KepuError('REVIEW_SIGNED_READ_ONLY', `review: #${ref.entryId} of ${ref.judgeId} came from a signed bundle`, { judge, entryId: ref.entryId });
      }
      // A comment feeds no result; everything else here does.
      if (options.feedsResult !== false) this.published?.assertMayChange(ref.campaignId, 'scores');
      const inConflict = this.sql('SELECT 1 FROM conflicts WHERE entry_id = ? AND judge_id = ? AND round_no = ?').get(ref.entryId, ref.judgeId, at.round);
      if (inConflict && !options.allowInConflict) {
        throw new KepuError('REVIEW_CONFLICT_DECLARED', `review: #${ref.entryId} has a declared conflict`, { entryId: ref.entryId });
      }
      const now = nowIso();
      const previous = this.reviewRow(ref, at);
      const revision = (previous?.revision ?? 0) + 1;
      change(at, now, revision);
      const { total, missing } = this.progress(ref, at);
      let status: 'in_progress' | 'complete' = previous?.status ?? 'in_progress';
      if (options.complete === true) {
        if (missing.length) {
          throw new KepuError('REVIEW_INCOMPLETE', `review: #${ref.entryId} still misses ${missing.join(', ')}`, { missing: missing.join(', ') });
        }
        status = 'complete';
      } else if (options.complete === false || missing.length) status = 'in_progress';
      this.sql(`INSERT INTO reviews (entry_id, judge_id, round_no, status, revision, updated_at) VALUES (?, ?, ?, ?, ?, ?)
                  ON CONFLICT (entry_id, judge_id, round_no) DO UPDATE SET status = excluded.status, revision = excluded.revision, updated_at = excluded.updated_at`)
        .run(ref.entryId, ref.judgeId, at.round, status, revision, now);
      const conflictNow = this.sql('SELECT 1 FROM conflicts WHERE entry_id = ? AND judge_id = ? AND round_no = ?').get(ref.entryId, ref.judgeId, at.round);
      return { entryId: ref.entryId, revision, updatedAt: now, status: conflictNow ? 'conflict' : status, total, missing };
    });
    return run.immediate();
  }

  private progress(ref: ReviewRef, at: Place): { total: number | null; missing: string[] } {
    const scores = Object.fromEntries(
      (this.sql('SELECT dimension_key, value FROM scores WHERE entry_id = ? AND judge_id = ? AND round_no = ?').all(ref.entryId, ref.judgeId, at.round) as DbDimensionValueRow[]).map(
        (s) => [s.dimension_key, s.value],
      ),
    );
    const answered = new Set(
      this.sql('SELECT item_key FROM eligibility_answers WHERE entry_id = ? AND judge_id = ? AND round_no = ?').pluck().all(ref.entryId, ref.judgeId, at.round) as string[],
    );
    const list = listOf(ref, at);
    const rubric = rubricOf(ref, at);
    const missing = [
      ...rubric.filter((d) => scores[d.key] === undefined).map((d) => d.key),
      ...list.eligibility.filter((e) => !answered.has(e.key)).map((e) => `eligibility.${e.key}`),
    ];
    return { total: partialTotal(rubric, scores), missing };
  }

  /**
   * Where the review stands: the campaign's definition, the entry's list (kind and category; none
   * when the entry does not exist) and the round this machine works in for it. Read once per
   * request: issue 18 found every step reading them again (the definition with a count of the
   * campaign's 50,000 entries each time), ten times per saved score.
   */
  private place(ref: ReviewRef, def: CampaignDefinition = this.campaigns.sharedDefinition(ref.campaignId)): Place {
    const entry = this.sql<[number], DbEntryListRow>('SELECT kind, category FROM entries WHERE id = ?').get(ref.entryId);
    return { def, entry, round: entry ? workingRoundOfEntry(this.db, ref.campaignId, def, entry) : 1 };
  }

  private reviewRow(ref: ReviewRef, at: Place): DbReviewRow | undefined {
    return this.sql('SELECT status, revision, updated_at FROM reviews WHERE entry_id = ? AND judge_id = ? AND round_no = ?').get(ref.entryId, ref.judgeId, at.round) as
      | DbReviewRow
      | undefined;
  }

  private assertAssigned(ref: ReviewRef, at: Place): void {
    const row = this.sql('SELECT 1 FROM assignments a JOIN entries e ON e.id = a.entry_id WHERE a.entry_id = ? AND a.judge_id = ? AND a.round_no = ? AND e.campaign_id = ?')
      .get(ref.entryId, ref.judgeId, at.round, ref.campaignId);
    if (!row) {
      throw new KepuError('NOT_ASSIGNED', `review: entry #${ref.entryId} is not assigned to ${ref.judgeId}`, { entryId: ref.entryId, judgeId: ref.judgeId });
    }
  }

  /** The review's scoring round by key, name and due date, only when the entry's list has rounds. */
  private roundOf(ref: ReviewRef, at: Place): { round?: { roundNo: number; key: string; name: LocalizedText; dueAt?: string } } {
    const roundNo = at.round;
    const round = scoringRoundOf(listOf(ref, at), roundNo);
    // The due date travels in the package's definition; the campaign has no due date of its own.
    return round ? { round: { roundNo, key: round.key, name: { ...round.name }, ...(round.dueAt ? { dueAt: round.dueAt } : {}) } } : {};
  }

  private scoresByEntry(campaignId: string, judgeId: string, def: CampaignDefinition): Map<number, Record<string, number>> {
    const rows = this.sql<[string, string], DbEntryScoreRow & DbEntryListRow & { round_no: number }>(`SELECT s.entry_id, s.dimension_key, s.value, s.round_no, e.kind, e.category FROM scores s JOIN entries e ON e.id = s.entry_id
                WHERE s.judge_id = ? AND e.campaign_id = ?`)
      .all(judgeId, campaignId);
    const rounds = workingRounds(this.db, campaignId, def);
    const map = new Map<number, Record<string, number>>();
    for (const r of rows) {
      if (r.round_no !== (rounds.get(listFor(def, r.kind, r.category).key) ?? 1)) continue;
      const scores = map.get(r.entry_id) ?? {};
      scores[r.dimension_key] = r.value;
      map.set(r.entry_id, scores);
    }
    return map;
  }
}
