// Locking a campaign's ranking into ranking_snapshots, the way `kepu rank --lock` computes it
// (load-scores → runRanking → buildSnapshot → canonical bytes) and signed with the coordinator's
// key, on every list's last scoring round (issue 14). Certificates are made from the newest such row; tests and the bench use this to publish a
// ranking, and the ranking channel that locks from the UI can share it.
import type { Database } from 'better-sqlite3';
import type { KeyObject } from 'node:crypto';
import { CampaignDefinition } from '../../contract/domain';
import { scoringRoundCount } from '../rounds/round-state';
import { type EntryFlag, parseRankingConfig, type RankingConfigInput } from '../ranking/config';
import { currentDecisions } from '../decisions/decision-service';
import { loadCampaignScores } from '../ranking/load-scores';
import { runRanking } from '../ranking/run-ranking';
import { buildSnapshot, type RankingSnapshot } from '../ranking/snapshot';
import { storeSnapshot } from '../ranking/snapshot-store';

export interface LockedSnapshot {
  id: string;
  snapshot: RankingSnapshot;
  sha256: string;
}

/** Inserts a signed snapshot row for an already built snapshot (snapshot-store.ts does the work). */
export function insertLockedSnapshot(db: Database, snapshot: RankingSnapshot, signer: { privateKey: KeyObject; name: string }): LockedSnapshot {
  const stored = storeSnapshot(db, snapshot, signer.privateKey, signer.name);
  return { id: stored.id, snapshot, sha256: stored.sha256 };
}

/** The last scoring round of each list whose last round is not 1: what certificates are issued from. */
export function finalRounds(def: CampaignDefinition): Record<string, number> {
  return Object.fromEntries(def.lists.map((l) => [l.key, scoringRoundCount(l)] as const).filter(([, n]) => n !== 1));
}

/** Ranks the campaign's final rounds (every list's last scoring round) from its database and locks the result. */
export function lockRanking(
  db: Database,
  campaignId: string,
  config: RankingConfigInput,
  signer: { privateKey: KeyObject; name: string },
  flags: ReadonlyMap<number, readonly EntryFlag[]> = new Map(),
): LockedSnapshot {
  const def = CampaignDefinition.parse(JSON.parse(db.prepare('SELECT definition_json FROM campaigns WHERE id = ?').pluck().get(campaignId) as string));
  const data = loadCampaignScores(db, campaignId, finalRounds(def));
  const decisions = currentDecisions(db, campaignId);
  const outcome = runRanking(data, parseRankingConfig(config), flags, decisions);
  return insertLockedSnapshot(db, buildSnapshot(data, outcome, flags, decisions), signer);
}
