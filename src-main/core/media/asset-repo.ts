// Media files referenced by entries: path + SHA-256 + size + mtime (DESIGN.md §4). The bytes stay
// where the coordinator keeps them; the database only points at them.
import type { Database } from 'better-sqlite3';
import type { AssetInfo } from '../../contract';
import { KepuError } from '../errors';

export interface NewAsset {
  entryId: number;
  role: AssetInfo['role'];
  position: number;
  path: string;
  sha256: string;
  sizeBytes: number;
  mtimeMs: number;
  /** The eligibility item the file is evidence for (evidence-items.ts); absent: none. */
  eligibilityItem?: string | null;
}

export interface AssetLocation {
  path: string;
  sizeBytes: number;
  mtimeMs: number;
  role: AssetInfo['role'];
  sha256: string;
  entryId: number;
}

/** The campaign of the asset's entry; undefined for an unknown asset. */
export function campaignOfAsset(db: Database, assetId: unknown): string | undefined {
  return db.prepare('SELECT e.campaign_id FROM assets a JOIN entries e ON e.id = a.entry_id WHERE a.id = ?').pluck().get(assetId) as string | undefined;
}

/** Every distinct file the campaign's entries point at. */
export function campaignAssetPaths(db: Database, campaignId: string): string[] {
  return db
    .prepare('SELECT DISTINCT a.path FROM assets a JOIN entries e ON e.id = a.entry_id WHERE e.campaign_id = ?')
    .pluck()
    .all(campaignId) as string[];
}

export class AssetRepo {
  constructor(private readonly db: Database) {}

  insertMany(assets: readonly NewAsset[]): void {
    const insert = this.db.prepare(`
      INSERT INTO assets (entry_id, role, position, path, sha256, size_bytes, mtime_ms, eligibility_item)
      VALUES (@entryId, @role, @position, @path, @sha256, @sizeBytes, @mtimeMs, @eligibilityItem)`);
    this.db.transaction(() => {
      for (const a of assets) insert.run({ ...a, mtimeMs: Math.trunc(a.mtimeMs), eligibilityItem: a.eligibilityItem ?? null });
    })();
  }

  /** Where an asset's bytes are and the facts recorded when it was checked, for the media endpoints. */
  location(assetId: number): AssetLocation {
    const row = this.db.prepare<[number], { path: string; size_bytes: number; mtime_ms: number; role: AssetInfo['role']; sha256: string; entry_id: number }>('SELECT path, size_bytes, mtime_ms, role, sha256, entry_id FROM assets WHERE id = ?').get(assetId);
    if (!row) throw new KepuError('ASSET_NOT_FOUND', `media: no asset #${assetId}`, { id: assetId });
    return { path: row.path, sizeBytes: row.size_bytes, mtimeMs: row.mtime_ms, role: row.role, sha256: row.sha256, entryId: row.entry_id };
  }

  /** Records new facts for every asset row that points at `file` (one file can serve several entries). */
  updateFacts(file: string, facts: { sha256: string; sizeBytes: number; mtimeMs: number }): number {
    return this.db
      .prepare('UPDATE assets SET sha256 = ?, size_bytes = ?, mtime_ms = ? WHERE path = ?')
      .run(facts.sha256, facts.sizeBytes, Math.trunc(facts.mtimeMs), file).changes;
  }
}
