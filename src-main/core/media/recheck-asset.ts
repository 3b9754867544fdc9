// Re-checking one linked file after it changed on disk (the viewer was refused it with
// MEDIA_FILE_CHANGED): hash and probe it again and record its new facts, so it can be served and
// its verdict is current. Policy:
// - Only a regular file is re-checked (no symbolic link: guarded-open.ts); the facts recorded are
//   those of the descriptor that was hashed, and the file must still have them after probing,
//   else it is still changing (MEDIA_FILE_CHANGED again).
// - Same content (only the mtime moved: a copy tool, a backup program): the new size and mtime are
//   recorded, nothing else changes.
// - New content in a campaign the coordinator linked: accepted as the entrant's current file (the
//   coordinator replaced it on purpose), recorded in the audit log with both hashes.
// - New content in a campaign opened from a review package: refused (MEDIA_FILE_NOT_AS_SENT); the
//   judge must review the bytes the coordinator signed, not whatever is in the folder now.
import type { Database } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AssetRecheck, EntryKind } from '../../contract';
import type { CampaignRepo } from '../campaigns/campaign-repo';
import { KepuError } from '../errors';
import { nowIso } from '../time';
import type { AssetRepo } from './asset-repo';
import { type FileGuard, fileStateOf, openRegularFile, type FileState } from './guarded-open';
import type { ProbeOptions, ProbeOutcome } from './probe';
import { ProbeCache } from './probe-cache';
import { checkFiles } from './probe-queue';
import { mediaRulesFor } from './rules';

export interface RecheckDeps {
  db: Database;
  campaigns: CampaignRepo;
  assets: AssetRepo;
  /** The app's own database and key files: never opened, even if an asset row names one. */
  protectedFiles?: FileGuard;
}

/** Is the asset's file still the one that was checked? (The viewer asks after a load error.) */
export function assetFileState(deps: Pick<RecheckDeps, 'assets' | 'protectedFiles'>, assetId: number): FileState {
  const asset = deps.assets.location(assetId);
  return fileStateOf(asset.path, asset, deps.protectedFiles);
}

export async function recheckAsset(
  deps: RecheckDeps,
  assetId: number,
  options: { probe?: (file: string, options: ProbeOptions) => Promise<ProbeOutcome> } = {},
): Promise<AssetRecheck> {
  const asset = deps.assets.location(assetId);
  // The asset's entry exists: assets are deleted with their entry (foreign key, ON DELETE CASCADE).
  const entry = deps.db.prepare<[number], { campaign_id: string; kind: EntryKind; category: string | null }>('SELECT campaign_id, kind, category FROM entries WHERE id = ?').get(asset.entryId)!;
  const campaignId = entry.campaign_id;
  const { fd, stat } = openRegularFile(asset.path, undefined, deps.protectedFiles);
  let sha256: string;
  try {
    sha256 = await sha256OfDescriptor(fd);
  } finally {
    fs.closeSync(fd);
  }
  const facts = { sizeBytes: stat.size, mtimeMs: Math.trunc(stat.mtimeMs) };
  await checkFiles([asset.path], {
    rules: mediaRulesFor(deps.campaigns.definition(campaignId), entry.kind, entry.category),
    cache: new ProbeCache(deps.db),
    concurrency: 1,
    probe: options.probe,
  });
  // Still the file that was hashed? (Same inode, size and mtime; a link swapped in is refused.)
  const after = openRegularFile(asset.path, facts, deps.protectedFiles);
  fs.closeSync(after.fd);
  if (after.stat.ino !== stat.ino || after.stat.dev !== stat.dev) {
    throw new KepuError('MEDIA_FILE_CHANGED', `media: ${asset.path} changed while it was re-checked`, { file: path.basename(asset.path) });
  }

  const contentChanged = sha256 !== asset.sha256;
  const fromPackage = deps.db.prepare('SELECT 1 FROM opened_packages WHERE campaign_id = ?').get(campaignId) !== undefined;
  if (contentChanged && fromPackage) {
    throw new KepuError('MEDIA_FILE_NOT_AS_SENT', `media: ${asset.path} is no longer the file the coordinator sent (SHA-256 ${sha256})`, {
      file: path.basename(asset.path),
    });
  }
  deps.db.transaction(() => {
    deps.assets.updateFacts(asset.path, { sha256, ...facts });
    deps.db
      .prepare(`INSERT INTO audit_log (at, actor, action, subject, details_json) VALUES (?, 'local', 'media.recheck', ?, ?)`)
      .run(
        nowIso(),
        campaignId,
        JSON.stringify({ assetId, file: asset.path, before: { sha256: asset.sha256, sizeBytes: asset.sizeBytes, mtimeMs: asset.mtimeMs }, after: { sha256, ...facts } }),
      );
  })();
  return { assetId, entryId: asset.entryId, contentChanged, sizeBytes: facts.sizeBytes, sha256 };
}

async function sha256OfDescriptor(fd: number): Promise<string> {
  const hash = createHash('sha256');
  // autoClose off: the caller closes the descriptor it opened.
  for await (const chunk of fs.createReadStream('', { fd, start: 0, autoClose: false, highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
