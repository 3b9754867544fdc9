// After a merge: what arrived (per file, with the definition version its package was issued with
// against the campaign's current one), how much of the expected work is in (per entry judge
// slots vs received reviews), which judges with a package have sent nothing, and where judges
// disagree strongly (totals spread over 30 % of the scale).
import type { Database } from 'better-sqlite3';
import type { MergeReport, RubricDimension } from '../../contract';
import { listFor, rubricOfRound } from '../../contract/lists';
import { roundScopes } from '../assignment/round-coverage';
import type { CampaignRepo } from '../campaigns/campaign-repo';
import { weightedTotal } from '../review/scoring';
import type { FileOutcome } from './merge-bundles';
import { countedScores, judgesWithoutBundle, mergeCoverageCounts } from './merge-report-repo';

export function mergeReport(deps: { db: Database; campaigns: CampaignRepo }, campaignId: string, outcomes: FileOutcome[]): MergeReport {
  const db = deps.db;
  const def = deps.campaigns.definition(campaignId);
  // Each list counts its working round (round 2's work is not added to round 1's).
  const scopes = roundScopes(db, campaignId, def);
  const { entries, expected, received, complete } = mergeCoverageCounts(db, campaignId, scopes);
  const missingJudges = judgesWithoutBundle(db, campaignId, scopes);
  const scores = countedScores(db, campaignId, scopes);
  const byEntry = new Map<number, { regNo: string; title: string; rubric: RubricDimension[]; judges: Map<string, Record<string, number>> }>();
  for (const s of scores) {
    const e = byEntry.get(s.entry_id) ?? { regNo: s.reg_no, title: s.title, rubric: rubricOfRound(listFor(def, s.kind, s.category), s.round_no), judges: new Map() };
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
