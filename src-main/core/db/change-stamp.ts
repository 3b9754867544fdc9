// A stamp that moves with every committed write: this connection's total_changes() plus SQLite's
// data_version, which moves when another process (such as `kepu bundle merge`) commits. Caches
// of results computed from the database keep it and recompute when it differs.
import type { Database } from 'better-sqlite3';

export function changeStamp(db: Database): string {
  const changes = db.prepare('SELECT total_changes()').pluck().get() as number;
  return `${changes}:${db.pragma('data_version', { simple: true }) as number}`;
}
