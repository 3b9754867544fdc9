// Linking the works of entries imported from a shortlist file (Levels, issue 14) when their file
// names do not carry the registration number (a shared file, a renamed copy): a file the name match
// left over is taken for an imported entry when its SHA-256 equals one of the media references the
// shortlist file carried for it. Only files whose size equals a reference's are hashed (streamed,
// one at a time), as locate-media does for review packages.
import type { Database } from 'better-sqlite3';
import fs from 'node:fs';
import { sha256File } from '../media/hash';

interface Wanted {
  regNo: string;
  sha256: string;
}

/** regNo → files (from `unmatched`) whose hash equals a media reference of that imported entry. */
export async function matchOriginMediaByHash(db: Database, campaignId: string, unmatched: readonly string[], signal?: AbortSignal): Promise<Map<string, string[]>> {
  const rows = db
    .prepare<[string], { reg_no: string; media_json: string }>('SELECT e.reg_no, o.media_json FROM entry_origins o JOIN entries e ON e.id = o.entry_id WHERE o.campaign_id = ?')
    .all(campaignId);
  const bySize = new Map<number, Wanted[]>();
  for (const r of rows) {
    for (const m of JSON.parse(r.media_json) as { sha256: string; sizeBytes: number }[]) {
      bySize.set(m.sizeBytes, [...(bySize.get(m.sizeBytes) ?? []), { regNo: r.reg_no, sha256: m.sha256 }]);
    }
  }
  const found = new Map<string, string[]>();
  if (bySize.size === 0) return found;
  for (const file of unmatched) {
    if (signal?.aborted) break;
    const size = fs.statSync(file, { throwIfNoEntry: false })?.size;
    const candidates = size === undefined ? undefined : bySize.get(size);
    if (!candidates) continue;
    let sha: string;
    try {
      sha = await sha256File(file);
    } catch {
      continue; // unreadable: left unmatched, as the report says
    }
    for (const c of candidates) if (c.sha256 === sha) found.set(c.regNo, [...(found.get(c.regNo) ?? []), file]);
  }
  return found;
}
