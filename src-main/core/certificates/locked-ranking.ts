// Locking a campaign's ranking into ranking_snapshots, the way `kepu rank --lock` computes it
// (load-scores → runRanking → buildSnapshot → canonical bytes) and signed with the coordinator's
// key. Certificates are made from the newest such row; tests and the bench use this to publish a
// ranking, and the ranking channel that locks from the UI can share it.
import type { Database } from 'better-sqlite3';
import crypto, { type KeyObject } from 'node:crypto';
import { identityFromPrivateKey, publicKeyToBase64 } from '../keys/identity';
import { type EntryFlag, parseRankingConfig, type RankingConfigInput } from '../ranking/config';
import { loadCampaignScores } from '../ranking/load-scores';
import { runRanking } from '../ranking/run-ranking';
import { buildSnapshot, type RankingSnapshot, signSnapshot, snapshotBytes } from '../ranking/snapshot';
import { nowIso } from '../time';

export interface LockedSnapshot {
  id: string;
  snapshot: RankingSnapshot;
  sha256: string;
}

/** Inserts a signed snapshot row for an already built snapshot. */
export function insertLockedSnapshot(db: Database, snapshot: RankingSnapshot, signer: { privateKey: KeyObject; name: string }, lockedAt = nowIso()): LockedSnapshot {
  const bytes = snapshotBytes(snapshot);
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  const identity = identityFromPrivateKey(signer.privateKey);
  const outputs = snapshot.outputs as { categories?: { ranked: unknown[]; held: unknown[] }[] };
  const ranked = (outputs.categories ?? []).reduce((n, c) => n + c.ranked.length, 0);
  const held = (outputs.categories ?? []).reduce((n, c) => n + c.held.length, 0);
  const id = `snap-${crypto.randomBytes(8).toString('hex')}`;
  db.prepare(
    `INSERT INTO ranking_snapshots (id, campaign_id, locked_at, snapshot_json, sha256, signature, signer_key_id, signer_public_key, signer_name, method, ranked_count, held_count)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, snapshot.campaignId, lockedAt, bytes.toString('utf8'), sha256, signSnapshot(bytes, signer.privateKey), identity.keyId, publicKeyToBase64(identity.publicKey), signer.name, snapshot.config.primary, ranked, held);
  return { id, snapshot, sha256 };
}

/** Ranks the campaign from its database and locks the result. */
export function lockRanking(
  db: Database,
  campaignId: string,
  config: RankingConfigInput,
  signer: { privateKey: KeyObject; name: string },
  flags: ReadonlyMap<number, readonly EntryFlag[]> = new Map(),
): LockedSnapshot {
  const data = loadCampaignScores(db, campaignId);
  const outcome = runRanking(data, parseRankingConfig(config), flags);
  return insertLockedSnapshot(db, buildSnapshot(data, outcome, flags), signer);
}
