// Judge side: a verified review package becomes (or updates) a local campaign the judge reviews
// with the same workspace as on the coordinator's machine. The coordinator's entry ids are kept
// in a mapping per package so the exported bundle answers in the coordinator's terms.
// Policy (issue 11; which campaign a package goes into is package-pin.ts):
// - First package: the campaign, the judge and the entries are created.
// - A newer package of the same coordinator (a re-issue, e.g. one more entry assigned) updates the
//   campaign: entries are matched by the coordinator's entry id (then by registration number),
//   their text and media refreshed; new entries are added; every score, comment and answer the
//   judge saved is kept. The package's definition replaces the local one (the coordinator may
//   have saved a new version since): the judge reviews on the rubric the package was issued with,
//   and work on a dimension or item it no longer has stays saved but is not exported.
// - Entries the newer package no longer lists stay in the campaign, read-only: their assignment
//   is removed (the review service refuses changes to an entry not assigned: NOT_ASSIGNED), the
//   judge's saved work on them is kept, and they are listed as "no longer assigned". They are NOT
//   exported in the next bundle: the bundle answers the newest package, and the coordinator's
//   merge refuses a whole bundle holding an entry that is not in the package it answers
//   (BUNDLE_ENTRY_NOT_ASSIGNED); the coordinator took the entry back on purpose. Should a later
//   package assign it again, it becomes editable again with the saved work.
// - The same package opened twice changes nothing and says so ('alreadyOpen').
// - Everything an open writes to disk is removed again when the database step fails.
import type { Database } from 'better-sqlite3';
import fs from 'node:fs';
import { CampaignDefinition } from '../../contract/domain';
import { listFor } from '../../contract/lists';
import { assertNotArchived } from '../campaigns/archive';
import type { CampaignRepo } from '../campaigns/campaign-repo';
import { writeDefinition } from '../campaigns/definition-update';
import type { EntryRepo, NewEntry } from '../entries/entry-repo';
import { openPackage, type OpenedPackage } from '../exchange/package-open';
import type { PackageEntry, PackageManifest } from '../exchange/package-manifest';
import type { AssetRepo } from '../media/asset-repo';
import type { JudgeRepo } from '../review/judge-repo';
import { nowIso, toUtcIso } from '../time';
import { linkUnderOriginalName, occurrences, packageMediaFolder, removeCreated } from './package-media';
import { type ImportPlan, planPackageImport, type SeparateCampaignConfirmation } from './package-pin';
import { withdrawnEntries } from './opened-package-summary';
import type { DbAssetHashRow, DbEntryIdPair, DbRegNoRow } from './package-rows';

export { linkLocatedMedia } from './locate-package-media';
export { openedPackageSummary, withdrawnEntries } from './opened-package-summary';

export interface OpenDeps {
  db: Database;
  campaigns: CampaignRepo;
  entries: EntryRepo;
  assets: AssetRepo;
  judges: JudgeRepo;
}

export interface WithdrawnEntry {
  entryId: number;
  regNo: string;
  title: string;
  /** The judge's saved scores, shown read-only. */
  scores: Record<string, number>;
}

export interface ImportResult {
  campaignId: string;
  judgeId: string;
  /** Entries of the package. */
  entries: number;
  outcome: 'opened' | 'updated' | 'alreadyOpen';
  alreadyOpen: boolean;
  /** The package went into a campaign of its own, apart from a campaign with the same id. */
  separateCampaign: boolean;
  /** Entries assigned by this package that the previous one did not assign. */
  added: number;
  /** Entries of the campaign that the newest package no longer assigns (read-only). */
  withdrawn: WithdrawnEntry[];
}

/**
 * Opens a package file into the data folder: verify, decide the campaign (refusing before
 * anything is written), extract the media into that campaign's folder, import.
 */
export async function openPackageFile(
  deps: OpenDeps,
  file: string,
  options: { packagesRoot: string; separateCampaign?: SeparateCampaignConfirmation },
): Promise<ImportResult & { coordinatorFingerprint: string }> {
  const opened = await openPackage(file, {
    targetDir: options.packagesRoot,
    admit: (verified) => {
      const plan = planPackageImport(deps.db, verified, options.separateCampaign);
      if (plan.kind === 'update') assertNotArchived(deps.db, plan.campaignId); // CAMPAIGN_ARCHIVED before anything is extracted
      return plan.kind === 'alreadyOpen' ? null : packageMediaFolder(options.packagesRoot, plan.campaignId);
    },
  });
  try {
    return { ...importOpenedPackage(deps, opened, { separateCampaign: options.separateCampaign }), coordinatorFingerprint: opened.coordinatorFingerprint };
  } catch (error) {
    removeCreated(opened.created);
    throw error;
  }
}

export function importOpenedPackage(deps: OpenDeps, opened: OpenedPackage, options: { separateCampaign?: SeparateCampaignConfirmation } = {}): ImportResult {
  const { db } = deps;
  const m = opened.manifest;
  const created: string[] = [];
  try {
    return db.transaction((): ImportResult => {
      // Decided again inside the transaction: another open may have finished since `admit`.
      const plan = planPackageImport(db, opened, options.separateCampaign);
      if (plan.kind === 'update') assertNotArchived(db, plan.campaignId);
      if (plan.kind === 'alreadyOpen') {
        return { campaignId: plan.campaignId, judgeId: plan.judgeId, entries: m.entries.length, outcome: 'alreadyOpen', alreadyOpen: true, separateCampaign: plan.separate, added: 0, withdrawn: withdrawnEntries(db, plan.campaignId) };
      }
      const judgeId = plan.kind === 'update' ? plan.judgeId : createCampaignAndJudge(deps, opened, plan);
      if (plan.kind === 'update') adoptDefinition(db, plan.campaignId, m, plan.separate);
      const roundsOfPackage: Record<string, number> = Object.fromEntries((m.rounds ?? []).map((r) => [r.list, r.roundNo]));
      const before = new Set(plan.kind === 'update' ? (db.prepare('SELECT entry_id FROM opened_package_entries WHERE package_id = ?').pluck().all(plan.previousRowId) as number[]) : []);
      db.prepare(
        `INSERT INTO opened_packages (id, campaign_id, judge_id, coordinator_key_id, coordinator_name, opened_at, manifest_json, media_dir,
                                      remote_campaign_id, remote_package_id, issued_at, rounds_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(plan.packageRowId, plan.campaignId, judgeId, opened.coordinatorKeyId, m.coordinator.name, nowIso(), JSON.stringify(m), opened.mediaDir, m.campaign.id, m.packageId, toUtcIso(m.createdAt), JSON.stringify(roundsOfPackage));
      const localIds = upsertEntries(deps, plan.campaignId, m);
      const link = db.prepare('INSERT INTO opened_package_entries (package_id, remote_entry_id, entry_id) VALUES (?, ?, ?)');
      m.entries.forEach((e, i) => link.run(plan.packageRowId, e.entryId, localIds[i]));
      // Each entry is assigned in the round the package names for its list (round 1 when none).
      const byRound = new Map<number, { entryId: number; judgeId: string }[]>();
      m.entries.forEach((e, i) => {
        const round = roundsOfPackage[listFor(m.campaign, e.kind, e.category).key] ?? 1;
        byRound.set(round, [...(byRound.get(round) ?? []), { entryId: localIds[i], judgeId }]);
      });
      for (const [round, pairs] of byRound) deps.judges.assign(pairs, 'auto', round);
      // Withdrawn: in the campaign, not in this package. Their reviews stay; only the assignment goes.
      db.prepare(
        `DELETE FROM assignments WHERE judge_id = ? AND entry_id IN (
           SELECT id FROM entries WHERE campaign_id = ? AND id NOT IN (SELECT entry_id FROM opened_package_entries WHERE package_id = ?))`,
      ).run(judgeId, plan.campaignId, plan.packageRowId);
      replaceAssets(deps, plan.campaignId, opened, localIds, created);
      replaceReach(db, m, localIds);
      db.prepare(`INSERT INTO audit_log (at, actor, action, subject, details_json) VALUES (?, 'local', ?, ?, ?)`).run(
        nowIso(),
        plan.kind === 'update' ? 'package.update' : 'package.open',
        plan.campaignId,
        JSON.stringify({ packageId: m.packageId, coordinatorKeyId: opened.coordinatorKeyId, entries: m.entries.length, separate: plan.separate, definitionVersion: m.definitionVersion ?? null }),
      );
      return {
        campaignId: plan.campaignId,
        judgeId,
        entries: m.entries.length,
        outcome: plan.kind === 'update' ? 'updated' : 'opened',
        alreadyOpen: false,
        separateCampaign: plan.separate,
        added: plan.kind === 'update' ? localIds.filter((id) => !before.has(id)).length : 0,
        withdrawn: withdrawnEntries(db, plan.campaignId),
      };
    })();
  } catch (error) {
    // Links made before the transaction failed; the caller removes what extraction made.
    removeCreated(created);
    throw error;
  }
}

/** The judge's campaign follows the definition of the newest package (a separate one keeps its local name). */
function adoptDefinition(db: Database, campaignId: string, m: PackageManifest, separate: boolean): void {
  const { id: _id, ...definition } = m.campaign;
  const stored = db.prepare('SELECT definition_json FROM campaigns WHERE id = ?').pluck().get(campaignId) as string;
  const next: CampaignDefinition = separate ? { ...definition, name: CampaignDefinition.parse(JSON.parse(stored)).name } : definition;
  if (JSON.stringify(next) !== stored) writeDefinition(db, campaignId, next, nowIso());
}

function createCampaignAndJudge(deps: OpenDeps, opened: OpenedPackage, plan: Extract<ImportPlan, { kind: 'new' }>): string {
  const { db } = deps;
  const m = opened.manifest;
  const { id: _id, ...definition } = m.campaign;
  // A separate campaign carries the signer's fingerprint in its name, so the two are told apart.
  const name = plan.separate
    ? { 'zh-CN': `${definition.name['zh-CN']} [${opened.coordinatorFingerprint}]`, en: `${definition.name.en} [${opened.coordinatorFingerprint}]` }
    : undefined;
  deps.campaigns.create(`package:${m.packageId}`, definition, name, plan.campaignId);
  // The judge on this machine is one person: a row with the coordinator's id, or else the row that
  // already holds the same key (the same judge working for two coordinators), is reused.
  let judgeId = m.judge.id;
  if (!db.prepare('SELECT 1 FROM judges WHERE id = ?').get(judgeId)) {
    const holder = m.judge.keyId ? (db.prepare('SELECT id FROM judges WHERE key_id = ?').pluck().get(m.judge.keyId) as string | undefined) : undefined;
    if (holder) judgeId = holder;
    else db.prepare('INSERT INTO judges (id, name, institution, key_id, created_at) VALUES (?, ?, NULL, ?, ?)').run(judgeId, m.judge.name, m.judge.keyId, nowIso());
  }
  db.prepare('INSERT OR IGNORE INTO campaign_judges (campaign_id, judge_id) VALUES (?, ?)').run(plan.campaignId, judgeId);
  return judgeId;
}

function toNewEntry(e: PackageEntry): NewEntry {
  return {
    regNo: e.regNo,
    kind: e.kind,
    category: e.category,
    title: e.title,
    entrantType: e.kind === 'individual' || e.kind === 'applicant' ? 'individual' : 'unit',
    entrantName: e.entrantName ?? '',
    entrantUnit: e.entrantUnit,
    contactPhone: null,
    contactEmail: null,
    reason: e.reason,
    fields: e.fields,
    submittedAt: null,
  };
}

/**
 * The local entry id of every package entry, in manifest order: an entry seen in an earlier
 * package of this campaign (by the coordinator's entry id, else by registration number) is updated
 * in place, so the judge's reviews stay attached to it; any other is inserted.
 */
function upsertEntries(deps: OpenDeps, campaignId: string, m: PackageManifest): number[] {
  const { db } = deps;
  const byRemote = new Map(
    db
      .prepare<[string], DbEntryIdPair>(`SELECT l.remote_entry_id AS remote, l.entry_id AS local FROM opened_package_entries l JOIN opened_packages p ON p.id = l.package_id
                WHERE p.campaign_id = ? ORDER BY p.issued_at, p.rowid`)
      .all(campaignId)
      .map((r) => [r.remote, r.local]),
  );
  const byRegNo = new Map(db.prepare<[string], DbRegNoRow>('SELECT reg_no, id FROM entries WHERE campaign_id = ?').all(campaignId).map((r) => [r.reg_no, r.id]));
  // First the coordinator's entry id, then the same registration number under a new coordinator
  // id (the entry was imported again on the coordinator's side).
  const matched: (number | undefined)[] = m.entries.map((e) => byRemote.get(e.entryId));
  const claimed = new Set(matched.filter((id): id is number => id !== undefined));
  m.entries.forEach((e, i) => {
    const sameNumber = byRegNo.get(e.regNo);
    if (matched[i] === undefined && sameNumber !== undefined && !claimed.has(sameNumber)) {
      matched[i] = sameNumber;
      claimed.add(sameNumber);
    }
  });
  const update = db.prepare(`UPDATE entries SET reg_no = @regNo, kind = @kind, category = @category, title = @title, entrant_type = @entrantType,
      entrant_name = @entrantName, entrant_unit = @entrantUnit, reason = @reason, fields_json = @fieldsJson, updated_at = @now WHERE id = @id`);
  const holder = db.prepare('SELECT id FROM entries WHERE campaign_id = ? AND reg_no = ?').pluck();
  const now = nowIso();
  const ids = m.entries.map((e, i) => {
    const id = matched[i];
    if (id === undefined) return undefined;
    const entry = toNewEntry(e);
    // A changed registration number that another local entry still holds keeps the old one locally;
    // bundles answer by the coordinator's entry id, so nothing is lost.
    const other = holder.get(campaignId, entry.regNo) as number | undefined;
    const regNo = other === undefined || other === id ? entry.regNo : (db.prepare('SELECT reg_no FROM entries WHERE id = ?').pluck().get(id) as string);
    update.run({ ...entry, regNo, fieldsJson: JSON.stringify(entry.fields), now, id });
    return id;
  });
  const fresh = m.entries.flatMap((e, i) => (ids[i] === undefined ? [{ i, entry: toNewEntry(e) }] : []));
  const deadline = new Date(m.campaign.deadline).toISOString();
  const opensAt = m.campaign.opensAt === null ? null : new Date(m.campaign.opensAt).toISOString();
  const inserted = deps.entries.insertMany(campaignId, deadline, fresh.map((f) => f.entry), opensAt);
  fresh.forEach((f, k) => (ids[f.i] = inserted[k]));
  return ids as number[];
}

/**
 * The package's entries get exactly the package's asset list. A file is taken from this package
 * when it travelled inside it, else from an earlier package of the campaign (same hash); files of
 * neither kind are found later by hash (locate-package-media.ts).
 */
function replaceAssets(deps: OpenDeps, campaignId: string, opened: OpenedPackage, localIds: number[], created: string[]): void {
  const { db } = deps;
  const known = new Map<string, string>();
  for (const row of db.prepare<[string], DbAssetHashRow>('SELECT a.sha256, a.path FROM assets a JOIN entries e ON e.id = a.entry_id WHERE e.campaign_id = ?').all(campaignId)) {
    if (!known.has(row.sha256) && fs.existsSync(row.path)) known.set(row.sha256, row.path);
  }
  for (const f of opened.media) known.set(f.sha256, f.path);
  const drop = db.prepare('DELETE FROM assets WHERE entry_id = ?');
  for (const id of localIds) drop.run(id);
  const assets = opened.manifest.entries.flatMap((e, i) => {
    const counts = occurrences(e.assets);
    return e.assets.flatMap((a, position) => {
      const stored = known.get(a.sha256);
      if (!stored) return []; // not shipped: located later by hash
      const file = linkUnderOriginalName(stored, opened.mediaDir, { regNo: e.regNo, sha256: a.sha256, fileName: a.fileName, occurrence: counts[position] }, created);
      return [{ entryId: localIds[i], role: a.role, position, path: file, sha256: a.sha256, sizeBytes: a.sizeBytes, mtimeMs: fs.statSync(file).mtimeMs, eligibilityItem: a.eligibilityItem ?? null }];
    });
  });
  // One file can belong to several entries (the same image in two works): each gets its row.
  deps.assets.insertMany(assets);
}

/** The package's reach figures replace the entry's: the judge sees what the coordinator last imported. */
function replaceReach(db: Database, m: PackageManifest, localIds: number[]): void {
  const drop = db.prepare('DELETE FROM reach_figures WHERE entry_id = ?');
  const insert = db.prepare('INSERT INTO reach_figures (entry_id, metric, value, as_of, source, imported_at) VALUES (?, ?, ?, ?, ?, ?)');
  const at = toUtcIso(m.createdAt);
  m.entries.forEach((e, i) => {
    drop.run(localIds[i]);
    for (const f of e.reach ?? []) insert.run(localIds[i], f.metric, f.value, f.asOf, f.source, at);
  });
}
