// The compliance report: every linked file of a campaign with its verdict under the current rules
// of its entry (the category's own media rules, else the campaign's; re-evaluated from cached
// probe facts, so a rule change needs no re-probe), plus the one rule that needs all files at
// once: the same file (same SHA-256) under two entries; and the entries that miss a completeness
// rule of their kind (entry-rules.ts).
import type { Database } from 'better-sqlite3';
import path from 'node:path';
import type { ComplianceReport, ComplianceRow, EntryKind, ReportVerdict, ViolationCode } from '../../contract';
import type { CampaignRepo } from '../campaigns/campaign-repo';
import { ProbeCache } from './probe-cache';
import { entryRuleProblems } from './entry-rules';
import { checkFacts, mediaRulesFor } from './rules';
import { violationTexts } from './violation-text';

export interface ComplianceFilterInput {
  verdict?: ReportVerdict;
  code?: ViolationCode;
  kind?: EntryKind;
}

interface AssetJoinRow {
  id: number;
  entry_id: number;
  path: string;
  size_bytes: number;
  mtime_ms: number;
  sha256: string;
  role: ComplianceRow['role'];
  eligibility_item: string | null;
  reg_no: string;
  title: string;
  kind: EntryKind;
  category: string | null;
}

/** All linked files of a campaign, or only one entry's (with duplicates still found campaign-wide). */
export function complianceRows(deps: { db: Database; campaigns: CampaignRepo }, campaignId: string, entryId?: number): ComplianceRow[] {
  const def = deps.campaigns.definition(campaignId);
  const cache = new ProbeCache(deps.db);
  const assets = deps.db
    .prepare(`SELECT a.id, a.entry_id, a.path, a.size_bytes, a.mtime_ms, a.sha256, a.role, a.eligibility_item, e.reg_no, e.title, e.kind, e.category
              FROM assets a JOIN entries e ON e.id = a.entry_id WHERE e.campaign_id = @campaignId ${entryId === undefined ? '' : 'AND e.id = @entryId'}
              ORDER BY e.reg_no, a.position, a.id`)
    .all({ campaignId, entryId }) as AssetJoinRow[];
  const rows: ComplianceRow[] = assets.map((a) => {
    const cached = cache.get(a.path, a.size_bytes, a.mtime_ms);
    const base = { assetId: a.id, entryId: a.entry_id, regNo: a.reg_no, title: a.title, kind: a.kind, category: a.category, fileName: path.basename(a.path), path: a.path, role: a.role, sizeBytes: a.size_bytes, sha256: a.sha256, eligibilityItem: a.eligibility_item };
    if (!cached) return { ...base, mediaClass: null, verdict: 'unchecked', violations: [], facts: null };
    const rules = mediaRulesFor(def, a.kind, a.category);
    const check = checkFacts(a.path, cached.outcome, rules, { document: a.role === 'document' });
    const violations = check.violations.map((v) => ({ ...v, ...violationTexts(v, rules.video.sizeUnit) }));
    return { ...base, mediaClass: check.mediaClass, verdict: check.verdict, violations, facts: check.facts };
  });
  // Same bytes under different entries: someone submitted one work twice, or a file was misfiled.
  const entriesByHash = new Map<string, Map<number, string>>();
  // One entry's files: their hashes looked up through assets_by_hash (CROSS JOIN keeps assets the
  // outer loop; left to itself the planner walked all the campaign's entries, ~7 ms at 50,000
  // entries on every review:get, issue 18), and no query at all for an entry without files.
  const hashes = rows.map((r) => r.sha256).filter(Boolean);
  const owners: { sha256: string; entryId: number; regNo: string }[] =
    entryId === undefined
      ? rows
      : hashes.length === 0
        ? []
        : deps.db
            .prepare<[string, string], { sha256: string; entryId: number; regNo: string }>(`SELECT a.sha256, e.id AS entryId, e.reg_no AS regNo FROM assets a CROSS JOIN entries e ON e.id = a.entry_id
                    WHERE e.campaign_id = ? AND a.sha256 IN (SELECT value FROM json_each(?))`)
            .all(campaignId, JSON.stringify(hashes));
  for (const r of owners) {
    if (!r.sha256) continue;
    const byEntry = entriesByHash.get(r.sha256) ?? new Map<number, string>();
    byEntry.set(r.entryId, r.regNo);
    entriesByHash.set(r.sha256, byEntry);
  }
  for (const r of rows) {
    const sharing = entriesByHash.get(r.sha256);
    if (!sharing || sharing.size < 2) continue;
    const others = [...sharing].filter(([id]) => id !== r.entryId).map(([, reg]) => reg).sort();
    r.violations.push({ code: 'MEDIA_DUPLICATE', limit: null, actual: others.join(', '), limitText: '', actualText: others.join(', ') });
    if (r.verdict === 'pass') r.verdict = 'fail';
  }
  return rows;
}

export function complianceReport(
  deps: { db: Database; campaigns: CampaignRepo },
  campaignId: string,
  filter: ComplianceFilterInput,
  limit: number,
): ComplianceReport {
  const all = complianceRows(deps, campaignId);
  const byVerdict: Record<string, number> = { pass: 0, fail: 0, unreadable: 0, unchecked: 0 };
  const byCode: Record<string, number> = {};
  for (const r of all) {
    byVerdict[r.verdict] += 1;
    for (const v of r.violations) byCode[v.code] = (byCode[v.code] ?? 0) + 1;
  }
  const matching = all.filter(
    (r) =>
      (!filter.verdict || r.verdict === filter.verdict) &&
      (!filter.kind || r.kind === filter.kind) &&
      (!filter.code || r.violations.some((v) => v.code === filter.code)),
  );
  const def = deps.campaigns.definition(campaignId);
  return {
    summary: { files: all.length, byVerdict, byCode, sizeUnit: def.mediaRules.video.sizeUnit },
    total: matching.length,
    rows: matching.slice(0, limit),
    entryProblems: entryRuleProblems(deps.db, campaignId, def).filter((p) => !filter.kind || p.kind === filter.kind),
  };
}
