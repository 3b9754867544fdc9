// The judge workspace's channels. Judges and reviews live in core/review; this file only adds the
// active-judge preference and the media verdicts shown next to each file.
import type { Handlers } from '../contract';
import { reachOfEntry } from '../core/intake/reach-figures';
import { complianceRows } from '../core/media/compliance';
import { readSetting, writeSetting } from '../core/settings/setting-values';
import type { AppContext } from './context';

type ReviewChannels =
  | 'judge:list'
  | 'judge:create'
  | 'judge:update'
  | 'judge:activate'
  | 'review:queue'
  | 'review:get'
  | 'review:score'
  | 'review:comment'
  | 'review:entrantComment'
  | 'review:eligibility'
  | 'review:conflict'
  | 'review:complete';

const activeKey = (campaignId: string) => `review.activeJudge.${campaignId}`;

export function reviewHandlers(ctx: AppContext): Pick<Handlers, ReviewChannels> {
  const activeJudge = (campaignId: string): string | null => readSetting(ctx.db, activeKey(campaignId)) ?? null;
  return {
    'judge:list': ({ campaignId }) => {
      ctx.campaigns.summary(campaignId);
      const judges = ctx.judges.list(campaignId);
      const active = activeJudge(campaignId);
      return { judges, activeJudgeId: judges.some((j) => j.id === active) ? active : (judges[0]?.id ?? null) };
    },
    'judge:create': ({ campaignId, name, institution, specialities, assignAll, ...details }) => {
      ctx.campaigns.summary(campaignId);
      if (assignAll) ctx.publishedChanges.assertMayChange(campaignId, 'assignments');
      return assignAll
        ? ctx.judges.createAssignedToAll(campaignId, name, institution || null, specialities, details)
        : ctx.judges.create(campaignId, name, institution || null, specialities, details);
    },
    'judge:update': ({ campaignId, judgeId, ...change }) => {
      ctx.campaigns.summary(campaignId);
      return ctx.judges.update(campaignId, judgeId, change);
    },
    'judge:activate': ({ campaignId, judgeId }) => {
      ctx.judges.assertInCampaign(campaignId, judgeId);
      writeSetting(ctx.db, activeKey(campaignId), judgeId);
      return { activeJudgeId: judgeId };
    },
    'review:queue': ({ campaignId, judgeId, filter }) => ctx.reviews.queue(campaignId, judgeId, filter),
    'review:get': (ref) => {
      const state = ctx.reviews.state(ref);
      const assets = complianceRows(ctx, ref.campaignId, ref.entryId).map((r) => ({
        id: r.assetId,
        role: r.role,
        fileName: r.fileName,
        sizeBytes: r.sizeBytes,
        sha256: r.sha256,
        eligibilityItem: r.eligibilityItem,
        verdict: r.verdict,
        violations: r.violations,
        durationSeconds: r.facts?.durationSeconds ?? null,
        frameRate: r.facts?.frameRate ?? null,
        width: r.facts?.width ?? null,
        height: r.facts?.height ?? null,
      }));
      return { ...state, assets, reach: reachOfEntry(ctx.db, ref.entryId) };
    },
    'review:score': ({ dimension, value, ...ref }) => ctx.reviews.setScore(ref, dimension, value),
    'review:comment': ({ body, ...ref }) => ctx.reviews.setComment(ref, body),
    'review:entrantComment': ({ body, ...ref }) => ctx.reviews.setEntrantComment(ref, body),
    'review:eligibility': ({ item, answer, note, ...ref }) => ctx.reviews.setEligibility(ref, item, answer, note),
    'review:conflict': ({ declare, reason, ...ref }) => ctx.reviews.setConflict(ref, declare, reason),
    'review:complete': ({ complete, ...ref }) => ctx.reviews.setComplete(ref, complete),
  };
}
