// Moderation channels: the override history, recording an override beside a judge's signed score,
// and withdrawing one (core/moderation/overrides.ts). An override moves the live ranking, so after
// a result was published it needs the coordinator's agreement first, as a score change does.
import type { Handlers, ScoreCell, ScoreOverride } from '../contract';
import { listOverrides, type OverrideRecord, setOverride, withdrawOverride } from '../core/moderation/overrides';
import type { ComputedRanking } from '../core/ranking/ranking-service';
import { judgeNames } from '../core/ranking/ranking-repo';
import { scoreColumnsOf } from '../core/ranking/load-scores';
import type { AppContext } from './context';

type ModerationChannels = 'moderation:list' | 'moderation:set' | 'moderation:withdraw';

export function overrideView(r: OverrideRecord, names: ReadonlyMap<string, string>): ScoreOverride {
  return { ...r, judgeName: names.get(r.judgeId) ?? r.judgeId };
}

/** One entry's judge × dimension cells: the signed score, and the override in effect beside it (read from the score columns: no object per row). */
export function scoreCells(computed: ComputedRanking, entryId: number): ScoreCell[] {
  const applied = new Map((computed.data.overrides ?? []).filter((o) => o.entryId === entryId).map((o) => [`${o.judgeId}\u0000${o.dimension}`, o]));
  const c = scoreColumnsOf(computed.data);
  const cells: ScoreCell[] = [];
  for (let i = 0; i < c.entryId.length; i++) {
    if (c.entryId[i] !== entryId) continue;
    const judgeId = c.judgeIds[c.judge[i]];
    const dimension = c.dimensionKeys[c.dimension[i]];
    const o = applied.get(`${judgeId}\u0000${dimension}`);
    cells.push({
      judgeId,
      name: computed.judgeNames.get(judgeId) ?? judgeId,
      dimension,
      signed: o ? o.signed : c.value[i],
      override: o ? { id: o.id, value: o.value, reason: o.reason, actor: o.actor, at: o.at } : null,
    });
  }
  return cells;
}

export function moderationHandlers(ctx: AppContext): Pick<Handlers, ModerationChannels> {
  const actor = () => ctx.identity.status().name || 'local';
  return {
    'moderation:list': ({ campaignId, entryId }) => {
      ctx.campaigns.summary(campaignId); // CAMPAIGN_NOT_FOUND
      const names = judgeNames(ctx.db);
      return listOverrides(ctx.db, campaignId, entryId).map((r) => overrideView(r, names));
    },
    'moderation:set': ({ campaignId, entryId, judgeId, dimension, value, reason }) => {
      ctx.campaigns.summary(campaignId);
      ctx.publishedChanges.assertMayChange(campaignId, 'scores');
      return overrideView(setOverride(ctx.db, { campaignId, entryId, judgeId, dimension, value, reason, actor: actor() }), judgeNames(ctx.db));
    },
    'moderation:withdraw': ({ campaignId, overrideId, reason }) => {
      ctx.campaigns.summary(campaignId);
      ctx.publishedChanges.assertMayChange(campaignId, 'scores');
      return overrideView(withdrawOverride(ctx.db, campaignId, overrideId, reason, actor()), judgeNames(ctx.db));
    },
  };
}
