// `kepu rank --verify <snapshot>`: recompute a locked ranking from the database and compare it byte
// for byte. Policy: the recomputation uses the configuration and the caller's flags recorded in
// the snapshot (they were decisions taken at lock time, e.g. which media were non-compliant), and
// everything else — definition, entries, scores, conflicts, answers, bundles — as the database has
// it now, and so are the per-entry decisions in effect (core/decisions: data like the scores, not
// a flag of the lock); so any change since locking shows up as the first differing input hash, followed by the
// outputs it moved.
import type { Database } from 'better-sqlite3';
import { currentDecisions } from '../decisions/decision-service';
import type { EntryFlag } from './config';
import { buildInputLines, diffInputLines, type InputDifferences, type InputLines, trustedKinds } from './input-lines';
import { type CampaignScores, loadCampaignScores } from './load-scores';
import { judgeNames } from './ranking-repo';
import { runRanking } from './run-ranking';
import { buildSnapshot, type RankingSnapshot, type SnapshotComparison, verifySnapshot } from './snapshot';

export function recomputeSnapshot(db: Database, locked: RankingSnapshot): RankingSnapshot {
  return recompute(db, locked).snapshot;
}

function recompute(db: Database, locked: RankingSnapshot): { snapshot: RankingSnapshot; data: CampaignScores } {
  // One read transaction: the scores and the decisions of one moment, never the scores before a
  // write with the decisions after it (a state the database never held).
  return db.transaction(() => recomputeOnce(db, locked)).deferred();
}

function recomputeOnce(db: Database, locked: RankingSnapshot): { snapshot: RankingSnapshot; data: CampaignScores } {
  // The rounds the lock ranked (absent: round 1 everywhere).
  const data = loadCampaignScores(db, locked.campaignId, locked.inputs.rounds ?? {});
  const byRegNo = new Map(data.entries.map((e) => [e.regNo, e.entryId]));
  const flags = new Map<number, EntryFlag[]>();
  for (const f of locked.inputs.flags) {
    const entryId = byRegNo.get(f.regNo);
    // An entry gone since locking changes the entries hash; its flags have nowhere to go.
    if (entryId !== undefined) flags.set(entryId, f.flags);
  }
  const decisions = currentDecisions(db, locked.campaignId);
  return { snapshot: buildSnapshot(data, runRanking(data, locked.config, flags, decisions), flags, decisions), data };
}

export function verifyAgainstDatabase(db: Database, locked: RankingSnapshot): SnapshotComparison {
  const recomputed = recomputeSnapshot(db, locked);
  return nameCarriedEntry(verifySnapshot(locked, recomputed), locked, recomputed);
}

/**
 * A previous-round total that changed since locking (carry-over) is reported as the whole entry
 * line — registration number, round scores — rather than a bare number deep in an array, so the
 * difference names the entry.
 */
export function nameCarriedEntry(comparison: SnapshotComparison, locked: RankingSnapshot, recomputed: RankingSnapshot): SnapshotComparison {
  if (comparison.equal) return comparison;
  const m = /^inputs\.carryOver\[(\d+)\]\.totals\[(\d+)\]/.exec(comparison.path);
  if (!m) return comparison;
  const pick = (s: RankingSnapshot) => s.inputs.carryOver?.[Number(m[1])]?.totals[Number(m[2])] ?? null;
  return { equal: false, path: m[0], locked: pick(locked), recomputed: pick(recomputed) };
}

export interface ExplainedVerification {
  comparison: SnapshotComparison;
  /**
   * 'named': `differences` lists each changed input from the lines kept at lock time;
   * 'hash_only': the snapshot has no usable lines (locked before they were kept, or a bare
   * snapshot file), so only the first differing hash is known. Null when equal.
   */
  detail: 'named' | 'hash_only' | null;
  differences: InputDifferences | null;
}

/** Verifies and, when something differs and the lock-time lines are at hand, names each difference. */
export function verifyExplained(db: Database, locked: RankingSnapshot, lockedLines: InputLines | null): ExplainedVerification {
  const { snapshot, data } = recompute(db, locked);
  const comparison = nameCarriedEntry(verifySnapshot(locked, snapshot), locked, snapshot);
  if (comparison.equal) return { comparison, detail: null, differences: null };
  const trusted = lockedLines ? trustedKinds(locked, lockedLines) : null;
  if (!lockedLines || !trusted || (!trusted.scores && !trusted.overrides && !trusted.entries)) return { comparison, detail: 'hash_only', differences: null };
  return { comparison, detail: 'named', differences: diffInputLines(lockedLines, buildInputLines(data, judgeNames(db)), trusted) };
}
