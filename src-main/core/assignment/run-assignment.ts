// Runs the assignment for a campaign against the database: existing pairs are kept (they count as
// fixed: manual overrides and earlier runs), declared conflicts are respected, new pairs are stored
// in one transaction with the seed and the rules applied recorded in the audit log so a run can be
// reproduced. The rules (exclude the entrant's own institution, prefer matching specialities) are
// the programme's (definition.assignment) unless the caller overrides them for this run.
import type { Database } from 'better-sqlite3';
import type { CampaignRepo } from '../campaigns/campaign-repo';
import type { JudgeRepo } from '../review/judge-repo';
import { nowIso } from '../time';
import { assignJudges, type AssignResult } from './assign';

// Row types of the queries below (columns as the SQL names or aliases them).
interface DbAssignableEntry {
  id: number;
  kind: string;
  category: string | null;
  entrantName: string;
  entrantUnit: string | null;
}
interface DbAssignableJudge {
  id: string;
  institution: string | null;
  specialities_json: string;
}
/** An (entry, judge) pair: an assignment or a declared conflict. */
interface DbEntryJudgePair {
  entryId: number;
  judgeId: string;
}

export function runAssignment(
  deps: { db: Database; campaigns: CampaignRepo; judges: JudgeRepo },
  campaignId: string,
  options: { seed?: string; categoryMatching?: boolean; excludeOwnInstitution?: boolean } = {},
): AssignResult & { seed: string; categoryMatching: boolean; excludeOwnInstitution: boolean } {
  const def = deps.campaigns.definition(campaignId);
  const categoryMatching = options.categoryMatching ?? def.assignment.matchSpeciality;
  const excludeOwnInstitution = options.excludeOwnInstitution ?? def.assignment.excludeOwnInstitution;
  const db = deps.db;
  const entries = db
    .prepare<[string], DbAssignableEntry>('SELECT id, kind, category, entrant_name AS entrantName, entrant_unit AS entrantUnit FROM entries WHERE campaign_id = ?')
    .all(campaignId);
  const judges = db
    .prepare<[string], DbAssignableJudge>(`SELECT j.id, j.institution, j.specialities_json FROM judges j JOIN campaign_judges cj ON cj.judge_id = j.id WHERE cj.campaign_id = ?`)
    .all(campaignId)
    .map((j) => ({
      id: j.id,
      institution: j.institution,
      specialities: JSON.parse(j.specialities_json) as string[],
    }));
  const existing = db
    .prepare<[string], DbEntryJudgePair>(`SELECT a.entry_id AS entryId, a.judge_id AS judgeId FROM assignments a JOIN entries e ON e.id = a.entry_id WHERE e.campaign_id = ?`)
    .all(campaignId);
  const conflicts = db
    .prepare<[string], DbEntryJudgePair>(`SELECT c.entry_id AS entryId, c.judge_id AS judgeId FROM conflicts c JOIN entries e ON e.id = c.entry_id WHERE e.campaign_id = ?`)
    .all(campaignId);
  const judgeIds = new Set(judges.map((j) => j.id));
  const seed = options.seed ?? campaignId;
  const result = assignJudges({
    entries,
    judges,
    perEntry: def.judgesPerEntry,
    conflicts,
    fixed: existing.filter((p) => judgeIds.has(p.judgeId)),
    categoryMatching,
    excludeOwnInstitution,
    seed,
  });
  db.transaction(() => {
    deps.judges.assign(result.pairs, 'auto');
    db.prepare(`INSERT INTO audit_log (at, actor, action, subject, details_json) VALUES (?, 'local', 'assignment.run', ?, ?)`).run(
      nowIso(),
      campaignId,
      JSON.stringify({ seed, categoryMatching, excludeOwnInstitution, added: result.pairs.length, shortfalls: result.shortfalls.length }),
    );
  })();
  return { ...result, seed, categoryMatching, excludeOwnInstitution };
}
