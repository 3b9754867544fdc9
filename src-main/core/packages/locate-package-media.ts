// Media of a package exported without them, found by hash in a folder (a USB stick): each file is
// copied into the campaign's package media folder under its hash (the stick may go away) and
// linked to the entries of the campaign's newest package that list it.
import fs from 'node:fs';
import path from 'node:path';
import { copyFileAtomic } from '../files/atomic-write';
import { KepuError } from '../errors';
import { locateMediaByHash } from '../exchange/locate-media';
import { PackageManifest } from '../exchange/package-manifest';
import type { OpenDeps } from './open-package';
import { linkUnderOriginalName, occurrences, removeCreated } from './package-media';
import { currentOpenedPackage } from './package-pin';
import type { DbEntryIdPair } from './package-rows';

/** Returns how many files were found and which are still missing. */
export async function linkLocatedMedia(
  deps: OpenDeps,
  campaignId: string,
  folder: string,
  /** Files never to read (the app's own database and keys, when a parent folder is searched). */
  skip?: (file: string) => boolean,
): Promise<{ found: number; missing: string[] }> {
  const { db } = deps;
  const row = currentOpenedPackage(db, campaignId);
  if (!row) throw new KepuError('NO_OPENED_PACKAGE', `packages: ${campaignId} was not opened from a package`, { campaignId });
  const manifest = PackageManifest.parse(JSON.parse(row.manifest_json));
  const have = new Set(db.prepare('SELECT DISTINCT a.sha256 FROM assets a JOIN entries e ON e.id = a.entry_id WHERE e.campaign_id = ?').pluck().all(campaignId) as string[]);
  const wanted = manifest.entries.flatMap((e) => e.assets.map((a) => a.sha256)).filter((h) => !have.has(h));
  const result = await locateMediaByHash(manifest, [folder], { wanted, skip });
  const localId = new Map(
    db.prepare<[string], DbEntryIdPair>('SELECT remote_entry_id AS remote, entry_id AS local FROM opened_package_entries WHERE package_id = ?').all(row.id).map((r) => [r.remote, r.local]),
  );
  const created: string[] = [];
  try {
    const madeDir = fs.mkdirSync(row.media_dir, { recursive: true });
    if (madeDir) created.push(madeDir);
    const stored = new Map<string, string>();
    for (const f of result.found) {
      const target = path.join(row.media_dir, `${f.sha256}${path.extname(f.path).toLowerCase()}`);
      if (!fs.existsSync(target)) {
        copyFileAtomic(f.path, target); // never half a copy under the name checked above
        created.push(target);
      }
      stored.set(f.sha256, target);
    }
    const assets = manifest.entries.flatMap((e) => {
      const counts = occurrences(e.assets);
      return e.assets.flatMap((a, position) => {
        const file = stored.get(a.sha256);
        const entryId = localId.get(e.entryId);
        if (!file || entryId === undefined) return [];
        const named = linkUnderOriginalName(file, row.media_dir, { regNo: e.regNo, sha256: a.sha256, fileName: a.fileName, occurrence: counts[position] }, created);
        return [{ entryId, role: a.role, position, path: named, sha256: a.sha256, sizeBytes: a.sizeBytes, mtimeMs: fs.statSync(named).mtimeMs, eligibilityItem: a.eligibilityItem ?? null }];
      });
    });
    db.transaction(() => deps.assets.insertMany(assets))();
  } catch (error) {
    removeCreated(created);
    throw error;
  }
  return { found: result.found.length, missing: result.missing.map((m) => m.fileName) };
}
