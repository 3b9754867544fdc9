// What a judge's campaign shows about the review packages it came from (campaign:get): apart from
// open-package.ts so that reading a campaign does not load the package reader (zip, media
// linking; issue 18: every command that reads a campaign's time zone paid for them).
import type { Database } from 'better-sqlite3';
import type { WithdrawnEntry } from './open-package';
import { CampaignDefinition } from '../../contract/domain';
import { listFor } from '../../contract/lists';
import { currentOpenedPackage } from './package-pin';
import type { DbScoreValueRow } from './package-rows';

/**
 * Entries of a judge's campaign that its newest package no longer assigns, in the round the newest
 * package names for their list: an entry that was in an earlier package of that same round. An
 * entry of an earlier round (round 1 work not shortlisted for round 2) was not taken back; it is
 * simply done, so it is not listed. The scores shown are the judge's in that round.
 */
export function withdrawnEntries(db: Database, campaignId: string): WithdrawnEntry[] {
  const current = currentOpenedPackage(db, campaignId);
  if (!current) return [];
  const def = CampaignDefinition.parse(JSON.parse(db.prepare('SELECT definition_json FROM campaigns WHERE id = ?').pluck().get(campaignId) as string));
  const roundsOf = (json: string) => JSON.parse(json) as Record<string, number>;
  const packages = db.prepare<unknown[], { id: string; rounds_json: string }>('SELECT id, rounds_json FROM opened_packages WHERE campaign_id = ?').all(campaignId);
  const now = roundsOf(packages.find((p) => p.id === current.id)?.rounds_json ?? '{}');
  const inPackage = new Map<string, Set<number>>();
  for (const [packageId, entryId] of db
    .prepare('SELECT pe.package_id, pe.entry_id FROM opened_package_entries pe JOIN opened_packages p ON p.id = pe.package_id WHERE p.campaign_id = ?')
    .raw()
    .all(campaignId) as [string, number][]) {
    inPackage.set(packageId, (inPackage.get(packageId) ?? new Set<number>()).add(entryId));
  }
  const rows = db
    .prepare<unknown[], Omit<WithdrawnEntry, 'scores'> & { kind: Parameters<typeof listFor>[1]; category: string | null }>(`SELECT id AS entryId, reg_no AS regNo, title, kind, category FROM entries
              WHERE campaign_id = ? AND id NOT IN (SELECT entry_id FROM opened_package_entries WHERE package_id = ?) ORDER BY reg_no`)
    .all(campaignId, current.id);
  const scores = db.prepare<[number, string, number], DbScoreValueRow>('SELECT dimension_key, value FROM scores WHERE entry_id = ? AND judge_id = ? AND round_no = ?');
  return rows.flatMap(({ kind, category, ...r }) => {
    const listKey = listFor(def, kind, category).key;
    const round = now[listKey] ?? 1;
    const sameRound = packages.some((p) => (roundsOf(p.rounds_json)[listKey] ?? 1) === round && inPackage.get(p.id)?.has(r.entryId));
    if (!sameRound) return [];
    return [{ ...r, scores: Object.fromEntries(scores.all(r.entryId, current.judge_id, round).map((s) => [s.dimension_key, s.value])) }];
  });
}

/** What the judge's campaign view shows about the packages it came from. */
export function openedPackageSummary(db: Database, campaignId: string) {
  const current = currentOpenedPackage(db, campaignId);
  if (!current) return null;
  const lastRevision = db.prepare('SELECT max(last_bundle_revision) FROM opened_packages WHERE campaign_id = ?').pluck().get(campaignId) as number;
  return { id: current.id, coordinatorName: current.coordinator_name, lastRevision, withdrawn: withdrawnEntries(db, campaignId) };
}
