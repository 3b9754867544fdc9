// The rows review-service.ts reads, named once: what SQLite returns for each of its queries
// (snake_case columns as stored; booleans from EXISTS / IS NOT NULL arrive as 0 or 1).
import type { EntryKind, QueueRow } from '../../contract';

/** One assigned entry in a judge's queue. */
export interface DbQueueRow {
  id: number;
  reg_no: string;
  title: string;
  kind: QueueRow['kind'];
  category: string | null;
  status: string | null;
  conflict: number;
}

export interface DbScoreRow {
  dimension_key: string;
  value: number;
  updated_at: string;
}

export interface DbDimensionValueRow {
  dimension_key: string;
  value: number;
}

/** A score of one of the judge's entries (the queue's running totals). */
export interface DbEntryScoreRow extends DbDimensionValueRow {
  entry_id: number;
}

export interface DbEligibilityAnswerRow {
  item_key: string;
  answer: 'yes' | 'no' | 'unsure';
  note: string | null;
}

export interface DbConflictRow {
  reason: string;
  declared_at: string;
}

/** The newest signed bundle that covered an entry. */
export interface DbSignedBundleRow {
  revision: number;
  received_at: string;
}

export interface DbEntryListRow {
  kind: EntryKind;
  category: string | null;
}

export interface DbReviewRow {
  status: 'in_progress' | 'complete';
  revision: number;
  updated_at: string;
}
