// Probe results remembered in the probe_results table (DESIGN.md §4), keyed by (absolute path,
// size, mtime in whole ms): an unchanged file is never probed twice, a changed size or mtime is a
// miss. Policy: the whole ProbeOutcome is stored (unreadable verdicts too, so a broken file is not
// re-probed on every check) in a versioned JSON envelope that may also carry the file's SHA-256;
// the envelope is validated with zod on read and a row that does not parse is a miss, never an
// error. Writing a row for a path drops that path's older rows, so the table holds one row per
// file. Writes are batched (putMany) because every commit is fsynced (synchronous = FULL).
// The path text is not the file's identity: a USB stick back under another drive letter (E: → F:)
// or a renamed mount point shows the same files under new paths. On a path miss, a row with the
// same size, the same mtime to the millisecond and the same file name is the same file (copying
// or moving a stick's files keeps both); its result (and hash) is used instead of probing and
// hashing gigabytes of video again.
import type { Database, Statement } from 'better-sqlite3';
import path from 'node:path';
import { z } from 'zod';
import { nowIso } from '../time';
import { ProbeOutcome } from './probe';

const Envelope = z.object({
  v: z.literal(1),
  outcome: ProbeOutcome,
  sha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
});
type Envelope = z.infer<typeof Envelope>;

export interface CacheKey {
  path: string;
  sizeBytes: number;
  mtimeMs: number;
}

export interface CachedProbe {
  outcome: ProbeOutcome;
  sha256?: string;
}

export interface CacheWrite extends CacheKey, CachedProbe {}

export class ProbeCache {
  private readonly select: Statement<[string, number, number], { facts_json: string }>;
  /** Paths by "size:mtime", read once on the first miss: the table has no index on size and mtime. */
  private byIdentity: Map<string, string[]> | null = null;
  private readonly deleteOthers: Statement;
  private readonly upsert: Statement;

  constructor(private readonly db: Database) {
    this.select = db.prepare('SELECT facts_json FROM probe_results WHERE path = ? AND size_bytes = ? AND mtime_ms = ?');
    this.deleteOthers = db.prepare('DELETE FROM probe_results WHERE path = ? AND NOT (size_bytes = ? AND mtime_ms = ?)');
    this.upsert = db.prepare(`
      INSERT INTO probe_results (path, size_bytes, mtime_ms, facts_json, probed_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (path, size_bytes, mtime_ms) DO UPDATE SET facts_json = excluded.facts_json, probed_at = excluded.probed_at`);
  }

  get(file: string, sizeBytes: number, mtimeMs: number): CachedProbe | null {
    const key = keyPath(file);
    const mtime = Math.trunc(mtimeMs);
    const row = this.select.get(key, sizeBytes, mtime) ?? this.moved(key, sizeBytes, mtime);
    return row ? parseRow(row.facts_json) : null;
  }

  /** The row of the same file seen under another path (same name, size and mtime), if any. */
  private moved(key: string, sizeBytes: number, mtimeMs: number): { facts_json: string } | undefined {
    if (!this.byIdentity) {
      this.byIdentity = new Map();
      for (const r of this.db.prepare<[], { path: string; size_bytes: number; mtime_ms: number }>('SELECT path, size_bytes, mtime_ms FROM probe_results').all()) {
        this.remember(r.path, r.size_bytes, r.mtime_ms);
      }
    }
    const name = fileName(key);
    for (const other of this.byIdentity.get(`${sizeBytes}:${mtimeMs}`) ?? []) {
      if (other === key || fileName(other) !== name) continue;
      const row = this.select.get(other, sizeBytes, mtimeMs); // gone when that path was probed again since
      if (row) return row;
    }
    return undefined;
  }

  private remember(file: string, sizeBytes: number, mtimeMs: number): void {
    const id = `${sizeBytes}:${mtimeMs}`;
    const paths = this.byIdentity?.get(id);
    if (!paths) this.byIdentity?.set(id, [file]);
    else if (!paths.includes(file)) paths.push(file);
  }

  put(file: string, sizeBytes: number, mtimeMs: number, outcome: ProbeOutcome, sha256?: string): void {
    this.putMany([{ path: file, sizeBytes, mtimeMs, outcome, sha256 }]);
  }

  /** One transaction (one fsync) for many rows. */
  putMany(writes: readonly CacheWrite[]): void {
    if (writes.length === 0) return;
    const now = nowIso();
    this.db.transaction(() => {
      for (const w of writes) {
        const envelope: Envelope = w.sha256 ? { v: 1, outcome: w.outcome, sha256: w.sha256 } : { v: 1, outcome: w.outcome };
        const key = keyPath(w.path);
        const mtime = Math.trunc(w.mtimeMs);
        this.deleteOthers.run(key, w.sizeBytes, mtime);
        this.upsert.run(key, w.sizeBytes, mtime, JSON.stringify(Envelope.parse(envelope)), now);
        this.remember(key, w.sizeBytes, mtime);
      }
    })();
  }
}

/** A stored envelope, or null when it does not parse (a miss, never an error). */
function parseRow(factsJson: string): CachedProbe | null {
  let raw: unknown;
  try {
    raw = JSON.parse(factsJson);
  } catch {
    return null;
  }
  const parsed = Envelope.safeParse(raw);
  if (!parsed.success) return null;
  return parsed.data.sha256 ? { outcome: parsed.data.outcome, sha256: parsed.data.sha256 } : { outcome: parsed.data.outcome };
}

/** The last part of a path written on any OS ("E:\\作品\\a.mp4" or "/Volumes/USB/a.mp4"), as NTFS/APFS compare it. */
function fileName(file: string): string {
  return path.win32.basename(file).normalize('NFC').toLowerCase();
}

/** The same file reached by a relative or an absolute path is one cache entry. */
function keyPath(file: string): string {
  return path.resolve(file);
}
