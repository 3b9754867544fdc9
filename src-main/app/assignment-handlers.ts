// Assignment channels: run the algorithm on the campaign, and the load / coverage view.
import type { Handlers } from '../contract';
import { conflictedPairKeys, pairKey } from '../core/assignment/conflicted-pairs';
import { assignmentMatrix, moveAssignments } from '../core/assignment/assignment-matrix';
import { combineCoverage, summarizeCoverage } from '../core/assignment/coverage';
import { entryJudges, entryRegNos, setManualAssignment } from '../core/assignment/entry-assignments';
import { roundScopes, scopePairs } from '../core/assignment/round-coverage';
import { runAssignment } from '../core/assignment/run-assignment';
import { explainShortEntries } from '../core/assignment/short-reasons';
import type { AppContext } from './context';

export function assignmentHandlers(ctx: AppContext): Pick<Handlers, 'assignment:run' | 'assignment:coverage' | 'assignment:entry' | 'assignment:set' | 'assignment:matrix' | 'assignment:move'> {
  return {
    'assignment:matrix': ({ campaignId, kind, category, offset, limit }) => assignmentMatrix(ctx.db, campaignId, ctx.campaigns.definition(campaignId), { kind, category, offset, limit }),
    // Several entries from one judge to another (a judge who drops out): manual assignments, one audit row.
    'assignment:move': ({ campaignId, entryIds, fromJudgeId, toJudgeId }) => {
      ctx.judges.assertInCampaign(campaignId, fromJudgeId);
      ctx.judges.assertInCampaign(campaignId, toJudgeId);
      ctx.publishedChanges.assertMayChange(campaignId, 'assignments');
      return moveAssignments(ctx.db, ctx.judges, ctx.campaigns.definition(campaignId), { campaignId, entryIds, fromJudgeId, toJudgeId });
    },
    'assignment:entry': ({ campaignId, entryId }) => entryJudges(ctx.db, campaignId, entryId),
    // A coordinator's manual override: add any judge of the campaign, or remove one who has not
    // started the review yet (a started review would otherwise vanish from the results).
    'assignment:set': ({ campaignId, entryId, judgeId, assigned }) => {
      ctx.judges.assertInCampaign(campaignId, judgeId);
      ctx.publishedChanges.assertMayChange(campaignId, 'assignments');
      setManualAssignment(ctx.db, ctx.judges, { campaignId, entryId, judgeId, assigned });
      return entryJudges(ctx.db, campaignId, entryId);
    },
    'assignment:run': ({ campaignId, seed, categoryMatching, excludeOwnInstitution, roundEntries, entryIds }) => {
      ctx.campaigns.summary(campaignId);
      ctx.publishedChanges.assertMayChange(campaignId, 'assignments');
      const r = runAssignment(ctx, campaignId, { seed, categoryMatching, excludeOwnInstitution, roundEntries, entryIds });
      const rounds = r.rounds.length > 0 ? { rounds: r.rounds, formalFailed: r.formalFailed } : {};
      return {
        seed: r.seed,
        categoryMatching: r.categoryMatching,
        excludeOwnInstitution: r.excludeOwnInstitution,
        added: r.pairs.length,
        shortfalls: r.shortfalls,
        stats: { entries: r.stats.entries, judges: r.stats.judges, minLoad: r.stats.minLoad, maxLoad: r.stats.maxLoad, matchedBySpeciality: r.stats.matchedBySpeciality },
        ...rounds,
      };
    },
    'assignment:coverage': ({ campaignId }) => {
      // Each list's working round counts alone (its entries, judges per entry and assignments), so
      // round 2 is not shown covered by round 1's judges; without rounds it is one scope as before.
      const definition = ctx.campaigns.definition(campaignId);
      const scopes = roundScopes(ctx.db, campaignId, definition);
      const entries = entryRegNos(ctx.db, campaignId);
      const judges = ctx.judges.list(campaignId);
      // A judge who declared a conflict on an entry is not one of its judges: the entry is short
      // until another is assigned (the short list says who declared it and offers a reassignment).
      const conflicted = conflictedPairKeys(ctx.db, campaignId);
      const scoped = scopes.map((s) => ({ scope: s, pairs: scopePairs(ctx.db, campaignId, s).filter((p) => !conflicted.has(pairKey(p.entryId, p.judgeId))) }));
      const parts = scoped.map(({ scope, pairs }) => summarizeCoverage({ entryIds: scope.entryIds, judgeIds: judges.map((j) => j.id), perEntry: scope.perEntry, pairs }));
      const pairs = scoped.flatMap((s) => s.pairs);
      const summary = combineCoverage(parts);
      const perEntry = Math.max(...scopes.map((s) => s.perEntry));
      const regNo = new Map(entries.map((e) => [e.id, e.reg_no]));
      const byJudge = new Map(summary.judges.map((j) => [j.judgeId, j.assigned]));
      const short = summary.entries
        .filter((e) => e.missing > 0)
        .sort((a, b) => b.missing - a.missing || a.entryId - b.entryId)
        .slice(0, 200);
      const assignedTo = new Map<number, Set<string>>();
      for (const p of pairs) (assignedTo.get(p.entryId) ?? assignedTo.set(p.entryId, new Set()).get(p.entryId)!).add(p.judgeId);
      const why = explainShortEntries(ctx.db, campaignId, {
        entryIds: short.map((e) => e.entryId),
        wanted: perEntry,
        excludeOwnInstitution: definition.assignment.excludeOwnInstitution,
        assignedOf: (entryId) => assignedTo.get(entryId) ?? new Set(),
      });
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
        short: short.map((e) => ({
          entryId: e.entryId,
          regNo: regNo.get(e.entryId) ?? String(e.entryId),
          assigned: e.assigned,
          wanted: e.wanted,
          eligible: why.get(e.entryId)?.eligible ?? 0,
          reasons: why.get(e.entryId)?.reasons ?? [],
        })),
      };
    },
  };
}
