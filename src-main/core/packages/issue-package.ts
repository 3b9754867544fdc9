// Coordinator → judge: one review package per judge with that judge's entries (blind-review
// redactions applied here, before anything leaves the machine), their media hashes and, if asked,
// the media themselves; signed with the coordinator's key and recorded so returning bundles can be
// checked against what was issued — including the definition version the judge was shown.
import { scoringRoundOf } from '../../contract/lists';
import type { Database } from 'better-sqlite3';
import { type KeyObject, randomBytes } from 'node:crypto';
import path from 'node:path';
import type { CampaignRepo } from '../campaigns/campaign-repo';
import { currentDefinitionVersion } from '../campaigns/definition-versions';
import { KepuError } from '../errors';
import type { PackageManifest, PackageRound } from '../exchange/package-manifest';
import type { CampaignDefinition, ListDef } from '../../contract';
import { listFor } from '../../contract/lists';
import { workingRounds } from '../rounds/round-state';
import { writePackage } from '../exchange/package-write';
import { identityFromPrivateKey, publicKeyToBase64 } from '../keys/identity';
import { sha256File } from '../media/hash';
import { fieldsForJudges } from '../campaigns/identifying-fields';
import { nowIso } from '../time';
import { reachOfEntry } from '../intake/reach-figures';
import type { DbCampaignJudgeRow, DbPackageAssetRow, DbPackageEntryRow } from './package-rows';

/** The round of each list the package covers that has scoring rounds, in the definition's list order. */
function packageRounds(def: CampaignDefinition, lists: readonly ListDef[], working: ReadonlyMap<string, number>): PackageRound[] {
  const covered = new Set(lists.map((l) => l.key));
  return def.lists.flatMap((l) => {
    if (!covered.has(l.key)) return [];
    const roundNo = working.get(l.key) ?? 1;
    const round = scoringRoundOf(l, roundNo);
    return round ? [{ list: l.key, roundNo, key: round.key, name: round.name }] : [];
  });
}

/**
 * The largest file FAT32 can hold (4 GiB less one byte). USB sticks come formatted FAT32: a bigger
 * package cannot be copied onto one, and people find out only at the copy. The zip's own records
 * add a little: a megabyte of room is kept.
 */
export const FAT32_MAX_FILE_BYTES = 4 * 1024 ** 3 - 1;
const ZIP_OVERHEAD_ROOM = 1024 ** 2;

export interface IssueOptions {
  campaignId: string;
  judgeId: string;
  withMedia: boolean;
  /** Write even when the package will not fit on a FAT32 stick; else PACKAGE_OVER_4GIB before writing. */
  allowOver4GiB?: boolean;
  outPath: string;
  coordinator: { privateKey: KeyObject; name: string };
}

export async function issuePackage(deps: { db: Database; campaigns: CampaignRepo }, options: IssueOptions) {
  const { db } = deps;
  const def = deps.campaigns.definition(options.campaignId);
  const judge = db
    .prepare<[string, string], Pick<DbCampaignJudgeRow, 'id' | 'name' | 'key_id'>>(`SELECT j.id, j.name, j.key_id FROM judges j JOIN campaign_judges cj ON cj.judge_id = j.id WHERE cj.campaign_id = ? AND j.id = ?`)
    .get(options.campaignId, options.judgeId);
  if (!judge) throw new KepuError('JUDGE_NOT_FOUND', `packages: ${options.judgeId} is not a judge of ${options.campaignId}`, { judgeId: options.judgeId });
  // The judge's assignments of the round each list is in now (round 1 for lists without rounds).
  const working = workingRounds(db, options.campaignId, def);
  const listOf = (e: DbPackageEntryRow) => listFor(def, e.kind, e.category);
  const rows = db
    .prepare<[string, string], DbPackageEntryRow & { round_no: number }>(
      `SELECT e.*, a.round_no FROM assignments a JOIN entries e ON e.id = a.entry_id WHERE a.judge_id = ? AND e.campaign_id = ? ORDER BY e.reg_no`,
    )
    .all(judge.id, options.campaignId)
    .filter((e) => e.round_no === (working.get(listOf(e).key) ?? 1));
  const rounds = packageRounds(def, rows.map(listOf), working);
  const assetStmt = db.prepare<[number], DbPackageAssetRow>('SELECT id, role, path, size_bytes, sha256, eligibility_item FROM assets WHERE entry_id = ? ORDER BY position, id');
  const media = new Map<string, string>();
  const blind = def.blindReview;
  const entries = rows.map((e) => {
    const fields = JSON.parse(e.fields_json) as Record<string, string>;
    const assets = assetStmt.all(e.id).map((a) => {
      if (options.withMedia) media.set(a.sha256, a.path);
      return { assetId: a.id, role: a.role, fileName: path.basename(a.path), sizeBytes: a.size_bytes, sha256: a.sha256, included: options.withMedia, ...(a.eligibility_item ? { eligibilityItem: a.eligibility_item } : {}) };
    });
    const reach = reachOfEntry(db, e.id);
    return {
      entryId: e.id,
      regNo: e.reg_no,
      kind: e.kind,
      category: e.category,
      title: e.title,
      entrantName: blind ? null : e.entrant_name,
      entrantUnit: blind ? null : e.entrant_unit,
      reason: e.reason,
      fields: fieldsForJudges(def, e.kind, fields),
      assets,
      ...(reach.length > 0 ? { reach } : {}),
    };
  });
  const mediaBytes = distinctMediaBytes(entries);
  if (options.withMedia && !options.allowOver4GiB && mediaBytes + ZIP_OVERHEAD_ROOM > FAT32_MAX_FILE_BYTES) {
    throw new KepuError('PACKAGE_OVER_4GIB', `packages: the media come to ${mediaBytes} bytes, more than a FAT32 stick holds in one file`, {
      sizeBytes: mediaBytes,
      sizeGiB: (mediaBytes / 1024 ** 3).toFixed(1),
    });
  }
  const me = identityFromPrivateKey(options.coordinator.privateKey);
  const packageId = `pkg-${randomBytes(8).toString('hex')}`;
  const definitionVersion = currentDefinitionVersion(db, options.campaignId);
  const manifest: PackageManifest = {
    v: 1,
    kind: 'kepu.package',
    packageId,
    createdAt: nowIso(),
    coordinator: { keyId: me.keyId, publicKey: publicKeyToBase64(me.publicKey), name: options.coordinator.name },
    judge: { id: judge.id, name: judge.name, keyId: judge.key_id },
    campaign: { ...def, id: options.campaignId },
    definitionVersion,
    ...(rounds.length > 0 ? { rounds } : {}),
    entries,
  };
  const written = await writePackage(manifest, [...media].map(([sha256, p]) => ({ sha256, path: p })), options.outPath, options.coordinator.privateKey);
  // Streamed: a package with media can be larger than a Buffer (readFileSync stops at 2 GiB); and
  // the file written may be "name (2).kepupkg" (an older one held open: busy-target.ts).
  const fileSha = await sha256File(written.file);
  db.transaction(() => {
    db.prepare(
      'INSERT INTO issued_packages (id, campaign_id, judge_id, created_at, entry_count, with_media, manifest_sha256, definition_version, rounds_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(packageId, options.campaignId, judge.id, manifest.createdAt, entries.length, options.withMedia ? 1 : 0, fileSha, definitionVersion, JSON.stringify(Object.fromEntries(rounds.map((r) => [r.list, r.roundNo]))));
    const link = db.prepare('INSERT INTO issued_package_entries (package_id, entry_id) VALUES (?, ?)');
    for (const e of entries) link.run(packageId, e.entryId);
    db.prepare(`INSERT INTO audit_log (at, actor, action, subject, details_json) VALUES (?, 'local', 'package.issue', ?, ?)`).run(
      manifest.createdAt, options.campaignId, JSON.stringify({ packageId, judgeId: judge.id, entries: entries.length, withMedia: options.withMedia, definitionVersion, ...(rounds.length > 0 ? { rounds } : {}) }),
    );
  })();
  return { packageId, file: written.file, bytes: written.bytes, entries: entries.length, definitionVersion };
}

/** The bytes of the media a package carries: each distinct file once (shared files travel once). */
function distinctMediaBytes(entries: readonly { assets: readonly { sha256: string; sizeBytes: number }[] }[]): number {
  const sizes = new Map<string, number>();
  for (const e of entries) for (const a of e.assets) sizes.set(a.sha256, a.sizeBytes);
  return [...sizes.values()].reduce((sum, n) => sum + n, 0);
}
