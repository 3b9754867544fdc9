// Assignment channels: run the algorithm on the campaign, and the load / coverage view.
import type { Handlers } from '../contract';
import { summarizeCoverage } from '../core/assignment/coverage';
import { runAssignment } from '../core/assignment/run-assignment';
import type { AppContext } from './context';
import { KepuError } from '../core/errors';
import { nowIso } from '../core/time';

function entryJudges(ctx: AppContext, campaignId: string, entryId: number) {
  if (!ctx.db.prepare('SELECT 1 FROM entries WHERE id = ? AND campaign_id = ?').get(entryId, campaignId)) {
    throw new KepuError('ENTRY_NOT_FOUND', `assignment: no entry #${entryId} in ${campaignId}`, { id: entryId });
  }
  const rows = ctx.db
    .prepare(`SELECT j.id AS judgeId, j.name, j.institution, a.source,
                EXISTS (SELECT 1 FROM reviews r WHERE r.entry_id = @entryId AND r.judge_id = j.id) AS started,
                EXISTS (SELECT 1 FROM conflicts c WHERE c.entry_id = @entryId AND c.judge_id = j.id) AS conflict
              FROM campaign_judges cj JOIN judges j ON j.id = cj.judge_id
              LEFT JOIN assignments a ON a.entry_id = @entryId AND a.judge_id = j.id
              WHERE cj.campaign_id = @campaignId ORDER BY a.source IS NULL, j.name`)
    .all({ entryId, campaignId }) as { judgeId: string; name: string; institution: string | null; source: 'auto' | 'manual' | null; started: number; conflict: number }[];
  return {
    entryId,
    judges: rows.map((r) => ({ ...r, assigned: r.source !== null, started: r.started === 1, conflict: r.conflict === 1 })),
  };
}

export function assignmentHandlers(ctx: AppContext): Pick<Handlers, 'assignment:run' | 'assignment:coverage' | 'assignment:entry' | 'assignment:set'> {
  return {
    'assignment:entry': ({ campaignId, entryId }) => entryJudges(ctx, campaignId, entryId),
    // A coordinator's manual override: add any judge of the campaign, or remove one who has not
    // started the review yet (a started review would otherwise vanish from the results).
    'assignment:set': ({ campaignId, entryId, judgeId, assigned }) => {
      ctx.judges.assertInCampaign(campaignId, judgeId);
      ctx.publishedChanges.assertMayChange(campaignId, 'assignments');
      const current = entryJudges(ctx, campaignId, entryId).judges.find((j) => j.judgeId === judgeId)!;
      ctx.db.transaction(() => {
        if (assigned && !current.assigned) ctx.judges.assign([{ entryId, judgeId }], 'manual');
        if (!assigned && current.assigned) {
          if (current.started) throw new KepuError('ASSIGNMENT_STARTED', `assignment: ${current.name} already started #${entryId}`, { judge: current.name });
          ctx.db.prepare('DELETE FROM assignments WHERE entry_id = ? AND judge_id = ?').run(entryId, judgeId);
        }
        ctx.db.prepare(`INSERT INTO audit_log (at, actor, action, subject, details_json) VALUES (?, 'local', 'assignment.set', ?, ?)`).run(
          nowIso(), campaignId, JSON.stringify({ entryId, judgeId, assigned }),
        );
      })();
      return entryJudges(ctx, campaignId, entryId);
    },
    'assignment:run': ({ campaignId, seed, categoryMatching, excludeOwnInstitution }) => {
      ctx.campaigns.summary(campaignId);
      ctx.publishedChanges.assertMayChange(campaignId, 'assignments');
      const r = runAssignment(ctx, campaignId, { seed, categoryMatching, excludeOwnInstitution });
      return {
        seed: r.seed,
        categoryMatching: r.categoryMatching,
        excludeOwnInstitution: r.excludeOwnInstitution,
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
