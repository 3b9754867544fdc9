// After a merge: what arrived (per file, with the definition version its package was issued with
// against the campaign's current one), how much of the expected work is in (per entry judge
// slots vs received reviews), which judges with a package have sent nothing, and where judges
// disagree strongly (totals spread over 30 % of the scale).
import { type EntryKind, type MergeReport, type RubricDimension, rubricFor } from '../contract';
import type { FileOutcome } from '../core/merge/merge-bundles';
import { weightedTotal } from '../core/review/scoring';
import type { AppContext } from './context';

export function mergeReport(ctx: AppContext, campaignId: string, outcomes: FileOutcome[]): MergeReport {
  const db = ctx.db;
  const def = ctx.campaigns.definition(campaignId);
  const expected = db.prepare('SELECT count(*) FROM assignments a JOIN entries e ON e.id = a.entry_id WHERE e.campaign_id = ?').pluck().get(campaignId) as number;
  const received = db.prepare('SELECT count(*) FROM reviews r JOIN entries e ON e.id = r.entry_id WHERE e.campaign_id = ?').pluck().get(campaignId) as number;
  const complete = db
    .prepare(`SELECT count(*) FROM reviews r JOIN entries e ON e.id = r.entry_id WHERE e.campaign_id = ? AND r.status = 'complete'`)
    .pluck()
    .get(campaignId) as number;
  const entries = db.prepare('SELECT count(*) FROM entries WHERE campaign_id = ?').pluck().get(campaignId) as number;
  const missingJudges = db
    .prepare(`SELECT DISTINCT j.id AS judgeId, j.name FROM issued_packages p JOIN judges j ON j.id = p.judge_id
              WHERE p.campaign_id = ? AND NOT EXISTS (SELECT 1 FROM bundles b WHERE b.package_id = p.id AND b.status = 'accepted')
              ORDER BY j.name`)
    .all(campaignId) as { judgeId: string; name: string }[];
  const scores = db
    .prepare(`SELECT s.entry_id, s.judge_id, s.dimension_key, s.value, e.reg_no, e.title, e.kind, e.category FROM scores s JOIN entries e ON e.id = s.entry_id
              WHERE e.campaign_id = ? AND NOT EXISTS (SELECT 1 FROM conflicts c WHERE c.entry_id = s.entry_id AND c.judge_id = s.judge_id)`)
    .all(campaignId) as { entry_id: number; judge_id: string; dimension_key: string; value: number; reg_no: string; title: string; kind: EntryKind; category: string | null }[];
  const byEntry = new Map<number, { regNo: string; title: string; rubric: RubricDimension[]; judges: Map<string, Record<string, number>> }>();
  for (const s of scores) {
    const e = byEntry.get(s.entry_id) ?? { regNo: s.reg_no, title: s.title, rubric: rubricFor(def, s.kind, s.category), judges: new Map() };
    const j = e.judges.get(s.judge_id) ?? {};
    j[s.dimension_key] = s.value;
    e.judges.set(s.judge_id, j);
    byEntry.set(s.entry_id, e);
  }
  const disagreements: MergeReport['disagreements'] = [];
  for (const [entryId, e] of byEntry) {
    const range = Math.max(...e.rubric.map((d) => d.scale.max - d.scale.min));
    const totals = [...e.judges.values()].map((s) => weightedTotal(e.rubric, s).total).filter((t): t is number => t !== null);
    if (totals.length < 2) continue;
    const min = Math.min(...totals);
    const max = Math.max(...totals);
    if (max - min > 0.3 * range) disagreements.push({ entryId, regNo: e.regNo, title: e.title, min, max, judges: totals.length });
  }
  disagreements.sort((a, b) => b.max - b.min - (a.max - a.min));
  return {
    files: outcomes.map((o) =>
      o.status === 'rejected'
        ? { fileName: o.fileName, status: o.status, judgeName: null, revision: null, entries: null, error: { code: o.code, params: o.params }, definitionVersion: null }
        : { fileName: o.fileName, status: o.status, judgeName: o.judgeName, revision: o.revision, entries: o.entries, error: null, definitionVersion: o.definitionVersion },
    ),
    coverage: { entries, expected, received, complete },
    missingJudges,
    disagreements: disagreements.slice(0, 100),
  };
}
