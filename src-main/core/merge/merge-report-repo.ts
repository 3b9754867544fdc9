// What the merge report (merge-report.ts) reads: the campaign's expected and received work, the
// judges holding a package who sent nothing accepted, and every counted score with its entry —
// each list in its working round only (issue 14).
import type { Database } from 'better-sqlite3';
import type { EntryKind } from '../../contract';
import { roundOfEntry, type RoundScope, scopePairs } from '../assignment/round-coverage';

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
  /** The round the score belongs to: its rubric decides the total. */
  round_no: number;
}

/** One list's working round (core/assignment/round-coverage.ts); without rounds, one scope of every entry. */
type Scope = Pick<RoundScope, 'listKey' | 'roundNo' | 'entryIds'>;

/** Expected, received and complete reviews of each scope's round, for the scope's entries only. */
export function mergeCoverageCounts(db: Database, campaignId: string, scopes: readonly Scope[]): MergeCoverageCounts {
  const round = roundOfEntry(scopes);
  const inScope = (entryId: number, roundNo: number) => round.get(entryId) === roundNo;
  const assignments = db.prepare('SELECT a.entry_id, a.round_no FROM assignments a JOIN entries e ON e.id = a.entry_id WHERE e.campaign_id = ?').raw().all(campaignId) as [number, number][];
  const reviews = db.prepare('SELECT r.entry_id, r.round_no, r.status FROM reviews r JOIN entries e ON e.id = r.entry_id WHERE e.campaign_id = ?').raw().all(campaignId) as [number, number, string][];
  const counted = reviews.filter(([entryId, roundNo]) => inScope(entryId, roundNo));
  return {
    entries: round.size,
    expected: assignments.filter(([entryId, roundNo]) => inScope(entryId, roundNo)).length,
    received: counted.length,
    complete: counted.filter(([, , status]) => status === 'complete').length,
  };
}

/**
 * Judges with work in a working round (an assignment there) who were sent a package for that round
 * and have not had any bundle for that round accepted, by name. A package of a closed earlier round,
 * or a judge with nothing in the working rounds, no longer waits for anything; nor does a package
 * sent again (a new definition version, a reissue): the round counts as answered when any of the
 * judge's packages covering it was answered. A package's rounds_json names the round per list
 * ('{}': round 1 everywhere).
 */
export function judgesWithoutBundle(db: Database, campaignId: string, scopes: readonly Scope[]): DbMissingJudgeRow[] {
  const rows = db
    .prepare<unknown[], DbMissingJudgeRow & { rounds: string; answered: number }>(`SELECT j.id AS judgeId, j.name, p.rounds_json AS rounds,
              EXISTS (SELECT 1 FROM bundles b WHERE b.package_id = p.id AND b.status = 'accepted') AS answered
              FROM issued_packages p JOIN judges j ON j.id = p.judge_id WHERE p.campaign_id = ? ORDER BY j.name`)
    .all(campaignId);
  // The scopes (lists) each judge has work in, in their working round.
  const busy = new Map<string, Scope[]>();
  for (const scope of scopes) {
    for (const judgeId of new Set(scopePairs(db, campaignId, scope).map((p) => p.judgeId))) busy.set(judgeId, [...(busy.get(judgeId) ?? []), scope]);
  }
  const covers = (rounds: string, s: Scope) => s.listKey === null || ((JSON.parse(rounds) as Record<string, number>)[s.listKey] ?? 1) === s.roundNo;
  const missing: DbMissingJudgeRow[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    if (seen.has(r.judgeId)) continue;
    seen.add(r.judgeId);
    const packages = rows.filter((p) => p.judgeId === r.judgeId);
    const waiting = (busy.get(r.judgeId) ?? []).some((s) => packages.some((p) => covers(p.rounds, s)) && !packages.some((p) => p.answered === 1 && covers(p.rounds, s)));
    if (waiting) missing.push({ judgeId: r.judgeId, name: r.name });
  }
  return missing;
}

/** Every score of each scope's round except those of a judge who declared a conflict on the entry. */
export function countedScores(db: Database, campaignId: string, scopes: readonly Scope[]): DbEntryScoreRow[] {
  const round = roundOfEntry(scopes);
  const rows = db
    .prepare<unknown[], DbEntryScoreRow>(`SELECT s.entry_id, s.judge_id, s.dimension_key, s.value, s.round_no, e.reg_no, e.title, e.kind, e.category FROM scores s JOIN entries e ON e.id = s.entry_id
              WHERE e.campaign_id = ? AND NOT EXISTS (SELECT 1 FROM conflicts c WHERE c.entry_id = s.entry_id AND c.judge_id = s.judge_id)`)
    .all(campaignId);
  return rows.filter((r) => round.get(r.entry_id) === r.round_no);
}
