// Judge side: a verified review package becomes a local campaign the judge reviews with the same
// workspace as on the coordinator's machine. The coordinator's entry ids are kept in a mapping so
// the exported bundle answers in the coordinator's terms. Opening the same package again is a no-op.
import type { Database } from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { CampaignRepo } from '../campaigns/campaign-repo';
import type { EntryRepo } from '../entries/entry-repo';
import { locateMediaByHash } from '../exchange/locate-media';
import { PackageManifest } from '../exchange/package-manifest';
import type { OpenedPackage } from '../exchange/package-open';
import { copyFileAtomic } from '../files/atomic-write';
import { KepuError } from '../errors';
import type { AssetRepo } from '../media/asset-repo';
import type { JudgeRepo } from '../review/judge-repo';
import { nowIso } from '../time';

export interface OpenDeps {
  db: Database;
  campaigns: CampaignRepo;
  entries: EntryRepo;
  assets: AssetRepo;
  judges: JudgeRepo;
}

/**
 * The package stores media by hash; the judge should see the entrant's file names. A hard link
 * (a copy where links are not possible) under <media>/<regNo>/<name> gives both without doubling
 * the disk use. Names are reduced to a safe final path component.
 */
function underOriginalName(stored: string, regNo: string, fileName: string): string {
  const safe = (s: string) => s.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').replace(/^\.+/, '_').slice(0, 200) || '_';
  const dir = path.join(path.dirname(stored), safe(regNo));
  const target = path.join(dir, safe(path.basename(fileName)));
  if (fs.existsSync(target)) return target;
  fs.mkdirSync(dir, { recursive: true });
  try {
    fs.linkSync(stored, target);
  } catch {
    copyFileAtomic(stored, target); // never half a copy under the name checked above
  }
  return target;
}

/**
 * Media of a package exported without them, found by hash in a folder (a USB stick): each file is
 * copied into the package's media folder under its hash (the stick may go away) and linked to the
 * entries that list it. Returns how many were found and which are still missing.
 */
export async function linkLocatedMedia(deps: OpenDeps, campaignId: string, folder: string): Promise<{ found: number; missing: string[] }> {
  const { db } = deps;
  const row = db.prepare('SELECT id, manifest_json, media_dir FROM opened_packages WHERE campaign_id = ? ORDER BY opened_at DESC').get(campaignId) as
    | { id: string; manifest_json: string; media_dir: string }
    | undefined;
  if (!row) throw new KepuError('NO_OPENED_PACKAGE', `packages: ${campaignId} was not opened from a package`, { campaignId });
  const manifest = PackageManifest.parse(JSON.parse(row.manifest_json));
  const have = new Set(db.prepare('SELECT DISTINCT a.sha256 FROM assets a JOIN entries e ON e.id = a.entry_id WHERE e.campaign_id = ?').pluck().all(campaignId) as string[]);
  const wanted = manifest.entries.flatMap((e) => e.assets.map((a) => a.sha256)).filter((h) => !have.has(h));
  const result = await locateMediaByHash(manifest, [folder], { wanted });
  const localId = new Map(
    (db.prepare('SELECT remote_entry_id, entry_id FROM opened_package_entries WHERE package_id = ?').all(row.id) as { remote_entry_id: number; entry_id: number }[]).map((r) => [r.remote_entry_id, r.entry_id]),
  );
  fs.mkdirSync(row.media_dir, { recursive: true });
  const stored = new Map<string, string>();
  for (const f of result.found) {
    const target = path.join(row.media_dir, `${f.sha256}${path.extname(f.path).toLowerCase()}`);
    if (!fs.existsSync(target)) copyFileAtomic(f.path, target);
    stored.set(f.sha256, target);
  }
  const assets = manifest.entries.flatMap((e) =>
    e.assets.flatMap((a, position) => {
      const file = stored.get(a.sha256);
      const entryId = localId.get(e.entryId);
      if (!file || entryId === undefined) return [];
      const named = underOriginalName(file, e.regNo, a.fileName);
      return [{ entryId, role: a.role, position, path: named, sha256: a.sha256, sizeBytes: a.sizeBytes, mtimeMs: fs.statSync(named).mtimeMs }];
    }),
  );
  db.transaction(() => deps.assets.insertMany(assets))();
  return { found: result.found.length, missing: result.missing.map((m) => m.fileName) };
}

export function importOpenedPackage(deps: OpenDeps, opened: OpenedPackage): { campaignId: string; judgeId: string; entries: number; alreadyOpen: boolean } {
  const { db } = deps;
  const m = opened.manifest;
  const campaignId = m.campaign.id;
  const existing = db.prepare('SELECT judge_id FROM opened_packages WHERE id = ?').get(m.packageId) as { judge_id: string } | undefined;
  if (existing) return { campaignId, judgeId: existing.judge_id, entries: m.entries.length, alreadyOpen: true };
  const mediaByHash = new Map(opened.media.map((f) => [f.sha256, f.path]));
  return db.transaction(() => {
    if (!deps.campaigns.exists(campaignId)) {
      const { id: _id, ...definition } = m.campaign;
      deps.campaigns.create(`package:${m.packageId}`, definition, undefined, campaignId);
    }
    if (!db.prepare('SELECT 1 FROM judges WHERE id = ?').get(m.judge.id)) {
      db.prepare('INSERT INTO judges (id, name, institution, key_id, created_at) VALUES (?, ?, NULL, ?, ?)').run(m.judge.id, m.judge.name, m.judge.keyId, nowIso());
    }
    db.prepare('INSERT OR IGNORE INTO campaign_judges (campaign_id, judge_id) VALUES (?, ?)').run(campaignId, m.judge.id);
    const deadline = new Date(m.campaign.deadline).toISOString();
    const localIds = deps.entries.insertMany(
      campaignId,
      deadline,
      m.entries.map((e) => ({
        regNo: e.regNo,
        kind: e.kind,
        category: e.category,
        title: e.title,
        entrantType: e.kind === 'individual' || e.kind === 'applicant' ? ('individual' as const) : ('unit' as const),
        entrantName: e.entrantName ?? '',
        entrantUnit: e.entrantUnit,
        contactPhone: null,
        contactEmail: null,
        reason: e.reason,
        fields: e.fields,
        submittedAt: null,
      })),
    );
    const link = db.prepare('INSERT INTO opened_package_entries (package_id, remote_entry_id, entry_id) VALUES (?, ?, ?)');
    db.prepare(
      `INSERT INTO opened_packages (id, campaign_id, judge_id, coordinator_key_id, coordinator_name, opened_at, manifest_json, media_dir) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(m.packageId, campaignId, m.judge.id, opened.coordinatorKeyId, m.coordinator.name, nowIso(), JSON.stringify(m), opened.mediaDir);
    m.entries.forEach((e, i) => link.run(m.packageId, e.entryId, localIds[i]));
    deps.judges.assign(localIds.map((entryId) => ({ entryId, judgeId: m.judge.id })), 'auto');
    const assets = m.entries.flatMap((e, i) =>
      e.assets.flatMap((a, position) => {
        const stored = mediaByHash.get(a.sha256);
        if (!stored) return []; // not shipped: located later by hash
        const file = underOriginalName(stored, e.regNo, a.fileName);
        const stat = fs.statSync(file);
        return [{ entryId: localIds[i], role: a.role, position, path: file, sha256: a.sha256, sizeBytes: a.sizeBytes, mtimeMs: stat.mtimeMs }];
      }),
    );
    // One file can belong to several entries (the same image in two works): each gets its row.
    deps.assets.insertMany(assets);
    return { campaignId, judgeId: m.judge.id, entries: m.entries.length, alreadyOpen: false };
  })();
}
