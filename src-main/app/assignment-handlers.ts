// Assignment channels: run the algorithm on the campaign, and the load / coverage view.
import type { Handlers } from '../contract';
import { summarizeCoverage } from '../core/assignment/coverage';
import { runAssignment } from '../core/assignment/run-assignment';
import type { AppContext } from './context';

export function assignmentHandlers(ctx: AppContext): Pick<Handlers, 'assignment:run' | 'assignment:coverage'> {
  return {
    'assignment:run': ({ campaignId, seed, categoryMatching }) => {
      const r = runAssignment(ctx, campaignId, { seed, categoryMatching });
      return {
        seed: r.seed,
        added: r.pairs.length,
        shortfalls: r.shortfalls,
        stats: { entries: r.stats.entries, judges: r.stats.judges, minLoad: r.stats.minLoad, maxLoad: r.stats.maxLoad, matchedBySpeciality: r.stats.matchedBySpeciality },
      };
    },
    'assignment:coverage': ({ campaignId }) => {
      const perEntry = ctx.campaigns.definition(campaignId).judgesPerEntry;
      const entries = ctx.db.prepare('SELECT id, reg_no FROM entries WHERE campaign_id = ?').all(campaignId) as { id: number; reg_no: string }[];
      const judges = ctx.judges.list(campaignId);
      const pairs = ctx.db
        .prepare('SELECT a.entry_id AS entryId, a.judge_id AS judgeId FROM assignments a JOIN entries e ON e.id = a.entry_id WHERE e.campaign_id = ?')
        .all(campaignId) as { entryId: number; judgeId: string }[];
      const summary = summarizeCoverage({ entryIds: entries.map((e) => e.id), judgeIds: judges.map((j) => j.id), perEntry, pairs });
      const regNo = new Map(entries.map((e) => [e.id, e.reg_no]));
      const byJudge = new Map(summary.judges.map((j) => [j.judgeId, j.assigned]));
      return {
        perEntry,
        judges: judges.map((j) => ({ judgeId: j.id, name: j.name, institution: j.institution, assigned: byJudge.get(j.id) ?? 0 })),
        totals: {
          entries: summary.totals.entries,
          covered: summary.totals.covered,
          partial: summary.totals.partial,
          unassigned: summary.totals.unassigned,
          missing: summary.totals.missing,
          minLoad: summary.totals.minLoad,
          maxLoad: summary.totals.maxLoad,
        },
        short: summary.entries
          .filter((e) => e.missing > 0)
          .sort((a, b) => b.missing - a.missing || a.entryId - b.entryId)
          .slice(0, 200)
          .map((e) => ({ entryId: e.entryId, regNo: regNo.get(e.entryId) ?? String(e.entryId), assigned: e.assigned, wanted: e.wanted })),
      };
    },
  };
}
