// The coordinator's review of entrant feedback (issue 19). Policy:
// - The judge's text (comments.entrant_body, as signed or saved) is only read here, never written:
//   an edit goes to feedback_choices.edited_body beside it.
// - A comment is shared only once the coordinator said so (a feedback_choices row with shared = 1);
//   nothing reaches an entrant unreviewed. A held entry shares nothing, whatever its choices.
// - Judges are anonymised per entry as A, B, C... in the order of their judge ids: stable while the
//   entry's set of commenting judges stays the same, and the same judge keeps one letter across rounds.
// - Every change writes an audit row (who, when, why) in the same transaction, like decisions do.
import type { Database } from 'better-sqlite3';
import type { EntryFeedback, FeedbackComment } from '../../contract';
import { KepuError } from '../errors';
import { nowIso } from '../time';

interface CommentRow {
  judge_id: string;
  round_no: number;
  entrant_body: string;
  shared: number | null;
  edited_body: string | null;
  updated_by: string | null;
  updated_at: string | null;
}

interface EntryRow {
  id: number;
  reg_no: string;
}

interface HoldRow {
  reason: string;
  held_by: string;
  held_at: string;
}

function entryOf(db: Database, campaignId: string, entryId: number): EntryRow {
  const entry = db.prepare<[number, string], EntryRow>('SELECT id, reg_no FROM entries WHERE id = ? AND campaign_id = ?').get(entryId, campaignId);
  if (!entry) throw new KepuError('ENTRY_NOT_FOUND', `feedback: no entry #${entryId} in ${campaignId}`, { entryId });
  return entry;
}

/** "A".."Z", then "AA", "AB"... for the (rare) entry with more than 26 commenting judges. */
export function judgeLabel(index: number): string {
  const letter = String.fromCharCode(65 + (index % 26));
  return index < 26 ? letter : judgeLabel(Math.floor(index / 26) - 1) + letter;
}

export function entryFeedback(db: Database, campaignId: string, entryId: number): EntryFeedback {
  const entry = entryOf(db, campaignId, entryId);
  const rows = db
    .prepare<[number], CommentRow>(`SELECT c.judge_id, c.round_no, c.entrant_body, f.shared, f.edited_body, f.updated_by, f.updated_at
              FROM comments c
              LEFT JOIN feedback_choices f ON f.entry_id = c.entry_id AND f.judge_id = c.judge_id AND f.round_no = c.round_no
              WHERE c.entry_id = ? AND c.entrant_body <> ''
              ORDER BY c.judge_id, c.round_no`)
    .all(entry.id);
  const judges = [...new Set(rows.map((r) => r.judge_id))];
  const comments: FeedbackComment[] = rows.map((r) => ({
    label: judgeLabel(judges.indexOf(r.judge_id)),
    judgeId: r.judge_id,
    roundNo: r.round_no,
    signedText: r.entrant_body,
    editedText: r.edited_body,
    shared: r.shared === 1,
    changedBy: r.updated_by,
    changedAt: r.updated_at,
  }));
  const hold = db.prepare<[number], HoldRow>('SELECT reason, held_by, held_at FROM feedback_holds WHERE entry_id = ?').get(entry.id);
  return { entryId: entry.id, regNo: entry.reg_no, held: hold ? { reason: hold.reason, actor: hold.held_by, at: hold.held_at } : null, comments };
}

/** One shared comment as a letter prints it: the anonymous label and the words (the copy when edited). */
export interface SharedFeedback {
  label: string;
  text: string;
}

/** What the entry's letter may say: nothing when held, else the shared comments in label order. */
export function sharedFeedback(db: Database, campaignId: string, entryId: number): SharedFeedback[] {
  const feedback = entryFeedback(db, campaignId, entryId);
  if (feedback.held) return [];
  return feedback.comments.filter((c) => c.shared).map((c) => ({ label: c.label, text: c.editedText ?? c.signedText }));
}

export interface FeedbackChoiceInput {
  campaignId: string;
  entryId: number;
  judgeId: string;
  roundNo: number;
  shared: boolean;
  editedText: string | null;
  reason: string;
  actor: string;
}

export function chooseFeedback(db: Database, input: FeedbackChoiceInput): EntryFeedback {
  const run = db.transaction(() => {
    const before = entryFeedback(db, input.campaignId, input.entryId);
    const comment = before.comments.find((c) => c.judgeId === input.judgeId && c.roundNo === input.roundNo);
    if (!comment) throw new KepuError('FEEDBACK_NOT_FOUND', `feedback: no comment for the entrant by ${input.judgeId} on #${input.entryId}`, { regNo: before.regNo });
    // An unchanged copy (the judge's own words typed back) is no copy: the letter prints the signed text.
    const edited = input.editedText === null || input.editedText === comment.signedText ? null : input.editedText;
    const reason = input.reason.trim();
    if (edited !== comment.editedText && !reason) throw new KepuError('FEEDBACK_REASON_REQUIRED', 'feedback: changing the edited copy needs a reason', { regNo: before.regNo });
    const at = nowIso();
    db.prepare(`INSERT INTO feedback_choices (campaign_id, entry_id, judge_id, round_no, shared, edited_body, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (entry_id, judge_id, round_no) DO UPDATE SET shared = excluded.shared, edited_body = excluded.edited_body,
                  updated_by = excluded.updated_by, updated_at = excluded.updated_at`).run(
      input.campaignId, input.entryId, input.judgeId, input.roundNo, input.shared ? 1 : 0, edited, input.actor, at,
    );
    const details = {
      entryId: input.entryId,
      regNo: before.regNo,
      judge: comment.label,
      judgeId: input.judgeId,
      roundNo: input.roundNo,
      shared: input.shared,
      ...(edited !== comment.editedText ? { editedBefore: comment.editedText, editedAfter: edited } : {}),
      ...(reason ? { reason } : {}),
    };
    db.prepare(`INSERT INTO audit_log (at, actor, action, subject, details_json) VALUES (?, ?, 'feedback.choose', ?, ?)`).run(at, input.actor, input.campaignId, JSON.stringify(details));
    return entryFeedback(db, input.campaignId, input.entryId);
  });
  return run.immediate();
}

export function holdFeedback(db: Database, input: { campaignId: string; entryId: number; hold: boolean; reason: string; actor: string }): EntryFeedback {
  const run = db.transaction(() => {
    const entry = entryOf(db, input.campaignId, input.entryId);
    const reason = input.reason.trim();
    if (!reason) throw new KepuError('FEEDBACK_REASON_REQUIRED', 'feedback: holding or releasing feedback needs a reason', { regNo: entry.reg_no });
    const at = nowIso();
    if (input.hold) {
      db.prepare(`INSERT INTO feedback_holds (entry_id, campaign_id, reason, held_by, held_at) VALUES (?, ?, ?, ?, ?)
                  ON CONFLICT (entry_id) DO UPDATE SET reason = excluded.reason, held_by = excluded.held_by, held_at = excluded.held_at`).run(entry.id, input.campaignId, reason, input.actor, at);
    } else db.prepare('DELETE FROM feedback_holds WHERE entry_id = ?').run(entry.id);
    db.prepare(`INSERT INTO audit_log (at, actor, action, subject, details_json) VALUES (?, ?, ?, ?, ?)`).run(
      at, input.actor, input.hold ? 'feedback.hold' : 'feedback.release', input.campaignId, JSON.stringify({ entryId: entry.id, regNo: entry.reg_no, reason }),
    );
    return entryFeedback(db, input.campaignId, input.entryId);
  });
  return run.immediate();
}
