// Which local campaign a verified review package goes into, decided from the signed manifest
// before anything is written. Policy (issue 11, docs/formats.md "Opening a package"):
// - A campaign opened from packages is pinned to the coordinator key of its first package. Every
//   later package for the same coordinator campaign must be signed by that key. A package signed by
//   another key is refused with PACKAGE_COORDINATOR_CHANGED, naming both fingerprints — unless the
//   judge saw that warning and confirmed opening it as a separate campaign, naming the fingerprint
//   they were shown: then it gets a local campaign of its own that shares nothing with the pinned
//   one, and its bundles still answer the coordinator's campaign id.
// - A campaign with the same id created on this computer (a coordinator opening their own package
//   to try it) is never written into: the package opens as a separate campaign without asking.
// - Same key: a package opened before is 'alreadyOpen' (nothing changes); a newer one is an
//   'update'; one older than the newest opened is refused (PACKAGE_OUTDATED) so an old e-mail
//   attachment never rolls the judge's assignment back.
import type { Database } from 'better-sqlite3';
import { KepuError } from '../errors';
import type { PackageManifest } from '../exchange/package-manifest';
import { fingerprintOf } from '../keys/identity';
import { toUtcIso } from '../time';

export interface SignedManifest {
  manifest: PackageManifest;
  coordinatorKeyId: string;
}

/** The judge's answer to the PACKAGE_COORDINATOR_CHANGED warning, naming the key they saw. */
export interface SeparateCampaignConfirmation {
  packageFingerprint: string;
}

export type ImportPlan =
  | { kind: 'alreadyOpen'; campaignId: string; packageRowId: string; judgeId: string; separate: boolean }
  | { kind: 'new'; campaignId: string; packageRowId: string; separate: boolean }
  | { kind: 'update'; campaignId: string; packageRowId: string; judgeId: string; separate: boolean; previousRowId: string };

/** A row of opened_packages (migrations 4 and 7). */
export interface OpenedPackageRow {
  id: string;
  campaign_id: string;
  judge_id: string;
  coordinator_key_id: string;
  coordinator_name: string;
  opened_at: string;
  last_bundle_revision: number;
  manifest_json: string;
  media_dir: string;
  remote_campaign_id: string;
  remote_package_id: string;
  issued_at: string;
}

/** The package the judge's campaign answers now: the newest by issue time, then by opening. */
export function currentOpenedPackage(db: Database, campaignId: string): OpenedPackageRow | undefined {
  return db.prepare<[string], OpenedPackageRow>('SELECT * FROM opened_packages WHERE campaign_id = ? ORDER BY issued_at DESC, rowid DESC LIMIT 1').get(campaignId);
}

/** The key a local campaign is pinned to: the signer of the first package opened into it. */
export function pinnedKeyOf(db: Database, campaignId: string): string | undefined {
  return db.prepare('SELECT coordinator_key_id FROM opened_packages WHERE campaign_id = ? ORDER BY opened_at, rowid LIMIT 1').pluck().get(campaignId) as string | undefined;
}

export function planPackageImport(db: Database, signed: SignedManifest, confirmation?: SeparateCampaignConfirmation): ImportPlan {
  const m = signed.manifest;
  const key = signed.coordinatorKeyId;
  const remoteCampaignId = m.campaign.id;
  // Local campaigns made from this coordinator campaign, in the order they were first opened.
  const locals = (db
    .prepare('SELECT campaign_id FROM opened_packages WHERE remote_campaign_id = ? GROUP BY campaign_id ORDER BY min(opened_at), min(rowid)')
    .pluck()
    .all(remoteCampaignId) as string[]).map((campaignId) => ({ campaignId, pinnedKey: pinnedKeyOf(db, campaignId)! }));
  const mine = locals.find((l) => l.pinnedKey === key);
  if (mine) {
    const separate = mine.campaignId !== remoteCampaignId;
    const same = db.prepare<[string, string], { id: string; judge_id: string }>('SELECT id, judge_id FROM opened_packages WHERE campaign_id = ? AND remote_package_id = ?').get(mine.campaignId, m.packageId);
    if (same) return { kind: 'alreadyOpen', campaignId: mine.campaignId, packageRowId: same.id, judgeId: same.judge_id, separate };
    const current = currentOpenedPackage(db, mine.campaignId)!;
    const issuedAt = toUtcIso(m.createdAt);
    if (issuedAt < current.issued_at) {
      throw new KepuError('PACKAGE_OUTDATED', `packages: ${m.packageId} (${issuedAt}) is older than ${current.remote_package_id} (${current.issued_at}) already open`, {
        issued: minutes(issuedAt),
        current: minutes(current.issued_at),
      });
    }
    return { kind: 'update', campaignId: mine.campaignId, packageRowId: freePackageRowId(db, m.packageId, key), judgeId: current.judge_id, separate, previousRowId: current.id };
  }
  if (locals.length > 0) {
    const pinned = locals[0];
    const packageFingerprint = fingerprintOf(key);
    if (confirmation?.packageFingerprint !== packageFingerprint) {
      // campaignId lets the app show the campaign's name in the reader's language; it is not shown.
      throw new KepuError(
        'PACKAGE_COORDINATOR_CHANGED',
        `packages: campaign ${remoteCampaignId} was opened from coordinator key ${pinned.pinnedKey}; this package is signed by ${key}`,
        { campaignId: pinned.campaignId, pinnedFingerprint: fingerprintOf(pinned.pinnedKey), packageFingerprint },
      );
    }
    return { kind: 'new', campaignId: freeCampaignId(db, remoteCampaignId, key), packageRowId: freePackageRowId(db, m.packageId, key), separate: true };
  }
  if (db.prepare('SELECT 1 FROM campaigns WHERE id = ?').get(remoteCampaignId)) {
    return { kind: 'new', campaignId: freeCampaignId(db, remoteCampaignId, key), packageRowId: freePackageRowId(db, m.packageId, key), separate: true };
  }
  return { kind: 'new', campaignId: remoteCampaignId, packageRowId: freePackageRowId(db, m.packageId, key), separate: false };
}

/** "2023-12-26 01:00 UTC": enough for a person to tell two packages apart. */
function minutes(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** Campaign ids are at most 100 characters; the suffix names the signing key. */
function freeCampaignId(db: Database, remoteCampaignId: string, keyId: string): string {
  return freeId(db, 'campaigns', `${remoteCampaignId.slice(0, 80)}-${keyId.slice(0, 12)}`);
}

/** The coordinator's package id, unless a package of another local campaign already has it. */
function freePackageRowId(db: Database, packageId: string, keyId: string): string {
  if (!db.prepare('SELECT 1 FROM opened_packages WHERE id = ?').get(packageId)) return packageId;
  return freeId(db, 'opened_packages', `${packageId.slice(0, 80)}@${keyId.slice(0, 12)}`);
}

function freeId(db: Database, table: 'campaigns' | 'opened_packages', base: string): string {
  const taken = db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`);
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    if (!taken.get(id)) return id;
  }
}
