// The "link media" job: find the works in a folder, match them to registrations, hash and probe
// each one (bounded concurrency, cached by path+size+mtime), and record them as the entries'
// assets. Re-linking the same folder updates the same asset rows; nothing is duplicated. Each file
// is checked under its entry's rules (the category's own media rules, else the campaign's), and the
// report names the entries that still miss a completeness rule with the files now linked. Entries
// imported from a shortlist file also take left-over files by the hashes the file carried.
// Media that moved (a USB stick back under another drive letter, a renamed mount point) are found
// by hash: an entry's row whose file is gone and whose SHA-256 a newly found file has is moved to
// the new path, so a re-link updates the rows packages and scores point at instead of adding
// duplicates (and the probe cache finds the moved file without probing it again: probe-cache.ts).
import type { Database } from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { AssetInfo, EntryKind, MediaClass, MediaLinkReport, MediaRules } from '../../contract';
import { listFor } from '../../contract/lists';
import type { CampaignRepo } from '../campaigns/campaign-repo';
import { nowIso } from '../time';
import { entryRuleProblems } from './entry-rules';
import { suggestEvidenceItem } from './evidence-items';
import { listFiles, matchFiles } from './link-folder';
import { ProbeCache } from './probe-cache';
import { type CheckProgress, checkFiles } from './probe-queue';
import { mediaRulesFor } from './rules';
import { matchOriginMediaByHash } from '../shortlist/origin-media-match';

/** An entry's id, number, kind and category: which rules its files are checked under. */
interface DbEntryKindRow {
  id: number;
  reg_no: string;
  kind: EntryKind;
  category: string | null;
}

export interface LinkDeps {
  db: Database;
  campaigns: CampaignRepo;
  /** Files never to read (the app's own database and keys); see core/db/protected-files. */
  protectedFiles?: { isProtected(file: string): boolean; assertNotProtected(file: string): void };
}

export interface LinkOptions {
  pattern?: string;
  signal?: AbortSignal;
  concurrency?: number;
  onProgress?: (progress: CheckProgress) => void;
  /** SHA-256 of files the caller has just written (by absolute path): not read again to hash them. */
  knownSha256?: ReadonlyMap<string, string>;
}

export async function linkAndCheckFolder(deps: LinkDeps, campaignId: string, folder: string, options: LinkOptions = {}): Promise<MediaLinkReport> {
  const def = deps.campaigns.definition(campaignId);
  const root = path.resolve(folder);
  deps.protectedFiles?.assertNotProtected(root);
  const files = listFiles(root, (file) => deps.protectedFiles?.isProtected(file) ?? false);
  const entries = deps.db.prepare<[string], DbEntryKindRow>('SELECT id, reg_no, kind, category FROM entries WHERE campaign_id = ?').all(campaignId);
  const match = matchFiles(root, files, entries.map((e) => e.reg_no), options.pattern);
  // Entries imported from a shortlist file: files left over are matched by the carried hashes.
  const byHash = await matchOriginMediaByHash(deps.db, campaignId, match.unmatched, options.signal);
  const takenByHash = new Set<string>();
  for (const [regNo, list] of byHash) {
    const have = match.byRegNo.get(regNo) ?? [];
    match.byRegNo.set(regNo, [...have, ...list.filter((f) => !have.includes(f))]);
    list.forEach((f) => takenByHash.add(f));
  }
  match.unmatched = match.unmatched.filter((f) => !takenByHash.has(f));
  const toCheck = [...new Set([...match.byRegNo.values()].flat())];
  // Each file is checked under its entry's rules (a category may have its own).
  const entryOfReg = new Map(entries.map((e) => [e.reg_no, e]));
  const rulesByFile = new Map<string, MediaRules>();
  for (const [regNo, list] of match.byRegNo) {
    const e = entryOfReg.get(regNo)!;
    for (const file of list) rulesByFile.set(file, mediaRulesFor(def, e.kind, e.category));
  }
  options.onProgress?.({ done: 0, total: toCheck.length, failed: 0, unreadable: 0, etaSeconds: null });
  const checked = await checkFiles(toCheck, {
    rules: def.mediaRules,
    rulesFor: (file) => rulesByFile.get(file) ?? def.mediaRules,
    cache: new ProbeCache(deps.db),
    hash: true,
    knownSha256: options.knownSha256,
    signal: options.signal,
    concurrency: options.concurrency,
    onProgress: options.onProgress,
  });
  const byPath = new Map(checked.results.map((r) => [r.path, r]));
  const entryByReg = new Map(entries.map((e) => [e.reg_no, e]));
  const upsert = deps.db.prepare(`
    INSERT INTO assets (entry_id, role, position, path, sha256, size_bytes, mtime_ms, eligibility_item)
    VALUES (@entryId, @role, @position, @path, @sha256, @sizeBytes, @mtimeMs, @eligibilityItem)
    ON CONFLICT (entry_id, path) DO UPDATE SET role = excluded.role, position = excluded.position,
      sha256 = excluded.sha256, size_bytes = excluded.size_bytes, mtime_ms = excluded.mtime_ms`);
  const rowsOfEntry = deps.db.prepare<[number], { id: number; path: string; sha256: string }>('SELECT id, path, sha256 FROM assets WHERE entry_id = ? ORDER BY position, id');
  const moveRow = deps.db.prepare('UPDATE assets SET path = ? WHERE id = ?');
  let filesLinked = 0;
  const linkedEntries = new Set<number>();
  deps.db.transaction(() => {
    for (const [regNo, list] of match.byRegNo) {
      const entry = entryByReg.get(regNo)!;
      const rows = rowsOfEntry.all(entry.id);
      const linkedPaths = new Set(rows.map((r) => r.path));
      // Rows whose file is gone: the same bytes found at a new path take them over (each row once).
      const gone = rows.filter((r) => !list.includes(r.path) && !fs.existsSync(r.path));
      list.forEach((file, position) => {
        const result = byPath.get(file);
        if (!result?.sha256) return; // not checked (cancelled) or vanished meanwhile
        const stat = fs.statSync(file, { throwIfNoEntry: false });
        if (!stat) return;
        const moved = linkedPaths.has(file) ? -1 : gone.findIndex((r) => r.sha256 === result.sha256);
        if (moved >= 0) {
          moveRow.run(file, gone[moved].id);
          linkedPaths.add(file);
          gone.splice(moved, 1);
        }
        upsert.run({
          entryId: entry.id,
          role: roleFor(result.mediaClass, entry.kind),
          position,
          path: file,
          sha256: result.sha256,
          sizeBytes: stat.size,
          mtimeMs: Math.trunc(stat.mtimeMs),
          // A new file named after one checklist item (执业证书.pdf) starts tied to it; a file linked
          // before keeps the tie the coordinator gave it (the upsert leaves the column alone).
          eligibilityItem: suggestEvidenceItem(path.basename(file), listFor(def, entry.kind, entry.category).eligibility),
        });
        filesLinked += 1;
        linkedEntries.add(entry.id);
      });
    }
    deps.db
      .prepare(`INSERT INTO audit_log (at, actor, action, subject, details_json) VALUES (?, 'local', 'media.link', ?, ?)`)
      .run(nowIso(), campaignId, JSON.stringify({ folder: root, filesLinked, cancelled: checked.cancelled }));
  })();
  const withFiles = new Set(
    deps.db.prepare('SELECT DISTINCT entry_id FROM assets a JOIN entries e ON e.id = a.entry_id WHERE e.campaign_id = ?').pluck().all(campaignId) as number[],
  );
  const count = (v: string) => checked.results.filter((r) => r.verdict === v).length;
  return {
    folder: root,
    filesFound: files.length,
    filesLinked,
    entriesLinked: linkedEntries.size,
    unmatchedFiles: match.unmatched.map((f) => path.relative(root, f)),
    entriesWithoutFiles: entries.filter((e) => !withFiles.has(e.id)).map((e) => e.reg_no),
    incompleteEntries: [...new Set(entryRuleProblems(deps.db, campaignId, def).map((p) => p.regNo))],
    checked: { pass: count('pass'), fail: count('fail'), unreadable: count('unreadable') },
    cancelled: checked.cancelled,
  };
}

/** Asset roles the viewer knows; an account's pictures are screenshots of the account page. */
function roleFor(mediaClass: MediaClass, kind: EntryKind): AssetInfo['role'] {
  switch (mediaClass) {
    case 'video':
    case 'audio':
      return 'video';
    case 'image':
      return kind === 'account' ? 'screenshot' : 'image';
    case 'document':
    case 'other':
      return 'document';
  }
}
