// What the merge report (merge-report.ts) reads: the campaign's expected and received work, the
// judges holding a package who sent nothing accepted, and every counted score with its entry.
import type { Database } from 'better-sqlite3';
import type { EntryKind } from '../../contract';

export interface MergeCoverageCounts {
  entries: number;
  /** Judge slots: one per assignment. */
  expected: number;
  received: number;
  complete: number;
}

export interface DbMissingJudgeRow {
  judgeId: string;
  name: string;
}

export interface DbEntryScoreRow {
  entry_id: number;
  judge_id: string;
  dimension_key: string;
  value: number;
  reg_no: string;
  title: string;
  kind: EntryKind;
  category: string | null;
}

const count = (db: Database, sql: string, campaignId: string): number => db.prepare(sql).pluck().get(campaignId) as number;

export function mergeCoverageCounts(db: Database, campaignId: string): MergeCoverageCounts {
  const expected = count(db, 'SELECT count(*) FROM assignments a JOIN entries e ON e.id = a.entry_id WHERE e.campaign_id = ?', campaignId);
  const received = count(db, 'SELECT count(*) FROM reviews r JOIN entries e ON e.id = r.entry_id WHERE e.campaign_id = ?', campaignId);
  const complete = count(db, `SELECT count(*) FROM reviews r JOIN entries e ON e.id = r.entry_id WHERE e.campaign_id = ? AND r.status = 'complete'`, campaignId);
  const entries = count(db, 'SELECT count(*) FROM entries WHERE campaign_id = ?', campaignId);
  return { entries, expected, received, complete };
}

/** Judges with an issued package and no accepted bundle for it, by name. */
export function judgesWithoutBundle(db: Database, campaignId: string): DbMissingJudgeRow[] {
  return db
    .prepare(`SELECT DISTINCT j.id AS judgeId, j.name FROM issued_packages p JOIN judges j ON j.id = p.judge_id
              WHERE p.campaign_id = ? AND NOT EXISTS (SELECT 1 FROM bundles b WHERE b.package_id = p.id AND b.status = 'accepted')
              ORDER BY j.name`)
    .all(campaignId) as DbMissingJudgeRow[];
}

/** Every score of the campaign except those of a judge who declared a conflict on the entry. */
export function countedScores(db: Database, campaignId: string): DbEntryScoreRow[] {
  return db
    .prepare(`SELECT s.entry_id, s.judge_id, s.dimension_key, s.value, e.reg_no, e.title, e.kind, e.category FROM scores s JOIN entries e ON e.id = s.entry_id
              WHERE e.campaign_id = ? AND NOT EXISTS (SELECT 1 FROM conflicts c WHERE c.entry_id = s.entry_id AND c.judge_id = s.judge_id)`)
    .all(campaignId) as DbEntryScoreRow[];
}
