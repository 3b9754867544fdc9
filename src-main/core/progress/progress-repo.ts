// What the progress board reads, campaign-wide and typed: the campaign's judges, every review's
// state by round, the conflicts judges declared, the packages issued and the bundles accepted. The
// board (progress-board.ts) cuts these to each list's working round.
import type { Database } from 'better-sqlite3';

export interface BoardJudge {
  id: string;
  name: string;
  institution: string | null;
}

export interface BoardReview {
  entryId: number;
  judgeId: string;
  roundNo: number;
  status: 'in_progress' | 'complete';
}

export interface BoardPackage {
  judgeId: string;
  createdAt: string;
  definitionVersion: number;
  entries: number;
  /** '{}' names round 1 of every list; else list key → round number. */
  roundsJson: string;
}

export interface BoardBundle {
  judgeId: string;
  revision: number;
  receivedAt: string;
}

export interface BoardData {
  judges: BoardJudge[];
  reviews: BoardReview[];
  conflicts: { entryId: number; judgeId: string }[];
  /** Oldest first: the newest of a judge is the last one. */
  packages: BoardPackage[];
  /** Accepted bundles, oldest first. */
  bundles: BoardBundle[];
}

export function readBoardData(db: Database, campaignId: string): BoardData {
  return {
    judges: db
      .prepare<[string], BoardJudge>('SELECT j.id, j.name, j.institution FROM judges j JOIN campaign_judges cj ON cj.judge_id = j.id WHERE cj.campaign_id = ? ORDER BY j.rowid')
      .all(campaignId),
    reviews: db
      .prepare<[string], BoardReview>('SELECT r.entry_id AS entryId, r.judge_id AS judgeId, r.round_no AS roundNo, r.status FROM reviews r JOIN entries e ON e.id = r.entry_id WHERE e.campaign_id = ?')
      .all(campaignId),
    conflicts: db
      .prepare<[string], { entryId: number; judgeId: string }>('SELECT DISTINCT c.entry_id AS entryId, c.judge_id AS judgeId FROM conflicts c JOIN entries e ON e.id = c.entry_id WHERE e.campaign_id = ?')
      .all(campaignId),
    packages: db
      .prepare<[string], BoardPackage>(
        'SELECT judge_id AS judgeId, created_at AS createdAt, definition_version AS definitionVersion, entry_count AS entries, rounds_json AS roundsJson FROM issued_packages WHERE campaign_id = ? ORDER BY created_at, rowid',
      )
      .all(campaignId),
    bundles: db
      .prepare<[string], BoardBundle>(`SELECT judge_id AS judgeId, revision, received_at AS receivedAt FROM bundles WHERE campaign_id = ? AND status = 'accepted' ORDER BY received_at, revision`)
      .all(campaignId),
  };
}
