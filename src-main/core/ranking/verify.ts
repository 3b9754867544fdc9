// `kepu rank --verify <snapshot>`: recompute a locked ranking from the database and compare it byte
// for byte. Policy: the recomputation uses the configuration and the caller's flags recorded in
// the snapshot (they were decisions taken at lock time, e.g. which media were non-compliant), and
// everything else — definition, entries, scores, conflicts, answers, bundles — as the database has
// it now; so any change since locking shows up as the first differing input hash, followed by the
// outputs it moved.
import type { Database } from 'better-sqlite3';
import type { EntryFlag } from './config';
import { loadCampaignScores } from './load-scores';
import { runRanking } from './run-ranking';
import { buildSnapshot, type RankingSnapshot, type SnapshotComparison, verifySnapshot } from './snapshot';

export function recomputeSnapshot(db: Database, locked: RankingSnapshot): RankingSnapshot {
  const data = loadCampaignScores(db, locked.campaignId);
  const byRegNo = new Map(data.entries.map((e) => [e.regNo, e.entryId]));
  const flags = new Map<number, EntryFlag[]>();
  for (const f of locked.inputs.flags) {
    const entryId = byRegNo.get(f.regNo);
    // An entry gone since locking changes the entries hash; its flags have nowhere to go.
    if (entryId !== undefined) flags.set(entryId, f.flags);
  }
  return buildSnapshot(data, runRanking(data, locked.config, flags), flags);
}

export function verifyAgainstDatabase(db: Database, locked: RankingSnapshot): SnapshotComparison {
  return verifySnapshot(locked, recomputeSnapshot(db, locked));
}
