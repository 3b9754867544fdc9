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
}

export class AssetRepo {
  constructor(private readonly db: Database) {}

  insertMany(assets: readonly NewAsset[]): void {
    const insert = this.db.prepare(`
      INSERT INTO assets (entry_id, role, position, path, sha256, size_bytes, mtime_ms)
      VALUES (@entryId, @role, @position, @path, @sha256, @sizeBytes, @mtimeMs)`);
    this.db.transaction(() => {
      for (const a of assets) insert.run({ ...a, mtimeMs: Math.trunc(a.mtimeMs) });
    })();
  }

  /** Where an asset's bytes are, for the media endpoints of both shells. */
  location(assetId: number): { path: string; sizeBytes: number; role: AssetInfo['role'] } {
    const row = this.db.prepare('SELECT path, size_bytes, role FROM assets WHERE id = ?').get(assetId) as
      | { path: string; size_bytes: number; role: AssetInfo['role'] }
      | undefined;
    if (!row) throw new KepuError('ASSET_NOT_FOUND', `media: no asset #${assetId}`, { id: assetId });
    return { path: row.path, sizeBytes: row.size_bytes, role: row.role };
  }
}
